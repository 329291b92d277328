"""Web pages: the story's text, the page's own metadata, and what was left out with the reason.

Nothing is ever fetched. The main text is found by trafilatura (the strongest extractor measured on real
article pages: ``tests/benchmarks/html/RESULTS.md``), asked to favour precision; when that reading is
short (under a hundred words) the page is read again favouring recall, and the second reading wins if it
is more than twice as long, because a precise reading that short has usually taken the story for
furniture. trafilatura's reading (a small XML tree of paragraphs, headings, lists, quotes and tables)
becomes the Markdown-ish text clean-up expects: blank-line-separated blocks, ``#`` headings, ``- ``/``1. ``
list items, ``**strong**``/``*em*``, one block per table row with `` | `` between cells. The page's
headline, when known, opens the text as a ``# `` line, where clean-up takes a title from.

Nothing is dropped silently: each run of page text that the reading does not hold is an ``Excluded``
item with the reason its place on the page gives (navigation, comments, sidebar, related, share,
newsletter, advert, footer, embedded post, byline, caption, cookie notice, form), "links" for a
link list the page does not place, else "outside main text". Neighbouring runs with the same reason
form one item, their texts joined by `` · ``.

The page's metadata is read by ``page_meta``.
"""

from __future__ import annotations

import codecs
import logging
import re
from dataclasses import dataclass
from html import unescape

import lxml.html
import trafilatura
from lxml import etree
from lxml.html import HtmlElement
from trafilatura.settings import Document

from briefpack.model import Excluded, Reading
from briefpack.readers.page_meta import PageMeta, page_meta
from briefpack.text.metadata import latest_full_date
from briefpack.text.shapes import COPYRIGHT, byline_name

# trafilatura logs what it discards; a reader says what it left out through ``Excluded`` instead.
logging.getLogger("trafilatura").addHandler(logging.NullHandler())

# A precise reading this short (in words) may have taken the story for furniture: read again for recall,
# and keep the second reading if it is more than _WIDER times as long.
_SHORT = 100
_WIDER = 2
_SKIP = ("script", "style", "noscript", "template", "svg", "iframe", "object", "select", "button")
_BLOCKS = frozenset(
    "p div section article main aside nav header footer li ul ol dl dt dd h1 h2 h3 h4 h5 h6 blockquote "
    "figure figcaption table tr td th pre form address details summary body".split()
)
# Places whose text is not the story even when the extractor took it, and the largest share of a reading
# that may be taken back out on that ground.
_ELSEWHERE = frozenset(
    {"related", "sidebar", "comments", "navigation", "advert", "newsletter", "share", "footer", "cookie notice", "form"}
)
_ELSEWHERE_SHARE = 0.3
_STANDFIRST_PARAGRAPHS = 2
_STANDFIRST_WORDS = (6, 80)
_HEADING_WORDS = 25  # a "heading" longer than this is a paragraph set in a heading's type
_SENTENCE_HEADING_WORDS = 6
_WHOLLY_EMPHASISED = re.compile(r"^\*{1,2}(.+?)\*{1,2}$")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)]*$")
_REASON_TAGS = {
    "nav": "navigation",
    "menu": "navigation",
    "footer": "footer",
    "aside": "sidebar",
    "figcaption": "caption",
    "form": "form",
}
# Words of a class, id or role naming a part of the page, each matched whole between - or _ (so
# "navigation" names navigation and "canvas" does not); the first that matches gives the reason.
_MARK_REASONS = {
    "comments": "comments",
    "embedded": "embedded post",
    "navigation": "navigation",
    "related": "related",
    "share": "share",
    "newsletter": "newsletter",
    "advert": "advert",
    "sidebar": "sidebar",
    "footer": "footer",
    "byline": "byline",
    "caption": "caption",
    "cookies": "cookie notice",
}
_MARK_WORDS = {
    "comments": "comments? disqus replies respond",
    "embedded": "twitter-tweet instagram-media tiktok-embed embed embedded",
    "navigation": "nav navbar navigation menu breadcrumbs? masthead topbar",
    "related": "related recommended recommendations? more teasers? promo popular trending most-read read-next "
    "outbrain taboola tags?",
    "share": "share sharing social",
    "newsletter": "newsletter subscribe subscription signup",
    "advert": "ads? advert advertisement sponsored dfp",
    "sidebar": "sidebar widgets? rail",
    "footer": "footer colophon",
    "byline": "byline author authors",
    "caption": "caption credit",
    "cookies": "cookies? consent gdpr",
}
_MARKS = re.compile(
    "|".join(f"(?P<{name}>(?:^|[-_])(?:{'|'.join(words.split())})(?:$|[-_]))" for name, words in _MARK_WORDS.items()),
    re.I,
)
_WORD = re.compile(r"\w+")
_UTF8 = lxml.html.HTMLParser(encoding="utf-8")
_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w.:-]+)""", re.I)


def declared_charset(data: bytes) -> str | None:
    """The character set a page declares in its first few kilobytes, if Python knows it."""
    match = _CHARSET.search(data[:4096])
    if not match:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def read_html(html: str) -> Reading:
    """The page's main text, metadata and left-out parts (``Excluded.source`` is filled in by settle)."""
    if not html.strip():
        return Reading("")
    # trafilatura's loader declines what does not look like HTML; lxml reads most other text as a page.
    tree = trafilatura.load_html(html)
    if tree is None:
        try:
            tree = lxml.html.document_fromstring(html.encode("utf-8"), parser=_UTF8)
        except (etree.ParserError, ValueError):  # nothing lxml can call a document
            return Reading("\n\n".join(_bare_text(html)))
    meta = page_meta(tree)
    body = _main_text(tree)
    page = _Page(tree)  # after the extraction: it strips scripts and styles from the tree
    blocks = page.without_elsewhere(_blocks(body) if body is not None else []) or page.story_runs()
    if not blocks and not page.runs:
        blocks = _bare_text(html)
    blocks[:0] = page.standfirst(blocks, meta.title)
    if meta.title and blocks and _words(blocks[0]) != _words(meta.title):
        blocks.insert(0, "# " + meta.title)
    text = "\n\n".join(blocks)
    excluded, byline, holder = page.left_out(text, meta)
    return Reading(
        text,
        title=meta.title,
        author=meta.author or (byline_name(byline) if byline else None),
        publisher=meta.publisher or holder,
        published=meta.published or (latest_full_date(byline) if byline else None),
        excluded=tuple(excluded),
    )


def _bare_text(html: str) -> list[str]:
    """The page's text with its tags taken out: the last resort for markup nested deeper than the HTML
    parser goes (libxml2 stops at a depth of 256 and drops what lies below)."""
    html = re.sub(r"(?is)<(script|style|template)\b.*?</\1\s*>", " ", html)
    text = " ".join(unescape(re.sub(r"<[^>]*>", " ", html)).split())
    return [text] if text else []


def _words(text: str | None) -> str:
    return " ".join(_WORD.findall((text or "").casefold()))


def _main_text(tree: HtmlElement) -> HtmlElement | None:
    found = _extract(tree, precision=True)
    words = len(_WORD.findall(found.text or "")) if found is not None else 0
    if words < _SHORT:
        wider = _extract(tree, precision=False)
        if wider is not None and len(_WORD.findall(wider.text or "")) > _WIDER * words:
            found = wider
    return found.body if found is not None else None


def _extract(tree: HtmlElement, *, precision: bool) -> Document | None:
    found = trafilatura.bare_extraction(
        tree,
        fast=True,
        favor_precision=precision,
        favor_recall=not precision,
        include_comments=False,
        include_tables=True,
        include_formatting=True,
        with_metadata=False,
    )
    return found if isinstance(found, Document) else None


# --- trafilatura's XML to Markdown-ish blocks -------------------------------------------


def _blocks(el: HtmlElement) -> list[str]:
    out: list[str] = []
    tag = el.tag
    if tag == "head":
        level = int(el.get("rend", "h2")[1:] or 2) if re.fullmatch(r"h[1-6]", el.get("rend", "")) else 2
        text = _WHOLLY_EMPHASISED.sub(r"\1", _inline(el))
        # Pages mark up interview questions and whole paragraphs as headings; sentences are content.
        sentence = _SENTENCE_END.search(text) and len(text.split()) >= _SENTENCE_HEADING_WORDS
        _add(out, text if sentence or len(text.split()) > _HEADING_WORDS else "#" * level + " " + text)
    elif tag == "list":
        for number, item in enumerate(el.iterchildren("item"), 1):
            marker = f"{number}. " if el.get("rend") == "ol" else "- "
            _add(out, marker + _inline(item, skip="list"))
            for nested in item.iterchildren("list"):
                out.extend(_blocks(nested))
    elif tag == "table":
        for row in el.iter("row"):
            _add(out, " | ".join(c for cell in row.iterchildren("cell") if (c := _inline(cell))))
    elif tag in ("p", "code", "item", "cell"):
        _add(out, _inline(el))
    else:  # body, quote, div: their own text, then their blocks
        if text := _clean(el.text):
            _add(out, text)
        for child in el:
            out.extend(_blocks(child))
            if tail := _clean(child.tail):
                _add(out, tail)
    return out


def _add(out: list[str], block: str) -> None:
    lines = [" ".join(line.split()) for line in block.split("\n")]
    text = "\n".join(line for line in lines if line)
    if text.strip(" #-*|") and not re.fullmatch(r"(?:#+|\d+\.|-)\s*", text):
        out.append(text)


def _clean(text: str | None) -> str:
    return " ".join((text or "").split())


def _inline(el: HtmlElement, skip: str = "") -> str:
    parts = [el.text or ""]
    for child in el:
        if child.tag == skip:
            pass
        elif child.tag == "lb":
            parts.append("\n")
        elif child.tag == "hi" and (inner := _inline(child)).strip():
            mark = "**" if child.get("rend") == "#b" else "*" if child.get("rend") == "#i" else ""
            core = " ".join(inner.split())
            # The marks go round the words; spaces inside the element stay outside them.
            lead, trail = inner[: len(inner) - len(inner.lstrip())], inner[len(inner.rstrip()) :]
            parts.append(f"{lead}{mark}{core}{mark}{trail}")
        elif child.tag != "graphic":
            parts.append(_inline(child))
        parts.append(child.tail or "")
    return re.sub(r"[ \t]+", " ", "".join(parts)).strip()


# --- what was left out ---------------------------------------------------------------------


@dataclass(frozen=True)
class _Run:
    """A stretch of one block's own text on the page."""

    block: HtmlElement
    shown: str  # whitespace collapsed
    words: str  # casefolded words, space-separated
    linked: int  # how many of its words are link text


class _Page:
    """The page's text in runs, and where each run sits."""

    def __init__(self, tree: HtmlElement) -> None:
        self.places = _Places()
        self.runs: list[_Run] = []
        body = tree if tree.tag != "html" else tree.find("body")  # a fragment has no <body>
        if body is not None:
            etree.strip_elements(body, *_SKIP, with_tail=False)
            self.runs = self._runs(body)

    def _runs(self, body: HtmlElement) -> list[_Run]:
        found: list[tuple[HtmlElement, list[str], int]] = []
        for piece in body.xpath(".//text()"):
            if not piece.strip():
                continue
            holder = piece.getparent()
            if piece.is_tail:
                holder = holder.getparent()
            block = self.places.block(holder)
            linked = len(piece.split()) if holder.tag == "a" else 0
            if found and found[-1][0] is block:
                found[-1][1].append(piece)
                found[-1] = (block, found[-1][1], found[-1][2] + linked)
            else:
                found.append((block, [piece], linked))
        runs = []
        for block, pieces, linked in found:
            shown = " ".join(" ".join(pieces).split())
            if words := _words(shown):
                runs.append(_Run(block, shown, words, linked))
        return runs

    def story_runs(self) -> list[str]:
        """The page's own text outside navigation, sidebars and the like: the reading of a page the
        extractor found no story in (a fragment, a page of a few lines)."""
        return [run.shown for run in self.runs if self.places.reason(run.block) not in _ELSEWHERE]

    def standfirst(self, blocks: list[str], title: str | None) -> list[str]:
        """The summary paragraphs between the headline and the story, which extractors tend to leave out.

        They are content (clean-up decides whether they also make the summary line), so they go back in
        front of the reading: sentences, not a byline or a date line, outside captions and page furniture.
        """
        kept = f" {_words(chr(10).join(blocks))} "
        heads = [
            i
            for i, run in enumerate(self.runs)
            if title and run.words == _words(title) and self.places.reason(run.block) not in _ELSEWHERE
        ]
        found: list[str] = []
        for run in self.runs[heads[0] + 1 :] if heads else []:
            if f" {run.words} " in kept or len(found) == _STANDFIRST_PARAGRAPHS:
                break
            reason = self.places.reason(run.block)
            if (
                reason is None
                and _STANDFIRST_WORDS[0] <= len(run.words.split()) <= _STANDFIRST_WORDS[1]
                and _SENTENCE_END.search(run.shown)
                and not byline_name(run.shown)
            ):
                found.append(run.shown)
        return found

    def without_elsewhere(self, blocks: list[str]) -> list[str]:
        """The extractor's blocks less those that only sit in a related box, a sidebar, comments or the like.

        Only a minority of the reading can go: a story whose own container is marked like a sidebar
        (``class="content has-sidebar"``) is still the story.
        """
        runs: dict[str, list[_Run]] = {}
        for run in self.runs:
            runs.setdefault(run.words, []).append(run)
        words = [_words(block) for block in blocks]
        elsewhere = {
            i
            for i, said in enumerate(words)
            if said in runs and all(self.places.reason(run.block) in _ELSEWHERE for run in runs[said])
        }
        moved = sum(len(words[i].split()) for i in elsewhere)
        if not elsewhere or moved > _ELSEWHERE_SHARE * sum(len(said.split()) for said in words):
            return blocks
        return [block for i, block in enumerate(blocks) if i not in elsewhere]

    def left_out(self, text: str, meta: PageMeta) -> tuple[list[Excluded], str | None, str | None]:
        """Each run the main text does not hold, with its reason; and, found among them, the story's
        byline and the copyright holder a page footer names."""
        kept = f" {_words(text)} "
        title = _words(meta.title)
        author = _words(meta.author).split()[:2]
        merged: list[tuple[str, list[str]]] = []
        byline = holder = None
        for run in self.runs:
            if f" {run.words} " in kept:
                continue
            reason = "title" if run.words == title else self.places.reason(run.block)
            if author and len(run.words.split()) <= 12 and all(name in run.words.split() for name in author):
                reason = "byline"
            elif reason in (None, "byline") and byline is None and byline_name(run.shown):
                reason, byline = "byline", run.shown
            elif reason is None:
                reason = "links" if run.linked >= 0.6 * len(run.shown.split()) else "outside main text"
            if reason == "footer" and holder is None and (credit := COPYRIGHT.match(run.shown)):
                holder = credit.group("holder").split(". ")[0].strip(" .") or None
            if merged and merged[-1][0] == reason != "title":
                merged[-1][1].append(run.shown)
            else:
                merged.append((reason, [run.shown]))
        found = [Excluded("", " · ".join(texts), reason) for reason, texts in merged]
        return found, byline, holder


class _Places:
    """Where an element sits: its nearest block, and the reason its part of the page gives (remembered)."""

    def __init__(self) -> None:
        self.blocks: dict[HtmlElement, HtmlElement] = {}
        self.reasons: dict[HtmlElement, str | None] = {}

    def block(self, el: HtmlElement) -> HtmlElement:
        climbed = []
        node: HtmlElement | None = el
        while node is not None and node not in self.blocks and node.tag not in _BLOCKS:
            climbed.append(node)
            node = node.getparent()
        found = el if node is None else self.blocks.get(node, node)
        for seen in climbed:
            self.blocks[seen] = found
        return found

    def reason(self, el: HtmlElement) -> str | None:
        climbed = []
        found: str | None = None
        node: HtmlElement | None = el
        while node is not None and node.tag not in ("body", "html"):
            if node in self.reasons:
                found = self.reasons[node]
                break
            climbed.append(node)
            if found := _REASON_TAGS.get(node.tag) or _marked_reason(node):
                break
            node = node.getparent()
        # Everything climbed below the element that gave the reason sits in its part of the page.
        for seen in climbed:
            self.reasons[seen] = found
        return found


def _marked_reason(el: HtmlElement) -> str | None:
    marks = f"{el.get('class') or ''} {el.get('id') or ''} {el.get('role') or ''}"
    if not marks.strip():
        return None
    for mark in marks.split():
        if match := _MARKS.search(mark):
            return _MARK_REASONS[match.lastgroup or ""]
    return None
