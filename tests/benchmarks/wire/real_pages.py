"""Where the wire rules fire on real web pages: the article-extraction benchmark's 121 shared pages.

    python tests/benchmarks/wire/real_pages.py [../shared/benchmarks/article-extraction]

For each page the HTML reader's text goes through the wire step alone; every page it changes is
printed with its dateline, the furniture taken and the gold body's opening, to read for false
positives. (The gold bodies keep the dateline in the text; briefpack keeps it on the lede's block.)
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

from briefpack.readers.html import html_text
from briefpack.text.wire import read_wire

ROOT = Path(__file__).resolve().parents[3]
# The shared benchmarks sit beside the main checkout (../shared), or two levels up from a worktree.
DEFAULT = (
    next((p for p in (ROOT.parent / "shared", ROOT.parent.parent / "shared") if p.is_dir()), ROOT.parent / "shared")
    / "benchmarks"
    / "article-extraction"
)


def main() -> None:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    gold = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    pages = sorted((root / "html").glob("*.html.gz"))
    changed = 0
    for page in pages:
        text = html_text(gzip.decompress(page.read_bytes()).decode("utf-8", "replace"))
        wire = read_wire(text)
        if wire.text == text:
            continue
        changed += 1
        key = page.name.split(".")[0]
        print(f"{key[:8]}  dateline: {wire.dateline.text if wire.dateline else None!r}")
        for line, reason in wire.furniture:
            print(f"          {reason}: {line!r}")
        print(f"          gold opens: {gold.get(key, {}).get('articleBody', '')[:70]!r}")
    print(f"{changed} of {len(pages)} pages changed by the wire step")


if __name__ == "__main__":
    main()
