"""A web page's own metadata: title, author, publisher and publication day.

A page states its metadata several times over, in places of unequal trust. Each field is ranked:

* **title** - the page's headline as shown (an ``<h1>`` outside navigation, sidebars and comments) when it
  agrees with what the page declares about itself (``og:title``, ``twitter:title``, a JSON-LD headline,
  ``<title>``); else the story's own ``<h1>`` (inside ``<article>`` or ``<main>``, three words or more);
  else the declared title with the site's name or section cut off (a one- or two-word declared title
  only where the page shows no headline); else the first such ``<h1>``. A heading that is only the
  site's name never wins.
* **author** - a JSON-LD article's people, ``<meta name=author>`` and its relatives; where these differ,
  the first that the page also shows (a content system may name the posting account). Failing them, a
  byline element (``rel=author``, ``itemprop=author``, an ``author`` or ``byline`` class) outside
  comments and sidebars, cut at the date or separator after the name; then a JSON-LD organisation.
* **published** - a JSON-LD article's ``datePublished``, then ``article:published_time`` and the other
  publication-date tags, then a ``<time datetime>`` in the story's own part of the page (never inside a
  comment, a sidebar, a related-links box, a quoted or embedded post such as a tweet), then a date in the
  page's own address.
* **publisher** - ``og:site_name``, a JSON-LD publisher or web site name, ``application-name``.

Page-level declarations come first because they describe the page as a whole; text found in the body
can describe anything the page embeds.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from lxml.html import HtmlElement

from briefpack.text.knowledge import MONTHS

_ARTICLE_TYPES = re.compile(r"(?:Article|BlogPosting|Posting|Report|Review|WebPage|CreativeWork)$")
_SEPARATOR_CHARS = " |-–—:·»•~"
_SEPARATORS = re.compile(r"\s+[|\-–—:·»•~]\s+|\s*[|·»•]\s*")
_ISO_DAY = re.compile(r"((?:19|20)\d\d)-([01]\d)-([0-3]\d)")
_URL_DAY = re.compile(r"/((?:19|20)\d\d)/([01]\d)/([0-3]\d)(?:/|$)")
# A class or id word naming a part of the page that is not the story (matched whole, between - or _).
_HOSTILE = re.compile(
    r"(?:^|[-_])(?:comments?|sidebar|related|recommended|recommendations?|teasers?|promo|widgets?|popular|"
    r"trending|most-read|newsletter|twitter|tweet|instagram|embed|social|share|footer|nav|navbar|navigation|"
    r"menu|breadcrumbs?|ads?|advert|advertisement|sponsored|outbrain|taboola)(?:$|[-_])",
    re.I,
)
_HOSTILE_TAGS = frozenset({"aside", "nav", "footer", "blockquote", "form", "figure", "menu"})
_AUTHOR_META = ("author", "article:author", "parsely-author", "sailthru.author", "byl", "dc.creator", "dcterms.creator")
_DATE_META = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "article.published",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dcterms.created",
    "dc.date",
    "date",
)
_WORD = re.compile(r"\w+")
# Elements that hold a byline, the most specific first.
_BYLINE_ELEMENTS = (
    '//*[@rel="author"]',
    '//*[@itemprop="author"]',
    '//*[contains(concat(" ", @class, " "), " author-name ") or contains(concat(" ", @class, " "), " author ")]',
    '//*[contains(@class, "byline")]',
)
# Where a byline's name ends: a separator, or the date or time after it.
_BYLINE_END = re.compile(r"\s*(?:[·|•,;—–]|\s-\s|\bon\s+\w+\s+\d|\d)")
_WORDY_DAY = re.compile(
    r"(?i)\b(?:(?P<m1>[a-z]{3,9})\.?\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?,?|(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+"
    r"(?P<m2>[a-z]{3,9})\.?,?)\s+(?P<y>(?:19|20)\d\d)\b"
)


@dataclass(frozen=True)
class PageMeta:
    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    published: str | None = None  # YYYY-MM-DD


def page_meta(tree: HtmlElement) -> PageMeta:
    """What the page says about itself, each field from its most trusted statement."""
    meta = _meta_tags(tree)
    linked = _json_ld(tree)
    publisher = _first(meta.get("og:site_name"), linked.publisher, meta.get("application-name"))
    return PageMeta(
        title=_title(tree, meta, linked, _site(tree, meta, linked)),
        author=_author(tree, meta, linked),
        publisher=publisher,
        published=_published(tree, meta, linked),
    )


def _first(*values: str | None) -> str | None:
    return next((v for v in values if v), None)


def _clean(text: str | None) -> str:
    return " ".join((text or "").split())


def _words(text: str | None) -> list[str]:
    return _WORD.findall((text or "").casefold())


def _meta_tags(tree: HtmlElement) -> dict[str, str]:
    found: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = el.get("property") or el.get("name") or el.get("itemprop")
        value = _clean(el.get("content"))
        if key and value:
            found.setdefault(key.strip().casefold(), value)
    return found


@dataclass
class _Linked:
    """What the page's JSON-LD says about its article (the first article-like object wins)."""

    headline: str | None = None  # an article's; a web page's ``headline`` only where no article has one
    page_headline: str | None = None
    authors: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    published: str | None = None
    publisher: str | None = None


def _json_ld(tree: HtmlElement) -> _Linked:
    linked = _Linked()
    for script in tree.iter("script"):
        if "ld+json" not in (script.get("type") or "") or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except (ValueError, RecursionError):  # broken, or nested past what the parser allows
            continue
        for obj in _objects(data):
            kinds = obj.get("@type")
            kinds = kinds if isinstance(kinds, list) else [kinds]
            names = [k for k in kinds if isinstance(k, str)]
            if any(k == "WebSite" for k in names) and not linked.publisher:
                linked.publisher = _name(obj)
            if not any(_ARTICLE_TYPES.search(k) for k in names):
                continue
            if any(k.endswith("WebPage") for k in names):
                linked.page_headline = linked.page_headline or _text(obj.get("headline"))
            else:
                linked.headline = linked.headline or _text(obj.get("headline"))
            if not linked.published:
                linked.published = _text(obj.get("datePublished"))
            if not linked.authors and not linked.organisations:
                people, orgs = _authors(obj.get("author"))
                linked.authors, linked.organisations = people, orgs
            if not linked.publisher and isinstance(obj.get("publisher"), dict):
                linked.publisher = _name(obj["publisher"])
    linked.headline = linked.headline or linked.page_headline
    return linked


def _objects(data: object) -> list[dict]:
    """Every JSON-LD object, depth first, including those in a ``@graph``."""
    out: list[dict] = []
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            out.append(item)
            if isinstance(item.get("@graph"), list):
                stack.extend(reversed(item["@graph"]))
    return out


def _text(value: object) -> str | None:
    return (_clean(value) or None) if isinstance(value, str) else None


def _name(obj: object) -> str | None:
    return _text(obj.get("name")) if isinstance(obj, dict) else None


def _authors(value: object) -> tuple[tuple[str, ...], tuple[str, ...]]:
    people: list[str] = []
    orgs: list[str] = []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, str) and _plausible_name(item):
            people.append(_clean(item))
        elif isinstance(item, dict) and (name := _name(item)) and _plausible_name(name):
            (orgs if item.get("@type") == "Organization" else people).append(name)
    return tuple(people), tuple(orgs)


def _plausible_name(text: str) -> bool:
    """A name, not an address, a handle or a login such as ``jsmith-2``."""
    text = text.strip()
    if not text or "://" in text or "@" in text or len(text.split()) > 10:
        return False
    return not (text.isascii() and text == text.lower())


# --- title ----------------------------------------------------------------------------


def _title(tree: HtmlElement, meta: dict[str, str], linked: _Linked, site: _Site) -> str | None:
    page_title = _clean(tree.findtext(".//title"))
    declared = [t for t in (meta.get("og:title"), linked.headline, meta.get("twitter:title"), page_title) if t]
    headings = [h for h in _headings(tree) if not site.names(h)]
    for heading in headings:
        if any(_agrees(heading, title) for title in declared):
            return heading
    # The story's own headline (an <h1> inside its <article> or <main>) over a declared title that differs.
    for h1 in tree.xpath("//article//h1 | //main//h1"):
        if len(_words(text := _clean(h1.text_content()))) > 2 and not _in_hostile(h1) and not site.names(text):
            return text
    for title in declared:
        # A one- or two-word <title> is a label ("Home", "News"), not a headline, where the page shows one.
        if (trimmed := site.cut_from(title)) and (len(_words(trimmed)) > 2 or not headings):
            return trimmed
    return headings[0] if headings else None


def _headings(tree: HtmlElement) -> list[str]:
    return [text for h1 in tree.iter("h1") if (text := _clean(h1.text_content())) and not _in_hostile(h1)]


def _agrees(heading: str, title: str) -> bool:
    """The shown headline is the declared title, or most of it (a site name or section label aside)."""
    h, t = _words(heading), _words(title)
    if not h or not t:
        return False
    parts = _parts(title)
    if h == t or h in (_words(title.split(parts[0], 1)[1]), _words(title.rsplit(parts[-1], 1)[0])):
        return True
    common = len(set(h) & set(t))
    return common / len(set(t)) >= 0.6 and common / len(set(h)) >= 0.8


def _parts(title: str) -> list[str]:
    return [p for p in _SEPARATORS.split(title) if p.strip()] or [title]


@dataclass(frozen=True)
class _Site:
    """The names a page calls its site or section by, to cut them from a declared title."""

    labels: tuple[str, ...]
    host: str  # the address's name without "www." and the top-level domain: "example-news"

    def names(self, text: str) -> bool:
        words = _words(text)
        if not words or any(words == _words(label) for label in self.labels):
            return True
        joined, host = "".join(words), self.host.replace("-", "")
        return len(host) >= 4 and (joined.startswith(host) or host.startswith(joined))

    def cut_from(self, title: str) -> str:
        """``Story - Site`` and ``Site | Story`` lose the site; a title without a site part stays whole."""
        parts = _parts(title)
        if len(parts) < 2:
            return title
        if self.names(parts[-1]):
            return _clean(title[: title.rfind(parts[-1])].rstrip(_SEPARATOR_CHARS))
        if self.names(parts[0]):
            return _clean(title[title.find(parts[0]) + len(parts[0]) :].lstrip(_SEPARATOR_CHARS))
        return title


def _site(tree: HtmlElement, meta: dict[str, str], linked: _Linked) -> _Site:
    labels = (meta.get("og:site_name"), linked.publisher, meta.get("application-name"), meta.get("article:section"))
    host = ""
    for el in tree.xpath("//link[@rel='canonical'] | //meta[@property='og:url']"):
        if match := re.match(r"https?://(?:www\.)?([^/:]+)", el.get("href") or el.get("content") or ""):
            host = match.group(1).casefold().rsplit(".", 1)[0]
            break
    return _Site(tuple(label for label in labels if label), host)


# --- author ---------------------------------------------------------------------------


def _author(tree: HtmlElement, meta: dict[str, str], linked: _Linked) -> str | None:
    """The stated author; where statements differ, the first the page also shows.

    A content system's JSON-LD or ``<meta>`` sometimes names the account that posted the story; the byline
    a reader sees names the writer. A page that states no author may still show a byline element.
    """
    stated = [", ".join(dict.fromkeys(linked.authors))] if linked.authors else []
    stated += [_strip_by(v) for key in _AUTHOR_META if (v := meta.get(key)) and _plausible_name(v)]
    stated = list(dict.fromkeys(stated))
    if len(stated) > 1:
        body = tree.find("body")
        shown = _clean(body.text_content()).casefold() if body is not None else ""
        return next((name for name in stated if name.split(",")[0].casefold() in shown), stated[0])
    if stated:
        return stated[0]
    for query in _BYLINE_ELEMENTS:
        for el in tree.xpath(query):
            text = _byline_text(el.text_content())
            if text and _plausible_name(text) and not _in_hostile(el):
                return text
    return ", ".join(dict.fromkeys(linked.organisations)) or None


def _byline_text(text: str) -> str:
    """A byline element's name: "By Ana Silva · 5 March 2024" -> "Ana Silva"."""
    return _strip_by(_BYLINE_END.split(_clean(text), 1)[0])


def _strip_by(text: str) -> str:
    return re.sub(r"^by\s+", "", text.strip(), flags=re.I).strip()


# --- published ------------------------------------------------------------------------


def _published(tree: HtmlElement, meta: dict[str, str], linked: _Linked) -> str | None:
    for value in (linked.published, *(meta.get(key) for key in _DATE_META)):
        if day := _day(value):
            return day
    for el in tree.xpath("//time[@datetime] | //*[@itemprop='datePublished'][@datetime or @content]"):
        if not _in_hostile(el) and (day := _day(el.get("datetime") or el.get("content"))):
            return day
    for el in tree.xpath("//link[@rel='canonical'] | //meta[@property='og:url']"):
        match = _URL_DAY.search(el.get("href") or el.get("content") or "")
        if match:
            return "-".join(match.groups())
    return None


def _day(value: str | None) -> str | None:
    """The day of an ISO stamp, or of an English one such as ``November 20, 2019 12:32``."""
    if not value:
        return None
    if match := _ISO_DAY.match(value.strip()):
        return "-".join(match.groups())
    if match := _WORDY_DAY.search(value):
        month = MONTHS.get((match.group("m1") or match.group("m2") or "").casefold(), 0)
        day = int(match.group("d1") or match.group("d2"))
        if month and 1 <= day <= 31:
            return f"{match.group('y')}-{month:02d}-{day:02d}"
    return None


def _in_hostile(el: HtmlElement) -> bool:
    """Inside a comment, a sidebar, navigation, a related-links box or an embedded post."""
    node = el.getparent()
    # <body> classes describe the whole page ("has-sidebar", "comments-open"), not where an element sits.
    while node is not None and node.tag not in ("body", "html"):
        if node.tag in _HOSTILE_TAGS:
            return True
        marks = f"{node.get('class') or ''} {node.get('id') or ''}".split()
        if any(_HOSTILE.search(mark) for mark in marks):
            return True
        node = node.getparent()
    return False
