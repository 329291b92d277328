"""Is dating linear in the length of a text? Time the tagger and the timeline's mention step on one
text made of 25, 100 and 400 paragraphs (the gold texts, in turn) and print CPU time per paragraph.

    python tests/benchmarks/timex/linear.py          # print the table
    python tests/benchmarks/timex/linear.py --write  # also write LINEAR.md

A per-paragraph time that stays flat as the text grows is linear; one that grows with it is not.
"""

from __future__ import annotations

import argparse
import json
import platform
import time
from pathlib import Path

from briefpack.dating.timeline import source_mentions
from briefpack.dating.timex import tag
from briefpack.model import Paragraph, Source

HERE = Path(__file__).resolve().parent
SIZES = (25, 100, 400)


def _paragraphs(count: int) -> list[str]:
    texts = [json.loads(line)["text"] for line in (HERE / "gold.jsonl").read_text(encoding="utf-8").splitlines()]
    return [texts[i % len(texts)] for i in range(count)]


def _best(run, repeats: int = 3) -> float:
    times = []
    for _ in range(repeats):
        started = time.process_time()  # CPU time: on a shared machine wall time measures the queue
        run()
        times.append(time.process_time() - started)
    return min(times)


def measure() -> list[tuple[int, int, float, float]]:
    rows = []
    source = Source(
        id="S1",
        rel="long.txt",
        format="txt",
        sha256="0",
        words=0,
        title=None,
        author=None,
        publisher=None,
        published="2020-05-28",
        published_inferred=False,
        url=None,
        summary=None,
        rights=None,
        blocks=(),
        excluded=(),
    )
    for count in SIZES:
        texts = _paragraphs(count)
        body = "\n\n".join(texts)
        paragraphs = [Paragraph("S1", i + 1, t, ("all",), ()) for i, t in enumerate(texts)]
        tagging = _best(lambda body=body: tag(body, "2020-05-28"))
        mentions = _best(lambda paragraphs=paragraphs: source_mentions(source, paragraphs, day_first=True))
        rows.append((count, len(body), tagging / count * 1e6, mentions / count * 1e6))
    return rows


def table(rows: list[tuple[int, int, float, float]]) -> str:
    lines = [
        "| paragraphs in one text | characters | tagger µs per paragraph | mentions (tagger + sentences + "
        "selection) µs per paragraph |",
        "|---|---|---|---|",
    ]
    lines += [f"| {n} | {chars} | {t:.0f} | {m:.0f} |" for n, chars, t, m in rows]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    report = table(measure())
    print(report)
    if args.write:
        (HERE / "LINEAR.md").write_text(
            f"# Dating is linear in the length of a text\n\n{report}\n\nRun on {platform.platform()}, Python "
            f"{platform.python_version()}, with `python tests/benchmarks/timex/linear.py --write` (CPU time, best of 3).\n",
            encoding="utf-8",
        )


if __name__ == "__main__":
    main()
