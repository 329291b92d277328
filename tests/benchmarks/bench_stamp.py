"""How long stamping 100 copies takes next to laying the seed pack out.

Run from the repository root (pytest skips this folder):

    python tests/benchmarks/bench_stamp.py            # prints the table
    python tests/benchmarks/bench_stamp.py --write    # and rewrites tests/benchmarks/STAMP.md

The pack is rendered once to warm WeasyPrint's font caches, then timed
``--runs`` times; stamping is timed on the same edition, writing 100 copies
(every tenth unstamped) into a temporary folder.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from briefpack.build import build  # noqa: E402
from briefpack.distribution.stamp import Edition, edition_identity, make_copies, plan_copies  # noqa: E402
from briefpack.manifest import load_manifest  # noqa: E402
from briefpack.model import Recipient  # noqa: E402

MANIFEST = ROOT / "seeds" / "pack.yaml"
COPIES = 100


def timed(action) -> tuple[float, object]:
    start = time.perf_counter()
    value = action()
    return time.perf_counter() - start, value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--write", action="store_true", help="rewrite tests/benchmarks/STAMP.md")
    args = parser.parse_args()

    manifest = load_manifest(MANIFEST)
    recipients = tuple(
        Recipient(name=f"Recipient {n}", email=f"r{n}@example.org", organisation="Example Org", stamp=n % 10 != 0)
        for n in range(1, COPIES + 1)
    )
    specs = plan_copies(replace(manifest, recipients=recipients), datetime.date.today())

    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch)
        build(MANIFEST, out)  # warm-up: font discovery and caches
        renders, stampings = [], []
        for _ in range(args.runs):
            seconds, built = timed(lambda: build(MANIFEST, out))
            renders.append(seconds)
            edition = Edition(
                manifest.paper,
                built.pdf.read_bytes(),
                edition_identity(built.html.read_text(encoding="utf-8"), manifest.paper),
            )
            seconds, copies = timed(partial(make_copies, specs, {manifest.paper: edition}, out / "copies"))
            stampings.append(seconds)
        size = statistics.mean(c.size for c in copies)
        pages = built.pages

    render, stamping = statistics.median(renders), statistics.median(stampings)
    rows = [
        ("render the seed pack once (build)", render),
        ("render it twice", 2 * render),
        (f"stamp {COPIES} copies ({COPIES - COPIES // 10} stamped, {COPIES // 10} unstamped)", stamping),
        ("per copy", stamping / COPIES),
    ]
    table = "\n".join(f"| {label} | {seconds:.3f} s |" for label, seconds in rows)
    report = f"""# Stamping benchmark

Command: `python tests/benchmarks/bench_stamp.py --runs {args.runs} --write` (from the repository root;
medians of {args.runs} runs after one warm-up render).

Machine: {platform.platform()}, Python {platform.python_version()}, {os.cpu_count()} CPUs
(nproc {len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()}),
{datetime.date.today().isoformat()}.

Seed pack: {pages} pages; a copy is {size / 1024:.0f} KiB on average.

| step | time |
|---|---|
{table}

Stamping {COPIES} copies takes {stamping / (2 * render):.0%} of the time of rendering the pack twice.
It is one WeasyPrint layout of all {COPIES} stamps (one page each, the bulk of the time), one pypdf
incremental update of the pack that installs the stamp on every page, then per copy an appended
update of three objects (~1 ms) and an fsync'd atomic write. Multiprocessing is not used: the per-copy work is too small
to pay for starting workers and cloning the pack in each.
"""
    print(report)
    if args.write:
        (Path(__file__).parent / "STAMP.md").write_text(report, encoding="utf-8")


if __name__ == "__main__":
    main()
