"""Clean-up step 8: the author, publisher, rights and publication date a text states; nothing is invented."""

from __future__ import annotations

import datetime as _dt
import re

from briefpack.model import Exclusion
from briefpack.text.footnotes import Marked
from briefpack.text.knowledge import MONTHS, WEEKDAY_NAMES
from briefpack.text.shapes import BIO, COPYRIGHT, CREDIT, HONORIFICS, byline_name

_MONTH_RE = "(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"


_DATE_PATTERNS = (
    re.compile(r"\b" + _MONTH_RE + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b", re.I),
    re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH_RE + r",?\s+(?P<year>\d{4})\b", re.I),
    re.compile(r"\b(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})\b"),
)
_WEEKDAY = re.compile(r"^(?:" + "|".join(WEEKDAY_NAMES) + r")\.?,?\s+", re.I)


def find_author(marked: Marked) -> str | None:
    for p, r in marked:
        if r == Exclusion.BYLINE:
            return HONORIFICS.sub("", byline_name(p) or p.strip())
    for p, r in marked:
        if r == Exclusion.BIO and (m := BIO.match(p)):
            return HONORIFICS.sub("", m.group("name"))
    return None


def find_publisher(marked: Marked) -> str | None:
    for p, r in marked:
        if r != Exclusion.CREDIT:
            continue
        if m := CREDIT.match(p):
            pub = m.group("pub") or m.group("pub2") or m.group("pub3")
            pub = re.split(r",\s*(?:which|who|and)\b|\s+(?:on|in)\s+(?:\d|" + _MONTH_RE + r")", pub, flags=re.I)[0]
            return pub.strip().rstrip(".").strip() or None
        if m := COPYRIGHT.match(p):
            return m.group("holder").strip().rstrip(".").strip() or None
    return None


def is_rights(text: str) -> bool:
    return bool(re.search(r"copyright|©|\(c\)|all rights reserved|licen[cs]e", text, re.I))


def latest_full_date(text: str) -> str | None:
    """The latest day-precision date ``text`` states, as YYYY-MM-DD, or None."""
    found: list[_dt.date] = []
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            month = int(m.group("mnum")) if "mnum" in m.groupdict() else MONTHS[m.group("month").lower()]
            try:
                found.append(_dt.date(int(m.group("year")), month, int(m.group("day"))))
            except ValueError:
                continue
    return max(found).isoformat() if found else None


def is_date_line(text: str) -> bool:
    """A line that is one full date and nothing else ("May 5, 2023", "Friday, 5 May 2023."): it dates, it never titles."""
    bare = _WEEKDAY.sub("", text.strip()).rstrip(".").strip()
    return any(pattern.fullmatch(bare) for pattern in _DATE_PATTERNS)
