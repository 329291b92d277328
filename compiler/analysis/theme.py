"""Assign each source's passages to chapters by the manifest's weighted rules.

A theme's score for a paragraph is the sum of the weights of its rules'
matches. Matches in the paragraph's first sentence count one and a half
times: news and analysis writing states what a paragraph is about up front,
so the actor or activity named there is the better guide to where it belongs.
A match inside one of the theme's ``exclude`` terms does not count.

Paragraphs are themed as passages (``passages.py``): a passage's score is its
paragraphs' summed, its lead paragraph counting one and a half times, and all
its paragraphs go to the same chapters. The best-scoring theme that reaches
its threshold is the primary chapter; the others that reach their threshold
and at least half the primary's score are secondary. A passage no theme
claims goes to the manifest's fallback. With ``passages: paragraph`` each
paragraph is a passage of its own.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from functools import cache
from typing import cast

import regex

from briefpack.analysis.passages import split_passages
from briefpack.errors import BriefpackError
from briefpack.model import Block, Chapter, Paragraph, Rule, Source, ThemeScore, ThemeSpec
from briefpack.text.sentences import lead_sentence_end

LEAD_SENTENCE_BOOST = 1.5
LEAD_PARAGRAPH_BOOST = 1.5
SECONDARY_SHARE = 0.5
# Seconds a manifest's regular expression may spend on one paragraph. Honest patterns take
# microseconds; one that backtracks without end ("(a|aa)+$") would hang the build.
REGEX_SECONDS = 1.0


class RegexTimeout(BriefpackError):
    """A theme's regular expression ran out of time; ``line`` is the manifest's, the caller adds its path."""


_INFLECTION = r"(?:s|es|ed|d|ing|['’]s)?"
_POSSESSIVE = r"(?:s|['’]s?|s['’])?"
# A term stops at a hyphen ("Castro" is not in "anti-Castro"); a term written with a hyphen at
# its edge ("anti-", "-backed") asks to match inside compounds and leaves that side open.
_EDGE = r"(?<![\w-])", r"(?!\w)(?!-\w)"


@cache
def compile_rule(rule: Rule) -> re.Pattern[str] | regex.Pattern[str]:
    """Terms match whole words and their word forms, so a manifest lists stems, not every form.

    A lower-case term finds its regular inflections ("flood" finds "floods",
    "flooded"); a capitalised one is a name and finds only its plural and
    possessive ("Ankara's", "Turks"), its first letter matched as written, so "March" is not "march"
    and "marched". A term in capitals (an acronym) matches case-sensitively.
    """
    if rule.regex:  # the regex engine, for its time limit; the manifest checks patterns with it too
        return regex.compile(rule.pattern, regex.IGNORECASE | regex.V0)
    pattern = rule.pattern.strip()
    before, after = _EDGE
    if pattern.startswith("-"):
        before, pattern = r"(?<=\w-)", pattern[1:]
    if pattern.endswith("-"):
        after, pattern = r"(?=-\w)", pattern[:-1]
    words = r"\s+".join(re.escape(w) for w in pattern.split())
    last = pattern.split()[-1]
    common = pattern[:1].islower()
    suffix = _INFLECTION if common and last.isalpha() and len(last) >= 3 else _POSSESSIVE
    if pattern.isupper() or not common:
        first = re.escape(pattern[0])
        body = words[len(first) :] if words.startswith(first) else words
        flags = 0 if pattern.isupper() else re.IGNORECASE
        head = first if flags == 0 else f"(?-i:{first})"
        return re.compile(rf"{before}{head}{body}{suffix}{after}", flags)
    return re.compile(rf"{before}{words}{suffix}{after}", re.IGNORECASE)


def excluded_spans(text: str, theme: ThemeSpec) -> list[tuple[int, int]]:
    return [m.span() for rule in theme.excludes for m in compile_rule(rule).finditer(text)]


def score(text: str, theme: ThemeSpec) -> ThemeScore:
    lead_end = lead_sentence_end(text)
    total = 0.0
    matched: dict[str, float] = {}
    excluded = excluded_spans(text, theme) if theme.excludes else []
    for rule in theme.rules:
        for match in _matches(rule, text):
            if any(start < match.end() and match.start() < end for start, end in excluded):
                continue
            weight = rule.weight * (LEAD_SENTENCE_BOOST if match.start() < lead_end else 1.0)
            total += weight
            matched[rule.pattern] = matched.get(rule.pattern, 0.0) + weight
    ranked = tuple(sorted(matched, key=lambda p: -matched[p]))
    return ThemeScore(theme=theme.id, score=round(total, 3), matched=ranked)


def rank(scores: tuple[ThemeScore, ...], themes: tuple[ThemeSpec, ...], fallback: str) -> tuple[str, ...]:
    """The themes that qualify, best first (manifest order breaks ties), or the fallback alone."""
    thresholds = {t.id: t.threshold for t in themes}
    qualifying = sorted((s for s in scores if s.score > 0 and s.score >= thresholds[s.theme]), key=lambda s: -s.score)
    if not qualifying:
        return (fallback,)
    best = qualifying[0].score
    return tuple(s.theme for s in qualifying if s.score >= best * SECONDARY_SHARE)


def _matches(rule: Rule, text: str) -> list:
    if not rule.regex:
        return list(compile_rule(rule).finditer(text))
    pattern = cast("regex.Pattern[str]", compile_rule(rule))  # a regex rule is compiled by the regex engine
    try:
        return list(pattern.finditer(text, timeout=REGEX_SECONDS))
    except TimeoutError:
        raise RegexTimeout(
            f"the regular expression '{rule.pattern}' took over {REGEX_SECONDS:g} s on one "
            "paragraph: it backtracks without end (avoid nested repeats such as (a|aa)+)",
            line=rule.line,
        ) from None


def theme_block(block: Block, source_id: str, themes: tuple[ThemeSpec, ...], fallback: str) -> Paragraph:
    scores = tuple(score(block.text, t) for t in themes if t.rules)
    return Paragraph(
        source=source_id,
        ordinal=block.ordinal,
        text=block.text,
        themes=rank(scores, themes, fallback),
        scores=scores,
        footnotes=block.footnotes,
        passage=block.ordinal,
    )


@dataclass(frozen=True)
class Theming:
    paragraphs: tuple[Paragraph, ...]
    chapters: tuple[Chapter, ...]


@dataclass(frozen=True)
class ThemeSettings:
    """How the manifest asks paragraphs to be grouped: by passage (the default) or one by one, and pins."""

    passages: bool = True
    pins: tuple[tuple[int, str], ...] = ()  # (paragraph ordinal, theme id) for one source


def passage_scores(members: list[Paragraph]) -> tuple[ThemeScore, ...]:
    """A passage's evidence: its paragraphs' scores summed, the lead's counting most."""
    totals: dict[str, float] = {}
    matched: dict[str, dict[str, None]] = {}
    for index, paragraph in enumerate(members):
        boost = LEAD_PARAGRAPH_BOOST if index == 0 else 1.0
        for s in paragraph.scores:
            totals[s.theme] = totals.get(s.theme, 0.0) + s.score * boost
            matched.setdefault(s.theme, {}).update(dict.fromkeys(s.matched))
    return tuple(ThemeScore(theme, round(total, 3), tuple(matched[theme])) for theme, total in totals.items())


def theme_source(
    source: Source, themes: tuple[ThemeSpec, ...], fallback: str, settings: ThemeSettings = ThemeSettings()
) -> tuple[Paragraph, ...]:
    """One source's paragraphs; they depend on nothing else, so the build caches them per source."""
    alone = [theme_block(block, source.id, themes, fallback) for block in source.blocks]
    pins = dict(settings.pins)
    if not settings.passages:
        return tuple(replace(p, themes=(pins[p.ordinal],)) if p.ordinal in pins else p for p in alone)
    evidence = [any(s.score > 0 for s in p.scores) for p in alone]
    starts = frozenset(i for i, p in enumerate(alone) if p.ordinal in pins)
    themed: list[Paragraph] = []
    for span in split_passages([p.text for p in alone], evidence, starts):
        members = alone[span.start : span.end]
        lead = members[0]
        ranked = (pins[lead.ordinal],) if lead.ordinal in pins else rank(passage_scores(members), themes, fallback)
        themed.extend(
            replace(p, themes=ranked, passage=lead.ordinal, joined=reason) for p, reason in zip(members, span.reasons)
        )
    return tuple(themed)


ThemeSource = Callable[[Source, tuple[ThemeSpec, ...], str, ThemeSettings], tuple[Paragraph, ...]]


def theme_sources(
    sources: tuple[Source, ...],
    themes: tuple[ThemeSpec, ...],
    fallback: str,
    *,
    passages: bool = True,
    pins: Mapping[str, tuple[tuple[int, str], ...]] | None = None,
    theme: ThemeSource = theme_source,
) -> Theming:
    pins = pins or {}
    paragraphs = tuple(
        p
        for source in sources
        for p in theme(source, themes, fallback, ThemeSettings(passages, pins.get(source.id, ())))
    )
    return Theming(paragraphs=paragraphs, chapters=build_chapters(paragraphs, sources, themes))


def build_chapters(
    paragraphs: tuple[Paragraph, ...], sources: tuple[Source, ...], themes: tuple[ThemeSpec, ...]
) -> tuple[Chapter, ...]:
    """Chapters in manifest order; within one, paragraphs grouped by source, oldest source first."""
    order = {s.id: (s.published or "9999", index) for index, s in enumerate(sources)}

    def reading_order(p: Paragraph) -> tuple:
        return order[p.source], p.ordinal

    # One pass over the paragraphs, not one per theme: packs grow by sources, not themes,
    # but a manifest with many narrow themes should not pay for each.
    primary: dict[str, list[Paragraph]] = defaultdict(list)
    secondary: dict[str, list[Paragraph]] = defaultdict(list)
    for p in paragraphs:
        primary[p.primary].append(p)
        if p.joined is None:  # a passage is pointed to once, from its first paragraph
            for theme_id in dict.fromkeys(p.themes[1:]):
                secondary[theme_id].append(p)
    chapters = []
    for theme in themes:
        first = tuple(sorted(primary.get(theme.id, ()), key=reading_order))
        also = tuple(sorted(secondary.get(theme.id, ()), key=reading_order))
        if first or also:
            chapters.append(Chapter(id=theme.id, title=theme.title, paragraphs=first, see_also=also))
    return tuple(chapters)
