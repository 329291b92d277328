"""Clean-up step 7: numbered reference notes become footnotes on the block that calls them."""

from __future__ import annotations

import re

from briefpack.model import Block, Exclusion, Footnote
from briefpack.text.shapes import NOTE, NOTES_HEADING

# Paragraphs in reading order, each with the reason it is furniture (None: body text).
Marked = tuple[tuple[str, Exclusion | None], ...]


def reference_notes(marked: Marked) -> tuple[Marked, list[tuple[str, str]]]:
    """Numbered notes ending the text, if they are real references: marked, and as (number, text)."""
    paras = [p for p, _ in marked]
    reasons = [r for _, r in marked]
    candidates: list[int] = []
    for i in range(len(paras) - 1, -1, -1):
        if NOTE.match(paras[i]):
            candidates.append(i)
        elif reasons[i] is None and not candidates:
            return marked, []
        elif reasons[i] is None or not candidates:
            break
    if not candidates or len(candidates) == len(paras):
        return marked, []
    candidates.reverse()
    notes = []
    for i in candidates:
        m = NOTE.match(paras[i])
        assert m is not None  # candidates are the paragraphs NOTE matched
        notes.append((m.group("a") or m.group("b"), m.group("text")))
    body = "\n".join(p for p, r in zip(paras, reasons) if r is None and not NOTE.match(p))
    called = any(_call_pattern(number).search(body) for number, _ in notes)
    looks_cited = all(
        re.search(r"\b(?:1[5-9]|20)\d\d\b|https?://|\bibid\b|op\. cit|\bpp?\. ?\d|accessed|interview", text, re.I)
        for _, text in notes
    )
    if not (called or looks_cited):
        return marked, []
    for i in candidates:
        reasons[i] = Exclusion.REFERENCE
    # A "Notes" heading right above the notes is part of them.
    if candidates[0] > 0 and reasons[candidates[0] - 1] is None and NOTES_HEADING.match(paras[candidates[0] - 1]):
        reasons[candidates[0] - 1] = Exclusion.HEADING
    return tuple(zip(paras, reasons)), notes


def _call_pattern(number: str) -> re.Pattern[str]:
    """A footnote call: ``word1``, ``word,1``, ``word¹`` or ``[^1]``, not ``G7``/``F-16``."""
    sup = number.translate(str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹"))
    return re.compile(
        r"\[\^" + number + r"\]"
        r"|(?<=[a-zà-ÿ.,;:!?’”\"')])" + sup + r"(?![⁰¹²³⁴⁵⁶⁷⁸⁹])"
        r"|(?<=[a-zà-ÿ]{2})" + number + r"(?=[\s.,;:)\]]|$)"
        r"|(?<=[a-zà-ÿ][.,;:!?’”\"')])" + number + r"(?=[\s)\]]|$)"
    )


def has_call(text: str) -> bool:
    return bool(re.search(r"\[\^\d+\]|[a-z][.,;:!?’”\"')]?\d{1,3}(?:\s|$)|[a-z][⁰¹²³⁴⁵⁶⁷⁸⁹]", text))


def attach_footnotes(body: list[str], notes: list[tuple[str, str]]) -> list[Block]:
    """Replace each note's first call (in reading order) by ``[^N]`` and attach the note."""
    texts = list(body)
    attached: list[list[Footnote]] = [[] for _ in texts]
    where = (0, 0)
    for number, note in notes:
        pattern = _call_pattern(number)
        hit = _find_call(texts, pattern, where) or _find_call(texts, pattern, (0, 0))
        if hit is None:
            continue
        i, start, end = hit
        texts[i] = texts[i][:start] + f"[^{number}]" + texts[i][end:]
        attached[i].append(Footnote(number, note))
        where = (i, start)
    return [Block(n, t, tuple(f)) for n, (t, f) in enumerate(zip(texts, attached), start=1)]


def _find_call(texts: list[str], pattern: re.Pattern[str], where: tuple[int, int]) -> tuple[int, int, int] | None:
    block, pos = where
    for i in range(block, len(texts)):
        m = pattern.search(texts[i], pos if i == block else 0)
        if m:
            return i, m.start(), m.end()
    return None
