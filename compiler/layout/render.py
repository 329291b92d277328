"""From HTML to pages and to PDF (WeasyPrint).

``lay_out`` turns a pack's view (``view``) into laid-out pages, in two passes
joined into the document one pass would make (``stitch``); ``render_pdf``
writes them.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path

import weasyprint
from markupsafe import Markup
from weasyprint.text.fonts import FontConfiguration

from briefpack.layout import join as stitch
from briefpack.layout.fetcher import SealedFetcher
from briefpack.layout.passes import Part, StandIn, pass_html
from briefpack.layout.pdfwrite import KEEP_FROM_PAGES, fewer_collections, keep, pdf_writing
from briefpack.layout.view import BACK_MATTER, PageMap, View, build_view, creation_date, pack_html, stylesheet
from briefpack.model import Pack, SourceSpec
from briefpack.paths import LAYOUTS


@dataclass(frozen=True)
class Layout:
    """A pack laid out in pages, ready to write; ``html`` is exactly what was laid out."""

    html: str
    document: weasyprint.Document
    passes: tuple[str, ...]  # what each layout pass covered: "body", "back matter", and "whole" if they would not join
    warnings: tuple[str, ...]

    @property
    def pages(self) -> int:
        return len(self.document.pages)


def lay_out(pack: Pack, *, view: View | None = None, renderer: Renderer | None = None) -> Layout:
    """Lay out the pack, with "cited on" and index page numbers true to the layout, each page once.

    Those page lists sit in the back matter, the last two appendices, so
    nothing they print can move a page before them. The body (cover to
    glossary) is laid out first, and where its anchors fall gives the page
    lists; then the back matter alone, after a stand-in page for each page of
    the body. The pack is that second pass's cover and contents (whose
    numbers include the back matter), the body's pages with the footers of
    their stand-ins (which know the page total), and the back matter: what
    one pass over the whole pack lays out, at the cost of one pass. Should
    the join not be exact (``stitch`` says when), the whole pack is laid out
    again with the page lists settled.

    A build passes the ``view`` and ``renderer`` it made while doing other
    work; anyone else lets this make them.
    """
    view = view or build_view(pack, stylesheet(pack.manifest.layout, pack.manifest.paper))
    renderer = renderer or Renderer(pack.manifest.layout, pack.manifest.paper)
    with fewer_collections(collect=False):
        body = renderer.render(view, Part.BODY)
        if len(body.pages) >= KEEP_FROM_PAGES:
            keep()  # the body's boxes live until the PDF is written; its garbage need not (pdfspeed)
        settled = replace(view, pages=anchor_pages(body, view.page_anchors()))
        targets = anchor_pages(body, settled.contents_targets())
        front = min(targets.values()) - 1  # the cover and the contents
        names = [stitch.page_name(page) for page in body.pages[front:]]
        document, passes = None, ("body",)  # type: tuple[weasyprint.Document | None, tuple[str, ...]]
        if None not in names:
            stand_ins = tuple(
                StandIn(name or "auto", tuple(a for a, n in targets.items() if n == number))
                for number, name in enumerate(names, start=front + 1)
            )
            back = renderer.render(settled, Part.BACK, stand_ins)
            document, passes = _join(body, back, front, targets), passes + ("back matter",)
        if document is None:
            document, passes = renderer.render(settled), passes + ("whole",)
    return Layout(html=pack_html(settled), document=document, passes=passes, warnings=renderer.warnings)


def _join(
    body: weasyprint.Document, back: weasyprint.Document, front: int, targets: PageMap
) -> weasyprint.Document | None:
    """The back pass's front pages, the body's own pages with their stand-ins' footers, the back matter.

    None unless the stand-ins took exactly the body's pages, which they do
    when the contents is as long in both passes.
    """
    end = len(body.pages)
    if anchor_pages(back, list(targets)) != dict(targets) or anchor_pages(back, BACK_MATTER[:1]) != {
        BACK_MATTER[0]: end + 1
    }:
        return None
    kept = [stitch.with_total_from(page, stand_in) for page, stand_in in zip(body.pages[front:], back.pages[front:end])]
    if None in kept:
        return None
    joined = body.copy(back.pages[:front] + kept + back.pages[end:])
    return joined if stitch.totals_agree(joined) else None


def anchor_pages(document: weasyprint.Document, wanted: Sequence[str]) -> dict[str, int]:
    """The page where each anchor starts: a box split over pages has its anchor on each of them."""
    looked_for, pages = set(wanted), dict[str, int]()
    for number, page in enumerate(document.pages, start=1):
        for anchor in page.anchors:
            if anchor in looked_for:
                pages.setdefault(anchor, number)
    return pages


class Renderer:
    """Lays out views of one pack, reading nothing outside the layout folder.

    The stylesheet, with its fonts, is parsed once and handed to WeasyPrint
    beside HTML whose <style> is left empty: a second pass then skips the
    font decoding and CSS parsing, about a quarter of its cost. The cascade is
    the same as with the stylesheet inline, as in the emitted HTML.
    """

    def __init__(self, layout: str, paper: str, decoded_fonts: Mapping[str, bytes] | None = None):
        self.fetcher = SealedFetcher([LAYOUTS], decoded_fonts)
        self.fonts = FontConfiguration()
        self.logged: list[str] = []
        with _captured_weasyprint_warnings(self.logged):
            self.css = weasyprint.CSS(
                string=stylesheet(layout, paper),
                base_url=str(LAYOUTS) + "/",
                url_fetcher=self.fetcher,
                font_config=self.fonts,
            )

    def render(self, view: View, part: Part = Part.WHOLE, stand_ins: tuple[StandIn, ...] = ()) -> weasyprint.Document:
        html = pass_html(replace(view, css=Markup("")), part, stand_ins)
        with _captured_weasyprint_warnings(self.logged):
            return weasyprint.HTML(string=html, base_url=str(LAYOUTS) + "/", url_fetcher=self.fetcher).render(
                stylesheets=[self.css], font_config=self.fonts
            )

    @property
    def warnings(self) -> tuple[str, ...]:
        refused = [f"refused to fetch {url}" for url in self.fetcher.refused]
        return tuple(dict.fromkeys(refused + self.logged))


@dataclass(frozen=True)
class Rendered:
    pdf: bytes
    pages: int
    warnings: tuple[str, ...]


def render_pdf(layout: Layout, *, variant: str, attachments: Sequence[weasyprint.Attachment] = ()) -> Rendered:
    # No collection first: what the layout left is its last pass's garbage, and the two passes'
    # pages that are about to be written, which a collection would walk for nothing.
    with _captured_weasyprint_warnings() as logged, fewer_collections(collect=False), pdf_writing():
        pdf = layout.document.write_pdf(**pdf_options(variant), attachments=list(attachments))
    return Rendered(pdf=pdf, pages=layout.pages, warnings=tuple(dict.fromkeys(logged)))


def render_standalone(html: str, *, variant: str) -> Rendered:
    """Lay out and write any HTML, such as an emitted pack, through the same sealed fetcher."""
    fetcher = SealedFetcher([LAYOUTS])
    with _captured_weasyprint_warnings() as logged, fewer_collections(), pdf_writing():
        document = weasyprint.HTML(string=html, base_url=str(LAYOUTS) + "/", url_fetcher=fetcher).render()
        pdf = document.write_pdf(**pdf_options(variant))
    refused = [f"refused to fetch {url}" for url in fetcher.refused]
    return Rendered(pdf=pdf, pages=len(document.pages), warnings=tuple(dict.fromkeys(refused + logged)))


def attachments_for(pack: Pack, json_export: str) -> tuple[weasyprint.Attachment, ...]:
    """PDF/A-3b packs carry their evidence: every source text and the JSON export."""
    if pack.manifest.pdf_variant != "a3b":
        return ()
    # Fixed dates, or WeasyPrint stamps the files with the clock and the PDF is never the same twice.
    stamp = _stamp(creation_date(pack.manifest.date))
    # The id prefix keeps names unique when two folders hold a file of the same name.
    files = [
        weasyprint.Attachment(
            string=spec.path.read_bytes(),
            name=attachment_name(spec),
            description=f"Source {spec.id}",
            relationship="Source",
            created=stamp,
            modified=stamp,
        )
        for spec in pack.manifest.sources
    ]
    files.append(
        weasyprint.Attachment(
            string=json_export.encode("utf-8"),
            name=f"{pack.manifest.name}.json",
            description="briefpack JSON export",
            relationship="Data",
            created=stamp,
            modified=stamp,
        )
    )
    return tuple(files)


def attachment_name(spec: SourceSpec) -> str:
    return f"{spec.id}_{Path(spec.rel).name}"


def _stamp(created: str | None) -> datetime:
    if not created:
        return datetime(1980, 1, 1, tzinfo=timezone.utc)  # the zip epoch, as reproducible builds use
    parts = [int(part) for part in re.findall(r"\d+", created)[:6]]
    year, month, day, hour, minute, second = (parts + [1, 1, 0, 0, 0][len(parts) - 1 :])[:6]
    return datetime(year, month, day, hour, minute, second, tzinfo=timezone.utc)


def pdf_options(variant: str) -> dict:
    # pdf_identifier=True makes the trailer /ID a hash of the content, so it is reproducible;
    # both variants are tagged, as an archived pack should stay accessible too.
    common = {"pdf_tags": True, "pdf_identifier": True}
    return {"pdf_variant": "pdf/a-3b" if variant == "a3b" else "pdf/ua-1", **common}


class _captured_weasyprint_warnings:
    """Collect WeasyPrint's log warnings into the build's warnings (``into``, or a new list) instead of stderr."""

    def __init__(self, into: list[str] | None = None):
        self.messages = [] if into is None else into

    def __enter__(self) -> list[str]:
        self.handler = logging.StreamHandler(io.StringIO())
        self.handler.setLevel(logging.WARNING)
        self.handler.emit = lambda record: self.messages.append(record.getMessage())  # type: ignore[method-assign]
        self.logger = logging.getLogger("weasyprint")
        self.previous = self.logger.propagate
        self.logger.addHandler(self.handler)
        self.logger.propagate = False
        return self.messages

    def __exit__(self, *exc) -> None:
        self.logger.removeHandler(self.handler)
        self.logger.propagate = self.previous
