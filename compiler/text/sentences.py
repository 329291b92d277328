"""Sentence boundaries, the one splitter for every stage that reads text a sentence at a time.

A sentence ends at ``.``, ``!``, ``?`` or an ellipsis (closing quotes and brackets stay with it)
before white space and a capital, a digit or an opening quote. A full stop that closes an
abbreviation does not end one: a title before a name ("Sen.", "Rep.", "Gen.", "Dr."), a month
before its day ("Jan. 14"), an initial ("John F. Kennedy"), "No. 5". An abbreviation that may also
close a sentence ("U.S.", "a.m.", "Inc.", "Jr.") ends one only before a word that usually opens a
sentence ("... at 8 a.m. The police ..." but "at 8 a.m. Friday"). Dating also ends a sentence at a
line break, so that a date is never read against the clause of a paragraph before it.

Every function is one pass over the text: candidate ends are found by one regular expression and
each is judged by the few characters around it.
"""

from __future__ import annotations

import itertools
import re

from briefpack.text.knowledge import MONTH_ABBREVIATIONS

# A candidate end: the mark, any closing quotes or brackets, white space, and what follows.
_CANDIDATE = re.compile(r"(?P<mark>\.\.\.|[.!?…])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
_LINE_BREAK = re.compile(r"\n\s*")
# The word the full stop closes, read backwards from the stop: "Sen", "U.S", "a.m", "F".
_WORD_BEFORE = re.compile(r"(?:^|(?<=[\s(\[\"'“‘]))([A-Za-z][A-Za-z.&]*)\.[\"'”’)\]]*\s+\Z")
_NEXT_WORD = re.compile(r"[\"'“‘(\[]?([A-Za-z0-9]+)")

# Abbreviations that always run on: titles before a name, months before a day, "No." before a number.
_TITLES = frozenset(
    """
mr mrs ms messrs mme dr prof sen sens rep reps gov govs gen lt col capt cmdr cdr adm maj sgt cpl pvt
rev fr msgr sra srta atty supt insp det hon pres amb rt brig
""".split()
)
_RUN_ON = (
    _TITLES
    | {m.lower() for m in MONTH_ABBREVIATIONS}
    | frozenset(
        """
no nos vol vols art arts fig figs ch chap sec para pp approx est ft mt vs cf e.g i.e al
""".split()
    )
)
# Abbreviations that may also close a sentence: they do so only before a usual sentence opener.
_MAY_CLOSE = frozenset(
    """
a.m p.m u.s u.k u.n e.u d.c inc corp co ltd plc llc jr sr bros st ave blvd etc
""".split()
)
_OPENERS = frozenset(
    """
the a an he she it they we i you his her its their our this that these those there here but and
yet so in on at by for if when while after before as since though although however meanwhile
mr mrs ms dr police officials authorities some many most one two three no not
""".split()
)


def _is_end(text: str, match: re.Match) -> bool:
    """Whether a candidate end really closes a sentence."""
    if match.group("mark") != ".":
        return True
    before = _WORD_BEFORE.search(text, max(0, match.start() - 20), match.end())
    if before is None:
        return True
    word = before.group(1).lower()
    if word in _RUN_ON:
        return False
    if len(word) == 1 and before.group(1).isupper():
        return False  # an initial: "John F. Kennedy", "J. Smith"
    if word in _MAY_CLOSE or re.fullmatch(r"(?:[a-z]\.)+[a-z]", word):
        following = _NEXT_WORD.match(text, match.end())
        return following is not None and following.group(1).lower() in _OPENERS
    return True


def sentence_ends(text: str, *, line_breaks: bool = False) -> list[int]:
    """The offsets at which the sentences after the first start, in order."""
    ends = [m.end() for m in _CANDIDATE.finditer(text) if _is_end(text, m)]
    if line_breaks:
        ends = sorted(set(ends) | {m.end() for m in _LINE_BREAK.finditer(text)})
    return ends


def sentence_starts(text: str, *, line_breaks: bool = False) -> list[int]:
    """The offset at which each sentence of ``text`` starts, the first at 0."""
    return [0] + [end for end in sentence_ends(text, line_breaks=line_breaks) if end > 0]


def sentences(text: str, *, line_breaks: bool = False) -> list[str]:
    """The sentences of ``text``, stripped, in order."""
    bounds = [*sentence_starts(text, line_breaks=line_breaks), len(text)]
    return [text[a:b].strip() for a, b in itertools.pairwise(bounds) if text[a:b].strip()]


def lead_sentence_end(text: str) -> int:
    """Where the first sentence ends (just after its closing mark), or the text's length."""
    for match in _CANDIDATE.finditer(text):
        if _is_end(text, match):
            return match.end("mark")
    return len(text)


def count_sentences(text: str) -> int:
    """How many sentences ``text`` holds."""
    return 1 + len(sentence_ends(text))


def first_sentence(text: str) -> str:
    """A stand-in title: the opening sentence, cut at a word if it runs long."""
    sentence = text
    for end in sentence_ends(text):
        if end >= 20:
            sentence = text[:end].rstrip()
            break
    if len(sentence) > 120:
        sentence = sentence[:117].rsplit(" ", 1)[0] + "…"
    return sentence
