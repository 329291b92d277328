"""Two ways to make WeasyPrint's layout and PDF writing cheaper without changing a byte of the page.

``cached_page_references`` works around a quadratic cost in writing tagged
PDFs (PDF/UA) with WeasyPrint 70 and pydyf. WeasyPrint's tagger reads ``pdf.page_references[n]`` once per tagged
element, and pydyf rebuilds that tuple of every page's reference on each
read, so tagging costs elements × pages: at 488 pages it doubled the PDF
write (9 s plain, 20 s tagged; 11 s with this). While the PDF is written, the
property returns the tuple it built last for as long as the page list has
not grown; pydyf only ever appends to it, so the answer is the same.

Remove this once pydyf caches the references itself; it steps aside on its
own if ``page_references`` stops being a plain property.

``fewer_collections`` spaces out Python's cyclic garbage collector while
WeasyPrint works. It allocates millions of boxes and style dicts that all
live until the PDF is written; at the default threshold (a young collection
every 700 allocations) the collector keeps re-scanning objects that will not
die. At 10,000, layout of the 100-source pack took about 20 % less CPU and
the PDF write about 30 % less; the price is garbage from the write waiting
longer for a collection: peak memory +6 % there, +14 % at 400 sources
(858 MB, see tests/benchmarks/RESULTS.md).
"""
from __future__ import annotations

import contextlib
import gc
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


# Measured on the 100-source pack (tests/benchmarks/CSS_COSTS.md): 10,000 saved as much as
# 50,000 with the least memory; 100,000 saved a little more for 15 % more memory.
LAYOUT_GC_THRESHOLDS = (10_000, 10, 10)


@contextlib.contextmanager
def fewer_collections() -> Iterator[None]:
    previous = gc.get_threshold()
    gc.set_threshold(*LAYOUT_GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*previous)
