"""Passages: the runs of a source's paragraphs that belong together.

A paragraph that leans on the one before cannot be read apart from it, so it
joins that paragraph's passage, and a passage is themed, and printed, whole.
A paragraph leans back when it

- continues a quotation the paragraph before left open (the convention for a
  quote over several paragraphs: each opens with a quote mark, only the last
  closes it);
- is a bare attributed quote ("“We will be back,” she said.");
- opens with a pronoun or a determiner that points back ("He", "They",
  "That decision") or a connector ("But", "However"); not "Meanwhile",
  which turns to a parallel development, a new topic;
- scores nothing for any theme, so it has no topic of its own to shift to.

Anything else opens a new passage: a paragraph with its own subject and its
own evidence is where a writer shifts topic.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

CONTINUED_QUOTE = "continues a quotation"
BARE_QUOTE = "bare attributed quote"
POINTS_BACK = "opens with"
NO_EVIDENCE = "scores nothing on its own"

# Words that, opening a paragraph, refer to something said before. "There" is left out:
# "There are fears" opens a new topic as often as not; "It" seldom does in news writing.
_POINTING = frozenset(
    {
        "he",
        "she",
        "it",
        "they",
        "him",
        "her",
        "his",
        "hers",
        "its",
        "their",
        "theirs",
        "them",
        "this",
        "that",
        "these",
        "those",
        "such",
        "both",
        "neither",
        "either",
        "another",
        "the latter",
        "the former",
    }
)
_CONNECTORS = frozenset(
    {
        "but",
        "and",
        "or",
        "yet",
        "so",
        "however",
        "moreover",
        "furthermore",
        "nevertheless",
        "nonetheless",
        "still",
        "instead",
        "also",
        "besides",
        "thus",
        "therefore",
        "hence",
        "then",
        "consequently",
        "otherwise",
        "indeed",
        "likewise",
        "similarly",
        "even so",
        "in addition",
        "by contrast",
        "in contrast",
        "on the other hand",
        "at the same time",
        "as a result",
        "after that",
        "by then",
        "since then",
        "until then",
        "even then",
        "in turn",
        "in response",
        "in return",
        "for his part",
        "for her part",
        "for their part",
        "in that case",
        "that said",
        "not only",
    }
)
_OPENING = re.compile(r"^[\"“‘'«(\[]*((?:[^\W\d_]+)(?:\s+[^\W\d_]+){0,4})", re.UNICODE)
# An opening phrase of up to six words before a comma: "By later that year,", "On Monday,".
_LEAD_PHRASE = re.compile(r"^[\"“‘'«(\[]*((?:[^\W_]+[\s-]+){0,5}[^\W_]+),\s+", re.UNICODE)
_POINTING_IN_PHRASE = frozenset({"that", "this", "these", "those", "then", "same", "such", "there"})
_OPEN_QUOTES = "“«"
_CLOSE_QUOTES = "”»"
_SPEECH = re.compile(r"^[\"“](?P<quote>.+?)[,.!?…—-]?[\"”]\s*,?\s*(?P<tail>[^\"“”]{0,80})$", re.DOTALL)
_SPEECH_VERBS = re.compile(
    r"\b(?:said|says|say|added|adds|told|tells|asked|asks|replied|replies|wrote|writes|explained|"
    r"explains|insisted|insists|warned|warns|argued|argues|declared|declares|stated|states|noted|"
    r"notes|recalled|recalls|continued|continues|according to)\b",
    re.IGNORECASE,
)


def opening_word(text: str) -> str | None:
    """The connector or pointing word a paragraph or sentence opens with, if any.

    An opening phrase set off by a comma counts too when it points back ("By later
    that year, ...", "In that case, ...") or is followed by a pronoun ("On Monday, he said").
    """
    direct = _opening_phrase(text)
    if direct:
        return direct
    lead = _LEAD_PHRASE.match(text)
    if lead:
        words = lead.group(1).casefold().split()
        pointing = next((w for w in words if w in _POINTING_IN_PHRASE), None)
        if pointing:
            return lead.group(1).strip()
        after = _opening_phrase(text[lead.end() :])
        if after in _POINTING:
            return f"{lead.group(1).strip()}, {after}"
    return None


def _opening_phrase(text: str) -> str | None:
    match = _OPENING.match(text)
    if not match:
        return None
    words = match.group(1).casefold().split()
    for length in range(min(len(words), 5), 0, -1):
        phrase = " ".join(words[:length])
        if phrase in _CONNECTORS or phrase in _POINTING:
            rest = text[match.start(1) + len(" ".join(match.group(1).split()[:length])) :]
            # "But" must be a word, not the start of "Butler"; a comma or space follows a connector.
            if not rest[:1].isalnum():
                return phrase
    return None


def opens_dependent(text: str) -> str | None:
    word = opening_word(text)
    return f"{POINTS_BACK} “{word}”" if word else None


def leaves_quote_open(text: str) -> bool:
    """A paragraph that opens a quotation and does not close it, as a quote over paragraphs does."""
    curly_open = sum(text.count(q) for q in _OPEN_QUOTES)
    curly_close = sum(text.count(q) for q in _CLOSE_QUOTES)
    if curly_open or curly_close:
        return curly_open > curly_close
    return text.lstrip().startswith('"') and text.count('"') % 2 == 1


def bare_quote(text: str) -> bool:
    """A quote with no more than its attribution: ‘“Not now,” she said.’"""
    match = _SPEECH.match(text.strip())
    if not match:
        return False
    tail = match.group("tail").strip()
    return bool(tail) and len(tail.split()) <= 8 and bool(_SPEECH_VERBS.search(tail))


def join_reason(text: str, previous: str | None, has_evidence: bool) -> str | None:
    """Why a paragraph joins the one before it in its source, or None if it opens a passage."""
    if previous is None:
        return None
    if leaves_quote_open(previous):
        return CONTINUED_QUOTE
    if bare_quote(text):
        return BARE_QUOTE
    pointing = opens_dependent(text)
    if pointing:
        return pointing
    return None if has_evidence else NO_EVIDENCE


@dataclass(frozen=True)
class PassageSpan:
    start: int  # index of the passage's first paragraph in the source
    end: int  # one past its last
    reasons: tuple[str | None, ...]  # per paragraph: why it joined (None for the first)


def split_passages(
    texts: Sequence[str], has_evidence: Sequence[bool], starts: frozenset[int] = frozenset()
) -> tuple[PassageSpan, ...]:
    """One source's paragraphs cut into passages; ``starts`` are indices that must open one (pins)."""
    reasons = [
        None if index in starts else join_reason(text, texts[index - 1] if index else None, has_evidence[index])
        for index, text in enumerate(texts)
    ]
    spans, start = [], 0
    for index in range(1, len(texts) + 1):
        if index == len(texts) or reasons[index] is None:
            spans.append(PassageSpan(start, index, tuple(reasons[start:index])))
            start = index
    return tuple(spans)
