"""PDF files: text laid out by position and font, with pypdf's text as the fallback.

The layout reading (``pdfchars`` reads pdfium's characters, ``pdflayout``
turns them into headings, paragraphs, tables and footnotes) is used whenever
pdfium opens the file and finds text.  Otherwise pypdf reads it: an encrypted
PDF that does not open with the empty password is refused, as is one without
a text layer; running headers and footers (a line, digits ignored, repeated at
the top or bottom of most pages) and lone page-number lines are removed, and
pages are joined with a plain line break so that a paragraph running across a
page break is rejoined by clean-up's line joining.
"""

from __future__ import annotations

import contextlib
import logging
import re
import warnings
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pypdfium2

from briefpack.errors import SourceError
from briefpack.model import Reading
from briefpack.readers.pdfchars import read_pages
from briefpack.readers.pdflayout import layout_text

_PAGE_NUMBER = re.compile(
    r"^\s*(?:[-–—]\s*)?(?:(?:page|p\.|pg\.?)\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?(?:\s*[-–—])?\s*$", re.I
)


_EDGE = 2  # how many lines at the top and at the bottom of a page may be running furniture


def read_pdf(data: bytes, path: Path) -> Reading:
    """The PDF's text in the readers' Markdown-ish shape (see ``briefpack.readers``), warnings, what was left out."""
    try:
        pages = read_pages(data)
    except pypdfium2.PdfiumError:  # damaged or encrypted: pypdf says which, or reads what pdfium cannot
        pages = []
    text, left_out = layout_text(pages) if any(page.segments for page in pages) else ("", ())
    if text.strip():
        return Reading(text, excluded=left_out)
    # A page holding nothing but what the layout reads as furniture still has its words read.
    text, warnings = _pypdf_read(data, path)
    return Reading(text, tuple(warnings))


def _pypdf_read(data: bytes, path: Path) -> tuple[str, list[str]]:
    """The text of a PDF by pypdf, and what pypdf said while reading it, as one warning.

    pypdf reports damage it works around through logging and ``warnings``,
    which would print its own lines (with fragments of the file) beside
    briefpack's; they are collected instead, and become a warning when the
    text is read, or part of the one error line when it is not.
    """
    import io

    from pypdf import PdfReader
    from pypdf.errors import DependencyError, PdfReadError

    with _pypdf_notes() as notes:
        try:
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted and not reader.decrypt(""):
                raise SourceError("is encrypted; save an unencrypted copy to use it", path=path)
            pages = [page.extract_text() or "" for page in reader.pages]
        except SourceError:
            raise
        except DependencyError:  # AES needs the 'cryptography' package, a dependency of briefpack
            raise SourceError(
                "is encrypted with AES, which needs the 'cryptography' package: pip install cryptography", path=path
            ) from None
        except Exception as exc:  # pypdf raises many types for damaged files
            if isinstance(exc, PdfReadError) and "decrypt" in str(exc).lower():
                raise SourceError("is encrypted; save an unencrypted copy to use it", path=path) from None
            said = f"; pypdf: {'; '.join(notes)}" if notes else ""
            raise SourceError(f"is not a readable PDF ({exc}{said})", path=path) from None
    if not any(page.strip() for page in pages):
        raise SourceError("has no text layer (scanned?); run OCR on it first", path=path)
    warnings = [f"{path.name}: damaged PDF, read anyway (pypdf: {'; '.join(notes)})"] if notes else []
    return join_pdf_pages(pages), warnings


@contextlib.contextmanager
def _pypdf_notes() -> Iterator[list[str]]:
    notes: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            note = " ".join(record.getMessage().split())[:200]
            if note not in notes:
                notes.append(note)

    logger = logging.getLogger("pypdf")
    handler, propagate = Collect(logging.WARNING), logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            yield notes
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate
        notes.extend(" ".join(str(w.message).split())[:200] for w in caught)


def join_pdf_pages(pages: list[str]) -> str:
    """Drop running headers/footers and page numbers, then join pages into one text."""
    page_lines = [[line for line in page.replace("\r", "\n").split("\n")] for page in pages]
    page_lines = [[line for line in lines if line.strip()] for lines in page_lines]
    top = _running_lines([lines[:_EDGE] for lines in page_lines])
    bottom = _running_lines([lines[-_EDGE:] for lines in page_lines])
    kept: list[str] = []
    for lines in page_lines:
        n = len(lines)
        for i, line in enumerate(lines):
            at_top, at_bottom = i < _EDGE, i >= n - _EDGE
            if (at_top or at_bottom) and _PAGE_NUMBER.match(line):
                continue
            if (at_top and _shape(line) in top) or (at_bottom and _shape(line) in bottom):
                continue
            kept.append(line)
    return "\n".join(kept)


def _shape(line: str) -> str:
    # Digits vary from page to page in "Energy Review | page 3"; compare without them.
    return re.sub(r"\d+", "#", " ".join(line.split())).lower()


def _running_lines(edges: list[list[str]]) -> set[str]:
    """Line shapes found in the same edge (top or bottom) of at least 60% of two or more pages."""
    if len(edges) < 2:
        return set()
    counts: Counter[str] = Counter()
    for lines in edges:
        counts.update({_shape(line) for line in lines})
    need = max(2, round(0.6 * len(edges)))
    return {shape for shape, count in counts.items() if count >= need}
