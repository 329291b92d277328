"""Terms that would fill a chapter: the words that set its paragraphs apart.

For each chapter (and the fallback) the words and two-word phrases of its
paragraphs are compared with those of every other paragraph by Dunning's
log-likelihood ratio (G², Computational Linguistics 1993), the usual keyness
test of corpus linguistics: it ranks a term by how surprising its count in
the chapter is given its count in the rest, and stays sound for rare terms
where a chi-squared test does not. Only terms over-represented in the chapter,
found in two or more of its paragraphs, and not already a rule of any theme
are suggested.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from briefpack.analysis.keypoints import STOP_WORDS
from briefpack.model import Paragraph, ThemeSpec

_WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W_]|[^\W\d_]", re.UNICODE)
MIN_PARAGRAPHS = 2


@dataclass(frozen=True)
class Suggestion:
    term: str
    g2: float
    in_chapter: int  # paragraphs of the chapter that contain it
    elsewhere: int  # other paragraphs that contain it


def paragraph_terms(text: str) -> set[str]:
    """A paragraph's words and adjacent two-word phrases, without stop words; names keep their case."""
    words = [w if w[0].isupper() and not w.isupper() and len(w) > 1 else w.casefold() for w in _WORD.findall(text)]
    words = [w for w in words if len(w) > 2 and w.casefold() not in STOP_WORDS]
    return set(words) | {f"{a} {b}" for a, b in zip(words, words[1:])}


def log_likelihood(a: int, b: int, c: int, d: int) -> float:
    """G² for a term in ``a`` of ``c`` chapter paragraphs and ``b`` of ``d`` other paragraphs."""
    def part(observed: int, expected: float) -> float:
        return observed * math.log(observed / expected) if observed and expected else 0.0

    total = c + d
    present = a + b
    return 2 * (part(a, c * present / total) + part(b, d * present / total)
                + part(c - a, c * (total - present) / total) + part(d - b, d * (total - present) / total))


def existing_terms(themes: Iterable[ThemeSpec]) -> set[str]:
    return {rule.pattern.casefold() for theme in themes for rule in theme.rules if not rule.regex}


def suggest(paragraphs: Sequence[Paragraph], chapter: str, known: set[str], count: int = 10) -> tuple[Suggestion, ...]:
    """The ``count`` terms that best separate the chapter's paragraphs (primary theme ``chapter``) from the rest."""
    inside = Counter[str]()
    outside = Counter[str]()
    c = d = 0
    for p in paragraphs:
        terms = paragraph_terms(p.text)
        if p.primary == chapter:
            inside.update(terms)
            c += 1
        else:
            outside.update(terms)
            d += 1
    if not c or not d:
        return ()
    found = []
    for term, a in inside.items():
        b = outside[term]
        if a < MIN_PARAGRAPHS or term.casefold() in known or a / c <= b / d:
            continue
        found.append(Suggestion(term, round(log_likelihood(a, b, c, d), 2), a, b))
    found.sort(key=lambda s: (-s.g2, s.term))
    return tuple(found[:count])
