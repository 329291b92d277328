"""From a Pack to the one object templates see, and from that to HTML (Jinja2).

Templates see one object, the ``View`` built here: everything they show is
computed in Python, so the templates stay declarative and the layout folder
holds no logic beyond loops and conditions. Nothing here needs WeasyPrint
(``render`` lays the HTML out), so the build can make the view while
WeasyPrint starts (``build.build``).
"""

from __future__ import annotations

import base64
import os
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import cache, cached_property
from itertools import groupby
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from briefpack import __version__
from briefpack.analysis import names
from briefpack.analysis.names import Occurrence
from briefpack.dating import values
from briefpack.errors import BriefpackError, shown
from briefpack.model import FOOTNOTE_CALL, Event, GlossaryEntry, KeyPoint, Pack, Paragraph, Source, TimelineSettings
from briefpack.paths import LAYOUTS
from briefpack.readers.markdown import emphasis_to_html

_FONT_URL = re.compile(r"url\((fonts/[\w.-]+\.woff2)\)")

PageMap = Mapping[str, int]  # anchor id -> 1-based page number, read from a laid-out document

# The back matter: the appendices whose page lists depend on the layout, and which come last.
BACK_MATTER = ("sources", "index")


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
    key_points: tuple[KeyPoint, ...] = ()  # the sentences the chapter opens with, each linked to its paragraph


@dataclass(frozen=True)
class EventView:
    label: str
    event: Event


@dataclass(frozen=True)
class SourceView:
    source: Source
    chapters: tuple[tuple[str, str], ...]  # (chapter id, title) of the chapters that cite it
    supersedes: tuple[str, ...] = ()  # earlier versions of the same story
    superseded_by: str | None = None


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
    name_marks: Mapping[str, tuple[Occurrence, ...]]  # paragraph anchor -> names found in it
    summary_points: tuple[tuple[KeyPoint, str], ...] = ()  # (point, its chapter's title) for the summary page
    summary_dates: tuple[EventView, ...] = ()
    pages: PageMap = field(default_factory=dict)  # where the layout put each anchor, once it has laid out the body

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
    def body_appendices(self) -> tuple[Appendix, ...]:
        return tuple(a for a in self.appendices if a.id not in BACK_MATTER)

    @property
    def back_matter(self) -> tuple[Appendix, ...]:
        return tuple(a for a in self.appendices if a.id in BACK_MATTER)

    def contents_targets(self) -> tuple[str, ...]:
        """The anchors the contents points at in the body, before the back matter."""
        summary = ("summary",) if self.summary_points else ()
        return (*summary, *(f"ch-{c.id}" for c in self.chapters), *(a.id for a in self.body_appendices))

    def citation(self, paragraph: Paragraph) -> str:
        """The paragraph's source, and those of the near-identical paragraphs it is printed for: "S9, S10"."""
        return self.cite_ids((paragraph.source, *(d.source for d in paragraph.duplicates)))

    def cite_ids(self, ids: Iterable[str]) -> str:
        """Source ids as a citation lists them: once each, in the source index's order."""
        order = {item.source.id: index for index, item in enumerate(self.sources)}
        return ", ".join(sorted(set(ids), key=lambda i: order.get(i, len(order))))

    @staticmethod
    def cite_anchor(paragraph: Paragraph) -> str:
        return f"{paragraph.anchor}-cite"

    def point_cites(self) -> tuple[tuple[str, KeyPoint], ...]:
        """The id of each key point's citation, in the summary and the chapters, with the point."""
        summary = ((f"summary-{n}-cite", point) for n, (point, _) in enumerate(self.summary_points, start=1))
        chapters = ((f"kp-{c.id}-{n}-cite", point) for c in self.chapters for n, point in enumerate(c.key_points, 1))
        return (*summary, *chapters)

    def cited_on(self, source_id: str) -> tuple[PageRef, ...]:
        """The pages that cite a source (a paragraph's or a key point's citation), once each, from the last layout pass."""
        paragraphs = (
            self.cite_anchor(p)
            for c in self.chapters
            for g in c.groups
            for p in g.paragraphs
            if source_id in (p.source, *(d.source for d in p.duplicates))
        )
        points = (anchor for anchor, point in self.point_cites() if source_id in point.sources)
        return self._page_refs((*paragraphs, *points))

    def name_pages(self, entry: NameEntry) -> tuple[PageRef, ...]:
        return self._page_refs(entry.anchors)

    def page_anchors(self) -> tuple[str, ...]:
        """Every anchor whose page the build must read back from the layout."""
        cites = (self.cite_anchor(p) for c in self.chapters for g in c.groups for p in g.paragraphs)
        points = (anchor for anchor, _ in self.point_cites())
        marks = (a for _, entries in self.names for e in entries for a in e.anchors)
        return (*cites, *points, *marks)

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
            parts.append(str(escape(text[position : mark.start])))
            parts.append(f'<span class="name" id="{escape(name_anchor(paragraph, number))}">{escape(mark.name)}</span>')
            position = mark.end
        parts.append(str(escape(text[position:])))

        def footnote(match: re.Match) -> str:
            note = notes.get(match.group(1))
            return f'<span class="footnote">{escape(note)}</span>' if note else ""

        html = FOOTNOTE_CALL.sub(footnote, self._emphasis("".join(parts), paragraph.source))
        # A list-like block (a tally, a table in text) keeps the lines its source gave it.
        html = html.replace("\n", "<br>\n")
        dateline = self.datelines.get((paragraph.source, paragraph.ordinal))
        if dateline:
            html = f'<span class="dateline">{escape(dateline)}</span> ' + html
        return Markup(html)

    @cached_property
    def datelines(self) -> dict[tuple[str, int], str]:
        """(source, ordinal) of a lede -> the wire dateline it opens with, set as "PLACE (AGENCY) —"."""
        return {
            (s.id, b.ordinal): re.sub(r"\s*(?:_|--|-|—|–)$", "", b.dateline) + " —"
            for s in self.pack.sources
            for b in s.blocks
            if b.dateline
        }

    def source_html(self, text: str, source_id: str) -> Markup:
        """Text quoted from a source (an event, an excerpt), escaped, with a Markdown source's emphasis."""
        return Markup(self._emphasis(str(escape(text)), source_id))

    def _emphasis(self, escaped: str, source_id: str) -> str:
        return emphasis_to_html(escaped) if source_id in self.markdown_sources else escaped

    @cached_property
    def markdown_sources(self) -> frozenset[str]:
        """Markdown sources keep their emphasis, which the paragraph text carries as *x* and **x**."""
        return frozenset(s.id for s in self.pack.sources if s.format == "md")


def span_label(events: tuple[Event, ...] | list[Event], window: TimelineSettings | None = None) -> str | None:
    """The span a reader is told about: the editor's window when the manifest sets one, else the events'."""
    if window is not None and window.window_from and window.window_to:
        start, end = values.label(window.window_from, None), values.label(window.window_to, None)
        return start if start == end else f"{start} – {end}"
    dated = [e for e in events if "X" not in e.date]
    if not dated:
        return None
    first = dated[0]
    # A range's end may lie past every later start: "1991 – 1997" outlasts an event of 1995.
    last_value, last_mod = max(
        ((e.end, None) if e.end else (e.date, e.mod) for e in dated), key=lambda pair: values.sort_key(*pair)
    )
    start, end = values.label(first.date, first.mod), values.label(last_value, last_mod)
    return start if start == end else f"{start} – {end}"


def top_actors(
    paragraphs: tuple[Paragraph, ...],
    actors: tuple[str, ...],
    marks: Mapping[str, tuple[Occurrence, ...]],
    count: int = 5,
) -> tuple[str, ...]:
    """The manifest's actors this chapter names most; with no list, the names of the index it names most.

    The index's names (``name_marks``) are people, places and organisations; a capitalised word
    ("The", "Tuesday", a list label) is not.
    """
    if actors:
        text = "\n".join(p.text for p in paragraphs)
        counts = Counter({a: len(re.findall(rf"(?<!\w){re.escape(a)}(?!\w)", text)) for a in actors})
    else:
        counts = Counter(mark.name for p in paragraphs for mark in marks.get(p.anchor, ()))
    return tuple(name for name, n in counts.most_common(count) if n > 0)


def excerpt(text: str, words: int = 14) -> str:
    parts = FOOTNOTE_CALL.sub("", text).split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def name_index(pack: Pack) -> tuple[tuple[tuple[str, tuple[NameEntry, ...]], ...], dict]:
    """The index entries grouped by letter, and the names to anchor in each paragraph."""
    paragraphs = [p for c in pack.chapters for p in c.paragraphs]
    texts = [FOOTNOTE_CALL.sub("", p.text) for p in paragraphs]
    found, variants = names.merge_names(
        names.find_names(texts, pack.manifest.actors), pack.manifest.actors, pack.manifest.aliases, "\n".join(texts)
    )
    marks = {p.anchor: tuple(names.occurrences(p.text, found, variants)) for p in paragraphs}
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
    if not epoch:
        return None
    try:
        if not (epoch.isascii() and epoch.isdigit()):
            raise ValueError
        when = datetime.fromtimestamp(int(epoch), timezone.utc)
    except (ValueError, OverflowError, OSError):  # beyond the year 9999, or beyond the platform's time_t
        raise BriefpackError(
            f"SOURCE_DATE_EPOCH={shown(epoch[:40])} is not a time a PDF can carry: "
            "give whole seconds since 1970, before the year 10000"
        ) from None
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def build_view(pack: Pack, css: str, pages: PageMap | None = None) -> View:
    sources = {s.id: s for s in pack.sources}
    titles = {c.id: c.title for c in pack.chapters}
    index, marks = name_index(pack)
    chapters = []
    for chapter in pack.chapters:
        groups: list[SourceGroup] = []
        for paragraph in chapter.paragraphs:
            if groups and groups[-1].source.id == paragraph.source:
                groups[-1] = SourceGroup(groups[-1].source, groups[-1].paragraphs + (paragraph,))
            else:
                groups.append(SourceGroup(sources[paragraph.source], (paragraph,)))
        events = [e for e in pack.timeline if e.chapter == chapter.id]
        glance = Glance(
            sources=len({p.source for p in chapter.paragraphs}),
            paragraphs=len(chapter.paragraphs),
            span=span_label(events),
            actors=top_actors(chapter.paragraphs, pack.manifest.actors, marks),
        )
        see_also = tuple(SeeAlso(p, sources[p.source], titles[p.primary], excerpt(p.text)) for p in chapter.see_also)
        chapters.append(ChapterView(chapter.id, chapter.title, tuple(groups), see_also, glance, chapter.key_points))
    cited = [(c.id, c.title, {p.source for p in c.paragraphs}) for c in pack.chapters]
    citing = {s.id: tuple((cid, title) for cid, title, ids in cited if s.id in ids) for s in pack.sources}
    newer = {x.older: x.newer for x in pack.supersessions}
    older = {s.id: tuple(x.older for x in pack.supersessions if x.newer == s.id) for s in pack.sources}
    summary = pack.summary
    return View(
        pack=pack,
        css=Markup(css),
        chapters=tuple(chapters),
        timeline=tuple(EventView(values.event_label(e.date, e.mod, e.end), e) for e in pack.timeline),
        sources=tuple(SourceView(s, citing[s.id], older[s.id], newer.get(s.id)) for s in pack.sources),
        summary_points=tuple((k, titles[k.chapter]) for k in summary.points if k.chapter in titles) if summary else (),
        summary_dates=tuple(EventView(values.event_label(e.date, e.mod, e.end), e) for e in summary.dates)
        if summary
        else (),
        glossary=pack.glossary,
        date_span=span_label(pack.timeline, pack.manifest.timeline),
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

    def inline(match: re.Match) -> str:
        data = base64.b64encode((LAYOUTS / match.group(1)).read_bytes()).decode("ascii")
        return f"url(data:font/woff2;base64,{data})"

    return _FONT_URL.sub(inline, _layout_css(layout, paper))


def font_files(layout: str, paper: str) -> tuple[Path, ...]:
    """The WOFF2 files the layout's stylesheet uses, in the order it names them."""
    return tuple(dict.fromkeys(LAYOUTS / name for name in _FONT_URL.findall(_layout_css(layout, paper))))


def _layout_css(layout: str, paper: str) -> str:
    names_ = ("fonts.css", "base.css", f"{layout}.css", f"paper-{paper.lower()}.css")
    return "\n".join((LAYOUTS / name).read_text(encoding="utf-8") for name in names_ if (LAYOUTS / name).exists())


def pack_html(view: View) -> str:
    """The whole pack as HTML: what ``weasyprint`` lays out, and what the build writes beside the PDF."""
    return environment().get_template("pack.html").render(ctx=view)
