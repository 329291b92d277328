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
from dataclasses import dataclass, replace
from itertools import pairwise

from briefpack.analysis.keypoints import STOP_WORDS
from briefpack.model import Paragraph, ThemeSpec

_WORD = re.compile(r"[^\W\d_](?:[\w-]*[^\W_])?", re.UNICODE)
_POSSESSIVE = re.compile(r"['’]s?(?!\w)")
# Phrases do not run over punctuation: "Army (LNA) said" holds no phrase "Army LNA".
_CLAUSE_BREAK = re.compile(r"[^\w\s'’-]+")
MIN_PARAGRAPHS = 2
SIGNIFICANT_G2 = 3.84  # p < 0.05 with one degree of freedom


@dataclass(frozen=True)
class Suggestion:
    term: str
    g2: float
    in_chapter: int  # paragraphs of the chapter that contain it
    elsewhere: int  # other paragraphs that contain it


def paragraph_terms(text: str) -> set[str]:
    """A paragraph's words and two-word phrases (within a clause), without stop words, in lower case."""
    terms: set[str] = set()
    for clause in _CLAUSE_BREAK.split(_POSSESSIVE.sub("", text)):
        words = [w.casefold() for w in _WORD.findall(clause)]
        words = [w for w in words if len(w) > 2 and w not in STOP_WORDS]
        terms.update(words)
        terms.update(f"{a} {b}" for a, b in pairwise(words))
    return terms


def written_forms(texts: Iterable[str]) -> dict[str, str]:
    """Each lower-case word as the texts most often write it: "gna" is "GNA", "russia" is "Russia"."""
    forms = Counter(w for text in texts for w in _WORD.findall(_POSSESSIVE.sub("", text)))
    best: dict[str, tuple[int, str]] = {}
    for form, count in forms.items():
        key = form.casefold()
        if key not in best or (count, form) > best[key]:
            best[key] = (count, form)
    return {key: form for key, (_, form) in best.items()}


def log_likelihood(a: int, b: int, c: int, d: int) -> float:
    """G² for a term in ``a`` of ``c`` chapter paragraphs and ``b`` of ``d`` other paragraphs."""

    def part(observed: int, expected: float) -> float:
        return observed * math.log(observed / expected) if observed and expected else 0.0

    total = c + d
    present = a + b
    return 2 * (
        part(a, c * present / total)
        + part(b, d * present / total)
        + part(c - a, c * (total - present) / total)
        + part(d - b, d * (total - present) / total)
    )


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
        if a < MIN_PARAGRAPHS or term in known or a / c <= b / d:
            continue
        g2 = log_likelihood(a, b, c, d)
        if g2 >= SIGNIFICANT_G2:
            found.append(Suggestion(term, round(g2, 2), a, b))
    found.sort(key=lambda s: (-s.g2, s.term))
    forms = written_forms(p.text for p in paragraphs)
    return tuple(replace(s, term=" ".join(forms.get(w, w) for w in s.term.split())) for s in found[:count])
