"""Ways to make WeasyPrint's layout and PDF writing cheaper without changing a byte of the page.

``cached_page_references`` works around a quadratic cost in writing tagged
PDFs (PDF/UA) with WeasyPrint 70 and pydyf. WeasyPrint's tagger reads ``pdf.page_references[n]`` once per tagged
element, and pydyf rebuilds that tuple of every page's reference on each
read, so tagging costs elements × pages: at 488 pages it doubled the PDF
write (9 s plain, 20 s tagged; 11 s with this). While the PDF is written, the
property returns the tuple it built last for as long as the page list has
not grown; pydyf only ever appends to it, so the answer is the same.

Remove this once pydyf caches the references itself; it steps aside on its
own if ``page_references`` stops being a plain property.

``serialised_once`` works around another: to write a content-hash ``/ID``
(which makes the file reproducible and which PDF/A requires) pydyf
serialises every object a second time after writing it, and compresses
every stream again at zlib's level 9. While pydyf writes, each stream and
dictionary keeps the bytes it gave first; nothing changes an object once
pydyf is writing, so they are the bytes it would make again. The seed pack's
PDF write went from 0.52 s to 0.48 s, with the same bytes
(``tests/layout/test_pdfspeed.py``).

``fewer_collections`` spares WeasyPrint most of Python's cyclic garbage
collections. It allocates millions of boxes and style dicts that all live
until the PDF is written; at the default threshold (a young collection every
700 allocations) the collector keeps re-scanning objects that will not die,
and every full collection walks everything alive, the modules and the pack
included. So the objects alive on entry are frozen (``gc.freeze``: left out
of every collection until the exit unfreezes them) and young collections
come every 100,000 allocations. A caller holding a large finished result,
such as a laid-out body while the back matter is laid out, may freeze it
too with ``keep``, which collects first: frozen garbage would stay until the
end, and at 400 sources that was 1.9 GB at the peak instead of 1.2 GB.
Measured (layout and PDF write, CPU): 400-source pack 91 s at the old
setting (threshold 10,000, nothing frozen), 80 s now, peak 1.24 GB both;
seed pack 2.55 s then, 2.45 s now.

``keep`` buys memory with time: its full collection and what freezing then
changes cost the seed pack 0.11 s of its 1.9 s of layout and PDF writing,
and a 100-source pack 0.7 s of 14.9 s, for 85 MB less at the peak there
(378 MB against 461 MB). At 400 sources the peak is 1.21 GB with it and
1.39 GB without. So the build keeps a body only from ``KEEP_FROM_PAGES``
pages, where the memory starts to matter.
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

    fget = original.fget

    def page_references(pdf: pydyf.PDF) -> tuple:
        kids = pdf.pages["Kids"]
        cached = pdf.__dict__.get("_briefpack_page_references")
        if cached is None or cached[0] is not kids or cached[1] != len(kids):
            cached = (kids, len(kids), fget(pdf))
            pdf.__dict__["_briefpack_page_references"] = cached
        return cached[2]

    pydyf.PDF.page_references = property(page_references)
    try:
        yield
    finally:
        pydyf.PDF.page_references = original


# The pydyf classes whose serialisation is worth keeping: streams (compressed) and dictionaries (most objects).
SERIALISED_ONCE = ("Stream", "Dictionary")


@contextlib.contextmanager
def serialised_once() -> Iterator[None]:
    original_write = pydyf.PDF.__dict__.get("write")
    originals = {
        name: vars(getattr(pydyf, name)).get("data") if hasattr(pydyf, name) else None for name in SERIALISED_ONCE
    }
    if not callable(original_write) or not all(isinstance(p, property) and p.fget for p in originals.values()):
        yield
        return

    def write(pdf: pydyf.PDF, *args, **kwargs):
        kept: dict[int, tuple[object, bytes]] = {}  # the object itself too, so that its id is not reused

        def once(fget):
            def data(obj) -> bytes:
                if id(obj) not in kept:
                    kept[id(obj)] = (obj, fget(obj))
                return kept[id(obj)][1]

            return property(data)

        for name, original in originals.items():
            getattr(pydyf, name).data = once(original.fget)  # type: ignore[union-attr]  # checked above
        try:
            return original_write(pdf, *args, **kwargs)
        finally:
            for name, original in originals.items():
                getattr(pydyf, name).data = original

    pydyf.PDF.write = write
    try:
        yield
    finally:
        pydyf.PDF.write = original_write


@contextlib.contextmanager
def pdf_writing() -> Iterator[None]:
    """Both pydyf work-arounds, for as long as a PDF is written."""
    with cached_page_references(), serialised_once():
        yield


LAYOUT_GC_THRESHOLDS = (100_000, 10, 10)
KEEP_FROM_PAGES = 200


@contextlib.contextmanager
def fewer_collections(*, collect: bool = True) -> Iterator[None]:
    previous = gc.get_threshold()
    if collect:
        keep()
    else:
        gc.freeze()
    gc.set_threshold(*LAYOUT_GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*previous)
        gc.unfreeze()


def keep() -> None:
    """Leave everything alive now out of the collections until ``fewer_collections`` ends.

    It collects first: garbage frozen with the rest would stay until the end.
    """
    gc.collect()
    gc.freeze()
