"""Score briefpack's clean-up on the wire-style stories in ``stories/``.

Each ``stories/NAME.txt`` is a wire story written for this benchmark (no
corpus text) and ``stories/NAME.json`` its gold: the title (or
``title_from_lede``), author, publisher, place, agency, the body paragraphs as
an editor would print them (typographic quotes; a list-like block keeps its
lines, joined by newlines) and the furniture lines with their kind.

Run from the repository root (not part of the default test run):

    python tests/benchmarks/wire/score_wire.py            # Markdown table
    python tests/benchmarks/wire/score_wire.py --json     # one JSON object per story
    python tests/benchmarks/wire/score_wire.py --stories tests/benchmarks/wire/heldout

Each story goes through the same reading, clean-up and settling a build uses
(``load_source``), so the title fallback and the metadata are scored too.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
STORIES = HERE / "stories"
ROOT = HERE.parents[2]

# Kinds of furniture the issue names; each must stay out of titles and body paragraphs.
HEADER_KINDS = ("dateline", "byline", "credit", "wire-code", "slug", "end-mark", "trailer", "editor-note", "optional")

# Shapes of wire furniture, independent of the gold: they catch a leak the gold's exact
# strings miss (a dateline glued to the front of a lede, a code inside a sentence).
GENERIC = {
    "dateline": re.compile(
        r"^(?:\(Undated\)|[A-Z][A-Za-z.'’ -]{1,30}(?:,\s*[A-Z][\w.' ]{1,20}){0,2})\s*"
        r"(?:\((?:AP|Reuters|AFP|UPI|Xinhua|dpa)\))?\s*(?:_|--|-|—|–)(?:\s|$)"
    ),
    "byline": re.compile(r"^By\s+[A-Z]{2}|Associated Press Writer|AP [A-Z][a-z]+ Writer|UPI Correspondent"),
    "credit": re.compile(r"\bc\.\d{4}\b|N\.Y\. Times News Service|^\(Reporting by"),
    "wire-code": re.compile(r"&[A-Z]{2};|^(?:BC|AM|PM)-\S|NYT-\d\d-\d\d|^Eds:|\(ATTN:|STORY CAN END HERE", re.I),
    "end-mark": re.compile(r"^(?:_ _ _|\(END\)|Enditem|[a-z]{2,4}/[a-z]{2,4})$"),
    "trailer": re.compile(r"^On the Net:?"),
}
TEX_OR_CODE = re.compile(r"``|''|&[A-Z]{2};")
STRAIGHT_QUOTE = re.compile(r"[\"']")


def loader() -> Callable[[Path], Any]:
    """``path -> Source`` through the package's own read, clean and settle steps."""
    sys.path.insert(0, str(ROOT))
    try:
        import briefpack

        # Another checkout's briefpack may be installed; score only this one's code.
        if ROOT not in Path(briefpack.__file__).resolve().parents:
            raise ImportError(f"briefpack comes from {briefpack.__file__}, not {ROOT}")
        from briefpack.model import SourceSpec
        from briefpack.readers.settle import load_source
    except ImportError:
        from compiler.sources import load_source

        from compiler.model import SourceSpec  # the flat package before the restructure

    def load(path: Path) -> Any:
        spec = SourceSpec(id="S1", path=path, rel=path.name, format="txt")
        source, _warnings = load_source(spec, max_bytes=1 << 24)
        return source

    return load


def norm(text: str | None) -> str:
    """Whitespace collapsed, quotes unified, case folded: for comparing metadata."""
    if text is None:
        return ""
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.split()).casefold().removeprefix("the ")


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.replace("’", "'").casefold())


def contains_words(haystack: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return n > 0 and any(haystack[i : i + n] == needle for i in range(len(haystack) - n + 1))


def lines_of(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]


@dataclass
class Score:
    story: str
    title: str | None
    title_ok: bool
    author_ok: bool
    publisher_ok: bool
    place_ok: bool
    lede_kept: bool
    paragraphs: int
    paragraphs_whole: int
    leaks: dict[str, int] = field(default_factory=dict)  # furniture kind -> titles/paragraphs it leaked into
    tex_or_code: int = 0
    straight_quotes: int = 0
    list_lines: int = 0
    list_lines_kept: int = 0
    kept_out: dict[str, int] = field(default_factory=dict)


def title_ok(title: str | None, gold: dict[str, Any]) -> bool:
    if not title:
        return False
    if gold.get("title"):
        return norm(title) == norm(gold["title"])
    # A title built from the lede: its words open the lede, and it does not end mid-word.
    stated = words(title.rstrip("…. "))
    lede = words(gold["body"][0])
    return bool(stated) and lede[: len(stated)] == stated


def leaks_in(text: str, gold: dict[str, Any], *, is_title: bool) -> set[str]:
    """The furniture kinds whose lines (gold) or shapes (generic) appear in ``text``."""
    found = set()
    flat = " ".join(text.split())
    for item in gold["furniture"]:
        kind = item["reason"]
        if kind == "title" and is_title:
            continue
        piece = " ".join(item["text"].split())
        if kind == "title":
            if norm(flat) == norm(piece):
                found.add("headline")
        elif piece in flat:
            found.add(kind)
    for kind, pattern in GENERIC.items():
        if any(pattern.search(line) for line in lines_of(text)):
            found.add(kind)
    return found


def score(name: str, source: Any, gold: dict[str, Any]) -> Score:
    blocks = [b.text for b in source.blocks]
    body_words = words("\n".join(blocks))
    prose = [p for p in gold["body"] if "\n" not in p]
    # A paragraph is whole as a block, or as a line of one (the sentence that introduces a list).
    exact = {" ".join(b.split()) for b in blocks} | {line for b in blocks for line in lines_of(b)}
    place = getattr(source, "place", None)
    result = Score(
        story=name,
        title=source.title,
        title_ok=title_ok(source.title, gold),
        author_ok=norm(source.author) == norm(gold.get("author")),
        publisher_ok=norm(source.publisher) == norm(gold.get("publisher")),
        place_ok=norm(place) == norm(gold.get("place")),
        lede_kept=contains_words(body_words, words(gold["body"][0])),
        paragraphs=len(prose),
        paragraphs_whole=sum(" ".join(p.split()) in exact for p in prose),
    )
    texts = [(source.title or "", True)] + [(b, False) for b in blocks]
    for text, is_title in texts:
        for kind in leaks_in(text, gold, is_title=is_title):
            result.leaks[kind] = result.leaks.get(kind, 0) + 1
        result.tex_or_code += bool(TEX_OR_CODE.search(text))
        result.straight_quotes += bool(STRAIGHT_QUOTE.search(text))
    block_lines = {line for b in blocks for line in lines_of(b)}
    for para in gold["body"]:
        if "\n" in para:
            items = lines_of(para)
            result.list_lines += len(items)
            result.list_lines_kept += sum(item in block_lines for item in items)
    for item in source.excluded:
        result.kept_out[item.reason] = result.kept_out.get(item.reason, 0) + 1
    return result


def run(stories: Path = STORIES) -> list[Score]:
    load = loader()
    results = []
    for path in sorted(stories.glob("*.txt")):
        gold = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        results.append(score(path.stem, load(path), gold))
    return results


def table(results: list[Score]) -> str:
    rows = [
        "| story | title | author | publisher | place | lede kept | paragraphs whole | leaks into title/body "
        "| TeX/code printed | straight quotes | list lines kept |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    mark = {True: "yes", False: "**no**"}
    for r in results:
        leaks = ", ".join(f"{k} {v}" for k, v in sorted(r.leaks.items())) or "none"
        lists = f"{r.list_lines_kept}/{r.list_lines}" if r.list_lines else "-"
        rows.append(
            f"| {r.story} | {mark[r.title_ok]} | {mark[r.author_ok]} | {mark[r.publisher_ok]} | {mark[r.place_ok]} "
            f"| {mark[r.lede_kept]} | {r.paragraphs_whole}/{r.paragraphs} | {leaks} | {r.tex_or_code} "
            f"| {r.straight_quotes} | {lists} |"
        )
    n = len(results)
    total_leaks: dict[str, int] = {}
    for r in results:
        for k, v in r.leaks.items():
            total_leaks[k] = total_leaks.get(k, 0) + v
    summary = [
        "",
        f"- stories: {n}",
        f"- titles right: {sum(r.title_ok for r in results)}/{n}",
        f"- authors right: {sum(r.author_ok for r in results)}/{n}",
        f"- publishers right: {sum(r.publisher_ok for r in results)}/{n}",
        f"- places right: {sum(r.place_ok for r in results)}/{n}",
        f"- ledes kept: {sum(r.lede_kept for r in results)}/{n}",
        f"- prose paragraphs whole (exact text, typography included): "
        f"{sum(r.paragraphs_whole for r in results)}/{sum(r.paragraphs for r in results)}",
        "- furniture leaked into a title or body paragraph: "
        + (", ".join(f"{k} {v}" for k, v in sorted(total_leaks.items())) or "none"),
        f"- titles or paragraphs printing TeX quotes or wire codes: {sum(r.tex_or_code for r in results)}",
        f"- titles or paragraphs with straight quotes: {sum(r.straight_quotes for r in results)}",
        f"- list lines kept as lines: {sum(r.list_lines_kept for r in results)}/{sum(r.list_lines for r in results)}",
    ]
    return "\n".join(rows + summary)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="one JSON object per story")
    parser.add_argument("--stories", type=Path, default=STORIES, help="folder of stories with gold (default: stories/)")
    args = parser.parse_args()
    results = run(args.stories)
    if args.json:
        for r in results:
            print(json.dumps(r.__dict__, ensure_ascii=False))
    else:
        print(table(results))


if __name__ == "__main__":
    main()
