"""From a Pack to HTML (Jinja2) and from HTML to PDF (WeasyPrint).

Templates see one object, the ``View`` built here: everything they show is
computed in Python, so the templates stay declarative and the layout folder
holds no logic beyond loops and conditions.
"""
from __future__ import annotations

import io
import logging
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import jinja2
import weasyprint
from markupsafe import Markup, escape

from compiler import __version__, timex
from compiler.fetcher import SealedFetcher
from compiler.model import Chapter, Event, GlossaryEntry, Pack, Paragraph, Source
from compiler.pdfspeed import cached_page_references, fewer_collections

LAYOUTS = Path(__file__).resolve().parent.parent / "layouts"
_FOOTNOTE_CALL = re.compile(r"\[\^(\w+)\]")


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

    @property
    def manifest(self):
        return self.pack.manifest

    def paragraph_html(self, paragraph: Paragraph) -> Markup:
        """Paragraph text, escaped, with the source's reference notes as real footnotes."""
        notes = {f.number: f.text for f in paragraph.footnotes}
        text = str(escape(paragraph.text))

        def footnote(match: re.Match) -> str:
            note = notes.get(match.group(1))
            return f'<span class="footnote">{escape(note)}</span>' if note else ""

        return Markup(_FOOTNOTE_CALL.sub(footnote, text))


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
    parts = _FOOTNOTE_CALL.sub("", text).split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def build_view(pack: Pack, css: str) -> View:
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
    return View(
        pack=pack,
        css=Markup(css),
        chapters=tuple(chapters),
        timeline=tuple(EventView(timex.label(e.date, e.mod), e) for e in pack.timeline),
        sources=tuple(SourceView(s, citing[s.id]) for s in pack.sources),
        glossary=pack.glossary,
        date_span=span_label(pack.timeline),
        generator=f"briefpack {__version__}",
    )


def environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(LAYOUTS),
        autoescape=jinja2.select_autoescape(default=True, default_for_string=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_html(pack: Pack) -> str:
    env = environment()
    layout = pack.manifest.layout
    css = "\n".join((LAYOUTS / name).read_text(encoding="utf-8")
                    for name in ("base.css", f"{layout}.css", f"paper-{pack.manifest.paper.lower()}.css")
                    if (LAYOUTS / name).exists())
    return env.get_template("pack.html").render(ctx=build_view(pack, css))


@dataclass(frozen=True)
class Rendered:
    pdf: bytes
    pages: int
    warnings: tuple[str, ...]


def render_pdf(html: str, *, variant: str, progress=lambda stage, done=None, total=None, unit="": None) -> Rendered:
    """Lay out and write the PDF, reading nothing outside the layout folder."""
    fetcher = SealedFetcher([LAYOUTS])
    with _captured_weasyprint_warnings() as logged, fewer_collections():
        document = weasyprint.HTML(string=html, base_url=str(LAYOUTS) + "/", url_fetcher=fetcher).render()
        progress("writing PDF", len(document.pages), None, "pages")
        with cached_page_references():
            pdf = document.write_pdf(**pdf_options(variant))
    warnings = [f"refused to fetch {url}" for url in fetcher.refused] + logged
    return Rendered(pdf=pdf, pages=len(document.pages), warnings=tuple(dict.fromkeys(warnings)))


def pdf_options(variant: str) -> dict:
    if variant == "a3b":
        return {"pdf_variant": "pdf/a-3b"}
    return {"pdf_variant": "pdf/ua-1", "pdf_tags": True}


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
