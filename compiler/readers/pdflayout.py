"""Layout analysis: a PDF's positioned segments to the readers' Markdown-ish text.

The decisions, in order, each from positions and sizes only (``pdfblocks``
then makes paragraphs, headings, tables and captions of each page's lines,
``pdfwords`` joins the words):

1. **Lines.** Segments drawn one after another on one visual line are one
   line; a raised, smaller run of digits inside it is a footnote call.
2. **Margins.** Short runs wholly outside the body's horizontal extent (line
   numbers, a rotated archive stamp, a navigation strip) are left out.
3. **Running heads and feet** (see ``_running``): by recurrence at the same
   place on other pages, whatever the wording, so heads that alternate
   between odd and even pages or change with the section count; page numbers
   alone at the paper's edge; the outermost line or two of a page, set apart
   by a gap and small or at the very edge.
4. **Footnotes.** Lines set smaller than the body at the foot of the page or
   of a column, starting with a note number, are the page's notes; a call on the
   page (or, pushed there by the typesetter, the next) with a note of that
   number becomes ``[^N]`` and the note ``[^N]: text`` at the end, numbered
   through the document so that notes numbered per page do not collide.  A
   call with no note keeps its digits.

What 2 and 3 leave out is reported as ``Excluded`` items, once per distinct
text (digits aside) with the number of pages it stood on, so nothing is
dropped silently.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from briefpack.model import Excluded, Exclusion
from briefpack.readers.pdfblocks import SMALL, Line, merge_across, page_blocks
from briefpack.readers.pdfchars import CALL, Page, Segment
from briefpack.readers.pdfwords import join_block, plain, repair_split_words
from briefpack.text.wrapping import vocabulary

_BAND = 0.14  # top and bottom share of the page where running heads and feet live
_EDGE_BAND = 0.07  # the share next to the paper's edge, where even body-sized type is a running head

_PAGE_NUMBER = re.compile(
    r"^(?:[-–—]\s*)?(?:(?:page|p\.|pg\.?|seite)\s*)?\d{1,4}(?:\s*(?:of|/|de|sur)\s*\d{1,4})?(?:\s*[-–—])?$", re.I
)
# A note's number: "1. Text", "1 Text", or a raised marker set tight against its text ("1Text").
_NOTE_START = re.compile(r"^(?P<n>\d{1,3})[.)]?\s*(?=[^\d\s.)])")
_CALL = re.compile("((?:\ue000\\d\ue001)+)")


def layout_text(pages: list[Page]) -> tuple[str, tuple[Excluded, ...]]:
    """The document's text (``#`` headings, paragraphs, tables, ``[^N]`` calls and notes), and what it left out."""
    lines_by_page = [_lines(page.segments) for page in pages]
    body_size = _body_size(line for lines in lines_by_page for line in lines)
    vocab = vocabulary("\n".join(plain(line.text) for lines in lines_by_page for line in lines))
    margins: list[list[Line]] = []
    for index, lines in enumerate(lines_by_page):
        lines_by_page[index], page_margins = _without_margins(lines, body_size)
        margins.append(page_margins)
    furniture = _running(pages, lines_by_page, body_size)
    left_out = _left_out([line for lines in lines_by_page for line in lines if id(line) in furniture], margins)
    kept = [[line for line in lines if id(line) not in furniture] for lines in lines_by_page]
    # Notes first, on every page, so that a call whose note the typesetter pushed to the next page finds it.
    numbers: dict[tuple[int, str], int] = {}
    notes: list[str] = []
    called_before = False
    for index, (page, lines) in enumerate(zip(pages, kept)):
        called = any(_CALL.search(line.text) for line in lines)
        kept[index], page_notes = _footnotes(page, lines, body_size) if called or called_before else (lines, [])
        called_before = called
        for digits, parts in page_notes:
            notes.append(f"[^{len(notes) + 1}]: {join_block(parts, vocab)}")
            numbers[index, digits] = len(notes)
    blocks: list[str] = []
    runs_on = False  # the last page's last paragraph may go on at the top of the next
    for index, lines in enumerate(kept):
        for line in lines:
            line.text = _CALL.sub(functools.partial(_call, numbers=numbers, page=index), line.text)
        page_text, runs_on = page_blocks(lines, body_size, vocab, continuing=runs_on)
        blocks.extend(page_text)
    return repair_split_words("\n\n".join(merge_across(blocks, vocab) + notes)), left_out


def _call(marked: re.Match[str], numbers: dict[tuple[int, str], int], page: int) -> str:
    """``[^N]`` for a call whose note is on its page or the next; its bare digits otherwise."""
    digits = re.sub(r"\D", "", marked.group(1))
    number = numbers.get((page, digits)) or numbers.get((page + 1, digits))
    return f"[^{number}]" if number else digits


# --- lines ----------------------------------------------------------------------


def _lines(segments: Sequence[Segment]) -> list[Line]:
    """Join segments that continue one another on the same visual line; mark raised digits as calls."""
    out: list[Line] = []
    for i, seg in enumerate(segments):
        prev = out[-1] if out else None
        if prev is not None and _call_turned_over(prev, seg, segments[i + 1 : i + 2]):
            prev.text += "".join(CALL.format(d) for d in seg.text)
            continue
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


def _call_turned_over(prev: Line, seg: Segment, after: Sequence[Segment]) -> bool:
    """A call the typesetter set at the start of the next line: small raised digits, then body text.

    (A note's own number also stands small at a line start, but the note's
    text after it is small too.)
    """
    if (
        not seg.text.isdigit()
        or not after
        or seg.top <= prev.top
        or (not prev.text[-1:].isalpha() and prev.text[-1:] not in ".,;:)\"'’”")
    ):
        return False
    nxt = after[0]
    return seg.size < 0.85 * nxt.size and nxt.size >= 0.95 * prev.size and seg.bottom < nxt.bottom - 0.15 * nxt.size


def _same_line(prev: Line, seg: Segment) -> bool:
    if seg.after_gap:
        return False
    overlap = min(prev.bottom, seg.bottom) - max(prev.top, seg.top)
    return overlap > 0.3 * min(prev.height, seg.height) and -0.5 * prev.size < seg.x0 - prev.x1 < 2.0 * max(
        prev.size, seg.size
    )


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
    and size recur at the same place on other pages, with nothing but
    furniture between it and the paper's edge; it is a page
    number in a band; it is the outermost line of the page, set apart from
    the rest by a gap and either close to the paper's edge or smaller than
    the body (a single page has no other pages to compare with).
    """
    found: set[int] = set()
    band_places: dict[tuple[str, int], list[tuple[int, Line]]] = defaultdict(list)
    for page, lines in zip(pages, lines_by_page):
        for line in lines:
            if _in_band(line, page, _BAND):
                band_places[_shape(line.text), round(line.size)].append((page.number, line))
    need = max(2, round(0.5 * len(pages)))
    for page, lines in zip(pages, lines_by_page):
        has_calls = any(_CALL.search(line.text) for line in lines)
        for line in lines:
            if not _in_band(line, page, _BAND) or (has_calls and _NOTE_START.match(line.text)):
                continue
            places = band_places[_shape(line.text), round(line.size)]
            recurs = len({n for n, other in places if _same_place(line, other)}) >= need
            if (len(pages) > 1 and recurs and _outermost(line, lines, page)) or (
                _PAGE_NUMBER.match(line.text.strip())
                and _isolated(line, lines, 0.5 * body_size)
                and _outermost(line, lines, page, strict=True)
            ):
                found.add(id(line))
        rest = [line for line in lines if id(line) not in found]
        if len(rest) < 2:
            continue
        by_top = sorted(rest, key=lambda ln: ln.top)
        for group in (_edge_group(by_top), _edge_group(sorted(rest, key=lambda ln: -ln.bottom))):
            others = [line for line in rest if line not in group]
            small = all(line.size < 0.8 * body_size for line in group)
            near_edge = all(_in_band(line, page, _EDGE_BAND) for line in group)
            if (
                all(_in_band(line, page, _BAND) for line in group)
                and not any(has_calls and _NOTE_START.match(line.text) for line in group)
                and all(line.size <= 1.05 * body_size for line in group)
                and (near_edge or all(line.size < 0.95 * body_size for line in group))
                and all(_isolated(line, others, (0.5 if small and near_edge else 1.5) * body_size) for line in group)
            ):
                found.update(id(line) for line in group)
    return found


def _same_place(line: Line, other: Line) -> bool:
    """At the same height and aligned the same way (left, right or centre), as a running head recurs."""
    if abs(line.top - other.top) >= line.size:
        return False
    return (
        min(abs(line.x0 - other.x0), abs(line.x1 - other.x1), abs(line.x0 + line.x1 - other.x0 - other.x1) / 2)
        < line.size
    )


def _edge_group(ordered: list[Line]) -> list[Line]:
    """The outermost line, with up to two more set close to it (a head of section and subsection)."""
    group = ordered[:1]
    for line in ordered[1:3]:
        prev = group[-1]
        if max(line.top - prev.bottom, prev.top - line.bottom) > prev.size:
            break
        group.append(line)
    return group if len(group) < len(ordered) else group[:1]


def _outermost(line: Line, lines: list[Line], page: Page, *, strict: bool = False) -> bool:
    """Nothing stands between the line and the nearer edge of the paper but other band lines (or, strict, nothing)."""

    def beside(other: Line) -> bool:
        return (not strict and _in_band(other, page, _BAND)) or abs(other.bottom - line.bottom) < 0.5 * line.size

    if line.top < page.height / 2:
        return all(other.bottom > line.top or beside(other) for other in lines if other is not line)
    return all(other.top < line.bottom or beside(other) for other in lines if other is not line)


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


def _without_margins(lines: list[Line], body_size: float) -> tuple[list[Line], list[Line]]:
    """Split off short runs standing wholly outside the body's horizontal extent: (kept, margin)."""
    body = [line for line in lines if abs(line.size - body_size) < 0.6 and len(line.text) > 20]
    if len(body) < 3:
        return lines, []
    left = _weighted_quantile([(line.x0, len(line.text)) for line in body], 0.03)
    right = _weighted_quantile([(line.x1, len(line.text)) for line in body], 0.97)
    kept: list[Line] = []
    margin: list[Line] = []
    for line in lines:
        outside = len(line.text) <= 40 and (line.x1 < left - 0.5 * line.size or line.x0 > right + 0.5 * line.size)
        (margin if outside or (line.height > 2.5 * line.size and len(line.text) <= 3) else kept).append(line)
    return kept, margin


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
    """Split off the page-foot notes: (remaining lines, [(number, text lines)]).

    A note line is set smaller than the body, in the page's lower half, with
    no body text below it in its column: notes at the foot of the page or, in
    a many-column notice, at the foot of one column.  A note starts at a note
    number; the lines right under it continue it.
    """
    small = SMALL * body_size
    body = [line for line in lines if line.size >= small]
    notes: list[tuple[str, list[str]]] = []
    taken: set[int] = set()
    last: Line | None = None
    for index, line in enumerate(lines):
        if line.size >= small or line.top < 0.5 * page.height or _body_below(line, body):
            continue
        start = _NOTE_START.match(line.text)
        if start:
            notes.append((start.group("n"), [line.text[start.end() :]]))
        elif last is not None and notes and 0 <= line.top - last.bottom < line.size and _overlap(line, last) > 0:
            notes[-1][1].append(line.text)
        else:
            continue
        taken.add(index)
        last = line
    return [line for index, line in enumerate(lines) if index not in taken], notes


def _body_below(line: Line, body: list[Line]) -> bool:
    return any(other.top > line.bottom and _overlap(line, other) > 0.5 * min(line.width, other.width) for other in body)


def _overlap(a: Line, b: Line) -> float:
    return min(a.x1, b.x1) - max(a.x0, b.x0)


# --- what is left out -----------------------------------------------------------


def _left_out(running: list[Line], margins: list[list[Line]]) -> tuple[Excluded, ...]:
    """The furniture as ``Excluded`` items: one per distinct text, digits aside, naming how many pages it was on.

    A page's margin runs are one text (a column of line numbers or a stamp's
    pieces mean nothing one by one); heads, feet and page numbers are one text
    a line.
    """
    found: dict[tuple[Exclusion, str], list[tuple[int, str]]] = defaultdict(list)
    for line in running:
        text = _shown(line.text)
        reason = Exclusion.PAGE_NUMBER if _PAGE_NUMBER.match(text) else Exclusion.RUNNING_HEAD
        found[reason, _shape(text)].append((line.page, text))
    for lines in margins:
        if lines:
            text = " ".join(_shown(line.text) for line in lines)
            found[Exclusion.MARGIN, _shape(text)].append((lines[0].page, text))
    items = []
    for (reason, _), places in found.items():
        pages = len({page for page, _ in places})
        on = f" (on {pages} pages)" if pages > 1 else ""
        items.append(Excluded("", _listed(list(dict.fromkeys(text for _, text in places))) + on, reason))
    return tuple(items)


def _listed(texts: list[str]) -> str:
    """Distinct texts side by side; bare page numbers as runs ("1–12, 14"), short however many pages."""
    if not all(text.isdigit() for text in texts):
        return " · ".join(texts)
    runs: list[list[int]] = []
    for number in sorted({int(text) for text in texts}):
        if runs and number == runs[-1][1] + 1:
            runs[-1][1] = number
        else:
            runs.append([number, number])
    return ", ".join(f"{first}–{last}" if last > first else str(first) for first, last in runs)


def _shown(text: str) -> str:
    """A line's text as printed: call marks back to their digits, ligatures decomposed."""
    return " ".join(plain(text.replace("\ue000", "").replace("\ue001", "")).split())
