"""Markdown sources: Markdown is kept as Markdown with a few normalisations: lines of
a paragraph are joined (a single newline is a space in Markdown), each list
item becomes its own paragraph, Setext headings become ``#`` lines, links
keep only their text, images are dropped, YAML front matter's ``title`` and
``author`` become a ``# title`` line and a ``By author`` line.
"""

from __future__ import annotations

import re

import markupsafe

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
        md = md[front.end() :]
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
        if not stripped or (_MD_RULE.match(line) and not current):
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
