"""What a build changes about the Python process, each confined to the build.

briefpack can be used as a library (``briefpack.build``); a caller finds the
process as it was after a build, whatever happened in it:

- **temporary files**: WeasyPrint writes the fonts it decodes into a folder under
  ``tempfile.gettempdir()`` and removes it only when its font configuration is
  collected. ``scratch_tempdir`` points ``tempfile.tempdir`` at a folder of the
  build's own and removes it, with whatever is left in it, on the way out.
- **the garbage collector**: its thresholds and frozen generation while WeasyPrint
  lays out and writes (``layout.pdfwrite.fewer_collections``), restored on exit.
- **pydyf**: two methods patched while a PDF is written (``layout.pdfwrite.pdf_writing``),
  restored on exit.
- **WeasyPrint's logger**: a handler that turns its warnings into the build's, while
  WeasyPrint runs (``layout.render``), removed on exit.
"""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Iterator


@contextlib.contextmanager
def scratch_tempdir() -> Iterator[None]:
    """Temporary files of everything run inside go to a folder removed on the way out."""
    previous = tempfile.tempdir
    with tempfile.TemporaryDirectory(prefix="briefpack-") as scratch:
        tempfile.tempdir = scratch
        try:
            yield
        finally:
            tempfile.tempdir = previous
