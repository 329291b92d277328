"""Typography: TeX-style and straight quotes become the language's own, ``--`` a dash.

Wire services and plain-text archives write quotes as ````like this''`` (TeX)
or with the straight ``"`` and ``'`` of a typewriter, and a dash as ``--``.
A printed pack uses the quotes of its language and real dashes.  A straight
quote opens after a space, an opening bracket or a dash (or at the start) and
closes elsewhere; a straight single quote between letters or after one is an
apostrophe.  Text that already uses typographic quotes keeps them.
"""

from __future__ import annotations

import re

# (open double, close double, open single, close single) by language.
_QUOTES = {
    "en": ("“", "”", "‘", "’"),
    "de": ("„", "“", "‚", "‘"),
    "fr": ("«\u202f", "\u202f»", "‹\u202f", "\u202f›"),
    "es": ("«", "»", "“", "”"),
    "it": ("«", "»", "“", "”"),
    "ru": ("«", "»", "„", "“"),
    "pl": ("„", "”", "«", "»"),
    "nl": ("“", "”", "‘", "’"),
}
APOSTROPHE = "’"
_OPENS_AFTER = "([{—–-/“‘„«‚ \t\n"

_MARKUP = re.compile(r"<[A-Za-z!/][^<>]*>")
_SPACED_DASH = re.compile(r"(?<=\S) ?---? ?(?=\S)")
_SINGLE_CLOSE = re.compile(r"(?<=[\w.,!?])'(?!\w)")
_NUMBER_RANGE = re.compile(r"(?<=\d)--(?=\d)")


def typographic(text: str, language: str = "en") -> str:
    """``text`` with TeX and straight quotes made typographic and ``--`` made a dash.

    A paragraph that quotes markup (``<object data="...">``, ``<style>url("...")</style>``)
    is about code, where a straight quote is syntax: it is left as written.
    """
    if not any(mark in text for mark in ("``", "''", '"', "'", "--")) or _MARKUP.search(text):
        return text
    return _quotes(_dashes(text), language)


def _quotes(text: str, language: str) -> str:
    od, cd, os_, cs = _QUOTES.get(language.split("-")[0].lower(), _QUOTES["en"])
    if "``" in text:
        text = text.replace("``", od).replace("''", cd)
        text = re.sub(r"(?:(?<=^)|(?<=[\s(\[“„«—]))`(?=\w)", os_, text)
    text = _straight(text, '"', od, cd)
    return _singles(text, os_, cs)


def _dashes(text: str) -> str:
    text = _NUMBER_RANGE.sub("–", text)

    def dash(match: re.Match[str]) -> str:
        found = match.group(0)
        spaced = found.startswith(" ") and found.endswith(" ")
        if "--" not in found or (found.startswith(" ") != found.endswith(" ")):
            return found  # a lone hyphen, or "--flag" after a space
        return " — " if spaced else "—"

    return _SPACED_DASH.sub(dash, text)


def _straight(text: str, mark: str, opening: str, closing: str) -> str:
    out = []
    for i, char in enumerate(text):
        if char != mark:
            out.append(char)
            continue
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        out.append(opening if before in _OPENS_AFTER and not after.isspace() else closing)
    return "".join(out)


def _singles(text: str, opening: str, closing: str) -> str:
    """Apostrophes, and single quotes that open after a space and close later."""
    if "'" not in text:
        return text
    # The last quote that could close one (after a letter or a stop, before a non-letter): found once, so linear.
    closers = [m.start() for m in _SINGLE_CLOSE.finditer(text)]
    last_closer = closers[-1] if closers else -1
    out = []
    inside = False
    for i, char in enumerate(text):
        if char != "'":
            out.append(char)
            continue
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if not inside and before in _OPENS_AFTER and after.isalpha() and last_closer > i:
            out.append(opening)
            inside = True
        elif inside and not after.isalnum():
            out.append(closing)
            inside = False
        else:
            out.append(APOSTROPHE)
    return "".join(out)
