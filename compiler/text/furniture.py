"""Clean-up step 6: which paragraphs are furniture (captions, bylines, newsletter prompts, ...), and why."""
from __future__ import annotations

import re

from briefpack.text.footnotes import has_call, reference_notes
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


def furniture_reason(text: str) -> str | None:
    """The kind of furniture ``text`` is by its own shape and wording, or None."""
    n = len(text)
    if HEADING.match(text):
        return "heading"
    if n <= 400 and any(p.search(text) for p in CAPTION):
        return "caption"
    if n <= 300 and RELATED.match(text) and not _ends_in_long_sentence(text):
        return "related"
    if n <= 250 and (NEWSLETTER[0].search(text) or (NEWSLETTER[1].search(text) and count_sentences(text) <= 2 and n <= 160)):
        return "newsletter"
    if n <= 300 and any(p.search(text) for p in CLICK_HERE):
        return "click-here"
    if n <= 400 and DISCLAIMER.search(text):
        return "disclaimer"
    if n <= 300 and (CREDIT.match(text) or (COPYRIGHT.match(text) and COPYRIGHT.match(text).group("holder"))):
        return "credit"
    if n <= 60 and (SHARE.match(text) or ADVERT.match(text)):
        return "share" if SHARE.match(text) else "advert"
    if n <= 120 and byline_name(text):
        return "byline"
    if NOTES_HEADING.match(text):
        return "heading"
    return None


def _ends_in_long_sentence(text: str) -> bool:
    # "Related to this, the ministry said ..." is prose, not a link: it goes on past one clause.
    return count_sentences(text) > 1 and len(text) > 160


def _is_bio(text: str) -> bool:
    return len(text) <= 600 and (bool(BIO.match(text) and ROLE.search(text)) or bool(FOLLOW.search(text)))


def mark_tail(paras: list[str], reasons: list[str | None]) -> list[tuple[str, str]]:
    """Mark bios, lone names and reference notes in the trailing furniture; return the notes."""
    notes = reference_notes(paras, reasons)
    for i in range(len(paras) - 1, 0, -1):
        if reasons[i] is not None:
            continue
        if _is_bio(paras[i]):
            reasons[i] = "bio"
        elif is_name(paras[i]):
            reasons[i] = "byline"
        else:
            break
    return notes


def mark_head(paras: list[str], reasons: list[str | None]) -> None:
    """A lone name among the first paragraphs is a byline."""
    for i in range(min(3, len(paras) - 1)):
        if reasons[i] is None and is_name(paras[i]):
            reasons[i] = "byline"
        elif reasons[i] is None:
            return
