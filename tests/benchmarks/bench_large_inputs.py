"""Large inputs end in seconds: a 10 MB hard-wrapped source and a 10 MB ``dates --jsonl`` record.

Both are the shapes that were quadratic (issue 18): prose wrapped at 72
columns with no blank line is one paragraph of 10 MB, which clean-up joins
line by line and dating splits into sentences around every date; and one
JSON line holding a 10 MB text is one call of the tagger.

    python tests/benchmarks/bench_large_inputs.py            # prints a table, writes LARGE_INPUTS.md
    python tests/benchmarks/bench_large_inputs.py --mb 1     # a quicker look

The source goes through the compiler's own stages (read, clean, theme, date,
glossary: ``compile_pack``), timed in this process; the record goes through
the command line, timed as a child process, start-up included.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

from briefpack.manifest import load_manifest
from briefpack.stages import compile_pack

RESULTS = Path(__file__).resolve().parent / "LARGE_INPUTS.md"
WORDS = [
    "the",
    "harbour",
    "board",
    "met",
    "again",
    "and",
    "said",
    "that",
    "council",
    "quay",
    "would",
    "open",
    "soon",
    "after",
    "works",
    "were",
    "finished",
    "by",
    "contractors",
    "in",
    "spite",
    "of",
    "rain",
    "Minister",
    "Ankara",
    "budget",
    "report",
    "week",
    "later",
    "ministry",
    "agreement",
    "talks",
    "forces",
    "port",
]
DATES = [
    "On {d} May 2020",
    "In June 2019",
    "By late {y}",
    "Two days later",
    "On Friday",
    "In the spring of {y}",
    "On {d}/0{m}/2021",
    "Since {y}",
    "Last week",
    "Early in {y}",
]
MANIFEST = """\
title: Large input
sources:
  - file: big.txt
    published: 2021-06
themes:
  - id: harbour
    title: The harbour
    terms: [harbour, quay, port]
  - id: money
    title: Money
    terms: [budget, cost]
    regex: ['\\bcontract(or|ors)?\\b']
fallback: harbour
max_source_mb: 50
"""


def prose(size: int, seed: int = 18) -> str:
    """Dated news-like prose of ``size`` characters, hard-wrapped at 72 columns, with no blank line."""
    rng = random.Random(seed)
    sentences, length = [], 0
    while length < size:
        opener = rng.choice(DATES).format(d=rng.randrange(1, 29), m=rng.randrange(1, 10), y=rng.randrange(1990, 2024))
        sentence = opener + " " + " ".join(rng.choices(WORDS, k=rng.randrange(8, 24))) + "."
        sentences.append(sentence)
        length += len(sentence) + 1
    return textwrap.fill(" ".join(sentences), 72) + "\n"


def time_source(text: str, folder: Path) -> tuple[float, float, int]:
    (folder / "big.txt").write_text(text, encoding="utf-8")
    (folder / "pack.yaml").write_text(MANIFEST, encoding="utf-8")
    manifest = load_manifest(folder / "pack.yaml")
    wall, cpu = time.perf_counter(), time.process_time()
    pack = compile_pack(manifest)
    return time.perf_counter() - wall, time.process_time() - cpu, len(pack.timeline)


def time_record(text: str) -> tuple[float, float, int]:
    record = json.dumps({"id": "big", "dct": "2021-06-01", "text": text}) + "\n"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "briefpack", "dates", "--jsonl"], input=record.encode(), capture_output=True, check=True
    )
    wall = time.perf_counter() - wall
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, len(json.loads(done.stdout)["expressions"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=10.0, help="size of each input in MB (default 10)")
    args = parser.parse_args()
    text = prose(int(args.mb * 1_000_000))
    with tempfile.TemporaryDirectory(prefix="briefpack-large-") as scratch:
        source = time_source(text, Path(scratch))
    record = time_record(text)
    rows = [
        ("a hard-wrapped source through the stages", *source, "timeline entries"),
        ("one `dates --jsonl` record, start-up included", *record, "expressions"),
    ]
    table = ["| input | wall s | CPU s | found |", "|---|---|---|---|"]
    table += [
        f"| {name}, {len(text) / 1e6:.1f} MB | {wall:.1f} | {cpu:.1f} | {count:,} {what} |"
        for name, wall, cpu, count, what in rows
    ]
    print("\n".join(table))
    if args.mb == 10.0:
        RESULTS.write_text(
            "# Large inputs\n\nCommand (from the repository root, on the 2-core development machine shared with "
            "other jobs):\n\n    python tests/benchmarks/bench_large_inputs.py\n\n" + "\n".join(table) + "\n\n"
            f"Python {sys.version.split()[0]}, {os.cpu_count()} cores. Wall time includes waiting for the "
            "other jobs on the machine; CPU time is the work itself.\n",
            encoding="utf-8",
        )


if __name__ == "__main__":
    main()
