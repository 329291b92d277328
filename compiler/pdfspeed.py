"""A workaround for a quadratic cost in writing tagged PDFs (PDF/UA) with WeasyPrint 70 and pydyf.

WeasyPrint's tagger reads ``pdf.page_references[n]`` once per tagged
element, and pydyf rebuilds that tuple of every page's reference on each
read, so tagging costs elements × pages: at 488 pages it doubled the PDF
write (9 s plain, 20 s tagged; 11 s with this). While the PDF is written, the
property returns the tuple it built last for as long as the page list has
not grown; pydyf only ever appends to it, so the answer is the same.

Remove this once pydyf caches the references itself; it steps aside on its
own if ``page_references`` stops being a plain property.
"""
from __future__ import annotations

import contextlib
from collections.abc import Iterator

import pydyf


@contextlib.contextmanager
def cached_page_references() -> Iterator[None]:
    original = pydyf.PDF.__dict__.get("page_references")
    if not isinstance(original, property) or original.fget is None:
        yield
        return

    def page_references(pdf: pydyf.PDF) -> tuple:
        kids = pdf.pages["Kids"]
        cached = pdf.__dict__.get("_briefpack_page_references")
        if cached is None or cached[0] is not kids or cached[1] != len(kids):
            cached = (kids, len(kids), original.fget(pdf))
            pdf.__dict__["_briefpack_page_references"] = cached
        return cached[2]

    pydyf.PDF.page_references = property(page_references)
    try:
        yield
    finally:
        pydyf.PDF.page_references = original
