"""From a Pack to HTML (Jinja2) and from HTML to PDF (WeasyPrint).

Templates see one object, the ``View`` built here: everything they show is
computed in Python, so the templates stay declarative and the layout folder
holds no logic beyond loops and conditions.
"""
from __future__ import annotations

import base64
import io
import logging
import os
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from functools import cache, cached_property
from itertools import groupby
from pathlib import Path

import jinja2
import weasyprint
from weasyprint.text.fonts import FontConfiguration
from markupsafe import Markup, escape

from compiler import __version__, names, stitch, timex
from compiler.fetcher import SealedFetcher
from compiler.model import FOOTNOTE_CALL, Event, GlossaryEntry, Pack, Paragraph, Source, SourceSpec
from compiler.pdfspeed import cached_page_references, fewer_collections, keep
from compiler.readers import emphasis_to_html

LAYOUTS = Path(__file__).resolve().parent.parent / "layouts"
_FONT_URL = re.compile(r"url\((fonts/[\w.-]+\.woff2)\)")

PageMap = Mapping[str, int]  # anchor id -> 1-based page number, read from a laid-out document


@dataclass(frozen=True)
class SourceGroup:
    source: Source
    paragraphs: tuple[Paragraph, ...]


@dataclass(frozen=True)
class SeeAlso:
    paragraph: Paragraph
    source: Source
    chapter_title: str
    excerpt: str


@dataclass(frozen=True)
class Glance:
    sources: int
    paragraphs: int
    span: str | None
    actors: tuple[str, ...]


@dataclass(frozen=True)
class ChapterView:
    id: str
    title: str
    groups: tuple[SourceGroup, ...]
    see_also: tuple[SeeAlso, ...]
    glance: Glance


@dataclass(frozen=True)
class EventView:
    label: str
    event: Event


@dataclass(frozen=True)
class SourceView:
    source: Source
    chapters: tuple[tuple[str, str], ...]  # (chapter id, title) of the chapters that cite it


@dataclass(frozen=True)
class PageRef:
    number: int
    anchor: str  # the first anchor on that page, which the page number links to


@dataclass(frozen=True)
class NameEntry:
    name: str
    anchors: tuple[str, ...]  # every occurrence in the chapters, in document order


@dataclass(frozen=True)
class Appendix:
    id: str
    title: str


@dataclass(frozen=True)
class StandIn:
    """A page of the body, as the back-matter pass stands it in: its named page and its anchors."""

    page_name: str
    anchors: tuple[str, ...]


@dataclass(frozen=True)
class View:
    """The one context object every template sees."""

    pack: Pack
    css: Markup
    chapters: tuple[ChapterView, ...]
    timeline: tuple[EventView, ...]
    sources: tuple[SourceView, ...]
    glossary: tuple[GlossaryEntry, ...]
    date_span: str | None
    generator: str
    created: str | None  # W3C date for the PDF's creation date, None when neither manifest nor SOURCE_DATE_EPOCH says
    names: tuple[tuple[str, tuple[NameEntry, ...]], ...]  # the index, grouped by initial letter
    name_marks: Mapping[str, tuple[names.Occurrence, ...]]  # paragraph anchor -> names found in it
    pages: PageMap = field(default_factory=dict)
    part: str = "whole"  # or "body" (all but the back matter), or "back" (the back matter after stand_ins)
    stand_ins: tuple[StandIn, ...] = ()

    @property
    def manifest(self):
        return self.pack.manifest

    @property
    def author(self) -> str | None:
        return self.manifest.author or self.manifest.organisation

    @property
    def subject(self) -> str:
        return self.manifest.subtitle or self.manifest.title

    @property
    def keywords(self) -> tuple[str, ...]:
        return self.manifest.keywords or tuple(c.title for c in self.chapters)

    @property
    def date_label(self) -> str | None:
        """The manifest's date as a reader writes it: 30 September 2020, September 2020, 2020."""
        if not self.manifest.date:
            return None
        parts = [int(part) for part in self.manifest.date.split("-")]
        month = datetime(2000, parts[1], 1).strftime("%B") if len(parts) > 1 else None
        return " ".join(str(part) for part in (parts[2] if len(parts) > 2 else None, month, parts[0]) if part)

    @property
    def words(self) -> int:
        return sum(s.source.words for s in self.sources)

    @property
    def appendices(self) -> tuple[Appendix, ...]:
        listed = [Appendix("timeline", "Timeline")]
        if self.glossary:
            listed.append(Appendix("glossary", "Glossary"))
        listed.append(Appendix("sources", "Source index"))
        if self.names:
            listed.append(Appendix("index", "Index of actors and places"))
        return tuple(listed)

    @property
    def back_matter(self) -> tuple[Appendix, ...]:
        return tuple(a for a in self.appendices if a.id in BACK_MATTER)

    def contents_targets(self) -> tuple[str, ...]:
        """The anchors the contents points at in the body, before the back matter."""
        return (*(f"ch-{c.id}" for c in self.chapters),
                *(a.id for a in self.appendices if a.id not in BACK_MATTER))

    @staticmethod
    def cite_anchor(paragraph: Paragraph) -> str:
        return f"{paragraph.anchor}-cite"

    def cited_on(self, source_id: str) -> tuple[PageRef, ...]:
        """The pages that cite a source, once each, from the last layout pass."""
        return self._page_refs(self.cite_anchor(p) for c in self.chapters for g in c.groups
                               for p in g.paragraphs if p.source == source_id)

    def name_pages(self, entry: NameEntry) -> tuple[PageRef, ...]:
        return self._page_refs(entry.anchors)

    def page_anchors(self) -> tuple[str, ...]:
        """Every anchor whose page the build must read back from the layout."""
        cites = (self.cite_anchor(p) for c in self.chapters for g in c.groups for p in g.paragraphs)
        marks = (a for _, entries in self.names for e in entries for a in e.anchors)
        return (*cites, *marks)

    def _page_refs(self, anchors) -> tuple[PageRef, ...]:
        first: dict[int, str] = {}
        for anchor in anchors:
            page = self.pages.get(anchor)
            if page is not None:
                first.setdefault(page, anchor)
        return tuple(PageRef(number, first[number]) for number in sorted(first))

    def paragraph_html(self, paragraph: Paragraph) -> Markup:
        """Paragraph text, escaped, with indexed names anchored and reference notes as real footnotes."""
        notes = {f.number: f.text for f in paragraph.footnotes}
        text, parts, position = paragraph.text, [], 0
        for number, mark in enumerate(self.name_marks.get(paragraph.anchor, ())):
            parts.append(str(escape(text[position:mark.start])))
            parts.append(f'<span class="name" id="{name_anchor(paragraph, number)}">{escape(mark.name)}</span>')
            position = mark.end
        parts.append(str(escape(text[position:])))

        def footnote(match: re.Match) -> str:
            note = notes.get(match.group(1))
            return f'<span class="footnote">{escape(note)}</span>' if note else ""

        html = "".join(parts)
        if paragraph.source in self.markdown_sources:
            html = emphasis_to_html(html)
        return Markup(FOOTNOTE_CALL.sub(footnote, html))

    @cached_property
    def markdown_sources(self) -> frozenset[str]:
        """Markdown sources keep their emphasis, which the paragraph text carries as *x* and **x**."""
        return frozenset(s.id for s in self.pack.sources if s.format == "md")


def span_label(events: tuple[Event, ...] | list[Event]) -> str | None:
    dated = [e for e in events if "X" not in e.date]
    if not dated:
        return None
    first, last = dated[0], dated[-1]
    start, end = timex.label(first.date, first.mod), timex.label(last.date, last.mod)
    return start if start == end else f"{start} – {end}"


def top_actors(paragraphs: tuple[Paragraph, ...], actors: tuple[str, ...], count: int = 5) -> tuple[str, ...]:
    """The manifest's actors this chapter names most; with no list, its most frequent names."""
    text = "\n".join(p.text for p in paragraphs)
    if actors:
        counts = Counter({a: len(re.findall(rf"(?<!\w){re.escape(a)}(?!\w)", text)) for a in actors})
    else:
        counts = Counter(m.group(0) for m in re.finditer(r"(?<![.!?]\s)\b[A-Z][a-z]{2,}(?:\s[A-Z][a-z]+)*", text))
    return tuple(name for name, n in counts.most_common(count) if n > 0)


def excerpt(text: str, words: int = 14) -> str:
    parts = FOOTNOTE_CALL.sub("", text).split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def name_index(pack: Pack) -> tuple[tuple[tuple[str, tuple[NameEntry, ...]], ...], dict]:
    """The index entries grouped by letter, and the names to anchor in each paragraph."""
    paragraphs = [p for c in pack.chapters for p in c.paragraphs]
    found = names.find_names((FOOTNOTE_CALL.sub("", p.text) for p in paragraphs), pack.manifest.actors)
    marks = {p.anchor: tuple(names.occurrences(p.text, found)) for p in paragraphs}
    anchors: dict[str, list[str]] = {}
    for p in paragraphs:
        for number, mark in enumerate(marks[p.anchor]):
            anchors.setdefault(mark.name, []).append(name_anchor(p, number))
    entries = [NameEntry(name, tuple(anchors[name])) for name in found if name in anchors]
    grouped = tuple((letter, tuple(group)) for letter, group in groupby(entries, key=lambda e: names.initial(e.name)))
    return grouped, marks


def name_anchor(paragraph: Paragraph, number: int) -> str:
    """The id of the number-th indexed name in a paragraph, which the index links to."""
    return f"{paragraph.anchor}-n{number}"


def creation_date(manifest_date: str | None) -> str | None:
    """The manifest's date, else SOURCE_DATE_EPOCH: never the clock, so builds are reproducible."""
    if manifest_date:
        return manifest_date
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return None


def build_view(pack: Pack, css: str, pages: PageMap | None = None) -> View:
    sources = {s.id: s for s in pack.sources}
    titles = {c.id: c.title for c in pack.chapters}
    chapters = []
    for chapter in pack.chapters:
        groups: list[SourceGroup] = []
        for paragraph in chapter.paragraphs:
            if groups and groups[-1].source.id == paragraph.source:
                groups[-1] = SourceGroup(groups[-1].source, groups[-1].paragraphs + (paragraph,))
            else:
                groups.append(SourceGroup(sources[paragraph.source], (paragraph,)))
        events = [e for e in pack.timeline if e.chapter == chapter.id]
        glance = Glance(sources=len({p.source for p in chapter.paragraphs}),
                        paragraphs=len(chapter.paragraphs), span=span_label(events),
                        actors=top_actors(chapter.paragraphs, pack.manifest.actors))
        see_also = tuple(SeeAlso(p, sources[p.source], titles[p.primary], excerpt(p.text))
                         for p in chapter.see_also)
        chapters.append(ChapterView(chapter.id, chapter.title, tuple(groups), see_also, glance))
    cited = [(c.id, c.title, {p.source for p in c.paragraphs}) for c in pack.chapters]
    citing = {s.id: tuple((cid, title) for cid, title, ids in cited if s.id in ids) for s in pack.sources}
    index, marks = name_index(pack)
    return View(
        pack=pack,
        css=Markup(css),
        chapters=tuple(chapters),
        timeline=tuple(EventView(timex.label(e.date, e.mod), e) for e in pack.timeline),
        sources=tuple(SourceView(s, citing[s.id]) for s in pack.sources),
        glossary=pack.glossary,
        date_span=span_label(pack.timeline),
        generator=f"briefpack {__version__}",
        created=creation_date(pack.manifest.date),
        names=index,
        name_marks=marks,
        pages=pages or {},
    )


@cache
def environment() -> jinja2.Environment:
    """One per process: a build renders the template three times, and compiling it costs more than a render."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(LAYOUTS),
        autoescape=jinja2.select_autoescape(default=True, default_for_string=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def stylesheet(layout: str, paper: str) -> str:
    """The layout's CSS in cascade order, with its fonts inlined as data: URLs.

    Inlining makes the emitted HTML self-contained: ``weasyprint out/x.html``
    renders the same pages from any folder or machine, and no absolute path
    of the build machine ends up in the outputs.
    """
    names_ = ("fonts.css", "base.css", f"{layout}.css", f"paper-{paper.lower()}.css")
    css = "\n".join((LAYOUTS / name).read_text(encoding="utf-8") for name in names_ if (LAYOUTS / name).exists())

    def inline(match: re.Match) -> str:
        data = base64.b64encode((LAYOUTS / match.group(1)).read_bytes()).decode("ascii")
        return f"url(data:font/woff2;base64,{data})"

    return _FONT_URL.sub(inline, css)


def _template(view: View) -> str:
    return environment().get_template("pack.html").render(ctx=view)


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


# The back matter: the appendices whose page lists depend on the layout, and which come last.
BACK_MATTER = ("sources", "index")


def lay_out(pack: Pack) -> Layout:
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
    """
    css = stylesheet(pack.manifest.layout, pack.manifest.paper)
    view = build_view(pack, css)
    with fewer_collections(collect=False), _Renderer(css) as renderer:
        body = renderer.render(replace(view, part="body"))
        keep()  # the body's boxes live until the PDF is written
        settled = replace(view, pages=anchor_pages(body, view.page_anchors()))
        targets = anchor_pages(body, settled.contents_targets())
        front = min(targets.values()) - 1  # the cover and the contents
        names = [stitch.page_name(page) for page in body.pages[front:]]
        document, passes = None, ("body",)
        if None not in names:
            stand_ins = tuple(StandIn(name or "auto", tuple(a for a, n in targets.items() if n == number))
                              for number, name in enumerate(names, start=front + 1))
            back = renderer.render(replace(settled, part="back", stand_ins=stand_ins))
            document, passes = _join(body, back, front, targets), passes + ("back matter",)
        if document is None:
            document, passes = renderer.render(settled), passes + ("whole",)
    return Layout(html=_template(settled), document=document, passes=passes, warnings=renderer.warnings)


def _join(body: weasyprint.Document, back: weasyprint.Document, front: int,
          targets: PageMap) -> weasyprint.Document | None:
    """The back pass's front pages, the body's own pages with their stand-ins' footers, the back matter.

    None unless the stand-ins took exactly the body's pages, which they do
    when the contents is as long in both passes.
    """
    end = len(body.pages)
    if anchor_pages(back, list(targets)) != dict(targets) or \
            anchor_pages(back, BACK_MATTER[:1]) != {BACK_MATTER[0]: end + 1}:
        return None
    kept = [stitch.with_total_from(page, stand_in) for page, stand_in in zip(body.pages[front:], back.pages[front:end])]
    if None in kept:
        return None
    return body.copy(back.pages[:front] + kept + back.pages[end:])


def anchor_pages(document: weasyprint.Document, wanted: Sequence[str]) -> dict[str, int]:
    """The page where each anchor starts: a box split over pages has its anchor on each of them."""
    wanted, pages = set(wanted), {}
    for number, page in enumerate(document.pages, start=1):
        for anchor in page.anchors:
            if anchor in wanted:
                pages.setdefault(anchor, number)
    return pages


class _Renderer:
    """Lays out views of one pack, reading nothing outside the layout folder.

    The stylesheet, with its fonts, is parsed once and handed to WeasyPrint
    beside HTML whose <style> is left empty: a second pass then skips the
    font decoding and CSS parsing, about a quarter of its cost. The cascade is
    the same as with the stylesheet inline, as in the emitted HTML.
    """

    def __init__(self, css: str):
        self.source = css
        self.fetcher = SealedFetcher([LAYOUTS])
        self.fonts = FontConfiguration()
        self.captured = _captured_weasyprint_warnings()
        self.logged: list[str] = []

    def __enter__(self) -> _Renderer:
        self.logged = self.captured.__enter__()
        try:
            self.css = weasyprint.CSS(string=self.source, base_url=str(LAYOUTS) + "/", url_fetcher=self.fetcher,
                                      font_config=self.fonts)
        except BaseException:
            self.captured.__exit__(None, None, None)
            raise
        return self

    def __exit__(self, *exc) -> None:
        self.captured.__exit__(*exc)

    def render(self, view: View) -> weasyprint.Document:
        html = _template(replace(view, css=Markup("")))
        return weasyprint.HTML(string=html, base_url=str(LAYOUTS) + "/", url_fetcher=self.fetcher).render(
            stylesheets=[self.css], font_config=self.fonts)

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
    with _captured_weasyprint_warnings() as logged, fewer_collections(collect=False), cached_page_references():
        pdf = layout.document.write_pdf(**pdf_options(variant), attachments=list(attachments))
    return Rendered(pdf=pdf, pages=layout.pages, warnings=tuple(dict.fromkeys(logged)))


def render_standalone(html: str, *, variant: str) -> Rendered:
    """Lay out and write any HTML, such as an emitted pack, through the same sealed fetcher."""
    fetcher = SealedFetcher([LAYOUTS])
    with _captured_weasyprint_warnings() as logged, fewer_collections(), cached_page_references():
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
    files = [weasyprint.Attachment(string=spec.path.read_bytes(), name=attachment_name(spec),
                                   description=f"Source {spec.id}", relationship="Source",
                                   created=stamp, modified=stamp)
             for spec in pack.manifest.sources]
    files.append(weasyprint.Attachment(string=json_export.encode("utf-8"), name=f"{pack.manifest.name}.json",
                                       description="briefpack JSON export", relationship="Data",
                                       created=stamp, modified=stamp))
    return tuple(files)


def attachment_name(spec: SourceSpec) -> str:
    return f"{spec.id}_{Path(spec.rel).name}"


def _stamp(created: str | None) -> datetime:
    if not created:
        return datetime(1980, 1, 1, tzinfo=timezone.utc)  # the zip epoch, as reproducible builds use
    parts = [int(part) for part in re.findall(r"\d+", created)[:6]]
    parts += [1] * (3 - len(parts))
    return datetime(*parts, tzinfo=timezone.utc)


def pdf_options(variant: str) -> dict:
    # pdf_identifier=True makes the trailer /ID a hash of the content, so it is reproducible;
    # both variants are tagged, as an archived pack should stay accessible too.
    common = {"pdf_tags": True, "pdf_identifier": True}
    return {"pdf_variant": "pdf/a-3b" if variant == "a3b" else "pdf/ua-1", **common}


class _captured_weasyprint_warnings:
    """Collect WeasyPrint's log warnings into the build's warnings instead of stderr."""

    def __enter__(self) -> list[str]:
        self.messages: list[str] = []
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
