"""Reading sources: bytes on disk to one plain text per source.

Every format is turned into the same shape of text, which ``compiler.clean``
then splits into body paragraphs and furniture:

* paragraphs are separated by blank lines (plain text keeps its own layout,
  hard wrapping included: joining wrapped lines is clean-up's job);
* a heading is a Markdown ``#`` line (``# Title``, ``## Section``);
* a list item is its own paragraph and keeps its marker (``- `` or ``1. ``);
* inline emphasis stays as Markdown ``*em*`` / ``**strong**`` in the text, and
  the renderer converts it with ``inline_markdown_to_html``;
* an HTML ``<figcaption>`` becomes a paragraph starting ``Image caption:``,
  the same label real scraped pages carry, so clean-up's general caption rule
  excludes it.

Formats:

* **txt** - UTF-8 (a BOM is dropped); otherwise Windows-1252, then Latin-1,
  with a warning naming the file.  Binary, empty or oversized files are
  refused with a ``SourceError``.
* **md** - Markdown is kept as Markdown with a few normalisations: lines of
  a paragraph are joined (a single newline is a space in Markdown), each list
  item becomes its own paragraph, Setext headings become ``#`` lines, links
  keep only their text, images are dropped, YAML front matter's ``title`` and
  ``author`` become a ``# title`` line and a ``By author`` line.
* **html** - parsed with the standard library's ``html.parser`` (nothing is
  ever fetched).  ``script``, ``style``, ``nav``, ``aside``, ``form`` and the
  like are dropped everywhere; the article body is the largest ``<article>``,
  else ``<main>``, else ``<body>``.  ``header``/``footer`` are dropped as
  page chrome outside that body but kept inside it, where they hold the
  article's own headline, byline and credits for clean-up to classify.
* **pdf** - text via pypdf.  An encrypted PDF that does not open with the
  empty password is refused, as is one without a text layer.  Running
  headers and footers (a line, digits ignored, repeated at the top or bottom
  of most pages) and lone page-number lines are removed, and pages are joined
  with a plain line break so that a paragraph running across a page break is
  rejoined by clean-up's line joining.
"""
from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import markupsafe

from compiler.errors import SourceError
from compiler.model import SourceSpec

FORMATS = ("txt", "md", "html", "pdf")


def read_source(spec: SourceSpec, *, max_bytes: int) -> tuple[str, list[str]]:
    """Read ``spec.path`` as ``spec.format``; return the text and any warnings."""
    if spec.format not in FORMATS:
        raise SourceError(f"unknown source format {spec.format!r} (expected one of {', '.join(FORMATS)})", path=spec.path)
    data = _read_bytes(spec.path, max_bytes)
    if spec.format == "pdf":
        text, warnings = _pdf_text(data, spec.path), []
    else:
        text, warnings = _decode(data, spec.path)
        if spec.format == "md":
            text = markdown_text(text)
        elif spec.format == "html":
            text = html_text(text)
    if not text.strip():
        raise SourceError("has no text" if spec.format in ("html", "md") else "is empty", path=spec.path)
    return text, warnings


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise SourceError(f"is {size:,} bytes, over the limit of {max_bytes:,} bytes", path=path)
        data = path.read_bytes()
    except FileNotFoundError:
        raise SourceError("does not exist", path=path) from None
    except IsADirectoryError:
        raise SourceError("is a directory, not a file", path=path) from None
    except OSError as exc:
        raise SourceError(f"cannot be read: {exc.strerror or exc}", path=path) from None
    if len(data) > max_bytes:  # the file grew between stat and read
        raise SourceError(f"is {len(data):,} bytes, over the limit of {max_bytes:,} bytes", path=path)
    if not data.strip():
        raise SourceError("is empty", path=path)
    return data


def _decode(data: bytes, path: Path) -> tuple[str, list[str]]:
    if _looks_binary(data):
        raise SourceError("is a binary file, not text", path=path)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
        return text, [f"{_name(path)}: not UTF-8, decoded as Windows-1252"]
    except UnicodeDecodeError:
        # Latin-1 maps every byte, so it cannot fail; cp1252 leaves five bytes undefined.
        return data.decode("latin-1"), [f"{_name(path)}: not UTF-8, decoded as Latin-1"]


def _name(path: Path) -> str:
    return Path(path).name


def _looks_binary(data: bytes) -> bool:
    """NUL bytes, or more than a tenth control characters, mean binary.

    UTF-16 text has NULs too; it is rare enough in clippings that refusing it
    with a clear message beats guessing.
    """
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(b < 32 and b not in (9, 10, 12, 13) for b in sample)
    return controls > 0.1 * len(sample)


# --- Markdown -----------------------------------------------------------------------

_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n(?:---|\.\.\.)\s*(?:\n|\Z)", re.S)
_MD_LIST = re.compile(r"^\s{0,3}(?:([-*+])|(\d{1,3}[.)]))\s+(.*)$")
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_MD_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_MD_RULE = re.compile(r"^\s{0,3}([-*_])(?:\s*\1){2,}\s*$")


def markdown_text(md: str) -> str:
    """Normalise Markdown to one paragraph, heading or list item per blank-line block."""
    md = md.replace("\r\n", "\n").replace("\r", "\n")
    blocks: list[str] = []
    front = _FRONT_MATTER.match(md)
    if front:
        fields = dict(re.findall(r"^(title|author):\s*[\"']?(.*?)[\"']?\s*$", front.group(1), re.M | re.I))
        fields = {k.lower(): v for k, v in fields.items()}
        if fields.get("title"):
            blocks.append("# " + fields["title"])
        if fields.get("author"):
            blocks.append("By " + fields["author"])
        md = md[front.end():]
    current: list[str] = []
    fenced = False

    def flush() -> None:
        if current:
            blocks.append(" ".join(current) if not fenced else "\n".join(current))
            current.clear()

    for line in md.split("\n"):
        if _MD_FENCE.match(line):
            flush()
            fenced = not fenced
            continue
        if fenced:
            current.append(line)
            continue
        stripped = line.strip()
        if not stripped or _MD_RULE.match(line) and not current:
            flush()
            continue
        if (setext := _MD_SETEXT.match(line)) and current and len(current) == 1 and not _MD_LIST.match(current[0]):
            level = "#" if setext.group(1)[0] == "=" else "##"
            blocks.append(f"{level} {current.pop()}")
            continue
        if heading := _MD_HEADING.match(line):
            flush()
            blocks.append(f"{heading.group(1)} {heading.group(2)}")
            continue
        if item := _MD_LIST.match(line):
            flush()
            current.append(("- " if item.group(1) else item.group(2) + " ") + item.group(3).strip())
            continue
        current.append(re.sub(r"^(?:>\s?)+", "", stripped))
    flush()
    return "\n\n".join(_md_inline(b) for b in blocks if b.strip())


def _md_inline(text: str) -> str:
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)  # images carry no prose
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"<(https?://[^>\s]+)>", r"\1", text)
    return re.sub(r"[ \t]+", " ", text).strip()


_STRONG = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_EM_STAR = re.compile(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])")
_EM_UNDERSCORE = re.compile(r"(?<![\w_])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w_])")


def inline_markdown_to_html(text: str) -> markupsafe.Markup:
    """Escape ``text`` completely, then turn only ``**x**``, ``*x*`` and ``_x_`` into strong/em.

    Underscores inside words (``snake_case``) and lone asterisks stay literal.
    """
    return markupsafe.Markup(emphasis_to_html(str(markupsafe.escape(text))))


def emphasis_to_html(escaped: str) -> str:
    """Turn the Markdown emphasis of already escaped HTML into strong/em; nothing else changes."""
    escaped = _STRONG.sub(r"<strong>\1</strong>", escaped)
    escaped = _EM_STAR.sub(r"<em>\1</em>", escaped)
    return _EM_UNDERSCORE.sub(r"<em>\1</em>", escaped)


# --- HTML -----------------------------------------------------------------------------

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
    __slots__ = ("tag", "children", "parent")

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


# --- PDF ------------------------------------------------------------------------------

_PAGE_NUMBER = re.compile(
    r"^\s*(?:[-–—]\s*)?(?:(?:page|p\.|pg\.?)\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?(?:\s*[-–—])?\s*$", re.I
)
_EDGE = 2  # how many lines at the top and at the bottom of a page may be running furniture


def _pdf_text(data: bytes, path: Path) -> str:
    import io

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise SourceError("is encrypted; save an unencrypted copy to use it", path=path)
        pages = [page.extract_text() or "" for page in reader.pages]
    except SourceError:
        raise
    except Exception as exc:  # pypdf raises many types for damaged files
        if isinstance(exc, PdfReadError) and "decrypt" in str(exc).lower():
            raise SourceError("is encrypted; save an unencrypted copy to use it", path=path) from None
        raise SourceError(f"is not a readable PDF ({exc})", path=path) from None
    if not any(page.strip() for page in pages):
        raise SourceError("has no text layer (scanned?); run OCR on it first", path=path)
    return join_pdf_pages(pages)


def join_pdf_pages(pages: list[str]) -> str:
    """Drop running headers/footers and page numbers, then join pages into one text."""
    page_lines = [[line for line in page.replace("\r", "\n").split("\n")] for page in pages]
    page_lines = [[line for line in lines if line.strip()] for lines in page_lines]
    top = _running_lines([lines[:_EDGE] for lines in page_lines])
    bottom = _running_lines([lines[-_EDGE:] for lines in page_lines])
    kept: list[str] = []
    for lines in page_lines:
        n = len(lines)
        for i, line in enumerate(lines):
            at_top, at_bottom = i < _EDGE, i >= n - _EDGE
            if (at_top or at_bottom) and _PAGE_NUMBER.match(line):
                continue
            if (at_top and _shape(line) in top) or (at_bottom and _shape(line) in bottom):
                continue
            kept.append(line)
    return "\n".join(kept)


def _shape(line: str) -> str:
    # Digits vary from page to page in "Energy Review | page 3"; compare without them.
    return re.sub(r"\d+", "#", " ".join(line.split())).lower()


def _running_lines(edges: list[list[str]]) -> set[str]:
    """Line shapes found in the same edge (top or bottom) of at least 60% of two or more pages."""
    if len(edges) < 2:
        return set()
    counts: Counter[str] = Counter()
    for lines in edges:
        counts.update({_shape(line) for line in lines})
    need = max(2, round(0.6 * len(edges)))
    return {shape for shape, count in counts.items() if count >= need}
