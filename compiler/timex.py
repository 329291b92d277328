"""Temporal tagger (placeholder until the full tagger lands)."""
from __future__ import annotations

import re

from compiler.model import Timex

_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december"]
_DATE = re.compile(r"\b(\d{1,2}) (" + "|".join(m.title() for m in _MONTHS) + r")(?: (\d{4}))?\b")


def tag(text: str, dct: str | None, *, day_first: bool = True) -> list[Timex]:
    found = []
    for m in _DATE.finditer(text):
        year = m.group(3) or (dct[:4] if dct else "XXXX")
        month = _MONTHS.index(m.group(2).lower()) + 1
        found.append(Timex(m.start(), m.end(), m.group(0), f"{year}-{month:02d}-{int(m.group(1)):02d}"))
    return found


def precision(value: str) -> str:
    return {10: "day", 7: "month", 4: "year"}.get(len(value), "unknown")


def sort_key(value: str, mod: str | None) -> tuple:
    return ("X" in value, value, {"START": 0, "MID": 1, "END": 2}.get(mod or "", 0))


def label(value: str, mod: str | None) -> str:
    return value if not mod else f"{mod.lower()} {value}"
