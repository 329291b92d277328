"""Positioned text from a PDF page: pdfium's characters grouped into segments.

A *segment* is a run of characters on one baseline with no wide gap inside:
a line of a column, a table cell, a running head, a superscript call.  Each
carries its box (top-down page coordinates, points), type size, whether its
font is bold, and the page's number.  Everything the layout analysis needs
comes from here, so it is the only module that talks to pdfium.

The whole page's text comes in one call; boxes are asked only for the
characters at the ends of words (where gaps and edges are), the font once
per segment and once per possible footnote call: that keeps reading to about
ten milliseconds of CPU per page.
"""

from __future__ import annotations

import ctypes
import itertools
import math
import re
from dataclasses import dataclass

import pypdfium2
import pypdfium2.raw as pdfium_c

_GAP = 1.0  # a horizontal gap this many font sizes wide separates two segments (table cells, columns)...
GUTTER = 3.0  # ...unless the line's own spaces are as wide (justified); this wide, never
_LINE_BREAKS = "\r\n"
# pdfium's stand-ins for a hyphen it met at a line end.  U+FFFE marks one it took for a soft hyphen,
# which in practice is as often a typeset hyphenation point as a real compound's hyphen: it becomes
# U+2010, joined unless the document spells the compound elsewhere.  U+0002 becomes an ASCII hyphen,
# which clean-up's rule decides.
_PDFIUM_HYPHEN = {"\x02": "-", "\ufffe": "\u2010"}


@dataclass(frozen=True, slots=True)
class Segment:
    page: int
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    after_gap: bool = False  # split from the text before it on its line by a wide gap: a table cell, a column

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def width(self) -> float:
        return self.x1 - self.x0


@dataclass(frozen=True, slots=True)
class Page:
    number: int
    width: float
    height: float
    segments: tuple[Segment, ...]


def read_pages(data: bytes) -> list[Page]:
    """Every page's segments in the order the page draws them."""
    doc = pypdfium2.PdfDocument(data)
    try:
        return [_read_page(doc[i], i + 1) for i in range(len(doc))]
    finally:
        doc.close()


def _read_page(page: pypdfium2.PdfPage, number: int) -> Page:
    # A page turned for display (/Rotate) is read as it was set: pdfium otherwise reorders its
    # characters for the turned view, and the columns come out as rows.  Only this in-memory copy turns.
    page.set_rotation(0)
    left, bottom, right, top = page.get_cropbox()
    width, height = right - left, top - bottom
    textpage = page.get_textpage()
    try:
        count = pdfium_c.FPDFText_CountChars(textpage)
        text = _all_text(textpage, count)
        boxes = _Boxes(textpage, left, top)
        fonts = _FontCache(textpage)
        segments = [
            seg
            for start, end in _runs(text, boxes)
            for seg in _segments(text, boxes, start, end, fonts, number)
            if _visible(seg, width, height)
        ]
    finally:
        textpage.close()
        page.close()
    return Page(number, width, height, tuple(segments))


def _all_text(textpage: pypdfium2.PdfTextPage, count: int) -> str:
    buffer = ctypes.create_string_buffer((count + 1) * 2)
    written = pdfium_c.FPDFText_GetText(textpage, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)))
    text = buffer.raw[: max(0, written - 1) * 2].decode("utf-16-le", errors="replace")
    return text.ljust(count)


class _Boxes:
    """(x0, x1, top, bottom) of a character in top-down page coordinates, asked only where needed.

    pdfium's *loose* box is used: its height is the font's full ascent to
    descent at the size the text is drawn, so it measures the type size even
    where the PDF sets a font at size 1 and scales it with a matrix, which is
    common.  Only line ends and the characters beside spaces are measured:
    that is where gaps and edges are, and it keeps the pdfium calls few.
    """

    def __init__(self, textpage: pypdfium2.PdfTextPage, left: float, top: float) -> None:
        self.textpage, self.left, self.top = textpage, left, top
        self.cache: dict[int, tuple[float, float, float, float]] = {}
        self.rect = pdfium_c.FS_RECTF()

    def __getitem__(self, i: int) -> tuple[float, float, float, float]:
        box = self.cache.get(i)
        if box is None:
            pdfium_c.FPDFText_GetLooseCharBox(self.textpage, i, self.rect)
            r = self.rect
            box = (r.left - self.left, r.right - self.left, self.top - r.top, self.top - r.bottom)
            self.cache[i] = box
        return box

    def solid(self, first: int, last: int) -> tuple[int, tuple[float, float, float, float]] | None:
        """The box of the first character from ``first`` towards ``last`` that sits where its neighbour does.

        Some glyphs have no box, and pdfium sometimes places a character that
        follows a line-end hyphen at the hyphen's position; neither may set a
        line's edges.  (index, box), or None when no character in the range has a box.
        """
        step = 1 if last >= first else -1
        fallback = None
        for i in range(first, last + step, step):
            box = self[i]
            height = box[3] - box[2]
            if box[1] <= box[0] or height <= 0:
                continue
            if i == last:
                return i, box
            fallback = fallback or (i, box)
            near = self[i + step]
            if (
                abs(near[3] - box[3]) < 0.5 * height
                and min(abs(near[0] - box[1]), abs(box[0] - near[1])) < 1.5 * height
            ):
                return i, box
        return fallback


def _runs(text: str, boxes: _Boxes) -> list[tuple[int, int]]:
    """Index ranges between pdfium's line breaks."""
    runs, start = [], 0
    for i, ch in enumerate(text):
        if ch in _LINE_BREAKS:
            if i > start:
                runs.append((start, i))
            start = i + 1
        elif ch in _PDFIUM_HYPHEN:  # pdfium drops the line break after a hyphen it met at a line end
            runs.append((start, i + 1))
            start = i + 1
    if start < len(text):
        runs.append((start, len(text)))
    return runs


class _FontCache:
    """Size and boldness of the font at a character, asked once per segment (boldness remembered per font)."""

    def __init__(self, textpage: pypdfium2.PdfTextPage) -> None:
        self.textpage = textpage
        self.bold_by_name: dict[bytes, bool] = {}
        self.name = ctypes.create_string_buffer(256)
        self.flags = ctypes.c_int()
        self.matrix = pdfium_c.FS_MATRIX()

    def size(self, index: int, box: tuple[float, float, float, float]) -> float:
        """The type size as drawn: the font's size times the text matrix's vertical scale.

        Many PDFs set every font at size 1 and scale it with the matrix.  Where
        pdfium reports nothing plausible, the character's loose box height
        (ascent to descent, a little more than the size) stands in.
        """
        pdfium_c.FPDFText_GetMatrix(self.textpage, index, self.matrix)
        size = pdfium_c.FPDFText_GetFontSize(self.textpage, index) * math.hypot(self.matrix.c, self.matrix.d)
        return size if size > 2 else 0.85 * (box[3] - box[2])

    def bold(self, index: int) -> bool:
        got = pdfium_c.FPDFText_GetFontInfo(self.textpage, index, self.name, 256, self.flags)
        name = self.name.raw[: max(0, got - 1)]
        if name not in self.bold_by_name:
            low = name.lower()
            weight = pdfium_c.FPDFText_GetFontWeight(self.textpage, index)
            self.bold_by_name[name] = (
                weight >= 600 or any(w in low for w in (b"bold", b"black", b"heavy", b"semibold", b"demi"))
            ) and b"light" not in low
        return self.bold_by_name[name]


def _segments(text: str, boxes: _Boxes, start: int, end: int, fonts: _FontCache, page: int) -> list[Segment]:
    """Split one pdfium line at wide gaps and describe each piece."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        return []
    # Words: maximal runs without spaces; gaps are measured between them only.
    words: list[tuple[int, int]] = []
    i = start
    while i < end:
        j = i
        while j < end and not text[j].isspace():
            j += 1
        words.append((i, j - 1))
        while j < end and text[j].isspace():
            j += 1
        i = j
    solid = [(boxes.solid(a, b), boxes.solid(b, a)) for a, b in words]
    known = [head for head, _ in solid if head is not None]
    if not known:
        return []
    size = fonts.size(*known[0])
    gaps = [
        (nxt[0][1][0] - cur[1][1][1]) if nxt[0] is not None and cur[1] is not None else 0.0
        for cur, nxt in itertools.pairwise(solid)
    ]
    spaces = sorted(gaps)
    # Justified lines stretch every space alike; a gap far wider than the line's own spaces is a gutter.
    wide = min(max(_GAP * size, 2.5 * spaces[len(spaces) // 2]), GUTTER * size) if spaces else _GAP * size
    pieces, piece = [], [0]
    for n, gap in enumerate(gaps, 1):
        if gap > wide or gap < -size:
            pieces.append(piece)
            piece = []
        piece.append(n)
    pieces.append(piece)
    calls = _calls(text, words, size, boxes)
    out = []
    for piece in pieces:
        first, last = words[piece[0]][0], words[piece[-1]][1]
        opening = next((found for n in piece if (found := solid[n][0]) is not None), None)
        closing = next((found for n in reversed(piece) if (found := solid[n][1]) is not None), None)
        if opening is None or closing is None:
            continue
        (start_at, start_box), (_, end_box) = opening, closing
        if start_at > first:  # the piece opens with glyphs that have no box: allow for their width
            start_box = (start_box[0] - 0.5 * size * (start_at - first), *start_box[1:])
        raw = text[first : last + 1]
        if calls or "\x02" in raw or "\ufffe" in raw:
            raw = "".join(
                _PDFIUM_HYPHEN.get(ch, ch) if k not in calls else CALL.format(ch) for k, ch in enumerate(raw, first)
            )
        out.append(
            Segment(
                page=page,
                text=" ".join(raw.split()),
                x0=start_box[0],
                x1=max(end_box[1], start_box[1]),
                top=min(start_box[2], end_box[2]),
                bottom=max(start_box[3], end_box[3]),
                size=size if start_at == known[0][0] else fonts.size(start_at, start_box),
                bold=fonts.bold(first),
                after_gap=piece is not pieces[0],
            )
        )
    return out


_CALLED = re.compile(r"[^\W\d_][.,;:)\]’”\"']?(\d{1,3})$")
CALL = "\ue000{}\ue001"  # wraps each digit of a footnote call in the segment text


def _calls(text: str, words: list[tuple[int, int]], size: float, boxes: _Boxes) -> set[int]:
    """Indexes of digits set small and raised at the end of a word: footnote calls."""
    found: set[int] = set()
    for first, last in words:
        if not text[last].isdigit():
            continue
        m = _CALLED.search(text, first, last + 1)
        if m is None:
            continue
        digit = m.start(1)
        box, word = boxes[digit], boxes.solid(first, digit - 1)
        if (
            word is not None
            and 0 < box[3] - box[2] < 0.85 * (word[1][3] - word[1][2])
            and box[3] < word[1][3] - 0.1 * size
        ):
            found.update(range(digit, last + 1))
    return found


def _visible(seg: Segment, width: float, height: float) -> bool:
    # Text drawn outside the page's visible box belongs to another page of a spread, or to nobody.
    return seg.x1 > 0 and seg.x0 < width and seg.bottom > 0 and seg.top < height
