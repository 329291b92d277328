"""Web pages: parsed with the standard library's ``html.parser`` (nothing is
ever fetched).  ``script``, ``style``, ``nav``, ``aside``, ``form`` and the
like are dropped everywhere; the article body is the largest ``<article>``,
else ``<main>``, else ``<body>``.  ``header``/``footer`` are dropped as
page chrome outside that body but kept inside it, where they hold the
article's own headline, byline and credits for clean-up to classify.
"""
from __future__ import annotations

from html.parser import HTMLParser

_DROP = frozenset(
    "script style nav aside form noscript template svg iframe button select input textarea label "
    "object embed canvas dialog menu".split()
)


_CHROME = frozenset({"header", "footer"})


_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())


_BLOCK = frozenset(
    "p div section article main li h1 h2 h3 h4 h5 h6 blockquote figcaption figure pre tr table ul ol "
    "dl dt dd address header footer hr body html details summary".split()
)


# Tags whose open element an opening tag of the same kind implicitly closes.
_AUTO_CLOSE = {"p": {"p"}, "li": {"li"}, "dt": {"dt", "dd"}, "dd": {"dt", "dd"}, "tr": {"tr"}, "td": {"td", "th"}, "th": {"td", "th"}}


_CLOSES_P = _BLOCK - {"figure"}


class _Node:
    __slots__ = ("children", "parent", "tag")

    def __init__(self, tag: str, parent: _Node | None):
        self.tag = tag
        self.children: list[_Node | str] = []
        self.parent = parent


class _TreeBuilder(HTMLParser):
    """A forgiving DOM builder: enough structure to find the article and its blocks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("#root", None)
        self.cur = self.root

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        closes = _AUTO_CLOSE.get(tag, set()) | ({"p"} if tag in _CLOSES_P else set())
        if self.cur.tag in closes:
            self.cur = self.cur.parent or self.root
        node = _Node(tag, self.cur)
        self.cur.children.append(node)
        if tag not in _VOID:
            self.cur = node

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.cur.children.append(_Node(tag, self.cur))

    def handle_endtag(self, tag: str) -> None:
        node = self.cur
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.cur = node.parent

    def handle_data(self, data: str) -> None:
        self.cur.children.append(data)


def html_text(html: str) -> str:
    """The article body of an HTML page as blank-line-separated Markdown-ish blocks."""
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    root = _article_root(builder.root)
    blocks: list[str] = []
    current: list[str] = []

    def flush() -> None:
        text = "".join(current)
        current.clear()
        lines = [" ".join(line.split()) for line in text.split("\n")]
        text = "\n".join(line for line in lines if line)
        if text.strip(" #-") and text.strip():
            blocks.append(text)

    # Inside an <article>/<main>, header and footer are the article's own; around a
    # whole <body> they are the site's.
    keep_chrome = root.tag in ("article", "main")

    def walk(node: _Node | str) -> None:
        if isinstance(node, str):
            current.append(node)
            return
        tag = node.tag
        if tag in _DROP or (tag in _CHROME and not keep_chrome):
            return
        if tag == "br":
            current.append("\n")
            return
        if tag in ("em", "i", "strong", "b") and not _has_block(node):
            inner = _inline(node)
            mark = "**" if tag in ("strong", "b") else "*"
            core = inner.strip()
            if core:
                lead, trail = inner[: len(inner) - len(inner.lstrip())], inner[len(inner.rstrip()):]
                current.append(f"{lead}{mark}{' '.join(core.split())}{mark}{trail}")
            return
        if tag in ("td", "th"):
            current.append(" | " if current and "".join(current).strip() else "")
        block = tag in _BLOCK
        if block:
            flush()
            current.append(_prefix(node))
        for child in node.children:
            walk(child)
        if block:
            flush()

    walk(root)
    flush()
    return "\n\n".join(blocks)


def _prefix(node: _Node) -> str:
    tag = node.tag
    if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
        return "#" * int(tag[1]) + " "
    if tag == "figcaption":
        return "Image caption: "
    if tag == "li":
        parent = node.parent
        if parent is not None and parent.tag == "ol":
            items = [c for c in parent.children if isinstance(c, _Node) and c.tag == "li"]
            return f"{items.index(node) + 1}. "
        return "- "
    return ""


def _has_block(node: _Node) -> bool:
    return any(isinstance(c, _Node) and (c.tag in _BLOCK or _has_block(c)) for c in node.children)


def _inline(node: _Node | str) -> str:
    if isinstance(node, str):
        return node
    if node.tag in _DROP:
        return ""
    if node.tag == "br":
        return "\n"
    return "".join(_inline(c) for c in node.children)


def _text_len(node: _Node | str) -> int:
    if isinstance(node, str):
        return len(node.strip())
    if node.tag in _DROP:
        return 0
    return sum(_text_len(c) for c in node.children)


def _find_all(node: _Node, tag: str) -> list[_Node]:
    found = []
    for child in node.children:
        if isinstance(child, _Node):
            if child.tag == tag:
                found.append(child)
            found.extend(_find_all(child, tag))
    return found


def _article_root(root: _Node) -> _Node:
    for tag in ("article", "main", "body"):
        candidates = _find_all(root, tag)
        if candidates:
            return max(candidates, key=_text_len)
    return root
