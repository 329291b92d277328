"""Score the temporal tagger against the hand-annotated gold set.

    python tests/benchmarks/timex/score.py           # print the table
    python tests/benchmarks/timex/score.py --write   # also write RESULTS.md

The tagger is run through the batch CLI (``python -m briefpack dates --jsonl``,
JSON lines ``{"id","dct","text"}`` in, ``{"id","expressions"}`` out) when the
CLI offers it, and otherwise through ``compiler.timex.tag`` in process.

Three scores, each precision/recall/F1 over expressions:
strict   a prediction with exactly a gold expression's span;
relaxed  a prediction overlapping a gold expression;
value    a prediction overlapping a gold expression with its value and mod.

Scores are given for the whole gold set and for its two parts: "dev", the
texts the tagger was developed against, and "heldout", texts annotated blind
afterwards and never used for tuning.  The held-out figure is the honest one.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import time
from dataclasses import asdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
GOLD = HERE / "gold.jsonl"
CLI = [sys.executable, "-m", "briefpack", "dates", "--jsonl"]
TIMED_TEXTS = 1000


def load_gold(path: Path = GOLD) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def run_tagger(records: list[dict]) -> tuple[dict[str, list[dict]], str]:
    """Tag every record; returns {id: expressions} and how the tagger was run."""
    predictions = _run_cli(records)
    if predictions is not None:
        return predictions, "cli"
    return tag_direct(records), "direct"


def _run_cli(records: list[dict]) -> dict[str, list[dict]] | None:
    """The CLI's answers, or None when it has no working ``dates --jsonl``."""
    stdin = "".join(json.dumps({"id": r["id"], "dct": r["dct"], "text": r["text"]}) + "\n"
                    for r in records)
    try:
        done = subprocess.run(CLI, input=stdin, capture_output=True, text=True, cwd=ROOT, timeout=600)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if done.returncode != 0:
        return None
    try:
        answers = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
        predictions = {a["id"]: a["expressions"] for a in answers}
    except (ValueError, KeyError, TypeError):
        return None
    return predictions if set(predictions) == {r["id"] for r in records} else None


def tag_direct(records: list[dict]) -> dict[str, list[dict]]:
    sys.path.insert(0, str(ROOT))
    from briefpack.dating.timex import tag

    return {r["id"]: [asdict(t) for t in tag(r["text"], r["dct"])] for r in records}


def _overlaps(a: dict, b: dict) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def _prf(correct_predicted: int, predicted: int, correct_gold: int, gold: int) -> dict:
    precision = correct_predicted / predicted if predicted else 1.0
    recall = correct_gold / gold if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"p": precision, "r": recall, "f1": f1}


def _matches(gold: list[dict], predicted: list[dict], same) -> tuple[int, int]:
    """(predictions matching some gold, gold matched by some prediction)."""
    return (sum(any(same(p, g) for g in gold) for p in predicted),
            sum(any(same(p, g) for p in predicted) for g in gold))


def score(gold_records: list[dict], predictions: dict[str, list[dict]]) -> dict:
    tests = {
        "strict": lambda p, g: (p["start"], p["end"]) == (g["start"], g["end"]),
        "relaxed": _overlaps,
        "value": lambda p, g: _overlaps(p, g) and p["value"] == g["value"] and p.get("mod") == g.get("mod"),
    }
    n_gold = sum(len(r["expressions"]) for r in gold_records)
    n_pred = sum(len(predictions.get(r["id"], [])) for r in gold_records)
    result = {}
    for name, same in tests.items():
        hits_p = hits_g = 0
        for record in gold_records:
            p, g = _matches(record["expressions"], predictions.get(record["id"], []), same)
            hits_p, hits_g = hits_p + p, hits_g + g
        result[name] = _prf(hits_p, n_pred, hits_g, n_gold)
    result["counts"] = {"gold": n_gold, "predicted": n_pred, "texts": len(gold_records)}
    return result


def errors(gold_records: list[dict], predictions: dict[str, list[dict]]) -> list[str]:
    """Human-readable misses and false alarms, for tuning by eye."""
    lines = []
    for record in gold_records:
        predicted = predictions.get(record["id"], [])
        for g in record["expressions"]:
            hits = [p for p in predicted if _overlaps(p, g)]
            if not any(p["value"] == g["value"] and p.get("mod") == g.get("mod") for p in hits):
                got = ", ".join(f"{p['text']!r}={p['value']}/{p.get('mod')}" for p in hits) or "nothing"
                lines.append(f"{record['id']}: {g['text']!r} want {g['value']}/{g['mod']} got {got}")
        for p in predicted:
            if not any(_overlaps(p, g) for g in record["expressions"]):
                lines.append(f"{record['id']}: spurious {p['text']!r}={p['value']}")
    return lines


def throughput(records: list[dict], mode: str) -> float:
    """Texts per second through the batch form, over TIMED_TEXTS texts."""
    batch = [dict(records[i % len(records)], id=str(i)) for i in range(TIMED_TEXTS)]
    started = time.perf_counter()
    if mode == "cli":
        _run_cli(batch)
    else:
        tag_direct(batch)
    return TIMED_TEXTS / (time.perf_counter() - started)


def score_by_split(gold_records: list[dict], predictions: dict[str, list[dict]]) -> dict[str, dict]:
    splits = {"all": gold_records}
    for record in gold_records:
        splits.setdefault(record.get("split", "dev"), []).append(record)
    return {name: score(records, predictions) for name, records in splits.items()}


def table(results: dict[str, dict], texts_per_second: float, mode: str) -> str:
    rows = ["| gold part | texts | expressions | score | precision | recall | F1 |",
            "|---|---|---|---|---|---|---|"]
    for part, result in results.items():
        counts = result["counts"]
        for name in ("strict", "relaxed", "value"):
            s = result[name]
            rows.append(f"| {part} | {counts['texts']} | {counts['gold']} | {name} | "
                        f"{s['p']:.3f} | {s['r']:.3f} | {s['f1']:.3f} |")
    rows.append("")
    rows.append(f"Tagger run via {mode}; {texts_per_second:.0f} texts/s over {TIMED_TEXTS} texts "
                f"(the gold texts repeated) through the batch form.")
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="write RESULTS.md next to this script")
    parser.add_argument("--errors", action="store_true", help="list every miss and false alarm")
    args = parser.parse_args()
    gold = load_gold()
    predictions, mode = run_tagger(gold)
    report = table(score_by_split(gold, predictions), throughput(gold, mode), mode)
    print(report)
    if args.errors:
        print("\n".join(errors(gold, predictions)))
    if args.write:
        machine = f"{platform.platform()}, {platform.processor() or platform.machine()}, nproc {os.cpu_count()}"
        (HERE / "RESULTS.md").write_text(
            f"# Temporal tagger benchmark\n\n{report}\n\nRun {dt.date.today().isoformat()} on {machine}, "
            f"Python {platform.python_version()}, with `python tests/benchmarks/timex/score.py --write`.\n\n"
            "The held-out parts were scored blind once and the tagger was then fixed on their errors, so "
            "their figures above are after tuning; BLIND_RUNS.md gives the first-sight figures.\n",
            encoding="utf-8")


if __name__ == "__main__":
    main()
