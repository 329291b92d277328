"""Clean-up step 6: which paragraphs are furniture (captions, bylines, newsletter prompts, ...), and why."""

from __future__ import annotations

import re

from briefpack.model import Exclusion
from briefpack.text.footnotes import Marked, has_call, reference_notes
from briefpack.text.sentences import count_sentences
from briefpack.text.shapes import (
    ADVERT,
    BIO,
    CAPTION,
    CLICK_HERE,
    COPYRIGHT,
    CREDIT,
    DISCLAIMER,
    FOLLOW,
    HEADING,
    NEWSLETTER,
    NOTES_HEADING,
    RELATED,
    ROLE,
    SHARE,
    byline_name,
    is_name,
)

_STANDFIRST_MAX = 320


def is_standfirst(para: str, rest: list[str]) -> bool:
    """A short one- or two-sentence summary right after the title, not a news lede.

    A lede reports (said, according to, quotes) or cites (a footnote call); a
    standfirst is followed by a clearly longer paragraph of body text.
    """
    return (
        len(para) <= _STANDFIRST_MAX
        and not has_call(para)
        and bool(rest)
        and len(rest[0]) >= 1.5 * len(para)
        and count_sentences(para) <= 2
        and len(rest) >= 2
        and not re.search(r"\b(?:said|says|told|according to)\b|[“\"]", para)
    )


def furniture_reason(text: str) -> Exclusion | None:
    """The kind of furniture ``text`` is by its own shape and wording, or None."""
    n = len(text)
    if HEADING.match(text):
        return Exclusion.HEADING
    if n <= 400 and any(p.search(text) for p in CAPTION):
        return Exclusion.CAPTION
    if n <= 300 and RELATED.match(text) and not _ends_in_long_sentence(text):
        return Exclusion.RELATED
    if n <= 250 and (
        NEWSLETTER[0].search(text) or (NEWSLETTER[1].search(text) and count_sentences(text) <= 2 and n <= 160)
    ):
        return Exclusion.NEWSLETTER
    if n <= 300 and any(p.search(text) for p in CLICK_HERE):
        return Exclusion.CLICK_HERE
    if n <= 400 and DISCLAIMER.search(text):
        return Exclusion.DISCLAIMER
    if n <= 300 and (CREDIT.match(text) or (COPYRIGHT.match(text) and COPYRIGHT.match(text).group("holder"))):
        return Exclusion.CREDIT
    if n <= 60 and (SHARE.match(text) or ADVERT.match(text)):
        return Exclusion.SHARE if SHARE.match(text) else Exclusion.ADVERT
    if n <= 120 and byline_name(text):
        return Exclusion.BYLINE
    if NOTES_HEADING.match(text):
        return Exclusion.HEADING
    return None


def _ends_in_long_sentence(text: str) -> bool:
    # "Related to this, the ministry said ..." is prose, not a link: it goes on past one clause.
    return count_sentences(text) > 1 and len(text) > 160


def _is_bio(text: str) -> bool:
    return len(text) <= 600 and (bool(BIO.match(text) and ROLE.search(text)) or bool(FOLLOW.search(text)))


def classify(paras: list[str]) -> tuple[Marked, list[tuple[str, str]]]:
    """Each paragraph with its furniture reason (None for body text), and the reference notes."""
    marked = tuple((p, furniture_reason(p)) for p in paras)
    marked, notes = reference_notes(marked)
    return _mark_head(_mark_tail(marked)), notes


def _mark_tail(marked: Marked) -> Marked:
    """Bios and lone names in the trailing run of furniture."""
    out = list(marked)
    for i in range(len(out) - 1, 0, -1):
        para, reason = out[i]
        if reason is not None:
            continue
        if _is_bio(para):
            out[i] = (para, Exclusion.BIO)
        elif is_name(para):
            out[i] = (para, Exclusion.BYLINE)
        else:
            break
    return tuple(out)


def _mark_head(marked: Marked) -> Marked:
    """A lone name among the first paragraphs is a byline."""
    out = list(marked)
    for i in range(min(3, len(out) - 1)):
        para, reason = out[i]
        if reason is None and is_name(para):
            out[i] = (para, Exclusion.BYLINE)
        elif reason is None:
            break
    return tuple(out)
