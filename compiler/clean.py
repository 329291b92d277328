"""Clean-up: turn a source's raw text into body paragraphs and furniture.

The approach, in the order ``clean`` runs it:

1. **Lines.** Line endings are normalised, stray indentation (a PDF
   extraction artefact) is stripped but remembered, because an indented line
   after a sentence end is the classic first-line-indent paragraph start.
2. **Layout.** Text is either *hard-wrapped* (most lines stop mid-sentence at
   a similar width, as in PDF or e-mail extracts) or *one paragraph per line*.
   The decision is global: the 90th percentile line length must be at most
   ``_MAX_WRAP_WIDTH`` and at least half of the line breaks inside
   blank-line-separated chunks must fall mid-sentence.  Hard-wrapped lines
   are joined into paragraphs; a paragraph ends at a blank line, or at a
   sentence end on a line shorter than nearly every full line (unless its
   spaces were stretched by justification), or before an indented line, a
   list item, a numbered note or a furniture lead-in ("Related article:").
   A word hyphenated across a line break is rejoined by ``_join_hyphen``:
   the document's own spelling decides when it has one; otherwise the hyphen
   is kept when either part is capitalised (``Kremlin-aligned``), the first
   part is a common compound head (``well-known``) or an -ly adverb, or the
   second a common compound tail (``state-owned``), and dropped otherwise
   (``inter-national`` -> ``international``).
3. **Title.** Leading lines without a sentence-final full stop, short, and
   either alone in their chunk, in Title Case, or clearly shorter than the
   wrap width, form the title (a wrapped title is joined).
4. **Rejoin.** A paragraph that a blank line split mid-sentence (no terminal
   punctuation, and the next starts in lower case or the first ends on a
   function word or comma) is rejoined with the next.
5. **Repair.** Doubled quotes from extraction (``'’``, ``"“``) are reduced to
   the typographic one; typographic quotes and dashes are never converted.
6. **Furniture.** Each paragraph is tested against general patterns (never a
   seed's wording): caption, related, newsletter, click-here, disclaimer,
   credit, share, advert, byline, heading.  Position-dependent kinds are only
   looked for at the ends of the text: a *standfirst* is a short summary
   paragraph right after a title; *bio* paragraphs, lone-name *bylines* and
   numbered *reference* notes only in the trailing run of furniture.
7. **Footnotes.** Reference notes become ``Footnote(number, text)`` on the
   block that calls them.  A call is a number glued to the end of a
   lower-case word or to punctuation after one (``isolation,1 and``), a
   superscript number, or an existing ``[^1]``.  The call is replaced in
   ``Block.text`` by the literal marker ``[^N]`` at the same position
   (``isolation,[^1] and``); the renderer turns ``[^N]`` into a real
   footnote.  The note itself is also listed in ``excluded`` as "reference".
8. **Metadata.** title, summary (the standfirst), author (byline, else the
   name a bio starts with), publisher and rights (from a credit or copyright
   line) and published (the latest full day-precision date the text states,
   as YYYY-MM-DD).  Nothing is invented: unstated fields stay None.

Invariant: every word of ``raw`` ends up in exactly one block or exactly one
excluded item; nothing is dropped.  Markdown and HTML sources reach this
module as Markdown-ish text from ``compiler.readers``: ``#`` heading lines,
``- `` list items (kept as their own blocks, never rejoined), and inline
``*em*``/``**strong**`` left in the text for the renderer.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from compiler.model import Block, Cleaned, Excluded, Footnote

_MAX_WRAP_WIDTH = 130
_SHORT_LINE = 0.8  # a sentence-final line this much shorter than the width ends a paragraph
_TITLE_MAX = 200
_STANDFIRST_MAX = 320

# A sentence is over when it ends on . ! ? or … possibly followed by closing quotes/brackets.
_TERMINAL = re.compile(r"[.!?…][\"'”’»)\]]*$")
_LIST_ITEM = re.compile(r"^(?:[-*+•]\s+\S|\d{1,3}[.)]\s+\S)")
_HEADING = re.compile(r"^#{1,6}\s+\S")
_NOTE = re.compile(r"^(?:\[\^(?P<a>\d{1,3})\]:|(?P<b>\d{1,3})[.)])\s+(?P<text>\S.*)$", re.S)
_NOTES_HEADING = re.compile(r"^(?:#{1,6}\s+)?(?:notes|endnotes|footnotes|references|sources)\s*:?$", re.I)

# Words after which a sentence obviously goes on, so a break after them is mid-sentence.
_FUNCTION_WORDS = frozenset(
    """a an the of in on at to for and or but nor with by from as that which who whom whose
    its his her their our your my is are was were be been being than between into about over
    under after before during this these those said its via per""".split()
)
# Words that stay lower case inside a Title Case heading.
_SMALL_WORDS = frozenset(
    "a an the and or but nor of in on at to for by with from as vs via into over than".split()
)
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
_HONORIFICS = re.compile(r"^(?:Dr|Prof|Professor|Mr|Mrs|Ms|Mx|Sir|Dame)\.?\s+")
_NAME_PARTICLES = frozenset("al el bin ibn de da di du del della van von der den la le dos das".split())
# Capitalised words that show a short line is a label, not a person's name.
_NOT_NAME_WORDS = _SMALL_WORDS | frozenset(
    """our your my this that newsletter subscribe share follow read more news article related
    comments home menu search advertisement contact about us all new latest top sign up log
    photo image video click here join get free email print save next previous back page
    analysis opinion editorial comment report update updates summary introduction conclusion
    contents notes references sources""".split()
)

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}
_MONTH_RE = "(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DATE_PATTERNS = (
    re.compile(r"\b" + _MONTH_RE + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b", re.I),
    re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH_RE + r",?\s+(?P<year>\d{4})\b", re.I),
    re.compile(r"\b(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})\b"),
)

# --- furniture patterns (general, anchored on shape as well as wording) -------

_CAPTION = (
    re.compile(r"\b(?:photo|photograph|picture|image|video)(?:\s+credit)?s?\s*[:/©]\s*[^.!?]{1,60}\.?$", re.I),
    re.compile(r"\((?:photo:?\s*)?[A-Z][\w.&'’/ -]{1,40}\)$"),
    re.compile(r"^(?:image caption|caption|photo|pictured|above|top|main image)\s*[:|]", re.I),
    re.compile(r"\b(?:photo credit|getty images|shutterstock|\(pictured\)|pictured (?:above|below|left|right|here|during|at|in|with))\b", re.I),
)
_RELATED = re.compile(
    r"^(?:related(?:\s+(?:article|story|stories|content|reading|coverage|posts?))?|read more|read also|"
    r"also read|see also|more on this(?: story)?|further reading|you may also like|recommended|"
    r"most read|more from)\b\s*[:|»>–—-]?",
    re.I,
)
_NEWSLETTER = (
    re.compile(r"^(?:subscribe|sign up|sign-up|join our|get our|enter your e-?mail|you have (?:been )?successfully|"
               r"thank(?:s| you) for (?:subscribing|signing up)|unsubscribe)\b", re.I),
    re.compile(r"\b(?:newsletter|mailing list|inbox)\b", re.I),
)
_CLICK_HERE = (
    re.compile(r"\bclick here\b", re.I),
    re.compile(r"^this (?:excerpt|extract|article|piece|item|report) (?:is|was) (?:taken|adapted|excerpted) from\b", re.I),
    re.compile(r"\bfree (?:sample|trial)\b", re.I),
)
_DISCLAIMER = re.compile(
    r"\b(?:(?:the )?(?:views|opinions) (?:and opinions )?expressed\b|do(?:es)? not necessarily (?:reflect|represent)"
    r"|for (?:general )?information(?:al)? purposes only)",
    re.I,
)
_CREDIT = re.compile(
    r"^this (?:article|story|piece|report|commentary|analysis|essay|post|interview|op-ed|text)\s+"
    r"(?:was|is|has been|originally)\s+(?:\w+\s+){0,2}?"
    r"(?:published|provided|produced|republished|syndicated|distributed|written|prepared|appeared|posted)\s+"
    r"(?:by|in|on|at|for|with)\s+(?P<pub>.+)$|"
    r"^(?:originally|first)\s+(?:published|appeared)\s+(?:by|in|on|at)\s+(?P<pub2>.+)$|"
    r"^republished (?:with permission )?(?:from|by|of)\s+(?P<pub3>.+)$",
    re.I | re.S,
)
_COPYRIGHT = re.compile(
    r"^(?:©|\(c\)|copyright\b)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?(?:by\s+)?(?P<holder>.*?)"
    r"[.,]?\s*(?:all rights reserved\.?)?$",
    re.I | re.S,
)
_SHARE = re.compile(r"^(?:share (?:this|on)\b|share:?$|tweet this|email this|print this)", re.I)
_ADVERT = re.compile(r"^(?:advertisement|sponsored(?: content)?|ad|promoted)\s*:?$", re.I)
_BYLINE = re.compile(r"^[Bb][Yy]:?\s+(?P<name>[A-Z][^\n]{1,80}?)\s*(?:[,|•–—]\s*(?P<rest>.*))?$", re.S)
_BIO = re.compile(
    r"^(?P<name>[A-Z][\w’'.-]+(?:\s+(?:[A-Z][\w’'.-]+|" + "|".join(sorted(_NAME_PARTICLES)) + r")){1,4})"
    r"\s+(?:is|was|has been|serves as|works as|writes|covers|reports)\b"
)
_ROLE = re.compile(
    r"\b(?:analyst|candidate|fellow|journalist|professor|researcher|director|editor|correspondent|writer|"
    r"author|reporter|scholar|student|lecturer|expert|consultant|associate|economist|specialist|founder|"
    r"chair|officer|manager|advis[eo]r|commentator|contributor|columnist|freelance|freelancer|historian|"
    r"lawyer|based in|photographer|producer|strategist|partner)s?\b",
    re.I,
)
_FOLLOW = re.compile(
    r"\bfollow (?:him|her|them|me|us) (?:on|at)\b|^(?:twitter|email|e-mail|contact)\s*:\s*\S|(?:^|\s)@\w{2,}[.,]?$",
    re.I,
)
_LEAD_INS = (_RELATED, _CREDIT, _COPYRIGHT, _DISCLAIMER, _NEWSLETTER[0])



@dataclass(frozen=True)
class _Line:
    text: str
    indented: bool
    stretched: bool  # extracted from justified type: spaces widened, so the line is full


# --- entry point ---------------------------------------------------------------


def clean(raw: str, source_id: str) -> Cleaned:
    """Split ``raw`` into body blocks and excluded furniture, and infer metadata."""
    chunks = _chunks(raw)
    layout = _layout(chunks)
    vocab = _vocabulary(raw)
    title_lines, chunks = _take_title(chunks, layout)
    paras = _rejoin([_repair(p) for p in _paragraphs(chunks, layout, vocab)], vocab)
    title = _repair(_join_lines([line.text for line in title_lines], vocab)) if title_lines else None

    reasons: list[str | None] = [_furniture(p) for p in paras]
    summary = None
    body_after = [p for p, r in zip(paras[1:], reasons[1:]) if r is None]
    if title is not None and paras and reasons[0] is None and _is_standfirst(paras[0], body_after):
        reasons[0] = "standfirst"
        summary = paras[0]
    notes = _mark_tail(paras, reasons)
    _mark_head(paras, reasons)

    body = [p for p, r in zip(paras, reasons) if r is None]
    blocks = _attach_footnotes(body, notes)
    excluded = [Excluded(source_id, title, "title")] if title is not None else []
    excluded += [Excluded(source_id, p, r) for p, r in zip(paras, reasons) if r is not None]
    return Cleaned(
        blocks=tuple(blocks),
        excluded=tuple(excluded),
        title=_plain(title) if title else None,
        summary=summary,
        author=_author(paras, reasons),
        publisher=_publisher(paras, reasons),
        rights=next((p for p, r in zip(paras, reasons) if r == "credit" and _is_rights(p)), None),
        # Reference notes and captions date other things (an interview, a photo), not the piece.
        published=latest_full_date("\n".join(p for p, r in zip(paras, reasons)
                                              if r in (None, "byline", "credit"))),
    )


# --- lines, layout and paragraphs --------------------------------------------------


def _chunks(raw: str) -> list[list[_Line]]:
    """Blank-line-separated chunks of stripped lines, remembering indentation."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n").removeprefix("\ufeff")
    chunks: list[list[_Line]] = [[]]
    for line in text.split("\n"):
        stripped = " ".join(line.split())
        if not stripped:
            if chunks[-1]:
                chunks.append([])
            continue
        chunks[-1].append(_Line(stripped, line[:1].isspace(), bool(re.search(r"\S {2,}\S.* {2,}", line.strip()))))
    return [c for c in chunks if c]


def _ends_sentence(text: str) -> bool:
    return bool(_TERMINAL.search(text))


@dataclass(frozen=True)
class _Layout:
    """How a hard-wrapped text is wrapped."""

    width: int  # the 90th percentile line length
    short: float  # a sentence-final line shorter than this ends its paragraph


def _layout(chunks: list[list[_Line]]) -> _Layout | None:
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
    inner = [line for c in chunks for line in c[:-1] if not _LIST_ITEM.match(line.text)]
    if width > _MAX_WRAP_WIDTH or not inner:
        return None
    mid_sentence = [len(line.text) for line in inner if not _ends_sentence(line.text)]
    if len(mid_sentence) < 0.5 * len(inner):
        return None
    # Titles and bylines break mid-sentence too, but they are not full lines.
    full = sorted(n for n in mid_sentence if n >= 0.5 * width) or [width]
    return _Layout(width, min(_SHORT_LINE * width, 0.95 * full[len(full) // 10]))


def _starts_paragraph(para: list[_Line], line: _Line, layout: _Layout) -> bool:
    """Whether ``line`` starts a new paragraph after the lines ``para`` gathered so far."""
    prev = para[-1].text
    if any(p.match(line.text) for p in (_LIST_ITEM, _HEADING, _NOTE)) or _HEADING.match(prev):
        return True
    if len(para) == 1 and len(prev) < 0.7 * layout.width and (_byline_name(prev) or _is_name(prev)):
        return True  # a byline is a line of its own
    if _RELATED.match(para[0].text):
        # A link's headline goes on only while it stays in Title Case or mid-phrase.
        last = prev.rsplit(None, 1)[-1].lower()
        return _ends_sentence(prev) or not (_is_title_case(line.text) or last in _FUNCTION_WORDS)
    if not _ends_sentence(prev):
        return False
    return (
        (len(prev) < layout.short and not para[-1].stretched)
        or line.indented
        or any(p.match(line.text) for p in _LEAD_INS)
    )


def _paragraphs(chunks: list[list[_Line]], layout: _Layout | None, vocab: frozenset[str]) -> list[str]:
    if layout is None:
        return [line.text for c in chunks for line in c]
    paras: list[str] = []
    for chunk in chunks:
        current = [chunk[0]]
        for line in chunk[1:]:
            if _starts_paragraph(current, line, layout):
                paras.append(_join_lines([x.text for x in current], vocab))
                current = []
            current.append(line)
        paras.append(_join_lines([x.text for x in current], vocab))
    return paras


def _join_lines(lines: list[str], vocab: frozenset[str] = frozenset()) -> str:
    """Join wrapped lines; words hyphenated across the break are rejoined by rule."""
    out = lines[0] if lines else ""
    for line in lines[1:]:
        out = _join_hyphen(out, line, vocab)
    return out


def _vocabulary(raw: str) -> frozenset[str]:
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


def _rejoin(paras: list[str], vocab: frozenset[str]) -> list[str]:
    """Rejoin paragraphs that a blank line (or a line break) split mid-sentence."""
    out: list[str] = []
    for para in paras:
        if out and _continues(out[-1], para):
            out[-1] = _join_hyphen(out[-1], para, vocab)
        else:
            out.append(para)
    return out


def _continues(prev: str, nxt: str) -> bool:
    if _ends_sentence(prev) or prev.endswith(":"):
        return False
    if any(p.match(s) for s in (prev, nxt) for p in (_LIST_ITEM, _HEADING, _NOTE)):
        return False
    first = nxt[:1]
    if first.islower():
        return True
    last_word = prev.rsplit(None, 1)[-1].lower()
    return prev.endswith((",", "-", "–", "—")) or last_word in _FUNCTION_WORDS


_DOUBLED_QUOTES = (
    (re.compile(r"'’|’'"), "’"),
    (re.compile(r"'‘|‘'"), "‘"),
    (re.compile(r"\"“|“\""), "“"),
    (re.compile(r"\"”|”\""), "”"),
)


def _repair(text: str) -> str:
    """Undo extraction damage: an ASCII quote doubled next to its typographic twin."""
    for pattern, replacement in _DOUBLED_QUOTES:
        text = pattern.sub(replacement, text)
    return text


# --- title and standfirst ------------------------------------------------------------


def _is_title_case(text: str) -> bool:
    words = [w for w in re.findall(r"[^\W\d_][\w’'-]*", _strip_heading(text)) if w.lower() not in _SMALL_WORDS]
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _title_like(line: str) -> bool:
    return (
        len(line) <= _TITLE_MAX // 2
        and not line.endswith((".", ",", ";", ":", "…", "-", "–", "—"))
        and _furniture(line) is None
        and not _LIST_ITEM.match(line)
        and not _NOTE.match(line)
    )


def _take_title(chunks: list[list[_Line]], layout: _Layout | None) -> tuple[list[_Line], list[list[_Line]]]:
    """Take the title lines off the front of the text, if it starts with a title."""
    if not chunks:
        return [], chunks
    first = chunks[0]
    if _HEADING.match(first[0].text):
        return [first[0]], _drop_lines(chunks, 1)
    if len(chunks) == 1 and len(first) == 1:
        return [], chunks  # a text that is one line long has no separate title
    taken: list[_Line] = []
    if len(chunks) > 1 and chunks[1][0].text[:1].islower():
        first = first[:-1]  # the first chunk's last line runs on into the next chunk
    for i, line in enumerate(first):
        alone = i == len(first) - 1
        if not _title_like(line.text) or sum(len(x.text) + 1 for x in taken + [line]) > _TITLE_MAX:
            break
        if not taken:
            nxt = first[i + 1].text if not alone else ""
            ok = (
                alone
                or layout is None
                or _is_title_case(line.text)
                or (len(line.text) < 0.7 * layout.width and nxt[:1].isupper())
            )
        else:
            ok = _is_title_case(line.text) and _is_title_case(taken[-1].text)
        if not ok:
            break
        taken.append(line)
    # A wrapped title may break after "the", but it does not end there.
    while taken and taken[-1].text.rsplit(None, 1)[-1].lower() in _FUNCTION_WORDS:
        taken.pop()
    # Nor does a new sentence start in lower case: such a line continues a wrapped sentence.
    if taken and len(taken) < len(chunks[0]) and chunks[0][len(taken)].text[:1].islower():
        taken = []
    return taken, _drop_lines(chunks, len(taken))


def _drop_lines(chunks: list[list[_Line]], n: int) -> list[list[_Line]]:
    rest = chunks[0][n:]
    return ([rest] if rest else []) + chunks[1:]


def _plain(text: str) -> str:
    """A title as plain text: no heading marker, no emphasis markers."""
    text = _strip_heading(text)
    return re.sub(r"(\*{1,2}|_)(?=\S)(.+?)(?<=\S)\1", r"\2", text)


def _strip_heading(text: str) -> str:
    return re.sub(r"^#{1,6}\s+", "", text)


def _sentences(text: str) -> int:
    return 1 + len(re.findall(r"[.!?…][\"'”’)]*\s+[\"“‘(]?[A-Z]", text))


def _is_standfirst(para: str, rest: list[str]) -> bool:
    """A short one- or two-sentence summary right after the title, not a news lede.

    A lede reports (said, according to, quotes) or cites (a footnote call); a
    standfirst is followed by a clearly longer paragraph of body text.
    """
    return (
        len(para) <= _STANDFIRST_MAX
        and not _has_call(para)
        and bool(rest)
        and len(rest[0]) >= 1.5 * len(para)
        and _sentences(para) <= 2
        and len(rest) >= 2
        and not re.search(r"\b(?:said|says|told|according to)\b|[“\"]", para)
    )


# --- furniture ---------------------------------------------------------------------


def _furniture(text: str) -> str | None:
    """The kind of furniture ``text`` is by its own shape and wording, or None."""
    n = len(text)
    if _HEADING.match(text):
        return "heading"
    if n <= 400 and any(p.search(text) for p in _CAPTION):
        return "caption"
    if n <= 300 and _RELATED.match(text) and not _ends_in_long_sentence(text):
        return "related"
    if n <= 250 and (_NEWSLETTER[0].search(text) or (_NEWSLETTER[1].search(text) and _sentences(text) <= 2 and n <= 160)):
        return "newsletter"
    if n <= 300 and any(p.search(text) for p in _CLICK_HERE):
        return "click-here"
    if n <= 400 and _DISCLAIMER.search(text):
        return "disclaimer"
    if n <= 300 and (_CREDIT.match(text) or (_COPYRIGHT.match(text) and _COPYRIGHT.match(text).group("holder"))):
        return "credit"
    if n <= 60 and (_SHARE.match(text) or _ADVERT.match(text)):
        return "share" if _SHARE.match(text) else "advert"
    if n <= 120 and _byline_name(text):
        return "byline"
    if _NOTES_HEADING.match(text):
        return "heading"
    return None


def _ends_in_long_sentence(text: str) -> bool:
    # "Related to this, the ministry said ..." is prose, not a link: it goes on past one clause.
    return _sentences(text) > 1 and len(text) > 160


def _byline_name(text: str) -> str | None:
    m = _BYLINE.match(text)
    if not m:
        return None
    name = re.split(r"\s+(?:for|in|from|at|on)\s+", m.group("name"))[0].rstrip(" .")
    people = re.split(r"\s+and\s+|\s*&\s*|,\s*", name)
    return name if all(_is_name(person) for person in people) else None


def _is_name(text: str) -> bool:
    """2-4 capitalised words (particles allowed) that are not common label words."""
    tokens = text.split()
    if not 2 <= len(tokens) <= 5 or len(text) > 50:
        return False
    capitalised = 0
    for token in tokens:
        if token.lower() in _NAME_PARTICLES:
            continue
        if not re.fullmatch(r"[A-Z][\w’'.-]*", token) or token.lower().strip(".") in _NOT_NAME_WORDS:
            return False
        if not re.search(r"[a-z]", token) and not re.fullmatch(r"[A-Z]\.", token):
            return False  # ALL-CAPS lines are labels, not names
        capitalised += 1
    return 2 <= capitalised <= 4


def _is_bio(text: str) -> bool:
    return len(text) <= 600 and (bool(_BIO.match(text) and _ROLE.search(text)) or bool(_FOLLOW.search(text)))


def _mark_tail(paras: list[str], reasons: list[str | None]) -> list[tuple[str, str]]:
    """Mark bios, lone names and reference notes in the trailing furniture; return the notes."""
    notes = _reference_notes(paras, reasons)
    for i in range(len(paras) - 1, 0, -1):
        if reasons[i] is not None:
            continue
        if _is_bio(paras[i]):
            reasons[i] = "bio"
        elif _is_name(paras[i]):
            reasons[i] = "byline"
        else:
            break
    return notes


def _mark_head(paras: list[str], reasons: list[str | None]) -> None:
    """A lone name among the first paragraphs is a byline."""
    for i in range(min(3, len(paras) - 1)):
        if reasons[i] is None and _is_name(paras[i]):
            reasons[i] = "byline"
        elif reasons[i] is None:
            return


def _reference_notes(paras: list[str], reasons: list[str | None]) -> list[tuple[str, str]]:
    """Numbered notes ending the text, if they are real references; marks them."""
    candidates: list[int] = []
    for i in range(len(paras) - 1, -1, -1):
        if _NOTE.match(paras[i]):
            candidates.append(i)
        elif reasons[i] is None and not candidates:
            return []
        elif reasons[i] is None or not candidates:
            break
    if not candidates or len(candidates) == len(paras):
        return []
    candidates.reverse()
    notes = []
    for i in candidates:
        m = _NOTE.match(paras[i])
        notes.append((m.group("a") or m.group("b"), m.group("text")))
    body = "\n".join(p for p, r in zip(paras, reasons) if r is None and not _NOTE.match(p))
    called = any(_call_pattern(number).search(body) for number, _ in notes)
    looks_cited = all(
        re.search(r"\b(?:1[5-9]|20)\d\d\b|https?://|\bibid\b|op\. cit|\bpp?\. ?\d|accessed|interview", text, re.I)
        for _, text in notes
    )
    if not (called or looks_cited):
        return []
    for i in candidates:
        reasons[i] = "reference"
    # A "Notes" heading right above the notes is part of them.
    if candidates[0] > 0 and reasons[candidates[0] - 1] is None and _NOTES_HEADING.match(paras[candidates[0] - 1]):
        reasons[candidates[0] - 1] = "heading"
    return notes


def _call_pattern(number: str) -> re.Pattern[str]:
    """A footnote call: ``word1``, ``word,1``, ``word¹`` or ``[^1]``, not ``G7``/``F-16``."""
    sup = number.translate(str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹"))
    return re.compile(
        r"\[\^" + number + r"\]"
        r"|(?<=[a-zà-ÿ.,;:!?’”\"')])" + sup + r"(?![⁰¹²³⁴⁵⁶⁷⁸⁹])"
        r"|(?<=[a-zà-ÿ]{2})" + number + r"(?=[\s.,;:)\]]|$)"
        r"|(?<=[a-zà-ÿ][.,;:!?’”\"')])" + number + r"(?=[\s)\]]|$)"
    )


def _has_call(text: str) -> bool:
    return bool(re.search(r"\[\^\d+\]|[a-z][.,;:!?’”\"')]?\d{1,3}(?:\s|$)|[a-z][⁰¹²³⁴⁵⁶⁷⁸⁹]", text))


def _attach_footnotes(body: list[str], notes: list[tuple[str, str]]) -> list[Block]:
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


# --- metadata ---------------------------------------------------------------------------


def _author(paras: list[str], reasons: list[str | None]) -> str | None:
    for p, r in zip(paras, reasons):
        if r == "byline":
            return _HONORIFICS.sub("", _byline_name(p) or p.strip())
    for p, r in zip(paras, reasons):
        if r == "bio" and (m := _BIO.match(p)):
            return _HONORIFICS.sub("", m.group("name"))
    return None


def _publisher(paras: list[str], reasons: list[str | None]) -> str | None:
    for p, r in zip(paras, reasons):
        if r != "credit":
            continue
        if m := _CREDIT.match(p):
            pub = m.group("pub") or m.group("pub2") or m.group("pub3")
            pub = re.split(r",\s*(?:which|who|and)\b|\s+(?:on|in)\s+(?:\d|" + _MONTH_RE + r")", pub, flags=re.I)[0]
            return pub.strip().rstrip(".").strip() or None
        if m := _COPYRIGHT.match(p):
            return m.group("holder").strip().rstrip(".").strip() or None
    return None


def _is_rights(text: str) -> bool:
    return bool(re.search(r"copyright|©|\(c\)|all rights reserved|licen[cs]e", text, re.I))


def latest_full_date(text: str) -> str | None:
    """The latest day-precision date ``text`` states, as YYYY-MM-DD, or None."""
    found: list[_dt.date] = []
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            month = int(m.group("mnum")) if "mnum" in m.groupdict() else _MONTHS[m.group("month").lower()]
            try:
                found.append(_dt.date(int(m.group("year")), month, int(m.group("day"))))
            except ValueError:
                continue
    return max(found).isoformat() if found else None
