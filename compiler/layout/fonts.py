"""The layout's fonts, decoded from WOFF2 beside WeasyPrint's start.

WeasyPrint decodes every WOFF2 font it loads (fontTools, in Python: about
0.3 s for the default layout's ten files) before it can lay out a page. The
build has a forked child do it (``overlap``) while it imports WeasyPrint,
and the renderer's fetcher then hands WeasyPrint each font already decoded
(``fetcher.SealedFetcher``). WeasyPrint takes a font that is not WOFF as it
is, and fontTools is what it would have decoded it with: the same fonts, the
same pages, the same PDF.
"""

from __future__ import annotations

import hashlib
import io

from briefpack.layout.view import font_files
from briefpack.progress import Progress, silent


def decoded_fonts(layout: str, paper: str, progress: Progress = silent) -> dict[str, bytes]:
    """The SHA-256 of each WOFF2 font the layout uses, and that font decoded (TrueType or OpenType)."""
    from fontTools.ttLib import woff2

    progress("decoding fonts")
    decoded = {}
    for path in font_files(layout, paper):
        data = path.read_bytes()
        out = io.BytesIO()
        woff2.decompress(io.BytesIO(data), out)
        decoded[woff2_digest(data)] = out.getvalue()
    return decoded


def woff2_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
