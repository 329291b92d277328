"""Turn the dated expressions of the chapter text into a merged timeline.

Each source's body is tagged as one text, so that "the next day" in one
paragraph can lean on a date named in the paragraph before it. Every dated
expression becomes an event whose text is the clause that carries it; two
sources reporting the same thing on the same day are merged into one entry
that cites both.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from compiler import timex
from compiler.model import Event, Mention, Paragraph, Source

PARAGRAPH_GAP = "\n\n"
MAX_EVENT_CHARS = 240
_DATE_VALUE = re.compile(r"^(\d{4}|XXXX|\d{3})(-(\d{2}|SP|SU|FA|WI|Q[1-4]|H[12]|W\d{2})(-\d{2})?)?$")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
_CLAUSE_BREAK = re.compile(r";\s+|,\s+(?=(?:while|whereas|but|although|though|and then|which)\b)|\s+[–—]\s+")
_NAME = re.compile(r"\b[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*")
_FOOTNOTE_CALL = re.compile(r"\[\^\d+\]")
# Capitalised words that open sentences or name dates tell nothing about who acted.
_NOT_NAMES = frozenset("""
a an the on in at by for of to from with and but or as this that these those it its he she they his her their
there here when while after before since until during last next early late mid same following previous
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday spring summer autumn fall winter
reports report according however meanwhile also
""".split())


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence holding text[start:end], narrowed to its clause when the sentence is long."""
    bounds = [0] + [m.end() for m in _SENTENCE_END.finditer(text)] + [len(text)]
    left = max(b for b in bounds if b <= start)
    right = min((b for b in bounds if b >= end and b > left), default=len(text))
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


def source_events(source: Source, paragraphs: Iterable[Paragraph], *, day_first: bool) -> list[Event]:
    paragraphs = list(paragraphs)
    body, starts = "", []
    for paragraph in paragraphs:
        starts.append(len(body))
        body += _FOOTNOTE_CALL.sub("", paragraph.text) + PARAGRAPH_GAP
    events: list[Event] = []
    for expression in timex.tag(body, source.published, day_first=day_first):
        if not _DATE_VALUE.match(expression.value):
            continue
        index = max(i for i, s in enumerate(starts) if s <= expression.start)
        paragraph, offset = paragraphs[index], starts[index]
        text = body[offset:offset + len(paragraph.text)]
        clause = sentence_around(text, expression.start - offset, expression.end - offset)
        events.append(Event(date=expression.value, mod=expression.mod,
                            precision=timex.precision(expression.value), text=clause,
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
    """Same date and mod, reported by different sources, naming the same distinctive actors.

    Names that many events share (the topic's main country, say) prove nothing alone: two
    reports must share one distinctive name, and a date coarser than a day (a month holds
    many events) must share a second name too.
    """
    if a.date != b.date or a.mod != b.mod or set(a.sources) & set(b.sources):
        return False
    shared = actors(a.text) & actors(b.text)
    return bool(shared - common) and len(shared) >= (1 if a.precision == "day" else 2)


def common_names(events: list[Event]) -> frozenset[str]:
    """Names found in a fifth or more of the events (and at least three): too common to identify one."""
    counts = Counter(name for event in events for name in actors(event.text))
    return frozenset(name for name, n in counts.items() if n >= max(3, len(events) / 5))


def merge(events: list[Event]) -> tuple[Event, ...]:
    common = common_names(events)
    merged: list[Event] = []
    by_date: dict[tuple[str, str | None], list[int]] = {}
    for event in events:
        key = (event.date, event.mod)
        twin = next((i for i in by_date.get(key, []) if same_event(merged[i], event, common)), None)
        if twin is None:
            by_date.setdefault(key, []).append(len(merged))
            merged.append(event)
        else:
            first = merged[twin]
            merged[twin] = Event(date=first.date, mod=first.mod, precision=first.precision,
                                 text=first.text, mentions=first.mentions + event.mentions)
    return tuple(sorted(merged, key=lambda e: timex.sort_key(e.date, e.mod)))


def build_timeline(sources: tuple[Source, ...], paragraphs: tuple[Paragraph, ...], *,
                   day_first: bool) -> tuple[Event, ...]:
    events: list[Event] = []
    for source in sources:
        own = [p for p in paragraphs if p.source == source.id]
        events.extend(source_events(source, own, day_first=day_first))
    return merge(events)
