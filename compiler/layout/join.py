"""Pages from two layout passes joined into the document one pass would have made.

A pack's page lists ("cited on pp. 4, 7", the index) depend on where the
body's paragraphs fall, so the build lays out the body first and the back
matter after it, on its own (``render.lay_out``). What the body's pages
cannot know yet is the page total that every footer prints: that comes
from the back-matter pass, whose stand-in pages sit where the body's pages
are and carry the same page names, so their margin boxes are the ones the
whole pack would have. This module moves those margin boxes across.

WeasyPrint has no public API for a page's boxes: this reads ``Page._page_box``
(WeasyPrint 70). Every step checks what it relies on and answers ``None``
when it cannot vouch for the result, and the caller then lays out the whole
pack again, so a change in WeasyPrint costs time, never a wrong page.
"""

from __future__ import annotations

import re

from weasyprint.document import Document, Page
from weasyprint.formatting_structure.boxes import MarginBox, TextBox


def page_name(page: Page) -> str | None:
    """The named page (CSS ``page``) a laid-out page is on, "" when unnamed, None if unknown."""
    page_type = getattr(getattr(page, "_page_box", None), "page_type", None)
    name = getattr(page_type, "name", None)
    return name if isinstance(name, str) else None


def with_total_from(page: Page, stand_in: Page) -> Page | None:
    """``page`` with the margin boxes that print the page total taken from ``stand_in``.

    Margin boxes along one edge share its length, so a total that grows a digit
    can move its neighbours: the whole edge is taken, and only if every other
    box on it prints the same text in both passes (the handling line does;
    a running head, which the stand-in page does not know, would not).
    """
    ours, theirs = _margin_boxes(page), _margin_boxes(stand_in)
    if ours is None or theirs is None or (page.width, page.height) != (stand_in.width, stand_in.height):
        return None
    prints = {key: _prints_total(box) for key, box in ours.items()}
    if None in prints.values():
        return None
    edges = {_edge(key) for key, total in prints.items() if total}
    if not edges:
        return page
    taken = {key for key in ours.keys() | theirs.keys() if _edge(key) in edges}
    for key in taken:
        if key not in ours or key not in theirs:
            return None
        if not prints[key] and _text(ours[key]) != _text(theirs[key]):
            return None
    box = page._page_box.copy()
    box.children = [
        child for child in page._page_box.children if not (isinstance(child, MarginBox) and child.at_keyword in taken)
    ]
    box.children += [theirs[key] for key in sorted(taken)]
    return Page(box)


def _margin_boxes(page: Page) -> dict[str, MarginBox] | None:
    box = getattr(page, "_page_box", None)
    children = getattr(box, "children", None)
    if children is None:
        return None
    return {child.at_keyword: child for child in children if isinstance(child, MarginBox)}


def _edge(at_keyword: str) -> str:
    """'@bottom-right' -> 'bottom'; a corner box has a fixed size and is an edge of its own."""
    return at_keyword if at_keyword.endswith("-corner") else at_keyword.split("-")[0]


def _prints_total(box: MarginBox) -> bool | None:
    """Whether the box prints the page total (``counter(pages)``); None if its content is not understood.

    WeasyPrint 70 computes ``content`` as a tuple of (kind, value) pairs, a counter's value
    starting with the counter's name. Should that shape change, the answer is "unknown"
    and the join steps aside, rather than keep a footer that prints a stale total.
    """
    content = box.style["content"]
    if content in ("normal", "none"):
        return False
    if not isinstance(content, tuple) or not all(isinstance(item, tuple) and len(item) == 2 for item in content):
        return None
    return any(kind in ("counter()", "counters()") and value[0] == "pages" for kind, value in content)


def totals_agree(document: Document) -> bool:
    """Whether every margin box that prints the page total prints this document's page count.

    The join's own check of its result: a box counts as printing the total when its
    computed content names the ``pages`` counter in any shape, so a box the join did
    not recognise still has to show the right number.
    """
    total = re.compile(rf"(?<!\d){len(document.pages)}(?!\d)")
    for page in document.pages:
        boxes = _margin_boxes(page)
        if boxes is None:
            return False
        for box in boxes.values():
            if "pages" in repr(box.style["content"]) and not total.search(_text(box)):
                return False
    return True


def _text(box) -> str:
    if isinstance(box, TextBox):
        return box.text
    return "".join(_text(child) for child in getattr(box, "children", ()))
