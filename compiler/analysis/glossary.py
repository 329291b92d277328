"""Abbreviations and their expansions, found in the sources' own words.

Two passes. The first is Schwartz and Hearst's algorithm (PSB 2003): for
"long form (SF)" and "SF (long form)", walk the short form's characters from
the end, matching them right to left in the candidate long form, the first
character at the start of a word. The second catches what it cannot: an
acronym used bare ("LAAF") whose expansion stands elsewhere in the text
without brackets ("Libyan Arab Armed Forces"), matched by word initials.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from briefpack.model import GlossaryEntry
from briefpack.text.knowledge import MONTH_NAMES, WEEKDAY_NAMES

_PAREN = re.compile(r"\(([^()]{1,120})\)")
_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9&]{1,7}s?\b")
# Only the small words that sit inside names join a run: "United States on April" is a name and a date.
_CAPITALISED_RUN = re.compile(r"\b[A-Z][\w’'-]*(?:\s+(?:of|for|and|the|de|al|el|&)?\s*[A-Z][\w’'-]*)+")
_MINOR = {"of", "for", "and", "the", "de", "al", "el", "&"}
# Words that end a definition rather than belong to it: dates are not part of a name.
_NOT_IN_NAMES = {*MONTH_NAMES, *WEEKDAY_NAMES}


def _is_short_form(candidate: str) -> bool:
    words = candidate.split()
    return (
        1 <= len(words) <= 2
        and 2 <= len(candidate) <= 10
        and candidate[0].isalnum()
        and any(c.isalpha() for c in candidate)
        and any(c.isupper() for c in candidate)
    )


def best_long_form(short: str, long: str) -> str | None:
    """Schwartz-Hearst's right-to-left match of ``short`` in ``long``; None if it fails."""
    s_index, l_index = len(short) - 1, len(long) - 1
    while s_index >= 0:
        char = short[s_index].lower()
        if not char.isalnum():
            s_index -= 1
            continue
        while l_index >= 0 and (
            long[l_index].lower() != char or (s_index == 0 and l_index > 0 and long[l_index - 1].isalnum())
        ):
            l_index -= 1
        if l_index < 0:
            return None
        l_index -= 1
        s_index -= 1
    start = long.rfind(" ", 0, l_index + 1) + 1
    result = long[start:].strip()
    if len(result.split()) < 2 and len(result) <= len(short):
        return None
    return result


def parenthesised(text: str) -> Iterable[tuple[str, str]]:
    for match in _PAREN.finditer(text):
        inside = match.group(1).strip()
        before = text[: match.start()].rstrip()
        sentence_start = max(before.rfind(". "), before.rfind("; "), before.rfind("\n"))
        before = before[sentence_start + 1 :].strip()
        if _is_short_form(inside):
            words = before.split()
            window = min(len(inside) + 5, len(inside) * 2)
            candidate = " ".join(words[-window:])
            long = best_long_form(inside, candidate)
            if long and inside not in long:
                yield inside, long.strip(" ,;:")
        elif before and _is_short_form(before.split()[-1]) and len(inside.split()) > 1:
            short = before.split()[-1]
            long = best_long_form(short, inside)
            if long:
                yield short, long


def by_initials(text: str, known: set[str]) -> Iterable[tuple[str, str]]:
    """Bare acronyms expanded by a capitalised phrase whose word initials spell them."""
    acronyms = {m.group(0).rstrip("s") for m in _ACRONYM.finditer(text)} - known
    if not acronyms:
        return
    phrases = [
        m.group(0) for m in _CAPITALISED_RUN.finditer(text) if not _NOT_IN_NAMES.intersection(m.group(0).split())
    ]
    for acronym in sorted(acronyms):
        for phrase in phrases:
            words = phrase.split()
            for start in range(len(words)):
                initials = "".join(w[0] for w in words[start:] if w.lower() not in _MINOR)
                if initials.upper() == acronym and words[start].lower() not in _MINOR:
                    yield acronym, " ".join(words[start:])
                    break
            else:
                continue
            break


def build_glossary(texts: Iterable[tuple[str, str]]) -> tuple[GlossaryEntry, ...]:
    """``texts`` are (source id, paragraph text) pairs; the first expansion found wins."""
    texts = list(texts)
    found: dict[str, tuple[str, list[str]]] = {}
    for source, text in texts:
        for short, long in parenthesised(text):
            entry = found.setdefault(short, (long, []))
            if source not in entry[1]:
                entry[1].append(source)
    whole = "\n".join(text for _, text in texts)
    for short, long in by_initials(whole, set(found)):
        sources = [s for s, text in texts if re.search(rf"\b{re.escape(short)}\b", text)]
        found.setdefault(short, (long, sources))
    return tuple(
        GlossaryEntry(short=short, long=expansion, sources=tuple(dict.fromkeys(src)))
        for short, (expansion, src) in sorted(found.items(), key=lambda kv: kv[0].lower())
    )
