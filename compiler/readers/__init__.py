"""Reading sources: bytes on disk to one plain text per source.
Reading sources: bytes on disk to one plain text per source.

Every format is turned into the same shape of text, which ``briefpack.text.clean``
then splits into body paragraphs and furniture:

* paragraphs are separated by blank lines (plain text keeps its own layout,
  hard wrapping included: joining wrapped lines is clean-up's job);
* a heading is a Markdown ``#`` line (``# Title``, ``## Section``);
* a list item is its own paragraph and keeps its marker (``- `` or ``1. ``);
* inline emphasis stays as Markdown ``*em*`` / ``**strong**`` in the text, and
  the renderer converts it with ``inline_markdown_to_html``;
* a web page's figure captions, like its navigation and comments, are left
  out by its reader and listed with their reason (``briefpack.readers.html``).

Each format has a reader in ``READERS``: a function from the file's bytes to a
``Reading`` (its text and warnings, and what the file states about itself and
what the reader left out, where the format has such things: see
``briefpack.readers.html``). Plain text (**txt**) is UTF-8 (a BOM is dropped); otherwise
Windows-1252, then Latin-1, with a warning naming the file. Binary, empty or
oversized files are refused with a ``SourceError``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from briefpack.errors import SourceError
from briefpack.files import FileRefused, read_regular
from briefpack.model import Reading, SourceFormat, SourceSpec
from briefpack.readers.html import declared_charset, read_html
from briefpack.readers.markdown import markdown_text
from briefpack.readers.pdf import read_pdf

Reader = Callable[[bytes, Path], Reading]


def _plain(data: bytes, path: Path) -> Reading:
    text, warnings = decode(data, path)
    return Reading(text, tuple(warnings))


def _markdown(data: bytes, path: Path) -> Reading:
    text, warnings = decode(data, path)
    return Reading(markdown_text(text), tuple(warnings))


def _html(data: bytes, path: Path) -> Reading:
    text, warnings = decode(data, path)
    charset = declared_charset(data)
    if warnings and charset and charset != "utf-8":
        # Not UTF-8, and the page names its encoding: read it in that (windows-1251 is not Windows-1252).
        text, warnings = data.decode(charset, errors="replace"), []
    return replace(read_html(text), warnings=tuple(warnings))


READERS: dict[SourceFormat, Reader] = {
    SourceFormat.TXT: _plain,
    SourceFormat.MD: _markdown,
    SourceFormat.HTML: _html,
    SourceFormat.PDF: read_pdf,
}


def read_source(spec: SourceSpec, *, max_bytes: int) -> tuple[str, list[str]]:
    """Read ``spec.path`` with the reader of ``spec.format``; return the text and any warnings."""
    reading = read_file(spec, max_bytes=max_bytes)
    return reading.text, list(reading.warnings)


def read_file(spec: SourceSpec, *, max_bytes: int) -> Reading:
    """Read ``spec.path`` with the reader of ``spec.format``: text, warnings, stated metadata, left-out parts."""
    reader = READERS.get(SourceFormat(spec.format))
    if reader is None:  # a format the manifest accepts must have a reader
        raise RuntimeError(f"no reader for source format {spec.format!r}")
    reading = reader(read_bytes(spec.path, max_bytes), spec.path)
    if not reading.text.strip():
        has_markup = spec.format in (SourceFormat.HTML, SourceFormat.MD)
        raise SourceError("has no text" if has_markup else "is empty", path=spec.path)
    return reading


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """A source's bytes: a regular file within the manifest's size limit (a FIFO or device is refused)."""
    try:
        data = read_regular(path, max_bytes)
    except FileRefused as refused:
        raise SourceError(refused.message, path=path) from None
    if not data.strip():
        raise SourceError("is empty", path=path)
    return data


def decode(data: bytes, path: Path) -> tuple[str, list[str]]:
    if _looks_binary(data):
        raise SourceError("is a binary file, not text", path=path)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
        return text, [f"{_name(path)}: not UTF-8, decoded as Windows-1252"]
    except UnicodeDecodeError:
        # Latin-1 maps every byte, so it cannot fail; cp1252 leaves five bytes undefined.
        return data.decode("latin-1"), [f"{_name(path)}: not UTF-8, decoded as Latin-1"]


def _name(path: Path) -> str:
    return Path(path).name


def _looks_binary(data: bytes) -> bool:
    """NUL bytes, or more than a tenth control characters, mean binary.

    UTF-16 text has NULs too; it is rare enough in clippings that refusing it
    with a clear message beats guessing.
    """
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(b < 32 and b not in (9, 10, 12, 13) for b in sample)
    return controls > 0.1 * len(sample)
