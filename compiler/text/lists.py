"""List-like runs of lines: they keep their lines instead of being reflowed into one paragraph.

Three shapes, each needing a run of at least ``_MIN_RUN`` consecutive lines
(a blank line ends a run):

* ``Label: value`` lines (a short label, a colon, a short value), with
  label-only lines (``KENYA:``) among them: tallies, fact boxes, contact lists;
* table rows in plain text: two or more cells parted by runs of spaces, the
  cells of each row ending or starting where the row above's do;
* in a hard-wrapped text, lines that are all much shorter than the wrap width
  and do not end mid-sentence on a comma or a small word: addresses, verse,
  short item lists.

A run becomes one block whose lines are joined by newlines; the renderer
breaks the lines where the source did.
"""

from __future__ import annotations

import re

from briefpack.text.shapes import FUNCTION_WORDS, TERMINAL

_MIN_RUN = 3
_LABEL_VALUE = re.compile(r"^[^\s:][^:]{0,40}:\s+\S.{0,60}$")
_LABEL_ONLY = re.compile(r"^[A-Z][^:.!?]{0,40}:$")
_CELL_GAP = re.compile(r"\S( {2,}|\t+)(?=\S)")
_SENTENCE = re.compile(r"[.!?][\"'”’)]*\s+[A-Z]")


def cells(raw: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each space-parted cell of a raw line, or () for a line of running text."""
    text = raw.rstrip().expandtabs(8)
    indent = len(text) - len(text.lstrip())
    if not _CELL_GAP.search(text):
        return ()
    spans = []
    start = indent
    for gap in _CELL_GAP.finditer(text):
        spans.append((start, gap.start(1)))
        start = gap.end(1)
    spans.append((start, len(text)))
    return tuple(spans)


def is_label_line(text: str) -> bool:
    """``Dead: 118``, or a label heading its group (``KENYA:``, ``Total Dead:``), not a sentence's colon."""
    if _LABEL_VALUE.match(text):
        return not _SENTENCE.search(text)
    if not _LABEL_ONLY.match(text):
        return False
    words = text[:-1].split()
    return text.isupper() or (len(words) <= 3 and all(w[:1].isupper() for w in words))


def _aligned(a: tuple[tuple[int, int], ...], b: tuple[tuple[int, int], ...]) -> bool:
    """Two rows of the same table: as many cells, each starting or ending where the other's does."""
    if len(a) != len(b) or len(a) < 2:
        return False
    return all(abs(x[0] - y[0]) <= 2 or abs(x[1] - y[1]) <= 2 for x, y in zip(a[1:], b[1:]))


def list_runs(
    texts: list[str], layout_cells: list[tuple[tuple[int, int], ...]], width: int | None
) -> list[tuple[int, int]]:
    """(first, last + 1) of each list-like run among one chunk's lines."""
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(texts):
        end = _run_end(texts, layout_cells, width, i)
        if end - i >= _MIN_RUN:
            runs.append((i, end))
            i = end
        else:
            i += 1
    return runs


def _run_end(texts: list[str], layout_cells: list[tuple[tuple[int, int], ...]], width: int | None, i: int) -> int:
    end = i
    while end < len(texts) and is_label_line(texts[end]):
        end += 1
    if end - i >= _MIN_RUN and any(_LABEL_VALUE.match(t) for t in texts[i:end]):
        return end
    end = i + 1
    while end < len(texts) and _aligned(layout_cells[end - 1], layout_cells[end]):
        end += 1
    if end - i >= _MIN_RUN:
        return end
    if width is None:
        return i
    end = i
    while end < len(texts) and _short_item(texts[end], width):
        end += 1
    return end if end - i >= _MIN_RUN + 1 else i


def _short_item(text: str, width: int) -> bool:
    """Much shorter than the wrap width, and ending neither a sentence nor mid-phrase."""
    last = text.rsplit(None, 1)[-1].lower()
    return (
        len(text) < 0.5 * width
        and not TERMINAL.search(text)
        and not text.endswith((",", "-", ":", ";"))
        and last not in FUNCTION_WORDS
    )


def attach_lists(paras: list[str]) -> list[str]:
    """A list-like block joins the paragraph that introduces it ("... these figures:"), and the block before it.

    Themed and cited apart, a tally would lose the sentence that says what it counts.
    """
    groups: list[list[str]] = []
    for para in paras:
        if groups and "\n" in para and (groups[-1][-1].endswith(":") or "\n" in groups[-1][-1]):
            groups[-1].append(para)
        else:
            groups.append([para])
    return ["\n".join(group) for group in groups]
