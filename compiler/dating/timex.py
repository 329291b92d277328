"""A rule-based temporal tagger in the manner of HeidelTime.

The work is done in two passes over a text.

1. Extraction (``timex_rules.extract``): precompiled regular expressions find
   explicit dates ("26 May 2020", "05/26/2020", "Q1 2020", "the 1990s"),
   underspecified ones ("On 26 May", "in November"), relative ones
   ("yesterday", "last week", "on Friday", "two years ago") and anaphoric ones
   ("the next day", "three days later", "later that year").  Each match is
   checked against its context, so counts ("300 troops"), identifiers
   ("Resolution 2259") and the modal "may" are left alone.

2. Normalisation (this module): every expression gets a TIMEX3 value, walking
   the text in order so that anaphoric expressions can lean on the dates
   already seen.  As in HeidelTime's news mode:

   * an expression without a year takes the year of the document creation
     time (DCT), moved one year back when the clause is in the past tense and
     the month (season, quarter) lies after the DCT's, or one year forward
     when the clause is in the future tense and it lies before.  Tense is read
     from the clause around the expression and, failing that, from the
     nearest tense marker in the sentence;
   * deictic expressions ("yesterday", "next month", "on Friday") count from
     the DCT; when the DCT is too coarse (a weekday needs a DCT with a day)
     the value keeps X for what cannot be known: ``XXXX-WXX-5``,
     ``XXXX-XX-XX``.  A year is never invented;
   * anaphoric expressions count from the last date the text mentioned,
     preferring, within the most recent sentence that has one, a date that
     opens the sentence ("On April 8, ..., which began on April 4. Three days
     later" is 11 April): news sentences lead with their event's date;
   * with no DCT, the last year the text itself mentioned stands in for it
     (HeidelTime's narrative mode); with neither, the year is ``XXXX``.

Values: ``2020-05-26``, ``2020-05``, ``2020``, ``2020-SP``, ``2020-Q1``,
``2019-H2``, ``2019-W23``, ``199`` (a decade), ``19`` (a century); ``mod``
is START, MID, END or None.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass

from briefpack.dating.rules import Found, extract
from briefpack.dating.values import SEASON_ORDER, SEASON_START_MONTH, UNKNOWN, days_in, season_position, shift
from briefpack.errors import BriefpackError
from briefpack.model import Timex
from briefpack.text.sentences import CLAUSE_SENTENCE_END

_DCT = re.compile(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?")




_CLAUSE_BREAK = re.compile(
    r"[,;:](?!\d)|[()\"“”–—]|\b(?:and|but|while|whereas|although|though|because|that|which|who)\b")


_FUTURE = re.compile(
    r"(?i)\b(?:will|shall|won't|going\s+to|expects?|expected\s+to|scheduled|planned|plans?\s+to"
    r"|intends?\s+to|(?:is|are)\s+(?:set\s+to|due|expected)|upcoming|forthcoming|aims?\s+to)\b|'ll\b"
    r"|(?<!the )\bnext\b")


# "would" marks a future seen from the past ("said the season would resume in
# June") only in its own clause: "a resolution that would have ..." says
# nothing about the tense of the sentence's other dates.
_WOULD = re.compile(r"(?i)\bwould\b")


# Case-sensitive on purpose: "[a-z]+ed" must not take "United" for a verb.
_PAST = re.compile(
    r"\b(?:was|were|had|did|been|ago|[a-z]+[a-df-z]ed|said|told|began|became|came|went|took|made"
    r"|met|held|gave|won|lost|left|sent|spent|struck|led|paid|sold|bought|brought|thought|found|got"
    r"|ran|saw|fell|rose|grew|drew|fled|fought|hit|cut|shut|spread|wrote|spoke|broke|chose|knew"
    r"|kept|meant|felt|stood|agreed|freed|sought|caught|built|sank|threw|flew|withdrew|cast|beat"
    r"|quit|shed|split|upset|bid)\b")


_LEADING = re.compile(r"(?i)[\W_]*(?:(?:on|in|by|since|at|during|from|until)\s+)?\Z")


def tag(text: str, dct: str | None, *, day_first: bool = True) -> list[Timex]:
    """Find the temporal expressions in ``text`` and give each a TIMEX3 value.

    ``dct`` is the document creation time as a partial date ("2020-05-26",
    "2020-05", "2020") or None; ``day_first`` settles numeric dates such as
    05/06/2020 where both orders are valid.
    """
    resolver = _Resolver(text, _parse_dct(dct), day_first)
    timexes = []
    for found in extract(text):
        value = resolver.resolve(found)
        if value is not None:
            timexes.append(Timex(found.start, found.end, text[found.start:found.end], value, found.mod))
    return timexes


def _parse_dct(dct: str | None) -> tuple[int | None, int | None, int | None]:
    if dct is None:
        return None, None, None
    match = _DCT.fullmatch(dct.strip())
    if not match:
        raise BriefpackError(f"document date {dct!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError:
        raise BriefpackError(f"document date {dct!r} is not a valid date") from None
    # Counting days and years from the DCT must stay inside datetime's
    # calendar, and no news text is dated outside this range.
    if not 1000 <= year <= 2999:
        raise BriefpackError(f"document date {dct!r} is outside the years 1000-2999")
    return year, month, day


@dataclass
class _Anchor:
    """A date the text has mentioned, for anaphoric expressions to count from."""

    year: int
    month: int | None
    day: int | None
    sentence: int
    leading: bool  # opens its sentence, as "On 19 May, ..." does


class _Resolver:
    """Normalises the expressions of one text, in order, keeping what it has seen.

    ``found`` is the expression being resolved; the tense and the anchor
    bookkeeping read its position from there.
    """

    def __init__(self, text: str, dct: tuple[int | None, int | None, int | None], day_first: bool):
        self.text = text
        self.dct_year, self.dct_month, self.dct_day = dct
        self.day_first = day_first
        self.sentence_starts = [0] + [m.end() for m in CLAUSE_SENTENCE_END.finditer(text)]
        self.anchors: list[_Anchor] = []
        self.found: Found | None = None

    # --- dispatch -----------------------------------------------------------

    def resolve(self, found: Found) -> str | None:
        self.found = found
        value = getattr(self, "_" + found.kind)(**found.fields)
        if value is not None:
            self._remember(value)
        return value

    def _remember(self, value: str) -> None:
        match = re.match(r"(\d{4})(?:-(?:(\d\d)(?:-(\d\d))?|(SP|SU|FA|WI)))?", value)
        if not match:
            return
        year, month, day = (int(g) if g else None for g in match.groups()[:3])
        if match.group(4):  # a season stands for its first month, for "the following spring"
            month = SEASON_START_MONTH[match.group(4)]
        sentence = self._sentence_index(self.found.start)
        before = self.text[self.sentence_starts[sentence]:self.found.start]
        self.anchors.append(_Anchor(year, month, day, sentence, bool(_LEADING.match(before))))

    # --- explicit and underspecified dates -----------------------------------

    def _date(self, year: int | None, month: int, day: int | None,
              relative: str | None = None) -> str | None:
        if day is not None and day > days_in(year, month):
            return None  # "31 June" is a number next to a month, not a date
        if relative is not None:
            year = self._relative_year(relative, month, self.dct_month)
        elif year is None and day is not None and self.dct_day is not None:
            year = self._year_for((month, day), (self.dct_month, self.dct_day))
        elif year is None:
            year = self._year_for(month, self.dct_month)
        head = f"{year:04d}" if year is not None else "XXXX"
        return f"{head}-{month:02d}" + (f"-{day:02d}" if day is not None else "")

    def _numeric(self, year: int, numeric: tuple[int, int]) -> str | None:
        first, second = numeric
        if first > 12 or (second <= 12 and self.day_first):
            day, month = first, second
        else:
            month, day = first, second
        return self._date(year, month, day)

    def _year(self, year: int) -> str:
        return f"{year:04d}"

    def _decade(self, decade: str) -> str:
        return decade

    def _century(self, century: str) -> str:
        return century

    def _season(self, season: str, year: int | None, relative: str | None) -> str:
        order, now = SEASON_ORDER[season], self._dct_season()
        if year is None:
            year = self._relative_year(relative, order, now)
        return f"{year:04d}-{season}" if year is not None else f"XXXX-{season}"

    def _quarter(self, quarter: int, year: int | None, relative: str | None) -> str:
        now = (self.dct_month - 1) // 3 + 1 if self.dct_month else None
        if year is None:
            year = self._relative_year(relative, quarter, now)
        return f"{year:04d}-Q{quarter}" if year is not None else f"XXXX-Q{quarter}"

    def _half(self, half: int, year: int | None, relative: str | None) -> str:
        now = 1 if self.dct_month and self.dct_month <= 6 else 2 if self.dct_month else None
        if year is None:
            year = self._relative_year(relative, half, now)
        return f"{year:04d}-H{half}" if year is not None else f"XXXX-H{half}"

    def _week(self, week: int, year: int | None) -> str:
        year = year if year is not None else self._reference_year()
        return f"{year:04d}-W{week:02d}" if year is not None else f"XXXX-W{week:02d}"

    def _relative_year(self, relative: str | None, part: int, now: int | None) -> int | None:
        """The year of "this/last/next spring" or of a bare "the second quarter"."""
        if relative is None:
            return self._year_for(part, now)
        if self.dct_year is None:
            return None
        if relative == "last":
            return self.dct_year - (1 if now is None or part >= now else 0)
        if relative == "next":
            return self.dct_year + (1 if now is None or part <= now else 0)
        return self.dct_year

    def _year_for(self, position, dct_position) -> int | None:
        """The year of a date that states none, HeidelTime's news rule.

        ``position`` and ``dct_position`` place the expression and the DCT
        within their year (a month, a (month, day) pair, a quarter number...).
        """
        if self.dct_year is None:
            return self._reference_year()
        if dct_position is None:
            return self.dct_year
        tense = self._tense()
        if tense == "past" and position > dct_position:
            return self.dct_year - 1
        if tense == "future" and position < dct_position:
            return self.dct_year + 1
        return self.dct_year

    def _reference_year(self) -> int | None:
        """The DCT's year or, without a DCT, the last year the text named."""
        if self.dct_year is not None:
            return self.dct_year
        return self.anchors[-1].year if self.anchors else None

    def _dct_season(self) -> int | None:
        return season_position(self.dct_month) if self.dct_month else None

    # --- relative to the DCT ---------------------------------------------------

    def _weekday(self, weekday: int, relative: str | None) -> str:
        if self.dct_day is None:
            return f"XXXX-WXX-{weekday}"
        today = dt.date(self.dct_year, self.dct_month, self.dct_day)
        back = (today.isoweekday() - weekday) % 7  # days since the latest such weekday, 0 today
        ahead = (weekday - today.isoweekday()) % 7
        if relative == "this":
            offset = weekday - today.isoweekday()
        elif relative == "last":
            offset = -(back or 7)
        elif relative == "next":
            offset = ahead or 7
        else:
            # News names the publication day itself by its weekday ("the
            # company said Monday"), so a bare weekday may be today.  An
            # untensed clause ("the marathon takes place on Sunday") speaks of
            # the coming one: news reports past events in the past tense.
            offset = -back if self._tense() == "past" else ahead
        return shift("day", offset, self.dct_year, self.dct_month, self.dct_day)

    def _deictic(self, unit: str, offset: int) -> str:
        return shift(unit, offset, self.dct_year, self.dct_month, self.dct_day)

    # --- relative to a date in the text ----------------------------------------

    def _anaphoric(self, unit: str, offset: int) -> str:
        """"the next day", "the following week", "later that year"."""
        anchor = self._anchor(unit)
        if anchor is None:
            return UNKNOWN[unit]
        return shift(unit, offset, anchor.year, anchor.month, anchor.day)

    def _anaphoric_season(self, season: str, offset: int) -> str:
        """"the following spring", "that summer": the season next to a date in the text."""
        anchor = self._anchor("year")
        if anchor is None:
            return f"XXXX-{season}"
        year = anchor.year
        if anchor.month is not None:
            position, order = season_position(anchor.month), SEASON_ORDER[season]
            if offset > 0 and order <= position:
                year += 1
            elif offset < 0 and order >= position:
                year -= 1
        elif offset:
            year += offset
        return f"{year:04d}-{season}"

    def _later(self, unit: str, offset: int) -> str:
        """"three days later", "a week later": the anchor moved, at the unit's precision.

        Unlike "the following week", "a week later" is a day seven days on.
        """
        if unit == "week":
            unit, offset = "day", 7 * offset
        return self._anaphoric(unit, offset)

    def _anchor(self, unit: str) -> _Anchor | None:
        def fine_enough(anchor: _Anchor) -> bool:
            if unit in ("day", "week"):
                return anchor.day is not None
            return unit == "year" or anchor.month is not None

        # Anchors are remembered in text order: the latest usable sentence is found from the end,
        # so a text with thousands of dates is not scanned whole for each one.
        latest: _Anchor | None = None
        for anchor in reversed(self.anchors):
            if latest is not None and anchor.sentence != latest.sentence:
                break
            if fine_enough(anchor):
                if anchor.leading:
                    return anchor
                latest = latest or anchor
        return latest

    # --- tense -----------------------------------------------------------------

    def _sentence_index(self, pos: int) -> int:
        return bisect.bisect_right(self.sentence_starts, pos) - 1

    def _tense(self) -> str | None:
        """"past", "future" or None for the clause around the current expression."""
        found = self.found
        index = self._sentence_index(found.start)
        start = self.sentence_starts[index]
        end = self.sentence_starts[index + 1] if index + 1 < len(self.sentence_starts) else len(self.text)
        breaks = list(_CLAUSE_BREAK.finditer(self.text, start, end))
        clause_start = max([b.end() for b in breaks if b.end() <= found.start], default=start)
        clause_end = min([b.start() for b in breaks if b.start() >= found.end], default=end)
        clause = self.text[clause_start:clause_end]
        if _FUTURE.search(clause) or _WOULD.search(clause):
            return "future"
        if _PAST.search(clause):
            return "past"
        rest = self.text[clause_start:found.start] + " " + self.text[found.end:clause_end]
        if len(re.findall(r"\w+", rest)) > 1:
            return None  # a clause of its own with no marker: present tense
        # A detached phrase ("On 26 May, ...") takes the tense of the nearest
        # marker in its sentence.
        markers = [(abs(m.start() - found.start), "future") for m in _FUTURE.finditer(self.text, start, end)]
        markers += [(abs(m.start() - found.start), "past") for m in _PAST.finditer(self.text, start, end)]
        return min(markers)[1] if markers else None
