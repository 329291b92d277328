"""Measure the near-duplicate threshold on the test packs.

Compares every pair of paragraphs from different sources (all pairs: this is a
measurement on small packs, not the compiler's method) in the test packs named in
``gold.yaml`` and in the key-point clusters, and prints the containment of the
annotated near-duplicates against that of every other pair, so the threshold in
``briefpack/analysis/duplicates.py`` sits in the gap between them.

    python tests/benchmarks/duplicates/measure.py
"""

from __future__ import annotations

import itertools
from pathlib import Path

import yaml

from briefpack.analysis.duplicates import CONTAINMENT, MIN_SHARED, shingles

HERE = Path(__file__).resolve().parent
CASES = HERE.parent.parent / "cases"
CLUSTERS = HERE.parent / "keypoints" / "clusters"


def pack_paragraphs(case: str) -> dict[str, str]:
    found = {}
    for path in sorted((CASES / case).glob("*.txt")):
        blocks = [b.strip() for b in path.read_text(encoding="utf-8").split("\n\n") if b.strip()]
        found.update({f"{path.name}#{i}": text for i, text in enumerate(blocks, start=1)})
    return found


def cluster_paragraphs(path: Path) -> dict[str, str]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {f"{s['id']}#{i}": " ".join(p) for s in data["sources"] for i, p in enumerate(s["paragraphs"], 1)}


def main() -> None:
    gold = yaml.safe_load((HERE / "gold.yaml").read_text(encoding="utf-8"))
    same, other = [], []
    packs = [(case, pack_paragraphs(case), groups) for case, groups in gold.items()]
    packs += [(p.stem, cluster_paragraphs(p), []) for p in sorted(CLUSTERS.glob("*.yaml"))]
    for case, paragraphs, groups in packs:
        pairs = {frozenset(pair) for group in groups for pair in itertools.combinations(group, 2)}
        for a, b in itertools.combinations(paragraphs, 2):
            if a.split("#")[0] == b.split("#")[0]:
                continue
            x, y = shingles(paragraphs[a]), shingles(paragraphs[b])
            shared = len(x & y)
            value = shared / min(len(x), len(y)) if x and y else 0.0
            (same if frozenset((a, b)) in pairs else other).append((value, shared, case, a, b))
    same.sort()
    other.sort(reverse=True)
    print(
        f"{len(same)} near-duplicate pairs: containment {same[0][0]:.3f} (lowest) to {same[-1][0]:.3f}, "
        f"{min(s[1] for s in same)} shared shingles or more"
    )
    print(
        f"{len(other)} other pairs: containment up to {other[0][0]:.3f}; "
        f"the most shared shingles {max(o[1] for o in other)}"
    )
    for value, shared, case, a, b in same[:3]:
        print(f"  lowest duplicates       {value:.3f} ({shared} shared)  {case}: {a} ~ {b}")
    for value, shared, case, a, b in other[:3]:
        print(f"  highest non-duplicates  {value:.3f} ({shared} shared)  {case}: {a} ~ {b}")
    caught = sum(v >= CONTAINMENT and n >= MIN_SHARED for v, n, *_ in same)
    false = sum(v >= CONTAINMENT and n >= MIN_SHARED for v, n, *_ in other)
    print(
        f"thresholds in use: containment {CONTAINMENT} and {MIN_SHARED} shared shingles: "
        f"{caught} of {len(same)} duplicate pairs found, {false} of {len(other)} other pairs taken for duplicates"
    )


if __name__ == "__main__":
    main()
