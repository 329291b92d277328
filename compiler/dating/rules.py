"""Extraction rules for the temporal tagger: which spans of a text are dates.

This module only finds and classifies expressions; it does not give them
values (that needs the document creation time and the surrounding text, and
lives in ``timex.py``).  Each rule is a precompiled regular expression and a
small function that turns a match into a ``Found`` record, or rejects it when
the context shows the digits or words are not a date (a count of troops, a
bill number, the modal "may").  Overlapping matches are settled longest-first,
as HeidelTime does, and a modifier ("early", "mid-", "the end of") directly in
front of a coarse expression is then folded into its span.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import replace

from briefpack.dating.found import (
    MODIFIERS,
    Found,
    ago,
    anaphoric,
    anaphoric_season,
    anaphoric_weekday,
    bare_half,
    bare_month,
    century,
    day_date,
    decade,
    deictic_day,
    deictic_unit,
    h_half,
    half,
    iso,
    later,
    modified_unit,
    month_relative_year,
    month_year,
    numeric,
    plain_year,
    q_quarter,
    quarter,
    relative_month,
    season,
    week,
    weekday,
    year_earlier_period,
)
from briefpack.text.knowledge import MONTH_ABBREVIATIONS, MONTH_NAMES

# Month names are matched case-sensitively: news capitalises them, and the
# lower-case "may", "march" and "fall" are verbs far more often than dates.
_MONTH_NAMES = (
    rf"(?:{'|'.join(MONTH_NAMES)})(?![a-z])"
    rf"|(?:{'|'.join(MONTH_ABBREVIATIONS)})(?![a-z])\.?"
)
# Capitals ("12 MARCH 2020") come in headlines, cables and extracted tables. They count only
# beside a day or a year: a bare "MAY" or "MARCH" in a shouted headline is a word.
_MONTH_NAMES_UPPER = (
    rf"(?:{'|'.join(name.upper() for name in (*MONTH_NAMES, *MONTH_ABBREVIATIONS))})"
    r"(?![A-Za-z])\.?"
)
_MONTH = rf"(?P<month>{_MONTH_NAMES})"
_DATED_MONTH = rf"(?P<month>{_MONTH_NAMES}|{_MONTH_NAMES_UPPER})"
_DAY = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:])(?!\.\d)"
# The rest of a range of days, which is dated by its first: "3-4 June", "3 to 5 June", "June 3-4".
_TO_DAY = r"(?:\s*[-–]\s*|\s+(?:to|and)\s+)(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:])(?!\.\d)"
_YEAR = r"(?P<year>(?:1[5-9]|20)\d\d)(?![\d%]|[.,/:]\d)"
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?!\w)"
_NUMBER = r"(?P<count>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
# A number glued to another number, a currency sign or a hash is not a date.
_NOT_AFTER_NUMBER = r"(?<![\w$£€¥#.,/:])"


Rule = tuple[re.Pattern, Callable[[re.Match, str], "Found | None"]]

_NOT_A_TITLE = r"(?!\s+(?:Times|Telegraph|Mirror|Express|Post|Herald|Observer|Mail|Star|Sport|Review)\b)"
_OF_YEAR = rf"(?:\s+of\s+(?:{_YEAR}|(?P<rel>(?i:this|last|next|the))\s+(?i:year)))"

_REL_YEAR = r"(?P<rel>(?i:last|next|this))\s+(?i:year)\b"

RULES: list[Rule] = [
    (re.compile(rf"{_NOT_AFTER_NUMBER}(?P<year>\d{{4}})-(?P<m>\d\d)-(?P<d>\d\d)(?![\d-])"), iso),
    (
        re.compile(
            rf"{_NOT_AFTER_NUMBER}(?P<a>\d{{1,2}})(?P<sep>[/.])(?P<b>\d{{1,2}})(?P=sep)"
            rf"(?P<year>\d{{4}})(?!\d|[/.]\d)"
        ),
        numeric,
    ),
    (
        re.compile(
            rf"(?:{_WEEKDAY},?\s+)?(?:(?i:the)\s+)?{_NOT_AFTER_NUMBER}{_DAY}(?:{_TO_DAY})?(?:\s+of)?"
            rf"\s+{_DATED_MONTH}(?:,?\s+{_YEAR})?"
        ),
        day_date,
    ),
    (re.compile(rf"(?:{_WEEKDAY},?\s+)?{_DATED_MONTH}\s+{_DAY}(?:{_TO_DAY})?(?:(?:,\s*|\s+){_YEAR})?"), day_date),
    (re.compile(rf"{_DATED_MONTH}(?:\s+of)?,?\s+{_YEAR}"), month_year),
    (re.compile(_MONTH), bare_month),
    (re.compile(rf"(?P<rel>(?i:last|next|this))\s+{_MONTH}(?!\s*\d)"), relative_month),
    (re.compile(rf"{_NOT_AFTER_NUMBER}(?<!\d[-–]){_YEAR}(?!\w)"), plain_year),
    (
        re.compile(
            r"(?:(?i:the)\s+)?(?:(?P<mod>(?i:early|mid|late))[-\s]+)?"
            r"(?P<decade>(?:1[5-9]|20)\d)0s\b"
        ),
        decade,
    ),
    (
        re.compile(
            r"(?:(?i:the)\s+)?(?:(?P<mod>(?i:early|mid|late))[-\s]+)?"
            r"(?P<ordinal>(?i:1[0-9]th|2[01](?:st|th)|eighteenth|nineteenth|twentieth|twenty-first))"
            r"[-\s]+(?i:century)\b"
        ),
        century,
    ),
    (
        re.compile(
            rf"(?:(?P<rel>(?i:this|last|next|the))\s+)?(?<![\w-])"
            rf"(?P<season>(?i:spring|summer|autumn|fall|winter))(?!\w)(?:,?\s+(?:of\s+)?{_YEAR})?"
        ),
        season,
    ),
    (
        re.compile(
            rf"(?:(?P<the>(?i:the))\s+)?(?<![\w-])(?P<ordinal>(?i:first|second|third|fourth|final|last"
            rf"|1st|2nd|3rd|4th))[-\s](?i:quarter)\b{_OF_YEAR}?"
        ),
        quarter,
    ),
    (re.compile(rf"(?<![\w-])Q(?P<q>[1-4])(?:(?:\s+of)?\s+{_YEAR})?(?!\w)"), q_quarter),
    (
        re.compile(
            rf"(?:(?i:the)\s+)?(?<![\w-])(?P<ordinal>(?i:first|second|latter|1st|2nd))\s+(?i:half)"
            rf"{_OF_YEAR}"
        ),
        half,
    ),
    (re.compile(rf"(?<![\w-])H(?P<h>[12])\s+{_YEAR}"), h_half),
    (
        re.compile(
            rf"(?<![\w-])(?i:week)\s+(?P<w>[1-4]\d|5[0-3]|0?[1-9])(?![\d:.,]\d|\d)"
            rf"(?:(?:\s+of|,)?\s+{_YEAR})?"
        ),
        week,
    ),
    (re.compile(rf"(?:(?P<rel>(?i:last|next|this))\s+)?(?<![\w-]){_WEEKDAY}{_NOT_A_TITLE}"), weekday),
    (
        re.compile(
            rf"(?P<det>(?i:that|the\s+(?:following|next|previous|preceding|same)))\s+{_WEEKDAY}"
            rf"{_NOT_A_TITLE}"
        ),
        anaphoric_weekday,
    ),
    (re.compile(rf"{_MONTH}(?:\s+{_DAY})?,?\s+(?:of\s+)?{_REL_YEAR}"), month_relative_year),
    (re.compile(rf"{_NOT_AFTER_NUMBER}{_DAY}\s+{_MONTH},?\s+(?:of\s+)?{_REL_YEAR}"), month_relative_year),
    (
        re.compile(
            r"(?i)\bthe\s+(?:year-(?:earlier|ago)\s+(?:quarter|period|half)|same\s+(?:quarter|period"
            r"|half)\s+(?:a\s+year\s+(?:earlier|ago|before)|of\s+last\s+year|last\s+year))\b"
        ),
        year_earlier_period,
    ),
    (re.compile(r"(?:(?i:the)\s+)?(?<![\w-])(?P<ordinal>(?i:first|second))\s+(?i:half)\b"), bare_half),
    (
        re.compile(
            r"(?i)\b(?:yesterday|today|tomorrow|tonight|last\s+night|this\s+(?:morning|afternoon"
            r"|evening))\b"
        ),
        deictic_day,
    ),
    (
        re.compile(
            r"(?i)(?<!the )(?<!past )\b(?:(?P<adverb>earlier|later)\s+)?(?P<rel>last|this|next)\s+"
            r"(?P<unit>week|month|year|quarter)(?![\w-])"
        ),
        deictic_unit,
    ),
    (re.compile(rf"(?i)\b{_NUMBER}\s+(?P<unit>day|week|month|year|decade)s?\s+ago\b"), ago),
    (
        re.compile(rf"(?i)\b{_NUMBER}\s+(?P<unit>day|week|month|year|decade)s?\s+(?P<dir>later|earlier)\b(?!\s+than)"),
        later,
    ),
    (
        re.compile(
            r"(?i)\b(?:(?P<adverb>later|earlier)\s+)?(?P<det>the\s+(?:next|following|previous|preceding"
            r"|same)|that)\s+(?P<unit>day|week|month|year)(?![\w-])"
        ),
        anaphoric,
    ),
    (
        re.compile(
            r"(?i)\b(?:(?P<adverb>later|earlier)\s+(?:in\s+)?)?(?P<det>the\s+(?:next|following"
            r"|previous|preceding|same)|that)\s+(?P<season>spring|summer|autumn|fall|winter)(?!\w)"
        ),
        anaphoric_season,
    ),
    (
        re.compile(
            r"(?i)\b(?:the\s+)?(?:very\s+)?(?P<mod>end|beginning|start|middle|close)\s+of\s+the\s+"
            r"(?P<unit>week|month|year)\b"
        ),
        modified_unit,
    ),
]

# A modifier directly in front of an expression, matched at the end of the
# text before it: "early", "late", "mid-", "the end of", "the beginning of".
_MODIFIER_BEFORE = re.compile(
    r"(?i)(?:\b(?P<adj>early|late)[-\s]+|\b(?P<mid>mid)(?:-|\s+)|"
    r"\b(?:the\s+)?(?:very\s+)?(?P<noun>end|beginning|start|middle|close)\s+of\s+)\Z"
)


def extract(text: str) -> list[Found]:
    """All date expressions in ``text``, non-overlapping and in text order."""
    candidates = []
    for pattern, build in RULES:
        for match in pattern.finditer(text):
            found = build(match, text)
            if found is not None:
                candidates.append(found)
    # Longest match wins, so "26 May 2020" beats "May 2020" and "2020".
    candidates.sort(key=lambda f: (f.start - f.end, f.start))
    # The chosen never overlap, so kept in text order only the neighbours of a candidate can
    # overlap it: a bisection per candidate rather than a comparison with every chosen one.
    chosen: list[Found] = []
    starts: list[int] = []
    for found in candidates:
        i = bisect_right(starts, found.start)
        if (i and chosen[i - 1].end > found.start) or (i < len(chosen) and chosen[i].start < found.end):
            continue
        chosen.insert(i, found)
        starts.insert(i, found.start)
    return [_with_modifier(text, found, chosen[i - 1].end if i else 0) for i, found in enumerate(chosen)]


# "around 25 November", "on or about 3 May": an approximate date (mod APPROX), whatever its precision.
_APPROX_BEFORE = re.compile(r"(?i)(?<![\w-])(?:on\s+or\s+about|around|approximately|circa|roughly)\s+\Z")


def _with_modifier(text: str, found: Found, limit: int) -> Found:
    if found.mod is None and found.kind in ("date", "numeric", "year", "weekday", "season"):
        approx = _APPROX_BEFORE.search(text, max(limit, found.start - 20), found.start)
        if approx:
            return replace(found, start=approx.start(), mod="APPROX")
    if not found.takes_modifier or found.mod:
        return found
    match = _MODIFIER_BEFORE.search(text, max(limit, found.start - 40), found.start)
    if not match:
        return found
    word = (match.group("adj") or match.group("mid") or match.group("noun")).lower()
    return replace(found, start=match.start(), mod=MODIFIERS[word])
