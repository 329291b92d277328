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

import datetime as dt
import re
from dataclasses import dataclass, replace

from briefpack.dating.cues import Cues
from briefpack.dating.found import Found
from briefpack.dating.rules import extract
from briefpack.dating.values import SEASON_ORDER, SEASON_START_MONTH, UNKNOWN, days_in, season_position, shift
from briefpack.errors import BriefpackError
from briefpack.model import Timex

_DCT = re.compile(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?")


_LEADING = re.compile(r"(?i)[\W_]*(?:(?:on|in|by|since|at|during|from|until)\s+)?\Z")


def tag(text: str, dct: str | None, *, day_first: bool = True) -> list[Timex]:
    """Find the temporal expressions in ``text`` and give each a TIMEX3 value.

    ``dct`` is the document creation time as a partial date ("2020-05-26",
    "2020-05", "2020") or None; ``day_first`` settles numeric dates such as
    05/06/2020 where both orders are valid.
    """
    resolver = _Resolver(text, _parse_dct(dct), day_first)
    timexes = []
    for found in _with_range_years(text, extract(text)):
        value = resolver.resolve(found)
        if value is not None:
            timexes.append(Timex(found.start, found.end, text[found.start : found.end], value, found.mod))
    return timexes


# "from Dec. 20 to Dec. 22", "between March and June 2001", "3 March - 5 April 2002".
_RANGE_JOIN = re.compile(r"\s*(?:[-–—]|to|until|till|through|and)\s*\Z", re.IGNORECASE)
# "A walkout in 2005 lasted from Dec. 20 to Dec. 22": the year a range's sentence has just named.
_IN_YEAR_BEFORE = re.compile(r"(?i)\bin\s+\Z")


def _with_range_years(text: str, found: list[Found]) -> list[Found]:
    """Give the year-less end of a range the year the range states or its sentence has just named."""
    result = list(found)
    for i in range(len(result) - 1):
        first, second = result[i], result[i + 1]
        if first.kind != "date" or first.fields.get("year") is not None or "year_offset" in first.fields:
            continue
        if not _RANGE_JOIN.match(text[first.end : second.start]):
            continue
        year = second.fields.get("year") if second.kind == "date" else None
        if year is not None:
            later_month = first.fields["month"] > second.fields["month"]
            result[i] = replace(first, fields={**first.fields, "range_year": year - later_month})
            continue
        named = _year_named_before(text, result, i)
        if named is not None and second.kind == "date" and second.fields.get("year") is None:
            for j in (i, i + 1):
                result[j] = replace(result[j], fields={**result[j].fields, "range_year": named})
    return result


def _year_named_before(text: str, found: list[Found], index: int) -> int | None:
    """The year of "in 2005" just before the range in the same sentence, with nothing dated between."""
    if index == 0 or found[index - 1].kind != "year":
        return None
    previous = found[index - 1]
    between = text[previous.end : found[index].start]
    if re.search(r"[.!?;]\s", between) or not _IN_YEAR_BEFORE.search(text[: previous.start]):
        return None
    return previous.fields["year"]


def _parse_dct(dct: str | None) -> tuple[int | None, int | None, int | None]:
    if dct is None:
        return None, None, None
    match = _DCT.fullmatch(dct.strip())
    if not match:
        raise BriefpackError(f"document date {dct!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    year = int(match.group(1))
    month, day = (int(g) if g else None for g in match.groups()[1:])
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
        self.cues = Cues(text)
        self.anchors: list[_Anchor] = []
        self.last_period: tuple[int, str] | None = None  # (sentence, value) of the last quarter or half
        self.found = Found(0, 0, "none")  # the expression being resolved

    # --- dispatch -----------------------------------------------------------

    def resolve(self, found: Found) -> str | None:
        self.found = found
        fields = {k: v for k, v in found.fields.items() if k != "range_year"}
        value = getattr(self, "_" + found.kind)(**fields)
        if value is not None:
            self._remember(value)
            if re.fullmatch(r"\d{4}-[QH]\d", value) and found.kind in ("quarter", "half"):
                self.last_period = (self._sentence_index(found.start), value)
        return value

    def _remember(self, value: str) -> None:
        match = re.match(r"(\d{4})(?:-(?:(\d\d)(?:-(\d\d))?|(SP|SU|FA|WI)))?", value)
        if not match:
            return
        year = int(match.group(1))
        month, day = (int(g) if g else None for g in match.groups()[1:3])
        if match.group(4):  # a season stands for its first month, for "the following spring"
            month = SEASON_START_MONTH[match.group(4)]
        sentence = self._sentence_index(self.found.start)
        before = self.text[self.cues.sentence_starts[sentence] : self.found.start]
        self.anchors.append(_Anchor(year, month, day, sentence, bool(_LEADING.match(before))))

    # --- explicit and underspecified dates -----------------------------------

    def _date(
        self, year: int | None, month: int, day: int | None, relative: str | None = None, year_offset: int | None = None
    ) -> str | None:
        if day is not None and day > days_in(year, month):
            return None  # "31 June" is a number next to a month, not a date
        if year_offset is not None:
            year = self.dct_year + year_offset if self.dct_year is not None else None
        elif year is None and self.found.fields.get("range_year") is not None:
            year = self.found.fields["range_year"]
        elif relative is not None:
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
            year = self._relative_year(relative, order, now, per_year=4)
        return f"{year:04d}-{season}" if year is not None else f"XXXX-{season}"

    def _quarter(self, quarter: int, year: int | None, relative: str | None) -> str:
        now = (self.dct_month - 1) // 3 + 1 if self.dct_month else None
        if year is None:
            year = self._relative_year(relative, quarter, now, per_year=4)
        return f"{year:04d}-Q{quarter}" if year is not None else f"XXXX-Q{quarter}"

    def _half(self, half: int, year: int | None, relative: str | None) -> str:
        now = 1 if self.dct_month and self.dct_month <= 6 else 2 if self.dct_month else None
        if year is None:
            year = self._relative_year(relative, half, now, per_year=2)
        return f"{year:04d}-H{half}" if year is not None else f"XXXX-H{half}"

    def _week(self, week: int, year: int | None) -> str:
        year = year if year is not None else self._reference_year()
        return f"{year:04d}-W{week:02d}" if year is not None else f"XXXX-W{week:02d}"

    def _relative_year(self, relative: str | None, part: int, now: int | None, *, per_year: int = 12) -> int | None:
        """The year of "this/last/next spring" or of a bare "the second quarter"."""
        if relative is None:
            return self._year_for(part, now, per_year=per_year)
        if self.dct_year is None:
            return None
        if relative == "last":
            return self.dct_year - (1 if now is None or part >= now else 0)
        if relative == "next":
            return self.dct_year + (1 if now is None or part <= now else 0)
        return self.dct_year

    def _year_for(self, position, dct_position, *, per_year: int = 12) -> int | None:
        """The year of a date that states none, HeidelTime's news rule.

        ``position`` and ``dct_position`` place the expression and the DCT
        within their year (a month, a (month, day) pair, a quarter number...).
        """
        dct_year = self.dct_year
        if dct_year is None:
            return self._reference_year()
        if dct_position is None:
            return dct_year
        tense = self._tense()
        if tense == "past" and position > dct_position:
            return dct_year - 1
        if tense == "future" and position < dct_position:
            return dct_year + 1
        if tense is None:
            return _nearest_year(dct_year, position, dct_position, per_year)
        return dct_year

    def _reference_year(self) -> int | None:
        """The DCT's year or, without a DCT, the last year the text named."""
        if self.dct_year is not None:
            return self.dct_year
        return self.anchors[-1].year if self.anchors else None

    def _dct_season(self) -> int | None:
        return season_position(self.dct_month) if self.dct_month else None

    # --- relative to the DCT ---------------------------------------------------

    def _weekday(self, weekday: int, relative: str | None) -> str:
        if self.dct_year is None or self.dct_month is None or self.dct_day is None:
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
            # A bare weekday counts from the document date, never from a date named earlier
            # in the text.  News names the publication day itself by its weekday ("the
            # company said Monday"), so it may be today.  With no other cue, a reporting verb
            # in the clause makes it past ("he said during the broadcast on Sunday"), and a
            # clause in the present speaks of the coming one ("voters head to the polls on
            # Tuesday"): news reports past events in the past tense.
            tense = self._tense() or self.cues.reported(self.found.start, self.found.end)
            offset = -back if tense == "past" else ahead
        return shift("day", offset, self.dct_year, self.dct_month, self.dct_day)

    def _deictic(self, unit: str, offset: int) -> str:
        return self._year_earlier_period(unit, offset) or shift(
            unit, offset, self.dct_year, self.dct_month, self.dct_day
        )

    def _year_earlier_period(self, unit: str, offset: int) -> str | None:
        """ "profit of $84 million in the second quarter, against $75 million a year ago": beside a
        quarter or half, "a year ago/earlier" is that quarter or half a year before."""
        if (unit, offset) != ("year", -1) or self.last_period is None:
            return None
        sentence, value = self.last_period
        if sentence != self._sentence_index(self.found.start):
            return None
        return f"{int(value[:4]) - 1:04d}{value[4:]}"

    def _year_earlier(self) -> str | None:
        """ "the year-earlier quarter", "the same period last year"."""
        if self.last_period is None:
            return None
        return f"{int(self.last_period[1][:4]) - 1:04d}{self.last_period[1][4:]}"

    def _anaphoric_weekday(self, weekday: int, offset: int) -> str:
        """ "that Friday" is the Friday of the week the text is in; "the following Monday" the first
        Monday after the date the text last named, "the previous Sunday" the last one before it."""
        anchor = self._anchor("day")
        if anchor is None or anchor.month is None or anchor.day is None:
            return self._weekday(weekday, None)
        base = dt.date(anchor.year, anchor.month, anchor.day)
        ahead = (weekday - base.isoweekday()) % 7
        if offset > 0:
            days = ahead or 7
        elif offset < 0:
            days = -((base.isoweekday() - weekday) % 7 or 7)
        else:
            days = ahead
        return (base + dt.timedelta(days=days)).isoformat()

    # --- relative to a date in the text ----------------------------------------

    def _anaphoric(self, unit: str, offset: int) -> str:
        """ "the next day", "the following week", "later that year"."""
        anchor = self._anchor(unit)
        if anchor is None:
            return UNKNOWN[unit]
        return shift(unit, offset, anchor.year, anchor.month, anchor.day)

    def _anaphoric_season(self, season: str, offset: int) -> str:
        """ "the following spring", "that summer": the season next to a date in the text."""
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
        """ "three days later", "a week later": the anchor moved, at the unit's precision.

        Unlike "the following week", "a week later" is a day seven days on.
        """
        if unit == "week":
            unit, offset = "day", 7 * offset
        return self._year_earlier_period(unit, offset) or self._anaphoric(unit, offset)

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
        return self.cues.sentence_index(pos)

    def _tense(self) -> str | None:
        """ "past", "future" or None for the clause around the current expression."""
        found = self.found
        return self.cues.tense(found.start, found.end, has_day=found.fields.get("day") is not None)


def _nearest_year(dct_year: int, position, dct_position, per_year: int) -> int:
    """With no cue either way, news means the occurrence nearest its own date: "in December"
    written in January is last December, "in January" written in December the coming one."""

    def distance(year: int) -> float:
        return abs(_position_number(year, position, per_year) - _position_number(dct_year, dct_position, per_year))

    return min((dct_year, dct_year - 1, dct_year + 1), key=lambda year: (distance(year), year > dct_year))


def _position_number(year: int, position, per_year: int) -> float:
    """A point on one scale for comparing positions within years: a (month, day) pair becomes a
    date's ordinal day; a month, quarter, half or season number its share of the year."""
    if isinstance(position, tuple):
        month, day = position
        return dt.date(year, month, min(day, days_in(year, month))).toordinal()
    return (year + position / per_year) * 365.25
