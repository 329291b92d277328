"""TIMEX3 values: their precision, their order, and how a reader says them ("late November 1999").

Values: ``2020-05-26``, ``2020-05``, ``2020``, ``2020-SP``, ``2020-Q1``,
``2020-H1``, ``2020-W22``, ``202`` (decade), ``20`` (century); a ``mod``
is START, MID, END or None.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from briefpack.text.knowledge import MONTH_NAMES, WEEKDAY_NAMES

SEASON_ORDER = {"SP": 1, "SU": 2, "FA": 3, "WI": 4}


SEASON_START_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


SEASON_NAMES = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}


MOD_WORDS = {"START": "early", "MID": "mid", "END": "late"}


UNKNOWN = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "quarter": "XXXX-QX", "year": "XXXX"}


def season_position(month: int) -> int:
    """Where a month falls among the seasons, comparable with SEASON_ORDER.

    January and February sit in the winter that bears their year's number
    (2021-WI), before that year's spring.
    """
    return 0 if month <= 2 else (month - 3) // 3 + 1


def days_in(year: int | None, month: int) -> int:
    return calendar.monthrange(year or 2000, month)[1]  # 2000: a leap year, for "29 February"


def shift(unit: str, offset: int, year: int | None, month: int | None, day: int | None) -> str:
    """The ``unit`` that lies ``offset`` units from the given date, or X if too coarse."""
    if year is None:
        return UNKNOWN[unit]
    if unit in ("day", "week"):
        if month is None or day is None:
            return UNKNOWN[unit]
        moved = dt.date(year, month, day) + dt.timedelta(days=offset * (7 if unit == "week" else 1))
        if unit == "day":
            return moved.isoformat()
        iso = moved.isocalendar()
        return f"{iso[0]:04d}-W{iso[1]:02d}"
    if unit in ("month", "quarter") and month is None:
        return UNKNOWN[unit]
    if unit == "month" and month is not None:
        index = year * 12 + month - 1 + offset
        return f"{index // 12:04d}-{index % 12 + 1:02d}"
    if unit == "quarter" and month is not None:
        index = year * 4 + (month - 1) // 3 + offset
        return f"{index // 4:04d}-Q{index % 4 + 1}"
    return f"{year + offset:04d}"


_PRECISION_PATTERNS = [
    ("day", re.compile(r"[\dX]{4}-[\dX]{2}-[\dX]{2}|[\dX]{4}-W[\dX]{2}-[1-7]")),
    ("week", re.compile(r"[\dX]{4}-W[\dX]{2}")),
    ("season", re.compile(r"[\dX]{4}-(?:SP|SU|FA|WI)")),
    ("quarter", re.compile(r"[\dX]{4}-Q[1-4X]")),
    ("half", re.compile(r"[\dX]{4}-H[12X]")),
    ("month", re.compile(r"[\dX]{4}-[\dX]{2}")),
    ("year", re.compile(r"[\dX]{4}")),
    ("decade", re.compile(r"\d{3}")),
    ("century", re.compile(r"\d{2}")),
]


_PRECISION_RANK = {
    "century": 0,
    "decade": 1,
    "year": 2,
    "half": 3,
    "quarter": 4,
    "season": 5,
    "month": 6,
    "week": 7,
    "day": 8,
    "unknown": 9,
}


_MOD_RANK = {None: 0, "START": 1, "MID": 2, "END": 3}


def precision(value: str) -> str:
    """How fine a value is: day, week, month, season, quarter, half, year, decade, century or unknown."""
    for name, pattern in _PRECISION_PATTERNS:
        if pattern.fullmatch(value):
            return name
    return "unknown"


def sort_key(value: str, mod: str | None) -> tuple:
    """Order values by the start of their period, coarser first, X-values last."""
    kind = precision(value)
    rank = _PRECISION_RANK[kind]
    start = None if "X" in value else _period_start(value, kind)
    if start is None:
        return (1, 0, 0, 0, rank, _MOD_RANK.get(mod, 0), value)
    return (0, *start, rank, _MOD_RANK.get(mod, 0), value)


def _period_start(value: str, kind: str) -> tuple[int, int, int] | None:
    if kind == "century":
        return int(value) * 100, 1, 1
    if kind == "decade":
        return int(value) * 10, 1, 1
    year, rest = int(value[:4]), value[5:]
    if kind in ("week", "day") and rest.startswith("W"):
        try:
            start = dt.date.fromisocalendar(year, int(rest[1:3]), int(rest[4:] or 1))
        except ValueError:
            return None
        return start.year, start.month, start.day
    if kind == "day":
        return year, int(rest[:2]), int(rest[3:5])
    if kind == "month":
        return year, int(rest), 1
    if kind == "season":
        return year, SEASON_START_MONTH[rest], 1
    if kind == "quarter":
        return year, 3 * int(rest[1]) - 2, 1
    if kind == "half":
        return year, 6 * int(rest[1]) - 5, 1
    if kind == "year":
        return year, 1, 1
    return None


def period_bounds(value: str) -> tuple[dt.date, dt.date] | None:
    """The first and last day a value covers, or None when it holds an X or is not a date."""
    kind = precision(value)
    start = None if "X" in value or kind == "unknown" else _period_start(value, kind)
    if start is None:
        return None
    first = dt.date(*start)
    if kind == "century":
        return first, dt.date(first.year + 99, 12, 31)
    if kind == "decade":
        return first, dt.date(first.year + 9, 12, 31)
    if kind == "year":
        return first, dt.date(first.year, 12, 31)
    if kind == "day":
        return first, first
    if kind == "week":
        return first, first + dt.timedelta(days=6)
    months = {"month": 1, "season": 3, "quarter": 3, "half": 6}[kind]
    index = first.year * 12 + first.month - 1 + months
    return first, dt.date(index // 12, index % 12 + 1, 1) - dt.timedelta(days=1)


def event_label(value: str, mod: str | None, end: str | None = None) -> str:
    """How a reader says an event's date, a range included: "3–4 June 2000", "1991 – 1997"."""
    if not end:
        return label(value, mod)
    if precision(value) == precision(end) == "day" and value[:7] == end[:7] and "X" not in value + end:
        return f"{int(value[8:10])}–{label(end, None)}"
    return f"{label(value, mod)} – {label(end, None)}"


def label(value: str, mod: str | None) -> str:
    """How a reader says a value: "26 May 2020", "late November 2019", "week of 18 November 2019",
    "about 25 November 1999" (an approximate date), "the 2010s", "Q1 2020"."""
    if mod == "APPROX":
        return f"about {label(value, None)}"
    kind = precision(value)
    prefix = MOD_WORDS.get(mod or "", "")
    year = value[:4]
    known = year != "XXXX"

    def with_year(name: str, separator: str = " ") -> str:
        return f"{name}{separator}{year}" if known else f"{name} (year unknown)"

    if kind == "century":
        number = int(value) + 1
        suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
        return _prefixed(f"{number}{suffix} century", prefix, "the ")
    if kind == "decade":
        return _prefixed(f"{value}0s", prefix, "the ")
    if kind == "year":
        if not known:
            return "year unknown"
        return f"mid-{year}" if prefix == "mid" else _prefixed(year, prefix)
    if kind == "month":
        if value[5:] == "XX":
            return "month unknown"
        month = MONTH_NAMES[int(value[5:7]) - 1]
        return with_year(f"mid-{month}" if prefix == "mid" else _prefixed(month, prefix))
    if kind == "day":
        if "W" in value:
            weekday = WEEKDAY_NAMES[int(value[-1]) - 1]
            return f"a {weekday} (date unknown)" if "X" in value else value
        if value[5:] == "XX-XX":
            return "date unknown"
        return with_year(f"{int(value[8:10])} {MONTH_NAMES[int(value[5:7]) - 1]}")
    if kind == "season":
        return with_year(_prefixed(SEASON_NAMES[value[5:]], prefix))
    if kind == "quarter":
        return with_year(value[5:]) if value[6] != "X" else "quarter unknown"
    if kind == "half":
        return with_year(value[5:]) if value[6] != "X" else "half unknown"
    if kind == "week":
        bounds = period_bounds(value)
        if bounds is None:
            return "week unknown"
        monday = bounds[0]
        return f"week of {monday.day} {MONTH_NAMES[monday.month - 1]} {monday.year}"
    return value


def _prefixed(text: str, prefix: str, article: str = "") -> str:
    return f"{article}{prefix} {text}" if prefix else f"{article}{text}"
