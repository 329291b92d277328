"""Turn the dated expressions of the chapter text into a merged timeline.

Each source's body is tagged as one text, so that "the next day" in one
paragraph can lean on a date named in the paragraph before it. Every dated
expression becomes a mention whose text is the sentence (or, when long, the
clause) that carries it; a range ("from 1991 to 1997", "3-4 June") is one
mention with an end. ``events`` decides which mentions are events: the
hypothetical and the background stay out by default, and the manifest's
``timeline:`` section adds a window, leave-out terms, caps and corrections.
Two sources reporting the same thing on the same day, or the same sentence
(a story and its rewrite), are merged into one entry that cites both.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from briefpack.dating import events as selection
from briefpack.dating import timex, values
from briefpack.model import (
    FOOTNOTE_CALL,
    Event,
    LeftOut,
    Mention,
    Paragraph,
    Source,
    TimelineReport,
    TimelineSettings,
    Timex,
)
from briefpack.text.sentences import sentence_starts

PARAGRAPH_GAP = "\n\n"
NO_SETTINGS = TimelineSettings()  # no manifest controls: the default selection alone
MAX_EVENT_CHARS = 240
_DATE_VALUE = re.compile(r"^(\d{4}|XXXX|\d{3})(-(\d{2}|SP|SU|FA|WI|Q[1-4]|H[12]|W\d{2})(-\d{2})?)?$")
_LEANING = re.compile(r"(?:while|whereas|but|although|though|and then|which)\b")
_CLAUSE_BREAK = re.compile(r";\s+|,\s+(?=(?:while|whereas|but|although|though|and then|which)\b)|\s+[–—]\s+")
_NAME = re.compile(r"\b[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*")
# Capitalised words that open sentences or name dates tell nothing about who acted.
_NOT_NAMES = frozenset(
    """
a an the on in at by for of to from with and but or as this that these those it its he she they his her their
there here when while after before since until during last next early late mid same following previous
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday spring summer autumn fall winter
reports report according however meanwhile also
""".split()
)


def sentence_around(text: str, start: int, end: int, bounds: list[int] | None = None) -> str:
    """The sentence holding text[start:end], narrowed to its clause when the sentence is long.

    ``bounds`` are the text's sentence starts and its length, for a caller that asks about many
    dates in one text: found by bisection, so a long paragraph is split into sentences once.
    """
    bounds = bounds or [*sentence_starts(text), len(text)]
    return _narrowed(text, *_sentence_bounds(bounds, start, end), start)


def _sentence_bounds(bounds: list[int], start: int, end: int) -> tuple[int, int]:
    """The sentence of text[start:end], from the text's sentence starts (ending with its length)."""
    left = bounds[bisect_right(bounds, start) - 1]
    after = bisect_left(bounds, max(end, left + 1))
    return left, bounds[after] if after < len(bounds) else bounds[-1]


def _narrowed(text: str, left: int, right: int, start: int) -> str:
    sentence = text[left:right].strip()
    if len(sentence) <= MAX_EVENT_CHARS:
        return sentence
    offset = start - left - (len(text[left:right]) - len(text[left:right].lstrip()))
    pieces, position = [], 0
    for piece in _CLAUSE_BREAK.split(sentence):
        position = sentence.find(piece, position)
        pieces.append((position, piece))
    index = next((i for i in range(len(pieces) - 1, -1, -1) if pieces[i][0] <= offset), 0)
    clause = pieces[index][1]
    # A clause that opens on "which" or "while" leans on the one before: "…, which began on 4 April".
    if index and _LEANING.match(clause):
        joined = sentence[pieces[index - 1][0] : pieces[index][0] + len(clause)]
        if len(joined) > MAX_EVENT_CHARS:  # the clause before is long: its last part will do
            cut = joined.rfind(", ", 0, pieces[index][0] - pieces[index - 1][0] - 2)
            joined = joined[cut + 2 :] if cut >= 0 else joined
        clause = joined if len(joined) <= MAX_EVENT_CHARS else clause
    if len(clause) > MAX_EVENT_CHARS:
        clause = clause[:MAX_EVENT_CHARS].rsplit(" ", 1)[0] + "…"
    return clause.strip(" ,;")


def actors(text: str) -> frozenset[str]:
    """The words of the names in a clause: capitalised runs, minus sentence openers and date words.

    Words rather than whole names, so that "the Wagner Group" and "Russian Wagner mercenaries"
    are seen to share an actor.
    """
    return frozenset(
        word.lower().removesuffix("’s").removesuffix("'s")
        for match in _NAME.finditer(text)
        for word in match.group(0).split()
        if word.lower() not in _NOT_NAMES
    )


def tag_source(source: Source, body: str, *, day_first: bool) -> tuple[Timex, ...]:
    """The dated expressions of one source's body; the costly step, so the build caches it per source."""
    return tuple(timex.tag(body, source.published, day_first=day_first))


TagSource = Callable[..., Sequence[Timex]]  # called as tag(source, body, day_first=...), like tag_source


def source_events(
    source: Source, paragraphs: Iterable[Paragraph], *, day_first: bool, tag: TagSource = tag_source
) -> list[Event]:
    """The events one source contributes by default: its mentions, less the hypothetical and background."""
    return [m.event for m in source_mentions(source, paragraphs, day_first=day_first, tag=tag) if m.reason is None]


def source_mentions(
    source: Source, paragraphs: Iterable[Paragraph], *, day_first: bool, tag: TagSource = tag_source
) -> list[selection.Mention]:
    """Every dated mention of one source, each with the reason it stays out by default (or None).

    The sentence starts of a paragraph are found once, however many dates it holds.
    """
    paragraphs = list(paragraphs)
    body, starts = "", []
    for paragraph in paragraphs:
        starts.append(len(body))
        body += FOOTNOTE_CALL.sub("", paragraph.text) + PARAGRAPH_GAP
    expressions = [e for e in tag(source, body, day_first=day_first) if _DATE_VALUE.match(e.value)]
    split: dict[int, tuple[str, list[int]]] = {}  # each paragraph's text and sentence bounds, made once
    mentions: list[selection.Mention] = []
    skip = False
    for i, expression in enumerate(expressions):
        if skip:
            skip = False
            continue
        index = bisect_right(starts, expression.start) - 1
        paragraph, offset = paragraphs[index], starts[index]
        if index not in split:
            text = body[offset : offset + len(paragraph.text)]
            split[index] = text, [*sentence_starts(text), len(text)]
        text, bounds = split[index]
        start, end = expression.start - offset, expression.end - offset
        left, right = _sentence_bounds(bounds, start, end)
        following = expressions[i + 1] if i + 1 < len(expressions) else None
        end_value = selection.day_range_end(expression.text, expression.value)
        if (
            following is not None
            and following.end - offset <= right
            and selection.joins_range(body[expression.end : following.start], text[left:start])
            and values.sort_key(following.value, None) > values.sort_key(expression.value, None)
        ):
            end_value, skip = following.value, True
        event = Event(
            date=expression.value,
            mod=expression.mod,
            precision=values.precision(expression.value),
            text=_narrowed(text, left, right, start),
            mentions=(Mention(source.id, paragraph.anchor, paragraph.primary),),
            end=end_value,
        )
        mention = selection.Mention(event, expression.text, text[left:right], start - left)
        mentions.append(selection.classify(mention, source.published))
    return _one_per_clause(mentions)


def _one_per_clause(mentions: list[selection.Mention]) -> list[selection.Mention]:
    """A clause naming one date twice yields one mention, not duplicates."""
    seen, unique = set(), []
    for mention in mentions:
        event = mention.event
        key = (event.date, event.mod, event.end, event.text)
        if key not in seen:
            seen.add(key)
            unique.append(mention)
    return unique


def same_event(a: Event, b: Event, common: frozenset[str]) -> bool:
    """Same date and mod, reported by different sources, naming the same distinctive actors or
    in the same (or a near-identical) sentence."""
    return _near_identical(a, b, _words(a.text), _words(b.text)) or _same_actors(
        a, b, actors(a.text), actors(b.text), common
    )


def _words(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"\w+", text.casefold()))


def _near_identical(a: Event, b: Event, words_a: frozenset[str], words_b: frozenset[str]) -> bool:
    """A story and its rewrite: the same date in sentences sharing nine words in ten."""
    if (a.date, a.mod, a.end) != (b.date, b.mod, b.end) or set(a.sources) & set(b.sources):
        return False
    union = words_a | words_b
    return len(union) >= 4 and len(words_a & words_b) >= 0.9 * len(union)


def _same_actors(a: Event, b: Event, names_a: frozenset[str], names_b: frozenset[str], common: frozenset[str]) -> bool:
    """Names that many events share (the topic's main country, say) prove nothing alone: two
    reports must share one distinctive name, and a date coarser than a day (a month holds
    many events) must share a second name too.
    """
    if (a.date, a.mod, a.end) != (b.date, b.mod, b.end) or set(a.sources) & set(b.sources):
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
    (date, mod) and each event is compared with its bucket alone; names and words
    are read once per event rather than once per comparison.
    """
    own_names = [actors(event.text) for event in events]
    own_words = [_words(event.text) for event in events]
    common = common_names(own_names, len(events))
    merged: list[Event] = []
    names: list[frozenset[str]] = []
    words: list[frozenset[str]] = []
    buckets: dict[tuple[str, str | None], list[int]] = defaultdict(list)
    # How many entries of a bucket each source is in: when its source is in all of them, an event
    # can join none (a twin has other sources), and a long single-source text is not compared pairwise.
    holding: dict[tuple[str, str | None], Counter[str]] = defaultdict(Counter)
    for event, own, said in zip(events, own_names, own_words):
        key = (event.date, event.mod)
        bucket = buckets.get(key, [])
        twin = None
        if all(holding[key][source] < len(bucket) for source in event.sources):
            twin = next(
                (
                    i
                    for i in bucket
                    if _near_identical(merged[i], event, words[i], said)
                    or _same_actors(merged[i], event, names[i], own, common)
                ),
                None,
            )
        if twin is None:
            buckets[key].append(len(merged))
            holding[key].update(event.sources)
            merged.append(event)
            names.append(own)
            words.append(said)
        else:
            holding[key].update(set(event.sources) - set(merged[twin].sources))
            first = merged[twin]
            merged[twin] = replace(first, mentions=first.mentions + event.mentions)
    return tuple(sorted(merged, key=lambda e: values.sort_key(e.date, e.mod)))


def build_timeline(
    sources: tuple[Source, ...],
    paragraphs: tuple[Paragraph, ...],
    *,
    day_first: bool,
    tag: TagSource = tag_source,
    settings: TimelineSettings = NO_SETTINGS,
) -> tuple[Event, ...]:
    return build_timeline_report(sources, paragraphs, day_first=day_first, tag=tag, settings=settings)[0]


def build_timeline_report(
    sources: tuple[Source, ...],
    paragraphs: tuple[Paragraph, ...],
    *,
    day_first: bool,
    tag: TagSource = tag_source,
    settings: TimelineSettings = NO_SETTINGS,
) -> tuple[tuple[Event, ...], TimelineReport]:
    """The timeline, and what was left out of it and why, and what each correction did."""
    by_source: dict[str, list[Paragraph]] = defaultdict(list)
    for p in paragraphs:
        by_source[p.source].append(p)
    mentions: list[selection.Mention] = []
    for source in sources:
        mentions.extend(source_mentions(source, by_source.get(source.id, ()), day_first=day_first, tag=tag))
    mentions, corrected = selection.correct(mentions, settings.corrections)
    kept, left_out = [], []
    for mention in mentions:
        reason = mention.reason or selection.editor_reason(mention.event, settings)
        if reason:
            left_out.append(LeftOut(mention.event, reason))
        else:
            kept.append(mention.event)
    timeline, over_cap = selection.cap(merge(kept), settings)
    return timeline, TimelineReport(left_out=tuple(left_out + over_cap), corrections=tuple(corrected))
