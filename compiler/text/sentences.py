"""Sentence boundaries, for every stage that reads text a sentence at a time.

A sentence ends at ``.``, ``!`` or ``?`` (closing quotes and brackets stay with
it) before white space and a capital or a digit. Dating also ends a sentence at
a line break and does not end one after a title or an initial ("Mr. Smith",
"U.S. President"), because a date must not be read against the clause of the
sentence before it.
"""
from __future__ import annotations

import re

SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
CLAUSE_SENTENCE_END = re.compile(
    r"(?<!\b[A-Z])(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bMrs)(?<!\bGen)(?<!\bSen)(?<!\bGov)"
    r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z])|\n\s*")
_COUNTED_END = re.compile(r"[.!?…][\"'”’)]*\s+[\"“‘(]?[A-Z]")
_FIRST_SENTENCE = re.compile(r"^(.{20,200}?[.!?])(?=\s|$)", re.S)


def sentence_starts(text: str) -> list[int]:
    """The offset at which each sentence of ``text`` starts, the first at 0."""
    return [0] + [match.end() for match in SENTENCE_END.finditer(text)]


def lead_sentence_end(text: str) -> int:
    """Where the first sentence ends (just after its full stop), or the text's length."""
    match = SENTENCE_END.search(text)
    return match.start() if match else len(text)


def count_sentences(text: str) -> int:
    """Roughly how many sentences ``text`` holds; an ellipsis counts as an end."""
    return 1 + len(_COUNTED_END.findall(text))


def first_sentence(text: str) -> str:
    """A stand-in title: the opening sentence, cut at a word if it runs long."""
    match = _FIRST_SENTENCE.match(text)
    sentence = match.group(1) if match else text
    if len(sentence) > 120:
        sentence = sentence[:117].rsplit(" ", 1)[0] + "…"
    return sentence
