"""Clean-up steps 1, 2, 4 and 5: lines, layout (hard-wrapped or not), paragraphs, rejoining, quote repair.

See ``briefpack.text.clean`` for the whole approach."""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefpack.text.lists import cells, list_runs
from briefpack.text.metadata import is_date_line
from briefpack.text.shapes import (
    FUNCTION_WORDS,
    HEADING,
    LEAD_INS,
    LIST_ITEM,
    NOTE,
    RELATED,
    TERMINAL,
    byline_name,
    is_name,
    is_title_case,
)

_MAX_WRAP_WIDTH = 130


_SHORT_LINE = 0.8  # a sentence-final line this much shorter than the width ends a paragraph


# Standalone words that commonly start a real compound (well-known, self-made).
_COMPOUND_HEADS = frozenset(
    """well self long short high low full half all so non anti pro post pre ex co cross semi multi
    one two three four five six seven eight nine ten far near old new re""".split()
)


# Common second parts of real compounds (state-owned, Iran-backed, long-term).
_COMPOUND_TAILS = frozenset(
    """based led owned run backed aligned funded made related term scale level wide free style like born
    friendly oriented speaking sized sponsored controlled held linked affiliated bound driven focused
    specific year old long time up off in out over down known built elected designed minded""".split()
)


@dataclass(frozen=True)
class Line:
    text: str
    indented: bool
    stretched: bool  # extracted from justified type: spaces widened, so the line is full
    cells: tuple[tuple[int, int], ...] = ()  # where a table row's space-parted cells sit


def split_chunks(raw: str) -> list[list[Line]]:
    """Blank-line-separated chunks of stripped lines, remembering indentation."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n").removeprefix("\ufeff")
    chunks: list[list[Line]] = [[]]
    for line in text.split("\n"):
        stripped = " ".join(line.split())
        if not stripped:
            if chunks[-1]:
                chunks.append([])
            continue
        stretched = bool(re.search(r"\S {2,}\S.* {2,}", line.strip()))
        chunks[-1].append(Line(stripped, line[:1].isspace(), stretched, cells(line)))
    return [c for c in chunks if c]


def _ends_sentence(text: str) -> bool:
    return bool(TERMINAL.search(text))


@dataclass(frozen=True)
class Layout:
    """How a hard-wrapped text is wrapped."""

    width: int  # the 90th percentile line length
    short: float  # a sentence-final line shorter than this ends its paragraph


def detect_layout(chunks: list[list[Line]]) -> Layout | None:
    """The wrapping of a hard-wrapped text, or None if it has one paragraph per line.

    Ragged or justified narrow columns vary a lot in characters per line, so a
    line only counts as short when it is shorter than nearly all lines that
    certainly are not paragraph ends (those breaking mid-sentence).  The 0.8
    of the width that suits wide, even extracts caps it.
    """
    lengths = sorted(len(line.text) for c in chunks for line in c)
    if len(lengths) < 3:
        return None
    width = lengths[int(0.9 * (len(lengths) - 1))]
    inner = [line for c in chunks for line in c[:-1] if not LIST_ITEM.match(line.text)]
    if width > _MAX_WRAP_WIDTH or not inner:
        return None
    mid_sentence = [len(line.text) for line in inner if not _ends_sentence(line.text)]
    if len(mid_sentence) < 0.5 * len(inner):
        return None
    # Titles and bylines break mid-sentence too, but they are not full lines.
    full = sorted(n for n in mid_sentence if n >= 0.5 * width) or [width]
    return Layout(width, min(_SHORT_LINE * width, 0.95 * full[len(full) // 10]))


def _starts_paragraph(para: list[Line], line: Line, layout: Layout) -> bool:
    """Whether ``line`` starts a new paragraph after the lines ``para`` gathered so far."""
    prev = para[-1].text
    if any(p.match(line.text) for p in (LIST_ITEM, HEADING, NOTE)) or HEADING.match(prev):
        return True
    if len(para) == 1 and len(prev) < 0.7 * layout.width and (byline_name(prev) or is_name(prev)):
        return True  # a byline is a line of its own
    if len(para) == 1 and is_date_line(prev) and line.text[:1].isupper():
        return True  # so is a letter's or a memo's date
    if RELATED.match(para[0].text):
        # A link's headline goes on only while it stays in Title Case or mid-phrase.
        last = prev.rsplit(None, 1)[-1].lower()
        return _ends_sentence(prev) or not (is_title_case(line.text) or last in FUNCTION_WORDS)
    if not _ends_sentence(prev):
        return False
    return (
        (len(prev) < layout.short and not para[-1].stretched)
        or line.indented
        or any(p.match(line.text) for p in LEAD_INS)
    )


def join_paragraphs(chunks: list[list[Line]], layout: Layout | None, vocab: frozenset[str]) -> list[str]:
    """Paragraphs from wrapped lines; a list-like run of lines stays one block of lines."""
    paras: list[str] = []
    for chunk in chunks:
        runs = list_runs([x.text for x in chunk], [x.cells for x in chunk], layout.width if layout else None)
        start = 0
        for first, end in runs + [(len(chunk), len(chunk))]:
            paras += _prose(chunk[start:first], layout, vocab)
            if first < end:
                paras.append("\n".join(x.text for x in chunk[first:end]))
            start = end
    return paras


def _prose(lines: list[Line], layout: Layout | None, vocab: frozenset[str]) -> list[str]:
    if not lines:
        return []
    if layout is None:
        return [line.text for line in lines]
    paras: list[str] = []
    current = [lines[0]]
    for line in lines[1:]:
        if _starts_paragraph(current, line, layout):
            paras.append(join_lines([x.text for x in current], vocab))
            current = []
        current.append(line)
    paras.append(join_lines([x.text for x in current], vocab))
    return paras


def join_lines(lines: list[str], vocab: frozenset[str] = frozenset()) -> str:
    """Join wrapped lines; words hyphenated across the break are rejoined by rule."""
    if not lines:
        return ""
    # Only the line before a break decides how it joins, so each join looks at that line alone
    # and the pieces are put together once: a paragraph of 10,000 lines joins in linear time.
    pieces = [lines[0]]
    for line in lines[1:]:
        joined = _join_hyphen(pieces[-1], line, vocab)
        pieces[-1] = joined[: len(joined) - len(line)]
        pieces.append(line)
    return "".join(pieces)


def vocabulary(raw: str) -> frozenset[str]:
    """The document's own spellings, lower-cased, hyphenated compounds included.

    Words broken across a line end are left out: they are what is being decided.
    """
    unbroken = re.sub(r"[^\W\d_]+-[ \t]*\r?\n\s*[^\W\d_]+", " ", raw)
    return frozenset(w.lower() for w in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", unbroken))


_WORD_BEFORE_HYPHEN = re.compile(r"([^\W\d_]+)-$")


_WORD_AFTER = re.compile(r"^([^\W\d_]+)")


def _join_hyphen(left: str, right: str, vocab: frozenset[str]) -> str:
    """Join ``left`` and ``right`` at a line break, deciding what a trailing hyphen is.

    A hyphen right after a letter at the end of the line is either soft
    (``inter-``/``national``) or part of a compound (``Kremlin-``/``aligned``).
    The document's own spelling of the pair elsewhere decides first.  Failing
    that the hyphen is kept when either part is capitalised, the first part is
    a common compound head (``well-``, ``self-``) or an -ly adverb
    (``rapidly-changing``), or the second part is a common compound tail
    (``state-owned``, ``Iran-backed``); otherwise the word is rejoined
    (``inter-national`` -> ``international``, ``govern-ment``).
    """
    head = _WORD_BEFORE_HYPHEN.search(left)
    tail = _WORD_AFTER.match(right)
    if not head or not tail or left.endswith(" -"):
        return left + " " + right
    first, second = head.group(1), tail.group(1)
    compound, joined = f"{first}-{second}".lower(), f"{first}{second}".lower()
    if compound in vocab or joined in vocab:
        return left + right if compound in vocab else left[:-1] + right
    low = first.lower()
    keep = (
        first[:1].isupper()
        or second[:1].isupper()
        or low in _COMPOUND_HEADS
        or (len(low) > 3 and low.endswith("ly"))
        or second.lower() in _COMPOUND_TAILS
    )
    if keep:
        return left + right
    return left[:-1] + right


def rejoin(paras: list[str], vocab: frozenset[str]) -> list[str]:
    """Rejoin paragraphs that a blank line (or a line break) split mid-sentence."""
    out: list[str] = []
    for para in paras:
        if out and _continues(out[-1], para):
            out[-1] = _join_hyphen(out[-1], para, vocab)
        else:
            out.append(para)
    return out


def _continues(prev: str, nxt: str) -> bool:
    if _ends_sentence(prev) or prev.endswith(":") or "\n" in prev or "\n" in nxt:
        return False
    if any(p.match(s) for s in (prev, nxt) for p in (LIST_ITEM, HEADING, NOTE)):
        return False
    first = nxt[:1]
    if first.islower():
        return True
    last_word = prev.rsplit(None, 1)[-1].lower()
    return prev.endswith((",", "-", "–", "—")) or last_word in FUNCTION_WORDS


_DOUBLED_QUOTES = (
    (re.compile(r"'’|’'"), "’"),
    (re.compile(r"'‘|‘'"), "‘"),
    (re.compile(r"\"“|“\""), "“"),
    (re.compile(r"\"”|”\""), "”"),
)


def repair_quotes(text: str) -> str:
    """Undo extraction damage: an ASCII quote doubled next to its typographic twin."""
    for pattern, replacement in _DOUBLED_QUOTES:
        text = pattern.sub(replacement, text)
    return text
