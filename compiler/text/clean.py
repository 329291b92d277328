"""Clean-up: turn a source's raw text into body paragraphs and furniture.

The approach, in the order ``clean`` runs it (each step is a module of this package:
``wrapping`` 1-2 and 4-5, ``title`` 3, ``furniture`` 6, ``footnotes`` 7, ``metadata`` 8;
``shapes`` holds the patterns several steps share):

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
module as Markdown-ish text from ``briefpack.readers``: ``#`` heading lines,
``- `` list items (kept as their own blocks, never rejoined), and inline
``*em*``/``**strong**`` left in the text for the renderer.
"""
from __future__ import annotations

from briefpack.model import Cleaned, Excluded
from briefpack.text.footnotes import attach_footnotes
from briefpack.text.furniture import furniture_reason, is_standfirst, mark_head, mark_tail
from briefpack.text.metadata import find_author, find_publisher, is_rights, latest_full_date
from briefpack.text.shapes import plain
from briefpack.text.title import take_title
from briefpack.text.wrapping import (
    detect_layout,
    join_lines,
    join_paragraphs,
    rejoin,
    repair_quotes,
    split_chunks,
    vocabulary,
)


def clean(raw: str, source_id: str) -> Cleaned:
    """Split ``raw`` into body blocks and excluded furniture, and infer metadata."""
    chunks = split_chunks(raw)
    layout = detect_layout(chunks)
    vocab = vocabulary(raw)
    title_lines, chunks = take_title(chunks, layout)
    paras = rejoin([repair_quotes(p) for p in join_paragraphs(chunks, layout, vocab)], vocab)
    title = repair_quotes(join_lines([line.text for line in title_lines], vocab)) if title_lines else None

    reasons: list[str | None] = [furniture_reason(p) for p in paras]
    summary = None
    body_after = [p for p, r in zip(paras[1:], reasons[1:]) if r is None]
    if title is not None and paras and reasons[0] is None and is_standfirst(paras[0], body_after):
        reasons[0] = "standfirst"
        summary = paras[0]
    notes = mark_tail(paras, reasons)
    mark_head(paras, reasons)

    body = [p for p, r in zip(paras, reasons) if r is None]
    blocks = attach_footnotes(body, notes)
    excluded = [Excluded(source_id, title, "title")] if title is not None else []
    excluded += [Excluded(source_id, p, r) for p, r in zip(paras, reasons) if r is not None]
    return Cleaned(
        blocks=tuple(blocks),
        excluded=tuple(excluded),
        title=plain(title) if title else None,
        summary=summary,
        author=find_author(paras, reasons),
        publisher=find_publisher(paras, reasons),
        rights=next((p for p, r in zip(paras, reasons) if r == "credit" and is_rights(p)), None),
        # Reference notes and captions date other things (an interview, a photo), not the piece.
        published=latest_full_date("\n".join(p for p, r in zip(paras, reasons)
                                              if r in (None, "byline", "credit"))),
    )
