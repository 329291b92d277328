"""Near-identical paragraphs across sources, so each fact is printed once.

A rewrite of the same story, shared wire copy and a background paragraph
retold in every report are near-identical: they share most of their word
shingles (runs of four words). Two paragraphs are near-duplicates when the
shingles they share make up most of either one (containment), which also
catches a paragraph retold with a clause added; a paragraph is left unprinted
only if each of its sentences is in the one printed for it. Paraphrases of the same fact
in different words share few shingles and stay apart: they corroborate each
other rather than repeat. The threshold is measured on the test packs by
``tests/benchmarks/duplicates/measure.py``.

Candidates come from a bottom-k sketch (Broder's min-hashing): each paragraph
is filed under its few smallest shingle hashes, and only paragraphs filed
together are compared, so the cost grows with the paragraphs, not their pairs.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from briefpack.model import Duplicate, Event, Mention, Paragraph, ParagraphRef, Source, Supersession
from briefpack.text.sentences import sentence_starts

SHINGLE_WORDS = 4
SKETCH_SIZE = 8
CONTAINMENT = 0.45
# A sketch bucket this full holds stock phrases, not copies; comparing all of it would be
# quadratic. Real copies of one paragraph are far fewer than this.
BUCKET_LIMIT = 64
# Short paragraphs ("He declined to comment.") and stock phrases repeat without being copies: a copy
# is a paragraph of a dozen words or more sharing a run of about as many with another.
MIN_SHINGLES = 8
MIN_SHARED = 8
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def shingles(text: str) -> frozenset[int]:
    words = [w.casefold() for w in _WORD.findall(text)]
    runs = (" ".join(words[i : i + SHINGLE_WORDS]) for i in range(max(0, len(words) - SHINGLE_WORDS + 1)))
    return frozenset(zlib.crc32(run.encode("utf-8")) for run in runs)


def containment(a: frozenset[int], b: frozenset[int]) -> float:
    """The share of the smaller set's shingles that the other holds; 0 below MIN_SHARED shared shingles."""
    shared = len(a & b)
    if shared < MIN_SHARED:
        return 0.0
    return shared / min(len(a), len(b))


def covered(text: str, kept: frozenset[int]) -> bool:
    """Whether every sentence of ``text`` is in the kept paragraph (most of its shingles are).

    Two reports may share a sentence and each add one of its own: neither stands for the other,
    or the added sentence would be lost from the pack.
    """
    starts = sentence_starts(text)
    for start, end in zip(starts, [*starts[1:], len(text)]):
        own = shingles(text[start:end])
        if own and len(own & kept) < CONTAINMENT * len(own):
            return False
    return True


@dataclass(frozen=True)
class DuplicateGroup:
    kept: ParagraphRef  # the paragraph printed
    others: tuple[ParagraphRef, ...]  # the ones it stands for, in reading order
    similarity: float  # the lowest containment that joined the group


def find_groups(paragraphs: Sequence[Paragraph], order: Mapping[str, int]) -> tuple[DuplicateGroup, ...]:
    """Groups of near-identical paragraphs from two or more sources.

    ``order`` ranks sources oldest first; the paragraph kept is the latest
    source's (a rewrite carries the newest figures), unless another says
    markedly more (a fifth more words), when that one is kept.
    """
    sets = [shingles(p.text) for p in paragraphs]
    buckets: dict[int, list[int]] = defaultdict(list)
    for index, shingle_set in enumerate(sets):
        if len(shingle_set) >= MIN_SHINGLES:
            for value in sorted(shingle_set)[:SKETCH_SIZE]:
                buckets[value].append(index)
    parent = list(range(len(paragraphs)))
    weakest: dict[int, float] = {}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    seen: set[tuple[int, int]] = set()
    for members in buckets.values():
        if len(members) < 2 or len(members) > BUCKET_LIMIT:
            continue
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                # copies of one paragraph share many buckets: once grouped, they need no comparing again
                if (i, j) in seen or paragraphs[i].source == paragraphs[j].source or root(i) == root(j):
                    continue
                seen.add((i, j))
                similarity = containment(sets[i], sets[j])
                if similarity >= CONTAINMENT:
                    a, b = root(i), root(j)
                    low = min(similarity, weakest.get(a, 1.0), weakest.get(b, 1.0))
                    parent[max(a, b)] = min(a, b)
                    weakest[min(a, b)] = low
    groups: dict[int, list[int]] = defaultdict(list)
    for index in range(len(paragraphs)):
        groups[root(index)].append(index)
    found = []
    for top, members in groups.items():
        if len({paragraphs[i].source for i in members}) < 2:
            continue
        keep = _best(members, paragraphs, order)
        refs = sorted(
            (i for i in members if i != keep and covered(paragraphs[i].text, sets[keep])),
            key=lambda i: (order[paragraphs[i].source], paragraphs[i].ordinal),
        )
        if not refs:
            continue
        found.append(
            DuplicateGroup(
                _ref(paragraphs[keep]), tuple(_ref(paragraphs[i]) for i in refs), round(weakest.get(top, 1.0), 3)
            )
        )
    return tuple(sorted(found, key=lambda g: (order[g.kept.source], g.kept.ordinal)))


def _best(members: list[int], paragraphs: Sequence[Paragraph], order: Mapping[str, int]) -> int:
    latest = max(members, key=lambda i: (order[paragraphs[i].source], paragraphs[i].ordinal))
    longest = max(members, key=lambda i: (len(paragraphs[i].text.split()), order[paragraphs[i].source]))
    words = len(paragraphs[latest].text.split())
    return longest if len(paragraphs[longest].text.split()) >= 1.2 * words else latest


def _ref(paragraph: Paragraph) -> ParagraphRef:
    return ParagraphRef(paragraph.source, paragraph.ordinal)


@dataclass(frozen=True)
class SaidOnce:
    printed: tuple[Paragraph, ...]  # every paragraph to print, each with the duplicates it stands for
    duplicates: tuple[Duplicate, ...]  # the paragraphs not printed, and the one printed for each
    supersessions: tuple[Supersession, ...]


def say_once(paragraphs: Sequence[Paragraph], sources: Sequence[Source]) -> SaidOnce:
    """Print each near-identical paragraph once, unless a kept paragraph leans on a copy.

    A copy whose next paragraph joined it (a pronoun pointing back, a quote
    running on) stays printed: dropping it would print its dependant apart
    from what it refers to.
    """
    order = {s.id: index for index, s in enumerate(sources)}
    groups = find_groups(paragraphs, order)
    by_ref = {_ref(p): p for p in paragraphs}
    dropped: dict[ParagraphRef, ParagraphRef] = {}
    for group in groups:
        for ref in group.others:
            dropped[ref] = group.kept
    for ref in sorted(dropped, key=lambda r: (order[r.source], -r.ordinal)):
        following = by_ref.get(ParagraphRef(ref.source, ref.ordinal + 1))
        if following is not None and following.joined and _ref(following) not in dropped:
            del dropped[ref]
    stands_for: dict[ParagraphRef, list[ParagraphRef]] = defaultdict(list)
    for ref, kept in dropped.items():
        stands_for[kept].append(ref)
    printed = tuple(
        replace(p, duplicates=tuple(sorted(stands_for[_ref(p)], key=lambda r: (order[r.source], r.ordinal))))
        if _ref(p) in stands_for
        else p
        for p in paragraphs
        if _ref(p) not in dropped
    )
    duplicates = tuple(
        Duplicate(by_ref[ref], kept)
        for ref, kept in sorted(dropped.items(), key=lambda item: (order[item[0].source], item[0].ordinal))
    )
    return SaidOnce(printed, duplicates, supersessions(sources, paragraphs, groups))


def supersessions(
    sources: Sequence[Source], paragraphs: Sequence[Paragraph], groups: Sequence[DuplicateGroup]
) -> tuple[Supersession, ...]:
    """A later source supersedes an earlier one that stands behind it in most paragraphs, or in some under the same title."""
    counts = Counter(p.source for p in paragraphs)
    # (older, newer) -> how many of the older source's paragraphs have a copy in the newer
    shared: Counter[tuple[str, str]] = Counter()
    for group in groups:
        members = (group.kept, *group.others)
        shared.update({(a.source, b) for a in members for b in {m.source for m in members} if b != a.source})
    by_id = {s.id: (index, s) for index, s in enumerate(sources)}
    found = []
    for (older_id, newer_id), copies in shared.items():  # only sources that share a paragraph
        (first, older), (second, newer) = by_id[older_id], by_id[newer_id]
        if second < first or (older.published or "") > (newer.published or "~"):
            continue
        same_title = bool(older.title) and _title(older.title) == _title(newer.title)
        if same_title or copies * 2 > counts[older.id]:
            found.append(Supersession(newer=newer.id, older=older.id))
    return tuple(sorted(found, key=lambda x: (by_id[x.older][0], by_id[x.newer][0])))


def _title(title: str | None) -> str:
    return " ".join(_WORD.findall((title or "").casefold()))


def credit_duplicates(timeline: Sequence[Event], printed: Sequence[Paragraph]) -> tuple[Event, ...]:
    """Events told in a paragraph printed for others cite those others' sources too, as the paragraph does."""
    standing = {p.anchor: p.duplicates for p in printed if p.duplicates}
    if not standing:
        return tuple(timeline)
    credited = []
    for event in timeline:
        extra = [
            Mention(ref.source, m.paragraph, m.chapter)
            for m in event.mentions
            for ref in standing.get(m.paragraph, ())
            if ref.source not in event.sources
        ]
        credited.append(replace(event, mentions=(*event.mentions, *dict.fromkeys(extra))) if extra else event)
    return tuple(credited)
