"""Time clean-up alone on the seeds and the wire stories, and on all of them joined twenty times.

    python tests/benchmarks/wire/bench_clean.py

To compare with another commit, put its package first on the path: extract its ``compiler/`` as
``briefpack/`` in a folder and run with ``PYTHONPATH=that-folder`` (the script prints which
package it timed).
"""

from __future__ import annotations

import time
from pathlib import Path

import briefpack
from briefpack.text.clean import clean

ROOT = Path(__file__).resolve().parents[3]


def best_ms(texts: list[str], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        for text in texts:
            clean(text, "S1")
        times.append(time.perf_counter() - start)
    return min(times) * 1000


def main() -> None:
    paths = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests/benchmarks/wire/stories").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    joined = "\n\n".join(texts) * 20
    print(f"package: {briefpack.__file__}")
    print(f"{len(texts)} texts, one by one: best of 5 {best_ms(texts):.1f} ms")
    print(f"all joined x20 ({len(joined) // 1024} KB): best of 5 {best_ms([joined]):.1f} ms")


if __name__ == "__main__":
    main()
