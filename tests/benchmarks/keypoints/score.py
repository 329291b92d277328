"""Key points against a LexRank baseline, on short multi-source clusters annotated by hand.

Each file in ``clusters/`` is one story told by 3-5 short sources. A sentence that
states one of the story's key facts (what a careful analyst would put on a briefing's
first page) is tagged with the fact's id, ``{F2} ...``; background, colour and quotes
are not tagged. Several sources may state the same fact, so the gold is a set of facts,
each carried by one or more sentences.

For the top ``k`` sentences a method picks in each cluster:

- precision@k: the share of picked sentences that state a key fact;
- facts@k: the share of the cluster's key facts (at most ``k``) that the picks cover;
  a method that picks the same fact three times scores high precision and low facts@k.

The baseline is LexRank (Erkan and Radev, 2004), implemented here on the same
sentences: TF-IDF cosine similarity, edges above 0.1, degree-normalised, damping 0.85,
power iteration; the top ``k`` by score. briefpack's method is
``briefpack.analysis.keypoints.select_key_points`` on the same paragraphs.

    python tests/benchmarks/keypoints/score.py [--k 3] [--write]

``--write`` stores the table in ``RESULTS.md`` beside this file.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
_TAG = re.compile(r"^\{(F\d+)\}\s*")
_TOKEN = re.compile(r"[^\W\d_]+|\d+(?:[.,]\d+)*", re.UNICODE)


@dataclass(frozen=True)
class GoldSentence:
    source: str
    paragraph: int  # 1-based
    text: str
    fact: str | None


@dataclass(frozen=True)
class Cluster:
    name: str
    facts: tuple[str, ...]
    sentences: tuple[GoldSentence, ...]
    paragraphs: tuple[tuple[str, str | None, int, str], ...]  # source, published, ordinal, text


def load_cluster(path: Path) -> Cluster:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    sentences, paragraphs = [], []
    for source in data["sources"]:
        for ordinal, raw in enumerate(source["paragraphs"], start=1):
            texts = []
            for sentence in raw:
                tag = _TAG.match(sentence)
                text = sentence[tag.end() :] if tag else sentence
                sentences.append(GoldSentence(source["id"], ordinal, text, tag.group(1) if tag else None))
                texts.append(text)
            paragraphs.append((source["id"], str(source.get("published") or ""), ordinal, " ".join(texts)))
    return Cluster(path.stem, tuple(data["facts"]), tuple(sentences), tuple(paragraphs))


def _tokens(text: str) -> list[str]:
    return [t.casefold() for t in _TOKEN.findall(text)]


def lexrank(sentences: list[str], threshold: float = 0.1, damping: float = 0.85) -> list[float]:
    """LexRank with a threshold graph (Erkan and Radev 2004, section 3.2)."""
    bags = [Counter(_tokens(s)) for s in sentences]
    n = len(bags)
    df = Counter(word for bag in bags for word in bag)
    idf = {word: math.log(n / count) + 1.0 for word, count in df.items()}
    vectors = [{w: tf * idf[w] for w, tf in bag.items()} for bag in bags]
    norms = [math.sqrt(sum(v * v for v in vec.values())) or 1.0 for vec in vectors]
    edges = [[0.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(n):
            shared = vectors[i].keys() & vectors[j].keys()
            cosine = sum(vectors[i][w] * vectors[j][w] for w in shared) / (norms[i] * norms[j])
            edges[i][j] = 1.0 if cosine > threshold else 0.0
    degree = [sum(row) or 1.0 for row in edges]
    scores = [1.0 / n] * n
    for _ in range(100):
        new = [
            (1 - damping) / n + damping * sum(edges[j][i] * scores[j] / degree[j] for j in range(n)) for i in range(n)
        ]
        if max(abs(a - b) for a, b in zip(new, scores)) < 1e-9:
            scores = new
            break
        scores = new
    return scores


def lexrank_picks(cluster: Cluster, k: int) -> list[str]:
    texts = [s.text for s in cluster.sentences]
    scores = lexrank(texts)
    ranked = sorted(range(len(texts)), key=lambda i: (-scores[i], i))
    return [texts[i] for i in ranked[:k]]


def briefpack_picks(cluster: Cluster, k: int) -> list[str]:
    from briefpack.analysis.keypoints import select_key_points
    from briefpack.model import Paragraph

    paragraphs = tuple(
        Paragraph(source=source, ordinal=ordinal, text=text, themes=("story",), scores=())
        for source, _, ordinal, text in cluster.paragraphs
    )
    return [point.text for point in select_key_points(paragraphs, k)]


def _normal(text: str) -> str:
    return " ".join(_tokens(text))


def evaluate(cluster: Cluster, picks: list[str], k: int) -> tuple[float, float, int]:
    """precision@k, facts@k, and how many picks match no annotated sentence (a splitter disagreement)."""
    gold = {_normal(s.text): s.fact for s in cluster.sentences}
    hits, facts, unmatched = 0, set(), 0
    for pick in picks:
        key = _normal(pick)
        if key not in gold:
            unmatched += 1
            continue
        if gold[key]:
            hits += 1
            facts.add(gold[key])
    return hits / k, len(facts) / min(k, len(cluster.facts)), unmatched


METHODS = {"LexRank (baseline)": lexrank_picks, "briefpack key points": briefpack_picks}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--k", type=int, default=3)
    parser.add_argument("--write", action="store_true", help="store the table in RESULTS.md")
    args = parser.parse_args()
    clusters = [load_cluster(p) for p in sorted((HERE / "clusters").glob("*.yaml"))]
    lines = [
        f"Key points on {len(clusters)} annotated clusters "
        f"({sum(len({s.source for s in c.sentences}) for c in clusters)} sources, "
        f"{sum(len(c.sentences) for c in clusters)} sentences), k = {args.k}:",
        "",
        "| method | precision@k | facts@k | picks matching no sentence |",
        "|---|---|---|---|",
    ]
    per_cluster = ["", "| cluster | " + " | ".join(METHODS) + " |", "|---|" + "---|" * len(METHODS)]
    rows: dict[str, list[str]] = {c.name: [] for c in clusters}
    for name, method in METHODS.items():
        precision = coverage = 0.0
        unmatched = 0
        for cluster in clusters:
            p, f, u = evaluate(cluster, method(cluster, args.k), args.k)
            precision, coverage, unmatched = precision + p, coverage + f, unmatched + u
            rows[cluster.name].append(f"P {p:.2f} / F {f:.2f}")
        lines.append(f"| {name} | {precision / len(clusters):.3f} | {coverage / len(clusters):.3f} | {unmatched} |")
    per_cluster += [f"| {name} | " + " | ".join(cells) + " |" for name, cells in rows.items()]
    table = "\n".join(lines + per_cluster)
    print(table)
    if args.write:
        command = f"python tests/benchmarks/keypoints/score.py --k {args.k} --write"
        (HERE / "RESULTS.md").write_text(f"# Key points: results\n\n`{command}`\n\n{table}\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
