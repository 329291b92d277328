"""Turn the dated expressions of the chapter text into a merged timeline.

Each source's body is tagged as one text, so that "the next day" in one
paragraph can lean on a date named in the paragraph before it. Every dated
expression becomes an event whose text is the clause that carries it; two
sources reporting the same thing on the same day are merged into one entry
that cites both.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence

from briefpack.dating import timex, values
from briefpack.model import FOOTNOTE_CALL, Event, Mention, Paragraph, Source, Timex
from briefpack.text.sentences import sentence_starts

PARAGRAPH_GAP = "\n\n"
MAX_EVENT_CHARS = 240
_DATE_VALUE = re.compile(r"^(\d{4}|XXXX|\d{3})(-(\d{2}|SP|SU|FA|WI|Q[1-4]|H[12]|W\d{2})(-\d{2})?)?$")
_CLAUSE_BREAK = re.compile(r";\s+|,\s+(?=(?:while|whereas|but|although|though|and then|which)\b)|\s+[–—]\s+")
_NAME = re.compile(r"\b[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*")
# Capitalised words that open sentences or name dates tell nothing about who acted.
_NOT_NAMES = frozenset("""
a an the on in at by for of to from with and but or as this that these those it its he she they his her their
there here when while after before since until during last next early late mid same following previous
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday spring summer autumn fall winter
reports report according however meanwhile also
""".split())


def sentence_around(text: str, start: int, end: int, bounds: list[int] | None = None) -> str:
    """The sentence holding text[start:end], narrowed to its clause when the sentence is long.

    ``bounds`` are the text's sentence starts and its length, for a caller that asks about many
    dates in one text: found by bisection, so a long paragraph is split into sentences once.
    """
    bounds = bounds or [*sentence_starts(text), len(text)]
    left = bounds[bisect_right(bounds, start) - 1]
    after = bisect_left(bounds, max(end, left + 1))
    right = bounds[after] if after < len(bounds) else len(text)
    sentence = text[left:right].strip()
    if len(sentence) <= MAX_EVENT_CHARS:
        return sentence
    offset = start - left - (len(text[left:right]) - len(text[left:right].lstrip()))
    pieces, position = [], 0
    for piece in _CLAUSE_BREAK.split(sentence):
        position = sentence.find(piece, position)
        pieces.append((position, piece))
    clause = next((p for pos, p in reversed(pieces) if pos <= offset), sentence)
    if len(clause) > MAX_EVENT_CHARS:
        clause = clause[:MAX_EVENT_CHARS].rsplit(" ", 1)[0] + "…"
    return clause.strip(" ,;")


def actors(text: str) -> frozenset[str]:
    """The words of the names in a clause: capitalised runs, minus sentence openers and date words.

    Words rather than whole names, so that "the Wagner Group" and "Russian Wagner mercenaries"
    are seen to share an actor.
    """
    return frozenset(word.lower().removesuffix("’s").removesuffix("'s")
                     for match in _NAME.finditer(text) for word in match.group(0).split()
                     if word.lower() not in _NOT_NAMES)


def tag_source(source: Source, body: str, *, day_first: bool) -> tuple[Timex, ...]:
    """The dated expressions of one source's body; the costly step, so the build caches it per source."""
    return tuple(timex.tag(body, source.published, day_first=day_first))


TagSource = Callable[..., Sequence[Timex]]  # called as tag(source, body, day_first=...), like tag_source


def source_events(source: Source, paragraphs: Iterable[Paragraph], *, day_first: bool,
                  tag: TagSource = tag_source) -> list[Event]:
    paragraphs = list(paragraphs)
    body, starts = "", []
    for paragraph in paragraphs:
        starts.append(len(body))
        body += FOOTNOTE_CALL.sub("", paragraph.text) + PARAGRAPH_GAP
    events: list[Event] = []
    split: dict[int, tuple[str, list[int]]] = {}  # each paragraph's text and sentence bounds, made once
    for expression in tag(source, body, day_first=day_first):
        if not _DATE_VALUE.match(expression.value):
            continue
        index = bisect_right(starts, expression.start) - 1
        paragraph, offset = paragraphs[index], starts[index]
        if index not in split:
            text = body[offset:offset + len(paragraph.text)]
            split[index] = text, [*sentence_starts(text), len(text)]
        text, bounds = split[index]
        clause = sentence_around(text, expression.start - offset, expression.end - offset, bounds)
        events.append(Event(date=expression.value, mod=expression.mod,
                            precision=values.precision(expression.value), text=clause,
                            mentions=(Mention(source.id, paragraph.anchor, paragraph.primary),)))
    return _one_per_clause(events)


def _one_per_clause(events: list[Event]) -> list[Event]:
    """A clause naming two dates ("between 19 and 26 May") yields one event per date, not duplicates."""
    seen, unique = set(), []
    for event in events:
        key = (event.date, event.mod, event.text)
        if key not in seen:
            seen.add(key)
            unique.append(event)
    return unique


def same_event(a: Event, b: Event, common: frozenset[str]) -> bool:
    """Same date and mod, reported by different sources, naming the same distinctive actors."""
    return _same_actors(a, b, actors(a.text), actors(b.text), common)


def _same_actors(a: Event, b: Event, names_a: frozenset[str], names_b: frozenset[str],
                 common: frozenset[str]) -> bool:
    """Names that many events share (the topic's main country, say) prove nothing alone: two
    reports must share one distinctive name, and a date coarser than a day (a month holds
    many events) must share a second name too.
    """
    if a.date != b.date or a.mod != b.mod or set(a.sources) & set(b.sources):
        return False
    shared = names_a & names_b
    return bool(shared - common) and len(shared) >= (1 if a.precision == "day" else 2)


def common_names(names: Iterable[frozenset[str]], count: int) -> frozenset[str]:
    """Names found in a fifth or more of ``count`` events (and at least three): too common to identify one."""
    counts = Counter(name for event_names in names for name in event_names)
    return frozenset(name for name, n in counts.items() if n >= max(3, count / 5))


def merge(events: list[Event]) -> tuple[Event, ...]:
    """Each event joins the earliest merged entry that is the same event, as a pairwise scan would.

    Only entries of the same date and modifier can match, so they are indexed by
    (date, mod) and each event is compared with its bucket alone; actors are read
    once per event rather than once per comparison.
    """
    own_names = [actors(event.text) for event in events]
    common = common_names(own_names, len(events))
    merged: list[Event] = []
    names: list[frozenset[str]] = []
    buckets: dict[tuple[str, str | None], list[int]] = defaultdict(list)
    # How many entries of a bucket each source is in: when its source is in all of them, an event
    # can join none, and a long single-source text is not compared pairwise.
    holding: dict[tuple[str, str | None], Counter[str]] = defaultdict(Counter)
    for event, own in zip(events, own_names):
        key = (event.date, event.mod)
        bucket = buckets.get(key, [])
        twin = None
        if all(holding[key][source] < len(bucket) for source in event.sources):
            twin = next((i for i in bucket if _same_actors(merged[i], event, names[i], own, common)), None)
        if twin is None:
            buckets[key].append(len(merged))
            holding[key].update(event.sources)
            merged.append(event)
            names.append(own)
        else:
            holding[key].update(set(event.sources) - set(merged[twin].sources))
            first = merged[twin]
            merged[twin] = Event(date=first.date, mod=first.mod, precision=first.precision,
                                 text=first.text, mentions=first.mentions + event.mentions)
    return tuple(sorted(merged, key=lambda e: values.sort_key(e.date, e.mod)))


def build_timeline(sources: tuple[Source, ...], paragraphs: tuple[Paragraph, ...], *,
                   day_first: bool, tag: TagSource = tag_source) -> tuple[Event, ...]:
    by_source: dict[str, list[Paragraph]] = defaultdict(list)
    for p in paragraphs:
        by_source[p.source].append(p)
    events: list[Event] = []
    for source in sources:
        events.extend(source_events(source, by_source.get(source.id, ()), day_first=day_first, tag=tag))
    return merge(events)
