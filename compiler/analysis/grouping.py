"""A first set of themes for paragraphs nobody has sorted yet.

The themes are found the way an analyst skims a pile of clippings. The word
that the most still-unsorted paragraphs mention opens a theme, leaving aside
the words nearly every paragraph shares (they say what the whole folder is
about, and become its keywords) and, when there are several sources, words
only one source uses. The words that set that theme's paragraphs apart from
all the others (log-likelihood, ``analysis.terms``) become its rules; the
paragraphs those rules claim are set aside, and the next theme is looked for
among the rest, until few paragraphs are left or none is worth a chapter.

The rules weigh as the build applies them (the opening word 2, the others 1,
threshold 2), so what a theme claims here is what the first build puts in
its chapter, give or take a lead sentence's extra weight.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from briefpack.analysis.terms import Term, Vocabulary, distinctive_terms

MAX_THEMES = 6
TERMS_PER_THEME = 8
SHARED = 0.35  # a word in more than this share of the paragraphs is the folder's subject, not a theme
MIN_SHARED_PARAGRAPHS = 10  # below this, no word is called the folder's subject
MIN_PARAGRAPHS = 3  # a theme opens only with a word at least this many unsorted paragraphs use
ENOUGH_LEFT = 0.1  # stop when no more than this share of the paragraphs is left unsorted
OPENING_WEIGHT = 2.0
OTHER_WEIGHT = 1.0
THRESHOLD = 2.0


@dataclass(frozen=True)
class SuggestedTheme:
    terms: tuple[Term, ...]  # the first opened the theme
    paragraphs: int  # how many it claims
    sources: int  # from how many sources


@dataclass(frozen=True)
class Suggestion:
    keywords: tuple[str, ...]  # the words most paragraphs share, commonest first
    themes: tuple[SuggestedTheme, ...]
    unsorted: int  # paragraphs no theme claims, left to the fallback
    paragraphs: int


def weight(index: int) -> float:
    """The weight of a suggested theme's ``index``-th term."""
    return OPENING_WEIGHT if index == 0 else OTHER_WEIGHT


def suggest_themes(paragraphs: Sequence[tuple[str, str]]) -> Suggestion:
    """Themes for ``paragraphs``, each given as (source id, text)."""
    vocabulary = Vocabulary(text for _, text in paragraphs)
    keys = [vocabulary.keys(text) for _, text in paragraphs]
    total = len(keys)
    frequency = Counter(key for found in keys for key in found)
    shared = (
        {key for key, count in frequency.items() if count > SHARED * total} if total >= MIN_SHARED_PARAGRAPHS else set()
    )
    sources_of: dict[str, set[str]] = {}
    for (source, _), found in zip(paragraphs, keys):
        for key in found:
            sources_of.setdefault(key, set()).add(source)
    several = len({source for source, _ in paragraphs}) > 1

    def usable(key: str) -> bool:
        return key not in shared and (not several or len(sources_of[key]) > 1)

    left = set(range(total))
    themes: list[SuggestedTheme] = []
    while len(themes) < MAX_THEMES and len(left) > ENOUGH_LEFT * total:
        counts = Counter(key for i in left for key in keys[i] if usable(key))
        if not counts:
            break
        opening, count = min(counts.items(), key=lambda item: (-item[1], item[0]))
        if count < MIN_PARAGRAPHS:
            break
        group = {i for i in left if opening in keys[i]}
        found = distinctive_terms(
            [keys[i] for i in sorted(group)],
            [keys[i] for i in range(total) if i not in group],
            vocabulary,
            top=TERMS_PER_THEME * 2,
        )
        first = next(
            (t for t in found if t.key == opening),
            Term(key=opening, form=vocabulary.form(opening), score=0.0, inside=count, outside=0),
        )
        terms = (first, *[t for t in found if t.key != opening and usable(t.key)][: TERMS_PER_THEME - 1])
        claimed = {i for i in left if _score(keys[i], terms) >= THRESHOLD}
        themes.append(
            SuggestedTheme(terms=terms, paragraphs=len(claimed), sources=len({paragraphs[i][0] for i in claimed}))
        )
        left -= claimed
    if not themes and frequency:  # too few paragraphs to tell groups apart: one theme of the commonest words
        common = sorted(frequency, key=lambda key: (-frequency[key], key))[:TERMS_PER_THEME]
        terms = tuple(
            Term(key=key, form=vocabulary.form(key), score=0.0, inside=frequency[key], outside=0) for key in common
        )
        claimed = {i for i in left if _score(keys[i], terms) >= THRESHOLD}
        themes.append(
            SuggestedTheme(terms=terms, paragraphs=len(claimed), sources=len({paragraphs[i][0] for i in claimed}))
        )
        left -= claimed
    keywords = tuple(vocabulary.form(key) for key in sorted(shared, key=lambda key: (-frequency[key], key)))
    return Suggestion(keywords=keywords, themes=tuple(themes), unsorted=len(left), paragraphs=total)


def _score(found: frozenset[str], terms: tuple[Term, ...]) -> float:
    return sum(weight(index) for index, term in enumerate(terms) if term.key in found)
