"""What the extraction rules turn a match into: a ``Found`` record, or nothing.

Each builder reads one kind of match and checks its context, so that counts ("300 troops"),
identifiers ("Resolution 2259"), the modal "may" and named days ("Super Tuesday") are rejected.
The patterns that call them are in ``rules.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefpack.dating.lexicon import (
    ID_WORDS,
    MONEY_WORDS,
    MONTH_CONTEXT,
    NAMED_DAY_WORDS,
    QUANTIFIERS,
    SPORT_WORDS,
    TIME_PREPOSITIONS,
    UNIT_WORDS,
)
from briefpack.text.knowledge import MONTH_NAMES, MONTHS, WEEKDAYS

SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
ORDINALS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "final": 4,
    "last": 4,
    "latter": 2,
}
NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
MODIFIERS = {
    "early": "START",
    "beginning": "START",
    "start": "START",
    "mid": "MID",
    "middle": "MID",
    "late": "END",
    "end": "END",
    "close": "END",
}


@dataclass(frozen=True)
class Found:
    """An extracted expression before normalisation.

    ``kind`` says how ``timex.py`` resolves it; ``fields`` holds what the
    text states (a month number, a relative offset, ...).
    """

    start: int
    end: int
    kind: str
    fields: dict = field(default_factory=dict)
    mod: str | None = None
    takes_modifier: bool = False  # may "early"/"the end of" in front refine it


def _word_before(text: str, pos: int) -> str:
    match = _LAST_WORD.search(text, max(0, pos - 40), pos)
    return match.group(1).lower() if match else ""


def _word_after(text: str, pos: int) -> str:
    match = _NEXT_WORD.match(text, pos)
    return match.group(1).lower() if match else ""


_LAST_WORD = re.compile(r"(\w+)[\s.-]*\Z")
_NEXT_WORD = re.compile(r"\s*(\w+)")
_MONTH_LIST_BEFORE = re.compile(
    rf"(?:{'|'.join(MONTH_NAMES)})"
    r",?\s+(?:and|or|to|through|until|&)\s+\Z"
)


def _year(match: re.Match) -> int | None:
    year = match.groupdict().get("year")
    return int(year) if year else None


def _month(match: re.Match) -> int:
    return MONTHS[match.group("month").rstrip(".").lower()]


def day_date(match: re.Match, text: str) -> Found:
    return Found(
        match.start(),
        match.end(),
        "date",
        {"year": _year(match), "month": _month(match), "day": int(match.group("day"))},
    )


def month_year(match: re.Match, text: str) -> Found:
    return Found(
        match.start(),
        match.end(),
        "date",
        {"year": _year(match), "month": _month(match), "day": None},
        takes_modifier=True,
    )


def relative_month(match: re.Match, text: str) -> Found:
    """ "last December", "next March": the nearest such month before or after the DCT."""
    return Found(
        match.start(),
        match.end(),
        "date",
        {"year": None, "month": _month(match), "day": None, "relative": match.group("rel").lower()},
        takes_modifier=True,
    )


def bare_month(match: re.Match, text: str) -> Found | None:
    # A month name alone is only a date when a preposition or modifier says so;
    # this keeps "May I ask", "Theresa May" and "June Carter" out.
    before = text[max(0, match.start() - 40) : match.start()]
    word = _word_before(text, match.start())
    # "for" is kept from May alone: "voted for May" is about the politician.
    in_context = (
        word in MONTH_CONTEXT
        or (word == "for" and match.group("month") != "May")
        or _AS_EARLY_AS.search(before) is not None
    )
    if not in_context and not _MONTH_LIST_BEFORE.search(before):
        return None
    return month_year(match, text)


_AS_EARLY_AS = re.compile(r"(?i)\b(?:early|late|soon|far\s+back)\s+as\s+\Z")


def month_relative_year(match: re.Match, text: str) -> Found:
    """ "June last year", "on 3 March next year", "August of this year": a month in a year counted from the DCT."""
    day = match.group("day")
    return Found(
        match.start(),
        match.end(),
        "date",
        {
            "year": None,
            "month": _month(match),
            "day": int(day) if day else None,
            "year_offset": {"last": -1, "this": 0, "next": 1}[match.group("rel").lower()],
        },
        takes_modifier=day is None,
    )


def iso(match: re.Match, text: str) -> Found | None:
    year, month, day = (int(match.group(g)) for g in ("year", "m", "d"))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return Found(match.start(), match.end(), "date", {"year": year, "month": month, "day": day})


def numeric(match: re.Match, text: str) -> Found | None:
    # The order is settled per match: a first number over 12 must be the day,
    # a second number over 12 must be; only when both fit does day_first decide.
    first, second = int(match.group("a")), int(match.group("b"))
    if not (1 <= first <= 31 and 1 <= second <= 31) or (first > 12 and second > 12):
        return None
    fields = {"year": int(match.group("year")), "numeric": (first, second)}
    return Found(match.start(), match.end(), "numeric", fields)


def plain_year(match: re.Match, text: str) -> Found | None:
    before = _word_before(text, match.start())
    if before in ID_WORDS or before in QUANTIFIERS:
        return None
    # Before 1900 a bare number is more often a count than a year; "in 1848"
    # still reads as one.
    if int(match.group("year")) < 1900 and before not in TIME_PREPOSITIONS:
        return None
    after = _word_after(text, match.end())
    if after in UNIT_WORDS or after in {"per", "percent", "bn", "m", "k", "million"}:
        return None
    return Found(match.start(), match.end(), "year", {"year": int(match.group("year"))}, takes_modifier=True)


def decade(match: re.Match, text: str) -> Found:
    mod = MODIFIERS[match.group("mod").lower()] if match.group("mod") else None
    return Found(
        match.start(), match.end(), "decade", {"decade": match.group("decade")}, mod=mod, takes_modifier=mod is None
    )


_CENTURY_WORDS = {"eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21}


def century(match: re.Match, text: str) -> Found:
    ordinal = match.group("ordinal").lower()
    number = _CENTURY_WORDS.get(ordinal) or int(re.sub(r"\D", "", ordinal))
    mod = MODIFIERS[match.group("mod").lower()] if match.group("mod") else None
    return Found(
        match.start(), match.end(), "century", {"century": f"{number - 1:02d}"}, mod=mod, takes_modifier=mod is None
    )


def season(match: re.Match, text: str) -> Found | None:
    relative = (match.group("rel") or "").lower()
    year = _year(match)
    if year is None and relative in ("", "the"):
        # "the fall of Kabul", "hot spring": without a year or a deictic word a
        # season needs a temporal preposition in front to be a date.
        if _word_before(text, match.start()) not in TIME_PREPOSITIONS:
            return None
        if re.match(r"\s+of\b", text[match.end() :]):
            return None
    fields = {
        "season": SEASONS[match.group("season").lower()],
        "year": year,
        "relative": relative if relative in ("this", "last", "next") else None,
    }
    return Found(match.start(), match.end(), "season", fields, takes_modifier=True)


def quarter(match: re.Match, text: str) -> Found | None:
    ordinal = match.group("ordinal").lower()
    if ordinal in ("last", "final") and not match.group("the"):
        return None  # "last quarter" is relative, handled by the deictic rule
    return Found(
        match.start(), match.end(), "quarter", {"quarter": ORDINALS[ordinal], **_part_year(match)}, takes_modifier=True
    )


def q_quarter(match: re.Match, text: str) -> Found:
    return Found(
        match.start(),
        match.end(),
        "quarter",
        {"quarter": int(match.group("q")), "year": _year(match), "relative": None},
        takes_modifier=True,
    )


def _part_year(match: re.Match) -> dict:
    """The year of "the first quarter of 2020 / of this year / of the year"."""
    relative = (match.group("rel") or "").lower()
    return {"year": _year(match), "relative": "this" if relative == "the" else relative or None}


def half(match: re.Match, text: str) -> Found:
    return Found(
        match.start(), match.end(), "half", {"half": ORDINALS[match.group("ordinal").lower()], **_part_year(match)}
    )


def h_half(match: re.Match, text: str) -> Found:
    return Found(
        match.start(), match.end(), "half", {"half": int(match.group("h")), "year": _year(match), "relative": None}
    )


def week(match: re.Match, text: str) -> Found:
    return Found(match.start(), match.end(), "week", {"week": int(match.group("w")), "year": _year(match)})


def weekday(match: re.Match, text: str) -> Found | None:
    relative = (match.group("rel") or "").lower() or None
    if relative is None and _word_before(text, match.start()) in NAMED_DAY_WORDS:
        return None  # "Super Tuesday", "Black Friday" name a day rather than point at one
    if relative is None and _word_before(text, match.start()) in ("a", "every", "each"):
        return None  # "on Jan. 17, a Thursday" describes a date; "every Friday" is a set
    return Found(
        match.start(),
        match.end(),
        "weekday",
        {"weekday": WEEKDAYS[match.group("weekday").lower()], "relative": relative},
    )


def anaphoric_weekday(match: re.Match, text: str) -> Found:
    """ "that Friday", "the following Monday": a weekday counted from a date in the text."""
    determiner = match.group("det").lower().split()[-1]
    return Found(
        match.start(),
        match.end(),
        "anaphoric_weekday",
        {"weekday": WEEKDAYS[match.group("weekday").lower()], "offset": _ANAPHORIC_OFFSETS[determiner]},
    )


def year_earlier_period(match: re.Match, text: str) -> Found:
    """ "the year-earlier quarter", "the same period a year ago": the quarter or half last named, a year back."""
    return Found(match.start(), match.end(), "year_earlier", {})


def bare_half(match: re.Match, text: str) -> Found | None:
    """ "the first half" stands for a half of the year only in money talk, not in a match report."""
    sentence_start = max(text.rfind(". ", 0, match.start()), text.rfind("\n", 0, match.start())) + 1
    sentence_end = text.find(". ", match.end())
    sentence = text[sentence_start : sentence_end if sentence_end >= 0 else len(text)]
    if not MONEY_WORDS.search(sentence) or SPORT_WORDS.search(sentence) or re.match(r"\s+of\b", text[match.end() :]):
        return None
    return Found(
        match.start(),
        match.end(),
        "half",
        {"half": ORDINALS[match.group("ordinal").lower()], "year": None, "relative": None},
    )


_DAY_WORDS = {
    "yesterday": -1,
    "today": 0,
    "tomorrow": 1,
    "tonight": 0,
    "last night": -1,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
}


def deictic_day(match: re.Match, text: str) -> Found:
    words = " ".join(match.group(0).lower().split())
    return Found(match.start(), match.end(), "deictic", {"unit": "day", "offset": _DAY_WORDS[words]})


def deictic_unit(match: re.Match, text: str) -> Found:
    offset = {"last": -1, "this": 0, "next": 1}[match.group("rel").lower()]
    return Found(
        match.start(),
        match.end(),
        "deictic",
        {"unit": match.group("unit").lower(), "offset": offset},
        takes_modifier=not match.group("adverb"),
    )


def _count(match: re.Match) -> int:
    word = match.group("count").lower()
    return NUMBER_WORDS[word] if word in NUMBER_WORDS else int(word)


def ago(match: re.Match, text: str) -> Found:
    unit, count = match.group("unit").lower(), _count(match)
    if unit == "decade":
        unit, count = "year", count * 10
    return Found(match.start(), match.end(), "deictic", {"unit": unit, "offset": -count})


def later(match: re.Match, text: str) -> Found:
    sign = 1 if match.group("dir").lower() == "later" else -1
    unit, count = match.group("unit").lower(), _count(match)
    if unit == "decade":
        unit, count = "year", count * 10
    return Found(match.start(), match.end(), "later", {"unit": unit, "offset": sign * count})


_ANAPHORIC_OFFSETS = {"next": 1, "following": 1, "previous": -1, "preceding": -1, "same": 0, "that": 0}


def anaphoric(match: re.Match, text: str) -> Found:
    determiner = match.group("det").lower().split()[-1]
    return Found(
        match.start(),
        match.end(),
        "anaphoric",
        {"unit": match.group("unit").lower(), "offset": _ANAPHORIC_OFFSETS[determiner]},
        takes_modifier=not match.group("adverb"),
    )


def anaphoric_season(match: re.Match, text: str) -> Found:
    determiner = match.group("det").lower().split()[-1]
    return Found(
        match.start(),
        match.end(),
        "anaphoric_season",
        {"season": SEASONS[match.group("season").lower()], "offset": _ANAPHORIC_OFFSETS[determiner]},
        takes_modifier=not match.group("adverb"),
    )


def modified_unit(match: re.Match, text: str) -> Found:
    return Found(
        match.start(),
        match.end(),
        "deictic",
        {"unit": match.group("unit").lower(), "offset": 0},
        mod=MODIFIERS[match.group("mod").lower()],
    )


# "The Sunday Times", "the Sunday Telegraph" are newspapers, not days.
