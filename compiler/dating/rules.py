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
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from briefpack.text.knowledge import MONTH_ABBREVIATIONS, MONTH_NAMES, MONTHS, WEEKDAYS

SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
            "fourth": 4, "4th": 4, "final": 4, "last": 4, "latter": 2}
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
MODIFIERS = {"early": "START", "beginning": "START", "start": "START", "mid": "MID",
             "middle": "MID", "late": "END", "end": "END", "close": "END"}

# Month names are matched case-sensitively: news capitalises them, and the
# lower-case "may", "march" and "fall" are verbs far more often than dates.
_MONTH_NAMES = (rf"(?:{'|'.join(MONTH_NAMES)})(?![a-z])"
                rf"|(?:{'|'.join(MONTH_ABBREVIATIONS)})(?![a-z])\.?")
# Capitals ("12 MARCH 2020") come in headlines, cables and extracted tables. They count only
# beside a day or a year: a bare "MAY" or "MARCH" in a shouted headline is a word.
_MONTH_NAMES_UPPER = (rf"(?:{'|'.join(name.upper() for name in (*MONTH_NAMES, *MONTH_ABBREVIATIONS))})"
                      r"(?![A-Za-z])\.?")
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

# Words after a number that show it counts things rather than naming a year.
UNIT_WORDS = frozenset("""
people persons troops soldiers dead deaths killed injured wounded cases civilians fighters
mercenaries migrants refugees residents children men women families homes houses households jobs
workers employees votes voters seats members delegates km kilometres kilometers miles metres
meters feet tonnes tons kg barrels units vehicles cars aircraft drones rockets missiles shells
shares points pages words hectares acres beds patients tests doses students pupils prisoners
detainees protesters demonstrators police officers staff nurses doctors dollars euros pounds
dinars yuan yen rubles roubles lira francs times hours minutes seconds gmt utc hrs degrees
passengers fans visitors runners players candidates infections participants copies items
""".split())
# Words before a number that show it is an identifier rather than a year.
ID_WORDS = frozenset("""
resolution bill no nr number flight route article section room page chapter act law decree item
code model version gate platform highway road street unit box case file ref ticket seat serial
patent iso grade level class tel phone call pin opus op rule regulation directive protocol
paragraph clause line bus train apartment suite channel station exit plot lot batch order
ordinance amendment motion
""".split())
# Words before a number that show it is a quantity: "some 1980 volunteers".
QUANTIFIERS = frozenset("""
some about nearly almost roughly approximately estimated another than least only
""".split())
# Words after which a bare month name ("in May", "since early September") is a date.
MONTH_CONTEXT = frozenset("""
in of since until till by from to through during before after between early mid late last next
this the that throughout into around
""".split())
# Words after which a bare season name or a year on its own is a date.
TIME_PREPOSITIONS = frozenset("""
in of since until till by from through during before after between early mid late around
throughout into over
""".split())


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


Rule = tuple[re.Pattern, Callable[[re.Match, str], "Found | None"]]


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
    r",?\s+(?:and|or|to|through|until|&)\s+\Z")


def _year(match: re.Match) -> int | None:
    year = match.groupdict().get("year")
    return int(year) if year else None


def _month(match: re.Match) -> int:
    return MONTHS[match.group("month").rstrip(".").lower()]


def _day_date(match: re.Match, text: str) -> Found:
    return Found(match.start(), match.end(), "date",
                 {"year": _year(match), "month": _month(match), "day": int(match.group("day"))})


def _month_year(match: re.Match, text: str) -> Found:
    return Found(match.start(), match.end(), "date",
                 {"year": _year(match), "month": _month(match), "day": None}, takes_modifier=True)


def _relative_month(match: re.Match, text: str) -> Found:
    """"last December", "next March": the nearest such month before or after the DCT."""
    return Found(match.start(), match.end(), "date",
                 {"year": None, "month": _month(match), "day": None,
                  "relative": match.group("rel").lower()}, takes_modifier=True)


def _bare_month(match: re.Match, text: str) -> Found | None:
    # A month name alone is only a date when a preposition or modifier says so;
    # this keeps "May I ask", "Theresa May" and "June Carter" out.
    before = text[max(0, match.start() - 40):match.start()]
    word = _word_before(text, match.start())
    # "for" is kept from May alone: "voted for May" is about the politician.
    in_context = word in MONTH_CONTEXT or (word == "for" and match.group("month") != "May")
    if not in_context and not _MONTH_LIST_BEFORE.search(before):
        return None
    return _month_year(match, text)


def _iso(match: re.Match, text: str) -> Found | None:
    year, month, day = (int(match.group(g)) for g in ("year", "m", "d"))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return Found(match.start(), match.end(), "date", {"year": year, "month": month, "day": day})


def _numeric(match: re.Match, text: str) -> Found | None:
    # The order is settled per match: a first number over 12 must be the day,
    # a second number over 12 must be; only when both fit does day_first decide.
    first, second = int(match.group("a")), int(match.group("b"))
    if not (1 <= first <= 31 and 1 <= second <= 31) or (first > 12 and second > 12):
        return None
    fields = {"year": int(match.group("year")), "numeric": (first, second)}
    return Found(match.start(), match.end(), "numeric", fields)


def _plain_year(match: re.Match, text: str) -> Found | None:
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
    return Found(match.start(), match.end(), "year", {"year": int(match.group("year"))},
                 takes_modifier=True)


def _decade(match: re.Match, text: str) -> Found:
    mod = MODIFIERS[match.group("mod").lower()] if match.group("mod") else None
    return Found(match.start(), match.end(), "decade", {"decade": match.group("decade")}, mod=mod,
                 takes_modifier=mod is None)


_CENTURY_WORDS = {"eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21}


def _century(match: re.Match, text: str) -> Found:
    ordinal = match.group("ordinal").lower()
    number = _CENTURY_WORDS.get(ordinal) or int(re.match(r"\d+", ordinal).group())
    mod = MODIFIERS[match.group("mod").lower()] if match.group("mod") else None
    return Found(match.start(), match.end(), "century", {"century": f"{number - 1:02d}"}, mod=mod,
                 takes_modifier=mod is None)


def _season(match: re.Match, text: str) -> Found | None:
    relative = (match.group("rel") or "").lower()
    year = _year(match)
    if year is None and relative in ("", "the"):
        # "the fall of Kabul", "hot spring": without a year or a deictic word a
        # season needs a temporal preposition in front to be a date.
        if _word_before(text, match.start()) not in TIME_PREPOSITIONS:
            return None
        if re.match(r"\s+of\b", text[match.end():]):
            return None
    fields = {"season": SEASONS[match.group("season").lower()], "year": year,
              "relative": relative if relative in ("this", "last", "next") else None}
    return Found(match.start(), match.end(), "season", fields, takes_modifier=True)


def _quarter(match: re.Match, text: str) -> Found | None:
    ordinal = match.group("ordinal").lower()
    if ordinal in ("last", "final") and not match.group("the"):
        return None  # "last quarter" is relative, handled by the deictic rule
    return Found(match.start(), match.end(), "quarter",
                 {"quarter": ORDINALS[ordinal], **_part_year(match)}, takes_modifier=True)


def _q_quarter(match: re.Match, text: str) -> Found:
    return Found(match.start(), match.end(), "quarter",
                 {"quarter": int(match.group("q")), "year": _year(match), "relative": None},
                 takes_modifier=True)


def _part_year(match: re.Match) -> dict:
    """The year of "the first quarter of 2020 / of this year / of the year"."""
    relative = (match.group("rel") or "").lower()
    return {"year": _year(match), "relative": "this" if relative == "the" else relative or None}


def _half(match: re.Match, text: str) -> Found:
    return Found(match.start(), match.end(), "half",
                 {"half": ORDINALS[match.group("ordinal").lower()], **_part_year(match)})


def _h_half(match: re.Match, text: str) -> Found:
    return Found(match.start(), match.end(), "half",
                 {"half": int(match.group("h")), "year": _year(match), "relative": None})


def _week(match: re.Match, text: str) -> Found:
    return Found(match.start(), match.end(), "week",
                 {"week": int(match.group("w")), "year": _year(match)})


def _weekday(match: re.Match, text: str) -> Found | None:
    relative = (match.group("rel") or "").lower() or None
    if relative is None and _word_before(text, match.start()) in NAMED_DAY_WORDS:
        return None  # "Super Tuesday", "Black Friday" name a day rather than point at one
    return Found(match.start(), match.end(), "weekday",
                 {"weekday": WEEKDAYS[match.group("weekday").lower()], "relative": relative})


# Words that make a weekday part of a name.
NAMED_DAY_WORDS = frozenset("""
super black good easter palm ash holy maundy cyber giving bloody shrove whit fat blue
""".split())

_DAY_WORDS = {"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0, "last night": -1,
              "this morning": 0, "this afternoon": 0, "this evening": 0}


def _deictic_day(match: re.Match, text: str) -> Found:
    words = " ".join(match.group(0).lower().split())
    return Found(match.start(), match.end(), "deictic", {"unit": "day", "offset": _DAY_WORDS[words]})


def _deictic_unit(match: re.Match, text: str) -> Found:
    offset = {"last": -1, "this": 0, "next": 1}[match.group("rel").lower()]
    return Found(match.start(), match.end(), "deictic",
                 {"unit": match.group("unit").lower(), "offset": offset},
                 takes_modifier=not match.group("adverb"))


def _count(match: re.Match) -> int:
    word = match.group("count").lower()
    return NUMBER_WORDS[word] if word in NUMBER_WORDS else int(word)


def _ago(match: re.Match, text: str) -> Found:
    unit, count = match.group("unit").lower(), _count(match)
    if unit == "decade":
        unit, count = "year", count * 10
    return Found(match.start(), match.end(), "deictic", {"unit": unit, "offset": -count})


def _later(match: re.Match, text: str) -> Found:
    sign = 1 if match.group("dir").lower() == "later" else -1
    unit, count = match.group("unit").lower(), _count(match)
    if unit == "decade":
        unit, count = "year", count * 10
    return Found(match.start(), match.end(), "later", {"unit": unit, "offset": sign * count})


_ANAPHORIC_OFFSETS = {"next": 1, "following": 1, "previous": -1, "preceding": -1, "same": 0, "that": 0}


def _anaphoric(match: re.Match, text: str) -> Found:
    determiner = match.group("det").lower().split()[-1]
    return Found(match.start(), match.end(), "anaphoric",
                 {"unit": match.group("unit").lower(), "offset": _ANAPHORIC_OFFSETS[determiner]},
                 takes_modifier=not match.group("adverb"))


def _anaphoric_season(match: re.Match, text: str) -> Found:
    determiner = match.group("det").lower().split()[-1]
    return Found(match.start(), match.end(), "anaphoric_season",
                 {"season": SEASONS[match.group("season").lower()],
                  "offset": _ANAPHORIC_OFFSETS[determiner]}, takes_modifier=not match.group("adverb"))


def _modified_unit(match: re.Match, text: str) -> Found:
    return Found(match.start(), match.end(), "deictic",
                 {"unit": match.group("unit").lower(), "offset": 0},
                 mod=MODIFIERS[match.group("mod").lower()])


# "The Sunday Times", "the Sunday Telegraph" are newspapers, not days.
_NOT_A_TITLE = r"(?!\s+(?:Times|Telegraph|Mirror|Express|Post|Herald|Observer|Mail|Star|Sport|Review)\b)"
_OF_YEAR = (rf"(?:\s+of\s+(?:{_YEAR}|(?P<rel>(?i:this|last|next|the))\s+(?i:year)))")

RULES: list[Rule] = [
    (re.compile(rf"{_NOT_AFTER_NUMBER}(?P<year>\d{{4}})-(?P<m>\d\d)-(?P<d>\d\d)(?![\d-])"), _iso),
    (re.compile(rf"{_NOT_AFTER_NUMBER}(?P<a>\d{{1,2}})(?P<sep>[/.])(?P<b>\d{{1,2}})(?P=sep)"
                rf"(?P<year>\d{{4}})(?!\d|[/.]\d)"), _numeric),
    (re.compile(rf"(?:{_WEEKDAY},?\s+)?(?:(?i:the)\s+)?{_NOT_AFTER_NUMBER}{_DAY}(?:{_TO_DAY})?(?:\s+of)?"
                rf"\s+{_DATED_MONTH}(?:,?\s+{_YEAR})?"), _day_date),
    (re.compile(rf"(?:{_WEEKDAY},?\s+)?{_DATED_MONTH}\s+{_DAY}(?:{_TO_DAY})?(?:(?:,\s*|\s+){_YEAR})?"),
     _day_date),
    (re.compile(rf"{_DATED_MONTH}(?:\s+of)?,?\s+{_YEAR}"), _month_year),
    (re.compile(_MONTH), _bare_month),
    (re.compile(rf"(?P<rel>(?i:last|next|this))\s+{_MONTH}(?!\s*\d)"), _relative_month),
    (re.compile(rf"{_NOT_AFTER_NUMBER}(?<!\d[-–]){_YEAR}(?!\w)"), _plain_year),
    (re.compile(r"(?:(?i:the)\s+)?(?:(?P<mod>(?i:early|mid|late))[-\s]+)?"
                r"(?P<decade>(?:1[5-9]|20)\d)0s\b"), _decade),
    (re.compile(r"(?:(?i:the)\s+)?(?:(?P<mod>(?i:early|mid|late))[-\s]+)?"
                r"(?P<ordinal>(?i:1[0-9]th|2[01](?:st|th)|eighteenth|nineteenth|twentieth|twenty-first))"
                r"[-\s]+(?i:century)\b"), _century),
    (re.compile(rf"(?:(?P<rel>(?i:this|last|next|the))\s+)?(?<![\w-])"
                rf"(?P<season>(?i:spring|summer|autumn|fall|winter))(?!\w)(?:,?\s+(?:of\s+)?{_YEAR})?"),
     _season),
    (re.compile(rf"(?:(?P<the>(?i:the))\s+)?(?<![\w-])(?P<ordinal>(?i:first|second|third|fourth|final|last"
                rf"|1st|2nd|3rd|4th))[-\s](?i:quarter)\b{_OF_YEAR}?"), _quarter),
    (re.compile(rf"(?<![\w-])Q(?P<q>[1-4])(?:(?:\s+of)?\s+{_YEAR})?(?!\w)"), _q_quarter),
    (re.compile(rf"(?:(?i:the)\s+)?(?<![\w-])(?P<ordinal>(?i:first|second|latter|1st|2nd))\s+(?i:half)"
                rf"{_OF_YEAR}"), _half),
    (re.compile(rf"(?<![\w-])H(?P<h>[12])\s+{_YEAR}"), _h_half),
    (re.compile(rf"(?<![\w-])(?i:week)\s+(?P<w>[1-4]\d|5[0-3]|0?[1-9])(?![\d:.,]\d|\d)"
                rf"(?:(?:\s+of|,)?\s+{_YEAR})?"), _week),
    (re.compile(rf"(?:(?P<rel>(?i:last|next|this))\s+)?(?<![\w-]){_WEEKDAY}{_NOT_A_TITLE}"), _weekday),
    (re.compile(r"(?i)\b(?:yesterday|today|tomorrow|tonight|last\s+night|this\s+(?:morning|afternoon"
                r"|evening))\b"), _deictic_day),
    (re.compile(r"(?i)(?<!the )(?<!past )\b(?:(?P<adverb>earlier|later)\s+)?(?P<rel>last|this|next)\s+"
                r"(?P<unit>week|month|year|quarter)(?![\w-])"), _deictic_unit),
    (re.compile(rf"(?i)\b{_NUMBER}\s+(?P<unit>day|week|month|year|decade)s?\s+ago\b"), _ago),
    (re.compile(rf"(?i)\b{_NUMBER}\s+(?P<unit>day|week|month|year|decade)s?\s+(?P<dir>later|earlier)\b(?!\s+than)"), _later),
    (re.compile(r"(?i)\b(?:(?P<adverb>later|earlier)\s+)?(?P<det>the\s+(?:next|following|previous|preceding"
                r"|same)|that)\s+(?P<unit>day|week|month|year)(?![\w-])"), _anaphoric),
    (re.compile(r"(?i)\b(?:(?P<adverb>later|earlier)\s+(?:in\s+)?)?(?P<det>the\s+(?:next|following"
                r"|previous|preceding|same)|that)\s+(?P<season>spring|summer|autumn|fall|winter)(?!\w)"),
     _anaphoric_season),
    (re.compile(r"(?i)\b(?:the\s+)?(?:very\s+)?(?P<mod>end|beginning|start|middle|close)\s+of\s+the\s+"
                r"(?P<unit>week|month|year)\b"), _modified_unit),
]

# A modifier directly in front of an expression, matched at the end of the
# text before it: "early", "late", "mid-", "the end of", "the beginning of".
_MODIFIER_BEFORE = re.compile(
    r"(?i)(?:\b(?P<adj>early|late)[-\s]+|\b(?P<mid>mid)(?:-|\s+)|"
    r"\b(?:the\s+)?(?:very\s+)?(?P<noun>end|beginning|start|middle|close)\s+of\s+)\Z")


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
    chosen: list[Found] = []
    for found in candidates:
        if all(found.end <= c.start or found.start >= c.end for c in chosen):
            chosen.append(found)
    chosen.sort(key=lambda f: f.start)
    return [_with_modifier(text, found, chosen[i - 1].end if i else 0)
            for i, found in enumerate(chosen)]


def _with_modifier(text: str, found: Found, limit: int) -> Found:
    if not found.takes_modifier or found.mod:
        return found
    match = _MODIFIER_BEFORE.search(text, max(limit, found.start - 40), found.start)
    if not match:
        return found
    word = (match.group("adj") or match.group("mid") or match.group("noun")).lower()
    return replace(found, start=match.start(), mod=MODIFIERS[word])
