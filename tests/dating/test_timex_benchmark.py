"""The tagger meets its hand-annotated benchmark (tests/benchmarks/timex)."""

from __future__ import annotations

import importlib.util
from dataclasses import asdict
from pathlib import Path

from briefpack.dating.timex import tag

SCORE_PY = Path(__file__).parents[1] / "benchmarks" / "timex" / "score.py"
CASES = {
    "explicit",
    "year",
    "underspecified",
    "relative-weekday",
    "relative-deictic",
    "relative-offset",
    "anaphoric",
    "season",
    "quarter",
    "half",
    "week",
    "decade",
    "century",
    "modifier",
    "negative-text",
}


def load_scorer():
    spec = importlib.util.spec_from_file_location("timex_score", SCORE_PY)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_value_f1_on_the_gold_set():
    scorer = load_scorer()
    gold = scorer.load_gold()
    predictions = {r["id"]: [asdict(t) for t in tag(r["text"], r["dct"])] for r in gold}
    result = scorer.score(gold, predictions)
    assert result["value"]["f1"] >= 0.9, "\n".join(scorer.errors(gold, predictions))


def test_every_case_category_is_represented():
    gold = load_scorer().load_gold()
    cases = {e["case"] for r in gold for e in r["expressions"]} | {r.get("case") for r in gold} - {None}
    assert cases >= CASES, CASES - cases
    assert sum(len(r["expressions"]) for r in gold) >= 180
