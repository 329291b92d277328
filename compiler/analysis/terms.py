"""Distinctive terms: the words that set one group of paragraphs apart from the rest.

A term's evidence is the number of paragraphs it occurs in, inside the group
and outside it, scored by Dunning's log-likelihood ratio (G², the usual
keyness measure of corpus linguistics): unlike a ratio of frequencies it does
not crown a word seen twice, and unlike TF-IDF it compares the group with its
own complement rather than with the whole folder. Only terms relatively more
frequent inside the group than outside it are distinctive.

Words are folded to one key (case, a possessive, a regular plural or verb
ending, when the shorter form occurs too) and each key is written back in the
form the texts use: lower case, unless they nearly always capitalise it, so
that a name stays a name and an acronym stays in capitals, which is how a
theme's ``terms`` match (``analysis.theme.compile_rule``).

``briefpack new`` uses this to suggest a folder's first themes; it is the
scoring any "which words tell this group apart" question should share.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from briefpack.text.stopwords import STOPWORDS

# A word: letters, with inner apostrophes or hyphens; a number is never a term.
_WORD = re.compile(r"[^\W\d_](?:[\w'’-]*[^\W_])?")
_POSSESSIVE = re.compile(r"['’]s?$")
_ENDINGS = ("ies", "es", "s", "ed", "ing", "d")
MIN_LENGTH = 3
CAPITALISED = 0.9  # the share of capitalised uses above which a word is written capitalised


@dataclass(frozen=True)
class Term:
    key: str  # the folded word
    form: str  # the form to write in a theme's rules
    score: float  # log-likelihood ratio, G²
    inside: int  # paragraphs of the group it occurs in
    outside: int  # paragraphs of the rest it occurs in


class Vocabulary:
    """The folded keys of a set of texts, and the forms each key was written in."""

    def __init__(self, texts: Iterable[str]):
        words = [w for text in texts for w in _WORD.findall(text)]
        known = {_POSSESSIVE.sub("", w.lower()) for w in words}
        self._fold = {w: _fold(w, known) for w in known}
        self._forms: dict[str, Counter[str]] = {}
        for word in words:
            bare = _POSSESSIVE.sub("", word)
            self._forms.setdefault(self._fold[bare.lower()], Counter())[bare] += 1

    def keys(self, text: str) -> frozenset[str]:
        """The distinct terms of one paragraph: no stop words, nothing shorter than three letters."""
        found = set()
        for word in _WORD.findall(text):
            bare = _POSSESSIVE.sub("", word.lower())
            key = self._fold.get(bare, bare)
            if len(key) >= MIN_LENGTH and key not in STOPWORDS and bare not in STOPWORDS:
                found.add(key)
        return frozenset(found)

    def form(self, key: str) -> str:
        """How to write ``key`` as a rule: its commonest capitalised form if the texts nearly always capitalise it."""
        forms = self._forms.get(key)
        if not forms:
            return key
        capitalised = Counter({f: n for f, n in forms.items() if f[:1].isupper()})
        if sum(capitalised.values()) < CAPITALISED * sum(forms.values()):
            return key
        return min(capitalised.items(), key=lambda item: (-item[1], len(item[0]), item[0]))[0]


def _fold(word: str, known: set[str]) -> str:
    """One key for a word's regular forms: "floods", "flooded" and "flooding" meet "flood" if it occurs."""
    for ending in _ENDINGS:
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= MIN_LENGTH:
            for candidate in (stem + "y",) if ending == "ies" else (stem, stem + "e"):
                if candidate in known:
                    return candidate
    return word


def log_likelihood(inside: int, outside: int, group: int, rest: int) -> float:
    """Dunning's G² for a term found in ``inside`` of ``group`` paragraphs and ``outside`` of ``rest``."""
    total = group + rest
    with_term = inside + outside
    if not total or not with_term or with_term == total:
        return 0.0  # in every paragraph or in none: it tells nothing apart
    observed = (inside, group - inside, outside, rest - outside)
    expected = (
        group * with_term / total,
        group * (total - with_term) / total,
        rest * with_term / total,
        rest * (total - with_term) / total,
    )
    return 2 * sum(o * math.log(o / e) for o, e in zip(observed, expected) if o)


def distinctive_terms(
    group: Sequence[frozenset[str]],
    rest: Sequence[frozenset[str]],
    vocabulary: Vocabulary,
    *,
    top: int = 10,
    min_inside: int = 2,
) -> tuple[Term, ...]:
    """The ``top`` terms most over-represented in ``group`` against ``rest``, each given as a paragraph's keys."""
    inside = Counter(key for keys in group for key in keys)
    outside = Counter(key for keys in rest for key in keys)
    terms = [
        Term(
            key=key,
            form=vocabulary.form(key),
            inside=count,
            outside=outside[key],
            score=round(log_likelihood(count, outside[key], len(group), len(rest)), 3),
        )
        for key, count in inside.items()
        if count >= min_inside and (not rest or count * len(rest) > outside[key] * len(group))
    ]
    terms.sort(key=lambda t: (-t.score, t.key))
    return tuple(terms[:top])
