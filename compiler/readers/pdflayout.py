"""Layout analysis: positioned segments to the reader's Markdown-ish text.

The decisions, in order, each from positions and fonts only:

1. **Lines.** Segments drawn one after another on one visual line are one
   line; a raised, smaller run of digits inside it is a footnote call.
2. **Furniture.** Running heads and feet: text in the top or bottom band of
   the page, set apart from the body by a gap, or repeated in that band on
   other pages (digits ignored, so "Page 3" repeats; position, not wording,
   so heads that alternate between odd and even pages or change with the
   section count too).  Page numbers in the bands.  Margin text: short runs
   outside the body's horizontal extent (line numbers, a rotated archive
   stamp, a navigation strip).
3. **Footnotes.** The run of lines at the foot of a page set smaller than the
   body and starting with a note number is the page's notes; a call on the
   page with a note of that number becomes ``[^N]`` and the note ``[^N]: text``
   at the end (numbered through the document, so notes numbered per page do
   not collide).  A call with no note keeps its digits.
4. **Tables.** Three or more consecutive rows of two or more short cells on
   one baseline are a table, written as pipe-separated rows in one block.
5. **Paragraphs.** A new paragraph starts at a heading (larger, or a short
   bold line), after a vertical gap wider than the body's line spacing, at
   an indented line, or after a line that stopped early (the next line's
   first word would have fitted).  A paragraph runs on across a column or
   page break unless the line before stopped early.
6. **Words.** A line-end hyphen (ASCII, U+2010, pdfium's stand-in) joins the
   lines by the document's own spelling; a soft hyphen always joins;
   ligature characters are decomposed; a word split by a stray space is
   rejoined where the document spells it whole elsewhere and one half never
   stands alone.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace

from briefpack.text.wrapping import join_lines, vocabulary
from briefpack.readers.pdfchars import _GUTTER, CALL, Page, Segment

_BAND = 0.14  # top and bottom share of the page where running heads and feet live
_EDGE_BAND = 0.07  # the share next to the paper's edge, where even body-sized type is a running head
_SMALL = 0.92  # footnotes are set at most this fraction of the body size
_HEADING = 1.15  # a line this much larger than the body is a heading
_PARA_GAP = 0.3  # extra space between lines, in font sizes, that starts a paragraph

_PAGE_NUMBER = re.compile(
    r"^(?:[-–—]\s*)?(?:(?:page|p\.|pg\.?|seite)\s*)?\d{1,4}(?:\s*(?:of|/|de|sur)\s*\d{1,4})?(?:\s*[-–—])?$", re.I
)
_NOTE_START = re.compile(r"^(?P<n>\d{1,3})[.)]?\s+(?=\S)")
_LIST_START = re.compile(r"^(?:[•▪◦‣●○■□–—-]\s|\(?\d{1,2}[.)]\s|\(?[a-z][.)]\s)")
_TERMINAL = re.compile(r"[.!?…:;][\"'”’»)\]]*$")
_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st"}
_CALL = re.compile("((?:\ue000\\d\ue001)+)")


@dataclass
class Line:
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


def layout_text(pages: list[Page]) -> str:
    """The document's text: ``#`` headings, paragraphs, tables, ``[^N]`` calls and notes."""
    lines_by_page = [_lines(page.segments) for page in pages]
    body_size = _body_size(line for lines in lines_by_page for line in lines)
    vocab = vocabulary("\n".join(_plain(line.text) for lines in lines_by_page for line in lines))
    furniture = _running(pages, lines_by_page, body_size)
    blocks: list[str] = []
    notes: list[str] = []
    number = 0
    for page, lines in zip(pages, lines_by_page):
        lines = [line for line in lines if id(line) not in furniture]
        lines = _without_margins(lines, body_size)
        lines, page_notes = _footnotes(page, lines, body_size)
        renumber: dict[str, int] = {}
        for digits, text in page_notes:
            number += 1
            renumber[digits] = number
            notes.append(f"[^{number}]: {_join(text, vocab)}")
        for line in lines:
            line.text = _CALL.sub(lambda m: _call(m.group(1), renumber), line.text)
        blocks.extend(_blocks(lines, body_size, vocab, continuing=bool(blocks)))
    text = "\n\n".join(_merge_across(blocks, vocab) + notes)
    return _repair_split_words(text)


def _call(marked: str, renumber: dict[str, int]) -> str:
    digits = re.sub(r"\D", "", marked)
    return f"[^{renumber[digits]}]" if digits in renumber else digits


# --- lines ----------------------------------------------------------------------


def _lines(segments: Iterable[Segment]) -> list[Line]:
    """Join segments that continue one another on the same visual line; mark raised digits as calls."""
    out: list[Line] = []
    for seg in segments:
        prev = out[-1] if out else None
        if prev is not None and _same_line(prev, seg):
            raised = seg.bottom < prev.bottom - 0.15 * prev.size and seg.size < 0.85 * prev.size
            if raised and seg.text.isdigit() and not prev.text.endswith(" "):
                prev.text += "".join(CALL.format(d) for d in seg.text)
            else:
                gap = seg.x0 - prev.x1
                prev.text += ("" if gap < 0.12 * prev.size else " ") + seg.text
            prev.x1 = max(prev.x1, seg.x1)
            prev.top, prev.bottom = min(prev.top, seg.top), max(prev.bottom, seg.bottom)
            continue
        out.append(Line(seg.page, seg.text, seg.x0, seg.x1, seg.top, seg.bottom, seg.size, seg.bold, seg.after_gap))
    return out


def _same_line(prev: Line, seg: Segment) -> bool:
    if seg.after_gap:
        return False
    overlap = min(prev.bottom, seg.bottom) - max(prev.top, seg.top)
    return overlap > 0.3 * min(prev.height, seg.height) and -0.5 * prev.size < seg.x0 - prev.x1 < 2.0 * max(prev.size, seg.size)


def _body_size(lines: Iterable[Line]) -> float:
    weights: Counter[float] = Counter()
    for line in lines:
        weights[round(line.size * 2) / 2] += len(line.text)
    return weights.most_common(1)[0][0] if weights else 10.0


# --- furniture ------------------------------------------------------------------


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.split())).lower()


def _running(pages: list[Page], lines_by_page: list[list[Line]], body_size: float) -> set[int]:
    """ids of lines that are running heads, running feet or page numbers.

    Three kinds of evidence, from strongest: the line's text (digits ignored)
    and size recur in the head or foot band of other pages; it is a page
    number in a band; it is the outermost line of the page, set apart from
    the rest by a gap and either close to the paper's edge or smaller than
    the body (a single page has no other pages to compare with).
    """
    found: set[int] = set()
    band_shapes: Counter[tuple[str, int]] = Counter()
    for page, lines in zip(pages, lines_by_page):
        band_shapes.update({(_shape(line.text), round(line.size)) for line in lines if _in_band(line, page, _BAND)})
    need = max(2, round(0.5 * len(pages)))
    for page, lines in zip(pages, lines_by_page):
        has_calls = any(_CALL.search(line.text) for line in lines)
        for line in lines:
            if not _in_band(line, page, _BAND) or (has_calls and _NOTE_START.match(line.text)):
                continue
            if len(pages) > 1 and band_shapes[_shape(line.text), round(line.size)] >= need:
                found.add(id(line))
            elif _PAGE_NUMBER.match(line.text.strip()) and _isolated(line, lines, 0.5 * body_size):
                found.add(id(line))
        rest = [line for line in lines if id(line) not in found]
        if len(rest) < 2:
            continue
        by_top = sorted(rest, key=lambda ln: ln.top)
        for line in (by_top[0], max(rest, key=lambda ln: ln.bottom)):
            near_edge = _in_band(line, page, _EDGE_BAND)
            if (
                _in_band(line, page, _BAND)
                and not (has_calls and _NOTE_START.match(line.text))
                and line.size <= 1.05 * body_size
                and (near_edge or line.size < 0.95 * body_size)
                and _isolated(line, rest, 1.5 * body_size)
            ):
                found.add(id(line))
    return found


def _in_band(line: Line, page: Page, band: float) -> bool:
    return line.top < band * page.height or line.bottom > (1 - band) * page.height


def _isolated(line: Line, lines: list[Line], gap: float) -> bool:
    """Nothing off the line's own baseline comes within ``gap`` of it vertically."""
    for other in lines:
        if other is line:
            continue
        if other.bottom <= line.top:
            distance = line.top - other.bottom
        elif other.top >= line.bottom:
            distance = other.top - line.bottom
        else:
            continue  # on the same line: a head set in two parts
        if distance < gap:
            return False
    return True


def _without_margins(lines: list[Line], body_size: float) -> list[Line]:
    """Drop short runs standing wholly outside the body's horizontal extent."""
    body = [line for line in lines if abs(line.size - body_size) < 0.6 and len(line.text) > 20]
    if len(body) < 3:
        return lines
    left = _weighted_quantile([(line.x0, len(line.text)) for line in body], 0.03)
    right = _weighted_quantile([(line.x1, len(line.text)) for line in body], 0.97)
    return [
        line
        for line in lines
        if not (len(line.text) <= 40 and (line.x1 < left - 0.5 * line.size or line.x0 > right + 0.5 * line.size))
        and not (line.height > 2.5 * line.size and len(line.text) <= 3)
    ]


def _weighted_quantile(values: list[tuple[float, int]], q: float) -> float:
    values = sorted(values)
    total = sum(w for _, w in values)
    seen = 0
    for value, weight in values:
        seen += weight
        if seen >= q * total:
            return value
    return values[-1][0]


# --- footnotes ------------------------------------------------------------------


def _footnotes(page: Page, lines: list[Line], body_size: float) -> tuple[list[Line], list[tuple[str, list[str]]]]:
    """Split off the page-foot notes: (remaining lines, [(number, text)])."""
    if not any(_CALL.search(line.text) for line in lines):
        return lines, []
    ordered = sorted(range(len(lines)), key=lambda i: lines[i].top)
    zone: list[int] = []
    for i in reversed(ordered):
        line = lines[i]
        if line.size >= _SMALL * body_size or line.top < 0.5 * page.height:
            break
        zone.append(i)
    zone.reverse()
    while zone and not _NOTE_START.match(lines[zone[0]].text):
        zone.pop(0)
    if not zone:
        return lines, []
    notes: list[tuple[str, list[str]]] = []
    for i in zone:
        start = _NOTE_START.match(lines[i].text)
        if start:
            notes.append((start.group("n"), [lines[i].text[start.end() :]]))
        else:
            notes[-1][1].append(lines[i].text)
    taken = set(zone)
    rest = [line for i, line in enumerate(lines) if i not in taken]
    return rest, [(n, parts) for n, parts in notes]


# --- tables and paragraphs --------------------------------------------------------


def _blocks(lines: list[Line], body_size: float, vocab: frozenset[str], *, continuing: bool) -> list[str]:
    """Paragraph, heading, table and caption blocks of one page, in reading order.

    Tables and captions stand outside the running text: one met inside a
    paragraph (a table at the top of the next column) is written after it.
    """
    tables = _tables(lines)
    in_table = {id(line) for rows in tables for row in rows for line in row}
    first_of = {id(rows[0][0]): rows for rows in tables}
    lines = _rejoin_pieces(lines, in_table)
    leading = _leading(lines, body_size)
    columns = _columns(lines)
    headings = _headings(lines, body_size, leading)
    blocks: list[str] = ["\ue002"] if continuing else []  # the page may continue the last paragraph
    aside: list[str] = []
    caption: list[Line] = []
    para: list[Line] = []
    heading = False

    def flush() -> None:
        if para:
            text = _join([line.text for line in para], vocab)
            blocks.append(("#" * _level(para[0], body_size) + " " + text) if heading else text)
        para.clear()
        blocks.extend(aside)
        aside.clear()

    for line in lines:
        if id(line) in first_of:
            aside.append("\n".join("| " + " | ".join(cell.text for cell in row) + " |" for row in first_of[id(line)]))
            continue
        if id(line) in in_table:
            continue
        if _is_caption(line, body_size) or (caption and _continues_caption(caption[-1], line)):
            caption.append(line)
            continue
        if caption:
            aside.append("Image caption: " + _join([ln.text for ln in caption], vocab))
            caption.clear()
        is_heading = id(line) in headings
        if para and (
            is_heading != heading
            or (heading and (abs(line.size - para[-1].size) > 0.1 * line.size or line.top - para[-1].bottom > 0.5 * line.size))
            or (not heading and _breaks(para, line, columns, leading))
        ):
            flush()
        if not para:
            heading = is_heading
        para.append(line)
    if caption:
        aside.append("Image caption: " + _join([ln.text for ln in caption], vocab))
    flush()
    return blocks


_CAPTION = re.compile(r"^(?:fig(?:ure)?|table|chart|graph|map|exhibit|plate|source|photo)\.?\s*\d*[.:]?\s", re.I)


def _continues_caption(prev: Line, line: Line) -> bool:
    return abs(line.size - prev.size) < 0.5 and 0 <= line.top - prev.bottom < 0.6 * line.size


def _is_caption(line: Line, body_size: float) -> bool:
    return line.size < _SMALL * body_size and bool(_CAPTION.match(line.text))


def _merge_across(blocks: list[str], vocab: frozenset[str]) -> list[str]:
    """Rejoin a paragraph broken by a page turn (marked by the page's leading placeholder)."""
    out: list[str] = []
    for block in blocks:
        if block == "\ue002":
            out.append(block)
            continue
        if out and out[-1] == "\ue002":
            out.pop()
            if out and _runs_on(out[-1], block):
                out[-1] = _join([out[-1], block], vocab)
                continue
        out.append(block)
    return [b for b in out if b != "\ue002"]


def _runs_on(prev: str, nxt: str) -> bool:
    if prev.startswith(("#", "|")) or nxt.startswith(("#", "|")):
        return False
    return not _TERMINAL.search(prev) or nxt[:1].islower()


def _level(line: Line, body_size: float) -> int:
    return 1 if line.size >= 1.6 * body_size else 2


def _headings(lines: list[Line], body_size: float, leading: float) -> set[int]:
    """ids of heading lines: larger or bold short lines, in runs of at most three lines.

    A longer run of large type is a lead paragraph set large, not a heading.
    """
    found: set[int] = set()
    run: list[Line] = []
    for line in lines + [None]:  # type: ignore[list-item]
        if line is not None and _is_heading(line, body_size):
            if run and (abs(line.size - run[-1].size) > 0.1 * line.size or line.top - run[-1].bottom > 0.5 * line.size):
                found.update(_heading_run(run))
                run = []
            run.append(line)
            continue
        found.update(_heading_run(run))
        run = []
    return found


def _heading_run(run: list[Line]) -> set[int]:
    words = sum(len(line.text.split()) for line in run)
    return {id(line) for line in run} if len(run) <= 3 and words <= 30 else set()


def _is_heading(line: Line, body_size: float) -> bool:
    text = line.text.strip()
    if len(text) > 160 or not any(ch.isalpha() for ch in text):
        return False
    if line.size >= _HEADING * body_size:
        return True
    return line.bold and line.size >= 0.95 * body_size and not text.endswith((".", ",", ";")) and len(text) < 100


def _leading(lines: list[Line], body_size: float) -> float:
    steps = [
        b.top - a.top
        for a, b in zip(lines, lines[1:])
        if a.page == b.page and 0 < b.top - a.top < 3 * body_size and abs(a.size - b.size) < 0.5 and abs(a.x0 - b.x0) < 3 * a.size
    ]
    # The lower quartile: in a letter of one-line paragraphs most steps are paragraph gaps.
    return sorted(steps)[len(steps) // 4] if steps else 1.2 * body_size


def _columns(lines: list[Line]) -> dict[int, tuple[float, float]]:
    """Left and right edges of the text column each line sits in, from its neighbours in drawing order."""
    edges: dict[int, tuple[float, float]] = {}
    for i, line in enumerate(lines):
        lefts, rights = [line.x0], [line.x1]
        x0, x1, size = line.x0, line.x1, line.size
        for other in lines[max(0, i - 12) : i + 12]:
            if other is line or abs(other.size - size) >= 1:
                continue
            overlap = min(x1, other.x1) - max(x0, other.x0)
            if overlap > 0.5 * min(x1 - x0, other.x1 - other.x0) and abs(other.x0 - x0) < 2 * size:
                lefts.append(other.x0)
                rights.append(other.x1)
        lefts.sort()
        rights.sort()
        edges[id(line)] = (lefts[len(lefts) // 5], rights[(len(rights) * 9) // 10])
    return edges


def _breaks(para: list[Line], line: Line, columns: dict[int, tuple[float, float]], leading: float) -> bool:
    prev = para[-1]
    left, _ = columns[id(line)]
    prev_left, prev_right = columns[id(prev)]
    first_word = line.text.split(" ", 1)[0]
    stopped_early = prev_right - prev.x1 > (len(first_word) + 1) * 0.5 * prev.size + 0.5 * prev.size
    if _LIST_START.match(line.text):
        return True
    if len(para) > 1 and para[1].x0 - para[0].x0 > 0.8 * line.size and para[1].x0 - line.x0 > 0.8 * line.size:
        return True  # back out of a hanging indent: the next entry
    if abs(line.size - prev.size) > 0.6:
        return True
    new_column = line.page != prev.page or line.top < prev.top - 0.5 * prev.size
    if new_column:
        return stopped_early and bool(_TERMINAL.search(prev.text))
    if line.top - prev.top > leading + _PARA_GAP * line.size:
        return True
    # A list item's wrapped lines hang indented under its text: that is no paragraph start.
    hanging = len(para) == 1 and bool(_LIST_START.match(prev.text)) or line.x0 - para[0].x0 > 0.8 * line.size and len(para) > 1 and abs(line.x0 - para[1].x0) < 0.3 * line.size
    indented = not hanging and line.x0 - left > 0.8 * line.size and prev.x0 - prev_left < 0.5 * prev.size
    if indented:
        return True
    return stopped_early


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
            and 0 <= line.x0 - prev.x1 < _GUTTER * line.size
        ):
            out[-1] = replace(prev, text=f"{prev.text} {line.text}", x1=line.x1, top=min(prev.top, line.top),
                              bottom=max(prev.bottom, line.bottom))
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


# --- words ----------------------------------------------------------------------


def _plain(text: str) -> str:
    return "".join(_LIGATURES.get(ch, ch) for ch in text).replace("\u2010", "-")


def _join(parts: list[str], vocab: frozenset[str]) -> str:
    """Join a block's lines into one text, rejoining words broken at line ends.

    A soft hyphen always joins.  U+2010 at a line end is what typesetters
    (WeasyPrint among them) print when they hyphenate, so it joins unless the
    document spells the pair with a hyphen elsewhere or the second part is
    capitalised.  An ASCII hyphen is left to clean-up's rule, which weighs
    common compounds (``well-known``) as well.
    """
    parts = ["".join(_LIGATURES.get(ch, ch) for ch in part).strip() for part in parts]
    out = parts[0] if parts else ""
    for part in parts[1:]:
        if out.endswith("\u00ad"):
            out = out[:-1] + part
        elif out.endswith("\u2010"):
            head, tail = _WORD_BEFORE.search(out[:-1]), _WORD.match(part)
            compound = head and tail and f"{head.group(0)}-{tail.group(0)}".lower() in vocab
            out = out[:-1] + ("-" if compound or part[:1].isupper() else "") + part
        else:
            out = join_lines([out, part], vocab)
    return out.replace("\u00ad", "")


_WORD_BEFORE = re.compile(r"[^\W\d_]+$")
_WORD = re.compile(r"[^\W\d_]+")


def _repair_split_words(text: str) -> str:
    """Rejoin ``UNRESOL VED``-style splits the document itself spells whole elsewhere.

    Two words separated by one space are one word when the document spells
    them whole elsewhere, neither half ever occurs except beside the other, and
    neither is a single letter ("a new" beside "anew" stays apart).
    """
    found = list(_WORD.finditer(text))
    words = Counter(m.group(0) for m in found)
    pairs: Counter[tuple[str, str]] = Counter()
    adjacent = [(a, b) for a, b in zip(found, found[1:]) if text[a.end() : b.start()] == " "]
    for a, b in adjacent:
        pairs[a.group(0), b.group(0)] += 1
    cuts = [
        a.end()
        for a, b in adjacent
        if words[a.group(0) + b.group(0)]
        and min(len(a.group(0)), len(b.group(0))) >= 2
        and words[a.group(0)] == words[b.group(0)] == pairs[a.group(0), b.group(0)]
    ]
    for cut in reversed(cuts):
        text = text[:cut] + text[cut + 1 :]
    return text
