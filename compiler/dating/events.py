"""Events, not every date: which dated mentions belong in the timeline, and how ranges are joined.

A mention is kept out by default when it is hypothetical or conditional ("the soonest he would be
free would be seven days later", "if the bill passes, the tax would take effect in January"), or
background: the starting point of a state ("since 2015") or a date far before its source's own
(an 1898 war named in passing in 2000). The editor's window, leave-out terms, caps and corrections
(the manifest's ``timeline:`` section) come on top. Whatever is left out is reported with its
reason, for ``explain``.

All checks are local: the sentence or clause of one mention, read once.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from briefpack.dating import values
from briefpack.model import Corrected, Correction, Event, LeftOut, TimelineSettings

# How far before its source's own date a mention is background rather than an event of the story.
BACKGROUND_YEARS = 10

_CLAUSE_BREAK = re.compile(r"[,;:](?!\d)|\s[–—]\s|\b(?:but|while|whereas|because|which|who)\b")
_HYPOTHETICAL = re.compile(
    r"(?i)\b(?:soonest|at\s+the\s+earliest|would\s+have|could\s+have|might\s+have"
    r"|hypothetical(?:ly)?|in\s+theory|supposing|suppose)\b"
)
_CONDITION = re.compile(r"(?i)\b(?:if|unless)\b")
_CONDITIONAL_MAIN = re.compile(r"(?i)\b(?:would|could|might)\b")
_SINCE_BEFORE = re.compile(r"(?i)\bsince\s+(?:the\s+)?\Z")
# "from 1991 to 1997", "between 3 and 5 June", "Jan. 10-12": the words joining a range's two ends.
_RANGE_JOIN = re.compile(r"\s*(?:[-–—]|to|until|till|through|and)\s*", re.IGNORECASE)
_RANGE_OPEN = re.compile(r"(?i)\b(?:from|between)\s+\Z")
# A span that is itself a range of days: "3-4 June", "June 3-4", "3 to 5 June 2000".
_DAY_RANGE = re.compile(r"(?<!\d)(\d{1,2})(?:st|nd|rd|th)?\s*(?:[-–]|to|and)\s*(\d{1,2})(?:st|nd|rd|th)?(?!\d)")


@dataclass(frozen=True)
class Mention:
    """One dated mention, before selection: the event it would make and where it stands."""

    event: Event
    expression: str  # the dated words, which corrections may name
    sentence: str  # the whole sentence, for the hypothetical and background checks
    offset: int  # where the expression starts in the sentence
    reason: str | None = None  # why it stays out of the timeline by default; None: it goes in


def classify(mention: Mention, published: str | None) -> Mention:
    """The mention with the reason it is left out by default, if any."""
    reason = _hypothetical(mention) or _background(mention, published)
    return replace(mention, reason=reason) if reason else mention


def _hypothetical(mention: Mention) -> str | None:
    sentence, offset = mention.sentence, mention.offset
    breaks = [(m.start(), m.end()) for m in _CLAUSE_BREAK.finditer(sentence)]
    clause_start = max([e for s, e in breaks if e <= offset], default=0)
    clause_end = min([s for s, e in breaks if s >= offset + len(mention.expression)], default=len(sentence))
    clause = sentence[clause_start:clause_end]
    if _HYPOTHETICAL.search(clause):
        return "hypothetical"
    condition = _CONDITION.search(sentence)
    if condition and (clause_start <= condition.start() < clause_end or _CONDITIONAL_MAIN.search(clause)):
        return "conditional"
    return None


def _background(mention: Mention, published: str | None) -> str | None:
    event = mention.event
    if _SINCE_BEFORE.search(mention.sentence[: mention.offset]) and event.precision in ("year", "decade", "century"):
        return "background: the start of a state of affairs"
    own = values.period_bounds(published) if published else None
    span = values.period_bounds(event.end or event.date)
    if own and span and span[1].year < own[0].year - BACKGROUND_YEARS:
        return f"background: more than {BACKGROUND_YEARS} years before the source"
    return None


def day_range_end(expression: str, value: str) -> str | None:
    """The last day of a span that is a range of days ("3-4 June" dated 3 June), or None."""
    match = _DAY_RANGE.search(expression)
    if not match or values.precision(value) != "day" or "X" in value:
        return None
    first, last = int(match.group(1)), int(match.group(2))
    if int(value[8:10]) != first or not first < last <= values.days_in(int(value[:4]), int(value[5:7])):
        return None
    return f"{value[:8]}{last:02d}"


def joins_range(between: str, before: str) -> bool:
    """Whether the words between two dates make them a range's ends ("from 1991 to 1997")."""
    join = _RANGE_JOIN.fullmatch(between)
    if not join:
        return False
    return bool(_RANGE_OPEN.search(before)) or between.strip() in ("-", "–", "—")


# --- the editor's controls ------------------------------------------------------------------------


def correct(mentions: list[Mention], corrections: tuple[Correction, ...]) -> tuple[list[Mention], list[Corrected]]:
    """Apply each correction to the mentions whose sentence holds its words.

    Where several dates share the matched sentence, the ones whose dated words lie inside the
    correction's text are meant ("by Jan. 14" names the Jan. 14 of its sentence). A re-dated
    event goes in whatever the default checks said: the editor has read it.
    """
    effects = []
    for correction in corrections:
        needle = correction.match.casefold()
        hits = [i for i, m in enumerate(mentions) if needle in m.event.text.casefold()]
        named = [i for i in hits if mentions[i].expression.casefold() in needle]
        chosen = named or hits
        for i in chosen:
            mention = mentions[i]
            if correction.drop:
                mentions[i] = replace(mention, reason=f"dropped by the correction '{correction.match}'")
            else:
                date = correction.date or mention.event.date
                event = replace(mention.event, date=date, mod=None, end=None, precision=values.precision(date))
                mentions[i] = replace(mention, event=event, reason=None)
        effects.append(Corrected(correction, tuple(mentions[i].event for i in chosen)))
    return mentions, effects


def editor_reason(event: Event, settings: TimelineSettings) -> str | None:
    """Why the manifest's window or leave-out terms keep an event out, if they do."""
    for term in settings.leave_out:
        if term.casefold() in event.text.casefold():
            return f"left out by the manifest: '{term}'"
    for pattern in settings.leave_out_patterns:
        if re.search(pattern, event.text):
            return f"left out by the manifest: /{pattern}/"
    if settings.window_from or settings.window_to:
        span = values.period_bounds(event.date)
        last = values.period_bounds(event.end) if event.end else span
        low = values.period_bounds(settings.window_from) if settings.window_from else None
        high = values.period_bounds(settings.window_to) if settings.window_to else None
        if span is None or last is None:
            return "outside the window: the date is not fully known"
        if (low and last[1] < low[0]) or (high and span[0] > high[1]):
            return f"outside the window {settings.window_from or '…'} – {settings.window_to or '…'}"
    return None


def cap(events: tuple[Event, ...], settings: TimelineSettings) -> tuple[tuple[Event, ...], list[LeftOut]]:
    """At most ``cap_per_source`` entries per source and ``cap_per_day`` per date, in timeline order."""
    kept, left = [], []
    per_source: Counter[str] = Counter()
    per_day: Counter[str] = Counter()
    for event in events:
        source = event.sources[0]
        if settings.cap_per_source and per_source[source] >= settings.cap_per_source:
            left.append(LeftOut(event, f"over the cap of {_entries(settings.cap_per_source)} for {source}"))
        elif settings.cap_per_day and per_day[event.date] >= settings.cap_per_day:
            left.append(LeftOut(event, f"over the cap of {_entries(settings.cap_per_day)} for one date"))
        else:
            per_source[source] += 1
            per_day[event.date] += 1
            kept.append(event)
    return tuple(kept), left


def _entries(count: int) -> str:
    return f"{count} {'entry' if count == 1 else 'entries'}"
