"""Blocks of a PDF page: paragraphs, headings, tables and captions from positioned lines.

A new paragraph starts at a heading (larger type, or a short bold line, in
runs of at most three lines and one sentence), after extra vertical space,
at an indented line, at a list item, or after a line that stopped early (the
next line's first word would have fitted).  A paragraph runs on into a new
column or page only from a line that reaches its column's edge, or
mid-sentence into a lower-case word.  Three or more rows of two or more short
cells drawn one after another on one baseline are a table, written as rows
of cells padded to their columns (a table typed in a text file); a smaller
line starting "Figure 3" or "Table 2" and the lines that follow it closely
are a caption, written with the readers' ``Image caption:`` label.  Tables
and captions stand outside the running text: one met inside a paragraph is
written after it.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from dataclasses import dataclass, replace

from briefpack.readers.pdfchars import GUTTER
from briefpack.readers.pdfwords import join_block

SMALL = 0.92  # notes and captions are set at most this fraction of the body size
_HEADING = 1.15  # a line this much larger than the body is a heading
_PARA_GAP = 0.3  # extra space between lines, in font sizes, that starts a paragraph
_LIST_START = re.compile(r"^(?:[•▪◦‣●○■□–—-]\s|\(?\d{1,2}[.)]\s|\(?[a-z][.)]\s)")
_TERMINAL = re.compile(r"[.!?…:;][\"'”’»)\]]*$")
PAGE_TURN = "\ue002"  # stands first in a page's blocks: the page may continue the last paragraph


@dataclass
class Line:
    """One visual line of a page: its text and box (points, measured from the page's top left)."""

    page: int
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    after_gap: bool = False

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def width(self) -> float:
        return self.x1 - self.x0


def page_blocks(
    lines: list[Line], body_size: float, vocab: frozenset[str], *, continuing: bool
) -> tuple[list[str], bool]:
    """Paragraph, heading, table and caption blocks of one page, in reading order, and whether the
    page's last paragraph runs on (its last line reaches the column's edge).

    Tables and captions stand outside the running text: one met inside a
    paragraph (a table at the top of the next column) is written after it.
    Three or more one-line paragraphs in a row, short and not ending a
    sentence, are one block of lines (an address, a list, a table whose cells
    sit too close to tell apart), which clean-up keeps line for line.
    """
    tables = _tables(lines)
    in_table = {id(line) for rows in tables for row in rows for line in row}
    first_of = {id(rows[0][0]): rows for rows in tables}
    lines = _rejoin_pieces(lines, in_table)
    leading = _leading(lines, body_size)
    columns = _columns(lines)
    headings = _headings(lines, body_size)
    blocks: list[str] = [PAGE_TURN] if continuing else []  # the page may continue the last paragraph
    aside: list[str] = []
    caption: list[Line] = []
    para: list[Line] = []
    heading = False

    short: list[str] = []  # a run of one-line paragraphs: rows of a list, an address, a table set as text

    def flush_short() -> None:
        if len(short) >= 3:
            blocks.append("\n".join(short))
        else:
            blocks.extend(short)
        short.clear()

    def flush() -> None:
        if para:
            text = join_block([line.text for line in para], vocab)
            if heading:
                flush_short()
                blocks.append("#" * _level(para[0], body_size) + " " + text)
            elif len(para) == 1 and len(text.split()) <= 6 and not _TERMINAL.search(text):
                short.append(text)
            else:
                flush_short()
                blocks.append(text)
        para.clear()
        if aside:
            flush_short()
        blocks.extend(aside)
        aside.clear()

    for line in lines:
        if id(line) in first_of:
            aside.append(_table_text(first_of[id(line)]))
            continue
        if id(line) in in_table:
            continue
        if _is_caption(line, body_size) or (caption and _continues_caption(caption[-1], line)):
            caption.append(line)
            continue
        if caption:
            aside.append("Image caption: " + join_block([ln.text for ln in caption], vocab))
            caption.clear()
        is_heading = id(line) in headings
        if para and (
            is_heading != heading
            or (
                heading
                and (abs(line.size - para[-1].size) > 0.1 * line.size or line.top - para[-1].bottom > 0.5 * line.size)
            )
            or (not heading and _breaks(para, line, columns, leading))
        ):
            flush()
        if not para:
            heading = is_heading
        para.append(line)
    if caption:
        aside.append("Image caption: " + join_block([ln.text for ln in caption], vocab))
    runs_on = bool(para) and not heading and _full(para[-1], columns)
    flush()
    flush_short()
    return blocks, runs_on


_CAPTION = re.compile(r"^(?:fig(?:ure)?|table|chart|graph|map|exhibit|plate|source|photo)\.?\s*\d*[.:]?\s", re.I)


def _continues_caption(prev: Line, line: Line) -> bool:
    return abs(line.size - prev.size) < 0.5 and 0 <= line.top - prev.bottom < 0.6 * line.size


def _is_caption(line: Line, body_size: float) -> bool:
    return line.size < SMALL * body_size and bool(_CAPTION.match(line.text))


def merge_across(blocks: list[str], vocab: frozenset[str]) -> list[str]:
    """Rejoin a paragraph broken by a page turn (marked by the page's leading placeholder)."""
    out: list[str] = []
    for block in blocks:
        if block == PAGE_TURN:
            out.append(block)
            continue
        if out and out[-1] == PAGE_TURN:
            out.pop()
            if out and _runs_on(out[-1], block):
                out[-1] = join_block([out[-1], block], vocab)
                continue
        out.append(block)
    return [b for b in out if b != PAGE_TURN]


def _runs_on(prev: str, nxt: str) -> bool:
    if prev.startswith(("#", "|")) or nxt.startswith(("#", "|")):
        return False
    return not _TERMINAL.search(prev) or nxt[:1].islower()


def _level(line: Line, body_size: float) -> int:
    return 1 if line.size >= 1.6 * body_size else 2


def _headings(lines: list[Line], body_size: float) -> set[int]:
    """ids of heading lines: larger or bold short lines, in runs of at most three lines.

    A longer run of large type is a lead paragraph set large, not a heading.
    """
    found: set[int] = set()
    run: list[Line] = []
    for line in lines:
        if not _is_heading(line, body_size):
            found.update(_heading_run(run))
            run = []
            continue
        if run and (abs(line.size - run[-1].size) > 0.1 * line.size or line.top - run[-1].bottom > 0.5 * line.size):
            found.update(_heading_run(run))
            run = []
        run.append(line)
    found.update(_heading_run(run))
    return found


def _heading_run(run: list[Line]) -> set[int]:
    """The run's lines if it reads as a heading: at most three lines, 30 words and one sentence."""
    text = " ".join(line.text for line in run)
    if len(run) > 3 or len(text.split()) > 30 or _TWO_SENTENCES.search(text):
        return set()
    return {id(line) for line in run}


_TWO_SENTENCES = re.compile(r"[a-z][.!?][\"'”’)]* +[A-Z]")


def _is_heading(line: Line, body_size: float) -> bool:
    text = line.text.strip()
    if len(text) > 160 or not any(ch.isalpha() for ch in text):
        return False
    if line.size >= _HEADING * body_size:
        return True
    return line.bold and line.size >= 0.95 * body_size and not text.endswith((".", ",", ";")) and len(text) < 100


def _leading(lines: list[Line], body_size: float) -> float:
    """The body's line pitch in type sizes: the commonest step between successive body lines of one column.

    Only steps between 0.9 and 2.6 type sizes count: shorter ones are pieces
    of one line or superscripts, longer ones gaps.  The commonest, because
    most steps are inside paragraphs, double-spaced text included.
    """
    steps = Counter(
        round((b.top - a.top) / a.size * 20) / 20
        for a, b in itertools.pairwise(lines)
        if a.page == b.page
        and 0.9 * a.size < b.top - a.top < 2.6 * a.size
        and abs(a.size - body_size) < 0.5
        and abs(b.size - body_size) < 0.5
        and abs(a.x0 - b.x0) < 3 * a.size
    )
    return steps.most_common(1)[0][0] if steps else 1.2


def _columns(lines: list[Line]) -> dict[int, tuple[float, float, int]]:
    """Left and right edges of the text column each line sits in, from its neighbours in drawing
    order, and how many lines showed them."""
    edges: dict[int, tuple[float, float, int]] = {}
    for i, line in enumerate(lines):
        lefts, rights = [line.x0], [line.x1]
        x0, x1, size = line.x0, line.x1, line.size
        for other in lines[max(0, i - 8) : i + 8]:
            if other is line or abs(other.size - size) >= 1:
                continue
            overlap = min(x1, other.x1) - max(x0, other.x0)
            if overlap > 0.5 * min(x1 - x0, other.x1 - other.x0) and abs(other.x0 - x0) < 2 * size:
                lefts.append(other.x0)
                rights.append(other.x1)
        lefts.sort()
        rights.sort()
        edges[id(line)] = (lefts[len(lefts) // 5], rights[(len(rights) * 9) // 10], len(lefts))
    return edges


def _full(line: Line, columns: dict[int, tuple[float, float, int]]) -> bool:
    """The line reaches its column's right edge, in a column of at least three lines that shows one."""
    _, right, count = columns[id(line)]
    return count >= 3 and right - line.x1 < 1.5 * line.size


def _breaks(para: list[Line], line: Line, columns: dict[int, tuple[float, float, int]], leading: float) -> bool:
    prev = para[-1]
    left, _, _ = columns[id(line)]
    prev_left, prev_right, _ = columns[id(prev)]
    stopped_early = _stopped_early(prev, prev_right, len(line.text.split(" ", 1)[0]))
    if _LIST_START.match(line.text):
        return True
    if len(para) > 1 and para[1].x0 - para[0].x0 > 0.8 * line.size and para[1].x0 - line.x0 > 0.8 * line.size:
        return True  # back out of a hanging indent: the next entry
    if abs(line.size - prev.size) > 0.6:
        return True
    new_column = line.page != prev.page or line.top < prev.top - 0.5 * prev.size
    if new_column:  # runs on from a full line, or mid-sentence into a lower-case word
        return not (_full(prev, columns) or (not _TERMINAL.search(prev.text) and line.text[:1].islower()))
    if line.top - prev.top > (leading + _PARA_GAP) * prev.size:
        return True
    # A list item's wrapped lines hang indented under its text: that is no paragraph start.
    hanging = (len(para) == 1 and bool(_LIST_START.match(prev.text))) or (
        line.x0 - para[0].x0 > 0.8 * line.size and len(para) > 1 and abs(line.x0 - para[1].x0) < 0.3 * line.size
    )
    indented = not hanging and line.x0 - left > 0.8 * line.size and prev.x0 - prev_left < 0.5 * prev.size
    if indented:
        return True
    return stopped_early


def _stopped_early(line: Line, right: float, next_word: int) -> bool:
    """The line ends short of its column's right edge by more than the next word would have needed."""
    return right - line.x1 > (next_word + 2) * 0.5 * line.size


def _table_text(rows: list[list[Line]]) -> str:
    """A table as plain-text rows: cells padded to their column and parted by two spaces.

    That is the shape of a table typed in a text file, which clean-up keeps
    line for line instead of reflowing it into a paragraph.  Cells go to the
    column whose left edge they start nearest.
    """
    lefts: list[float] = []
    for cell in sorted((cell for row in rows for cell in row), key=lambda c: c.x0):
        if not lefts or cell.x0 - lefts[-1] > cell.size:
            lefts.append(cell.x0)
    grid = []
    for row in rows:
        texts = [""] * len(lefts)
        for cell in row:
            right = bisect.bisect(lefts, cell.x0)
            column = (
                right - 1
                if right and (right == len(lefts) or cell.x0 - lefts[right - 1] <= lefts[right] - cell.x0)
                else right
            )
            texts[column] = f"{texts[column]} {cell.text}".strip()
        grid.append(texts)
    widths = [max(len(texts[i]) for texts in grid) for i in range(len(lefts))]
    return "\n".join("  ".join(t.ljust(w) for t, w in zip(texts, widths)).rstrip() for texts in grid)


def _rejoin_pieces(lines: list[Line], in_table: set[int]) -> list[Line]:
    """Put back together the pieces of a line that a wide space split but that are no table cells."""
    out: list[Line] = []
    for line in lines:
        prev = out[-1] if out else None
        if (
            prev is not None
            and line.after_gap
            and id(line) not in in_table
            and id(prev) not in in_table
            and abs(prev.bottom - line.bottom) < 0.35 * line.size
            and 0 <= line.x0 - prev.x1 < GUTTER * line.size
        ):
            out[-1] = replace(
                prev,
                text=f"{prev.text} {line.text}",
                x1=line.x1,
                top=min(prev.top, line.top),
                bottom=max(prev.bottom, line.bottom),
            )
            continue
        out.append(line)
    return out


def _tables(lines: list[Line]) -> list[list[list[Line]]]:
    """Runs of three or more rows, each two or more short cells drawn one after another on one baseline.

    Drawing order matters: the lines of text columns share baselines too, but
    a page draws them column by column, never across.
    """
    rows: list[list[Line]] = []
    for line in lines:
        if rows and abs(rows[-1][-1].bottom - line.bottom) < 0.35 * line.size and line.x0 > rows[-1][-1].x0:
            rows[-1].append(line)
        else:
            rows.append([line])
    tables: list[list[list[Line]]] = []
    run: list[list[Line]] = []
    for row in [*rows, []]:
        if len(row) >= 2 and max(len(cell.text.split()) for cell in row) <= 5:
            run.append(row)
            continue
        if len(run) >= 3:
            tables.append(run)
        run = []
    return tables
