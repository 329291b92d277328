"""Assign each body paragraph to chapters by the manifest's weighted rules.

A theme's score for a paragraph is the sum of the weights of its rules'
matches. Matches in the paragraph's first sentence count one and a half
times: news and analysis writing states what a paragraph is about up front,
so the actor or activity named there is the better guide to where it belongs.
The best-scoring theme that reaches its threshold is the primary chapter;
the others that reach their threshold and at least half the primary's score
are secondary. A paragraph no theme claims goes to the manifest's fallback.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

import regex

from briefpack.errors import BriefpackError
from briefpack.model import Block, Chapter, Paragraph, Rule, Source, ThemeScore, ThemeSpec
from briefpack.text.sentences import lead_sentence_end

LEAD_SENTENCE_BOOST = 1.5
SECONDARY_SHARE = 0.5
# Seconds a manifest's regular expression may spend on one paragraph. Honest patterns take
# microseconds; one that backtracks without end ("(a|aa)+$") would hang the build.
REGEX_SECONDS = 1.0


class RegexTimeout(BriefpackError):
    """A theme's regular expression ran out of time; ``line`` is the manifest's, the caller adds its path."""


_INFLECTION = r"(?:s|es|ed|d|ing|['’]s)?"
_POSSESSIVE = r"(?:s|['’]s)?"


@cache
def compile_rule(rule: Rule) -> re.Pattern[str] | regex.Pattern[str]:
    """Terms match whole words and their regular inflections ("flood" finds "floods",
    "flooded"; "Ankara" finds "Ankara's"), so a manifest lists stems, not every form.
    A term in capitals (an acronym) matches case-sensitively."""
    if rule.regex:
        return _manifest_regex(rule.pattern)
    words = r"\s+".join(re.escape(w) for w in rule.pattern.split())
    last = rule.pattern.split()[-1]
    suffix = _INFLECTION if last.isalpha() and last.islower() and len(last) >= 3 else _POSSESSIVE
    flags = 0 if rule.pattern.isupper() else re.IGNORECASE
    return re.compile(rf"(?<!\w){words}{suffix}(?!\w)", flags)


def score(text: str, theme: ThemeSpec) -> ThemeScore:
    lead_end = lead_sentence_end(text)
    total = 0.0
    matched: dict[str, float] = {}
    for rule in theme.rules:
        for match in _matches(rule, text):
            weight = rule.weight * (LEAD_SENTENCE_BOOST if match.start() < lead_end else 1.0)
            total += weight
            matched[rule.pattern] = matched.get(rule.pattern, 0.0) + weight
    ranked = tuple(sorted(matched, key=lambda p: -matched[p]))
    return ThemeScore(theme=theme.id, score=round(total, 3), matched=ranked)


@cache
def _manifest_regex(pattern: str) -> regex.Pattern[str]:
    """The regex engine, for its time limit; the manifest checks the patterns with it too."""
    return regex.compile(pattern, regex.IGNORECASE | regex.V0)


def _matches(rule: Rule, text: str) -> list:
    if not rule.regex:
        return list(compile_rule(rule).finditer(text))
    try:
        return list(_manifest_regex(rule.pattern).finditer(text, timeout=REGEX_SECONDS))
    except TimeoutError:
        raise RegexTimeout(f"the regular expression '{rule.pattern}' took over {REGEX_SECONDS:g} s on one "
                           "paragraph: it backtracks without end (avoid nested repeats such as (a|aa)+)",
                           line=rule.line) from None


def theme_block(block: Block, source_id: str, themes: tuple[ThemeSpec, ...], fallback: str) -> Paragraph:
    scores = tuple(score(block.text, t) for t in themes if t.rules)
    qualifying = [s for s, t in zip(scores, (t for t in themes if t.rules))
                  if s.score > 0 and s.score >= t.threshold]
    qualifying.sort(key=lambda s: -s.score)  # stable: manifest order breaks ties
    if qualifying:
        best = qualifying[0].score
        ranked = tuple(s.theme for s in qualifying if s.score >= best * SECONDARY_SHARE)
    else:
        ranked = (fallback,)
    return Paragraph(source=source_id, ordinal=block.ordinal, text=block.text, themes=ranked,
                     scores=scores, footnotes=block.footnotes)


@dataclass(frozen=True)
class Theming:
    paragraphs: tuple[Paragraph, ...]
    chapters: tuple[Chapter, ...]


def theme_source(source: Source, themes: tuple[ThemeSpec, ...], fallback: str) -> tuple[Paragraph, ...]:
    """One source's paragraphs; they depend on nothing else, so the build caches them per source."""
    return tuple(theme_block(block, source.id, themes, fallback) for block in source.blocks)


ThemeSource = Callable[[Source, tuple[ThemeSpec, ...], str], tuple[Paragraph, ...]]


def theme_sources(sources: tuple[Source, ...], themes: tuple[ThemeSpec, ...], fallback: str, *,
                  theme: ThemeSource = theme_source) -> Theming:
    paragraphs = tuple(p for source in sources for p in theme(source, themes, fallback))
    return Theming(paragraphs=paragraphs, chapters=build_chapters(paragraphs, sources, themes))


def build_chapters(paragraphs: tuple[Paragraph, ...], sources: tuple[Source, ...],
                   themes: tuple[ThemeSpec, ...]) -> tuple[Chapter, ...]:
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
        for theme_id in dict.fromkeys(p.themes[1:]):
            secondary[theme_id].append(p)
    chapters = []
    for theme in themes:
        first = tuple(sorted(primary.get(theme.id, ()), key=reading_order))
        also = tuple(sorted(secondary.get(theme.id, ()), key=reading_order))
        if first or also:
            chapters.append(Chapter(id=theme.id, title=theme.title, paragraphs=first, see_also=also))
    return tuple(chapters)
