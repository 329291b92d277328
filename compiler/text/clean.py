"""Clean-up: turn a source's raw text into body paragraphs and furniture.

The approach, in the order ``clean`` runs it (each step is a module of this package:
``wire`` 0, ``wrapping`` 1-2 and 4-5 (``lists`` for list-like runs), ``title`` 3,
``typography`` 5, ``furniture`` 6, ``footnotes`` 7, ``metadata`` 8; ``shapes`` holds
the patterns several steps share):

0. **Wire copy.** Where a text shows wire evidence (a dateline near the top, a
   typesetting code or a slug), its header lines (slug, editors' notes,
   headline, byline, credit), its trailer (end marks, "On the Net:",
   "(Reporting by ...)") and its codes are taken out line by line with their
   reasons, and the dateline is cut from the lede, which carries it
   (``Block.dateline``) and gives the source its place and agency.

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
   A line that is only a date (a letter's, a memo's) is a paragraph of its own.
   A list-like run of lines (``Label: value`` lines, a table in text, many
   short lines) stays one block whose lines are joined by newlines, together
   with the paragraph that introduces it ("... these figures:").
   A word hyphenated across a line break is rejoined by ``_join_hyphen``:
   the document's own spelling decides when it has one; otherwise the hyphen
   is kept when either part is capitalised (``Kremlin-aligned``), the first
   part is a common compound head (``well-known``) or an -ly adverb, or the
   second a common compound tail (``state-owned``), and dropped otherwise
   (``inter-national`` -> ``international``).
3. **Title.** Leading lines (never a line that is only a date: a letter's
   date dates it) without a sentence-final full stop, short, and
   either alone in their chunk, in Title Case, or clearly shorter than the
   wrap width, form the title (a wrapped title is joined).
4. **Rejoin.** A paragraph that a blank line split mid-sentence (no terminal
   punctuation, and the next starts in lower case or the first ends on a
   function word or comma) is rejoined with the next.
5. **Repair and typography.** Doubled quotes from extraction (``'’``,
   ``"“``) are reduced to the typographic one; TeX-style (````like this''``)
   and straight quotes become the language's quotes and ``--`` a dash.
6. **Furniture.** Each paragraph is tested against general patterns (never a
   seed's wording): caption, related, newsletter, click-here, disclaimer,
   credit, share, advert, byline, heading.  Position-dependent kinds are only
   looked for at the ends of the text: *bio* paragraphs, lone-name *bylines*
   and numbered *reference* notes only in the trailing run of furniture.  A
   standfirst (a short summary right after the title) is content: it stays in
   the body and is also the source's summary.  Each step returns the
   paragraphs with their reasons; nothing is marked in place.
7. **Footnotes.** Reference notes become ``Footnote(number, text)`` on the
   block that calls them.  A call is a number glued to the end of a
   lower-case word or to punctuation after one (``isolation,1 and``), a
   superscript number, or an existing ``[^1]``.  The call is replaced in
   ``Block.text`` by the literal marker ``[^N]`` at the same position
   (``isolation,[^1] and``); the renderer turns ``[^N]`` into a real
   footnote.  The note itself is also listed in ``excluded`` as "reference".
8. **Metadata.** title, summary (the standfirst), author (byline, else the
   name a bio starts with), publisher and rights (from a credit or copyright
   line) and published (a press-release dateline's date, else the latest full
   day-precision date the text states, as YYYY-MM-DD).  Nothing is invented: unstated fields stay None.

Invariant: every word of ``raw`` ends up in exactly one block or exactly one
excluded item; nothing is dropped.  Markdown and HTML sources reach this
module as Markdown-ish text from ``briefpack.readers``: ``#`` heading lines,
``- `` list items (kept as their own blocks, never rejoined), and inline
``*em*``/``**strong**`` left in the text for the renderer.
"""

from __future__ import annotations

import re
from dataclasses import replace

from briefpack.model import Block, Cleaned, Excluded, Exclusion
from briefpack.text.footnotes import attach_footnotes
from briefpack.text.furniture import classify, is_standfirst
from briefpack.text.lists import attach_lists
from briefpack.text.metadata import find_author, find_publisher, is_rights, latest_full_date
from briefpack.text.shapes import plain
from briefpack.text.title import take_title
from briefpack.text.typography import typographic
from briefpack.text.wire import Wire, read_wire
from briefpack.text.wrapping import (
    detect_layout,
    join_lines,
    join_paragraphs,
    rejoin,
    repair_quotes,
    split_chunks,
    vocabulary,
)


def clean(raw: str, source_id: str, language: str = "en") -> Cleaned:
    """Split ``raw`` into body blocks and excluded furniture, and infer metadata."""
    wire = read_wire(raw)
    chunks = split_chunks(wire.text)
    layout = detect_layout(chunks)
    vocab = vocabulary(raw)
    # Above a dateline, the wire step has read the header; below it, nothing is a title.
    title_lines, chunks = ([], chunks) if wire.dateline else take_title(chunks, layout)
    paras = rejoin([repair_quotes(p) for p in join_paragraphs(chunks, layout, vocab)], vocab)
    paras = [typographic(p, language) for p in attach_lists(paras)]
    title = wire.title or (join_lines([line.text for line in title_lines], vocab) if title_lines else None)
    title = typographic(repair_quotes(title), language) if title else None

    marked, notes = classify(paras)
    body = [p for p, r in marked if r is None]
    summary = (
        body[0] if title is not None and body and marked[0][1] is None and is_standfirst(body[0], body[1:]) else None
    )
    blocks = _attach_dateline(attach_footnotes(body, notes), wire)
    excluded = [Excluded(source_id, text, reason) for text, reason in wire.furniture]
    if title is not None and not wire.title:
        excluded.insert(0, Excluded(source_id, title, Exclusion.TITLE))
    excluded += [Excluded(source_id, p, r) for p, r in marked if r is not None]
    return Cleaned(
        blocks=tuple(blocks),
        excluded=tuple(excluded),
        title=plain(title) if title else None,
        summary=summary,
        author=wire.author or find_author(marked),
        publisher=wire.publisher or find_publisher(marked),
        rights=next((p for p, r in marked if r == Exclusion.CREDIT and is_rights(p)), None),
        # A press release's dateline states its date; otherwise the latest date the text states.
        # Reference notes and captions date other things (an interview, a photo), not the piece.
        published=(wire.dateline.published if wire.dateline else None)
        or latest_full_date("\n".join(p for p, r in marked if r in (None, Exclusion.BYLINE, Exclusion.CREDIT))),
        place=wire.dateline.place if wire.dateline else None,
        agency=wire.dateline.agency if wire.dateline else None,
    )


def _attach_dateline(blocks: list[Block], wire: Wire) -> list[Block]:
    """The block that opens with the lede carries the dateline cut from its front."""
    if wire.dateline is None or wire.lede is None:
        return blocks
    opening = _words(wire.lede)[:6]
    for i, block in enumerate(blocks):
        if _words(block.text)[: len(opening)] == opening:
            return blocks[:i] + [replace(block, dateline=wire.dateline.text)] + blocks[i + 1 :]
    return blocks


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text)
