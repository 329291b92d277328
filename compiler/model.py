"""The typed data that flows between briefpack's stages.

Every stage takes and returns these frozen dataclasses, so a stage can be
tested on its own and the pipeline in ``build.py`` reads top to bottom.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path


class Choice(str, Enum):
    """A closed set of manifest words: compares, hashes, prints and serialises as its word."""

    def __str__(self) -> str:
        return str(self.value)


class SourceFormat(Choice):
    TXT = "txt"
    MD = "md"
    HTML = "html"
    PDF = "pdf"


class PdfVariant(Choice):
    UA = "ua"  # tagged PDF/UA-1
    A3B = "a3b"  # PDF/A-3b with the sources and the JSON export attached


# --- the manifest ---------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    """One piece of evidence for a theme: a term, a phrase or a regex."""

    pattern: str
    weight: float = 1.0
    regex: bool = False
    # Where the manifest states it, for an error about it; not part of what the rule means.
    line: int | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class ThemeSpec:
    id: str
    title: str
    rules: tuple[Rule, ...]
    threshold: float = 1.0
    summary: str | None = None
    excludes: tuple[Rule, ...] = ()  # a term's match inside one of these does not count
    key_points: int | None = None  # None: sized by the chapter; 0: none


@dataclass(frozen=True)
class Pin:
    """A paragraph the manifest places in a theme, whatever its rules say."""

    source: str
    paragraph: int
    theme: str


@dataclass(frozen=True)
class SourceSpec:
    """A source as the manifest states it; unknown fields stay None."""

    id: str
    path: Path  # absolute
    rel: str  # as written in the manifest, relative to it
    format: SourceFormat
    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    published: str | None = None  # TIMEX-style partial date: 2020, 2020-05, 2020-05-28
    url: str | None = None
    absent: tuple[str, ...] = ()  # fields the manifest states the source has none of ("author: none")


@dataclass(frozen=True)
class Recipient:
    name: str
    email: str
    organisation: str | None = None
    paper: str | None = None
    stamp: bool = True


@dataclass(frozen=True)
class SmtpSettings:
    host: str = "localhost"
    port: int = 25
    security: str = "none"  # none, starttls or tls
    user: str | None = None
    sender: str | None = None
    password_env: str = "BRIEFPACK_SMTP_PASSWORD"
    reply_to: str | None = None


@dataclass(frozen=True)
class Letter:
    """What the email carrying a copy adds to the defaults (see ``distribution.letter``)."""

    note: str | None = None  # the cover note, paragraphs separated by blank lines
    templates: Path | None = None  # a folder whose subject.txt, body.txt or body.html replace the defaults


@dataclass(frozen=True)
class Correction:
    """The editor's fix for a timeline entry: events whose text holds ``match`` get ``date``, or go."""

    match: str
    date: str | None = None
    drop: bool = False
    line: int = 0  # where the manifest states it, for messages


@dataclass(frozen=True)
class TimelineSettings:
    """The manifest's ``timeline:`` section. Partial dates ("2019", "2019-06") bound the window."""

    window_from: str | None = None
    window_to: str | None = None
    leave_out: tuple[str, ...] = ()  # terms: an event whose text holds one is left out
    leave_out_patterns: tuple[str, ...] = ()  # regular expressions, likewise
    cap_per_source: int | None = None
    cap_per_day: int | None = None
    corrections: tuple[Correction, ...] = ()


@dataclass(frozen=True)
class Manifest:
    path: Path  # absolute path of the manifest file
    title: str
    name: str  # output file stem
    subtitle: str | None
    date: str | None
    author: str | None
    organisation: str | None
    handling: str | None
    language: str
    keywords: tuple[str, ...]
    sources: tuple[SourceSpec, ...]
    themes: tuple[ThemeSpec, ...]
    fallback: str  # id of the chapter that takes paragraphs no theme claims
    layout: str = "default"
    paper: str = "A4"
    pdf_variant: PdfVariant = PdfVariant.UA
    day_first: bool = True
    actors: tuple[str, ...] = ()
    aliases: tuple[tuple[str, str], ...] = ()  # (alias, actor): other names the texts use for an actor
    passages: bool = True  # theme passages of paragraphs that belong together; False: each paragraph alone
    pins: tuple[Pin, ...] = ()
    summary: bool = True  # the one-page summary before chapter 1
    recipients: tuple[Recipient, ...] = ()
    smtp: SmtpSettings = field(default_factory=SmtpSettings)
    max_message_bytes: int = 10 * 1024 * 1024
    max_source_bytes: int = 20 * 1024 * 1024
    out: Path | None = None  # the manifest's 'out:' folder, absolute; None: out/ beside the manifest
    letter: Letter = field(default_factory=Letter)
    timeline: TimelineSettings = field(default_factory=TimelineSettings)

    @property
    def root(self) -> Path:
        return self.path.parent


# --- clean-up ---------------------------------------------------------------

# Where clean-up leaves a source's note call in a paragraph's text: "isolation,[^1] and".
FOOTNOTE_CALL = re.compile(r"\[\^(\w+)\]")


@dataclass(frozen=True)
class Footnote:
    """A source's own numbered reference note, attached where it is called."""

    number: str
    text: str


@dataclass(frozen=True)
class Block:
    """A body paragraph of a source after clean-up, before theming.

    A list-like block (a tally, a table in text) keeps its lines, joined by
    newlines. A wire story's lede carries its dateline ("ZOMBA, Malawi (AP) _")
    beside its text, not in it.
    """

    ordinal: int  # 1-based position among the source's body paragraphs
    text: str
    footnotes: tuple[Footnote, ...] = ()
    dateline: str | None = None


class Exclusion(Choice):
    """Why a block was kept out of the chapters: a closed set, each with its one-line meaning."""

    TITLE = "title"
    HEADING = "heading"
    BYLINE = "byline"
    BIO = "bio"
    CREDIT = "credit"
    CAPTION = "caption"
    RELATED = "related"
    NEWSLETTER = "newsletter"
    CLICK_HERE = "click-here"
    DISCLAIMER = "disclaimer"
    SHARE = "share"
    ADVERT = "advert"
    REFERENCE = "reference"
    SLUG = "slug"
    WIRE_CODE = "wire-code"
    EDITOR_NOTE = "editor-note"
    END_MARK = "end-mark"
    TRAILER = "trailer"
    # The parts of a web page the reader leaves out, named by the page's own markup.
    NAVIGATION = "navigation"
    FOOTER = "footer"
    SIDEBAR = "sidebar"
    COMMENTS = "comments"
    EMBEDDED_POST = "embedded post"
    COOKIE_NOTICE = "cookie notice"
    FORM = "form"
    LINKS = "links"
    OUTSIDE_MAIN_TEXT = "outside main text"
    # The parts of a PDF's pages the layout reading leaves out, found by position and recurrence.
    RUNNING_HEAD = "running-head"
    PAGE_NUMBER = "page-number"
    MARGIN = "margin text"

    @property
    def meaning(self) -> str:
        return _EXCLUSION_MEANINGS[self]


_EXCLUSION_MEANINGS = {
    Exclusion.TITLE: "the source's own title line; it becomes the source's title",
    Exclusion.HEADING: "a section heading, or the heading over the reference notes",
    Exclusion.BYLINE: 'the author line ("By ...", a lone name, a wire writer\'s title line); it fills author',
    Exclusion.BIO: 'a closing paragraph about the author ("X is a fellow at ...", "Follow her on ...")',
    Exclusion.CREDIT: 'a credit or copyright line ("This article was first published by ...", '
    '"c.2000 N.Y. Times News Service", "(Reporting by ...)"); it fills publisher',
    Exclusion.CAPTION: "a photo or video caption or credit",
    Exclusion.RELATED: 'a link to another article ("Related:", "Read more")',
    Exclusion.NEWSLETTER: "a sign-up prompt for a newsletter or mailing list",
    Exclusion.CLICK_HERE: 'a promotion ("click here", "this excerpt is taken from ...", free trials)',
    Exclusion.DISCLAIMER: 'a disclaimer ("the views expressed are the author\'s own")',
    Exclusion.SHARE: "a share or print button's label",
    Exclusion.ADVERT: "an advertisement label",
    Exclusion.REFERENCE: "a numbered reference note; it is printed as a footnote where it is called",
    Exclusion.SLUG: 'a wire slug naming the story for editors ("BC-Malawi-Dam Collapse,0398")',
    Exclusion.WIRE_CODE: 'wire typesetting codes ("&QL;", "&UR;", "&LR;")',
    Exclusion.EDITOR_NOTE: 'a note to editors ("Eds: UPDATES with ...", "(ATTN: ...)", "(STORY CAN END HERE)")',
    Exclusion.END_MARK: 'a wire end mark ("_ _ _", "(END)", "Enditem", desk initials, transmission codes)',
    Exclusion.TRAILER: 'a wire story\'s closing links ("On the Net:" and the addresses under it)',
    Exclusion.NAVIGATION: "a web page's menus and breadcrumbs (<nav>, or marked navigation)",
    Exclusion.FOOTER: "a web page's footer (site links, legal notes)",
    Exclusion.SIDEBAR: "a web page's sidebar (<aside>, or marked sidebar)",
    Exclusion.COMMENTS: "readers' comments under a web page's story",
    Exclusion.EMBEDDED_POST: "an embedded social-media post (a tweet, an Instagram post)",
    Exclusion.COOKIE_NOTICE: "a web page's cookie or consent notice",
    Exclusion.FORM: "a web page's form (search, sign-in)",
    Exclusion.LINKS: "a list of links the page does not place (mostly linked words)",
    Exclusion.OUTSIDE_MAIN_TEXT: "page text the extractor did not take for the story and the page does not place;"
    " the one reason with weak evidence",
    Exclusion.RUNNING_HEAD: "a PDF's running head or foot: a line repeated at the top or bottom of its pages",
    Exclusion.PAGE_NUMBER: "a PDF's page numbers, standing alone at the top or bottom of the page",
    Exclusion.MARGIN: "short PDF text outside the body's columns (line numbers, a rotated stamp, a navigation strip)",
}


@dataclass(frozen=True)
class Excluded:
    """Furniture kept out of the chapters, with the reason it was recognised."""

    source: str
    text: str
    reason: Exclusion


@dataclass(frozen=True)
class Reading:
    """What a format's reader makes of one file, before clean-up.

    ``text`` is the Markdown-ish text clean-up expects (see ``briefpack.readers``). The metadata fields
    are what the file states about itself (a web page's ``og:title``, JSON-LD, ``<meta name=author>``);
    the manifest's word still wins over them. ``excluded`` lists the parts of the file the reader left
    out, with the reason (a page's navigation, comments, related links), so nothing is dropped silently;
    their ``source`` is stamped by ``readers.settle``.
    """

    text: str
    warnings: tuple[str, ...] = ()
    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    published: str | None = None  # YYYY-MM-DD
    excluded: tuple[Excluded, ...] = ()


@dataclass(frozen=True)
class Cleaned:
    """What clean-up makes of one source's raw text."""

    blocks: tuple[Block, ...]
    excluded: tuple[Excluded, ...]
    title: str | None = None
    summary: str | None = None
    author: str | None = None
    publisher: str | None = None
    rights: str | None = None
    published: str | None = None  # inferred from the text; see Source.published_inferred
    place: str | None = None  # a wire dateline's place: "Zomba, Malawi"
    agency: str | None = None  # the agency a dateline names: "AP", "Reuters"


@dataclass(frozen=True)
class Source:
    """A source after reading and clean-up, with its metadata settled."""

    id: str
    rel: str
    format: str
    sha256: str
    words: int
    title: str | None
    author: str | None
    publisher: str | None
    published: str | None
    published_inferred: bool
    url: str | None
    summary: str | None
    rights: str | None
    blocks: tuple[Block, ...]
    excluded: tuple[Excluded, ...]
    place: str | None = None
    agency: str | None = None

    @property
    def short_title(self) -> str:
        title = self.title or self.rel
        if len(title) <= 60:
            return title
        words = title[:59].split()
        # A word is never cut (unless one word fills the line), and a heading does not end on "to" or "the".
        if len(words) > 1 and not title[59:60].isspace():
            words.pop()
        while len(words) > 1 and words[-1].islower() and len(words[-1]) <= 3:
            words.pop()
        return " ".join(words).rstrip(",;:–—-") + "…"


# --- theming ----------------------------------------------------------------


@dataclass(frozen=True)
class ThemeScore:
    theme: str
    score: float
    matched: tuple[str, ...]  # the rule patterns that matched, strongest first


@dataclass(frozen=True)
class ParagraphRef:
    """Where a paragraph stands in its source."""

    source: str
    ordinal: int


@dataclass(frozen=True)
class Paragraph:
    source: str  # Source.id
    ordinal: int
    text: str
    themes: tuple[str, ...]  # ranked, primary first
    scores: tuple[ThemeScore, ...]
    footnotes: tuple[Footnote, ...] = ()
    # The ordinal of the paragraph that opens this one's passage, and why this one joined the
    # paragraph before (None: it opens its passage). See analysis/passages.py.
    passage: int = 0
    joined: str | None = None
    # Near-identical paragraphs of other sources that this printed one stands for.
    duplicates: tuple[ParagraphRef, ...] = ()

    @property
    def primary(self) -> str:
        return self.themes[0]

    @property
    def anchor(self) -> str:
        return f"p-{self.source}-{self.ordinal}"


@dataclass(frozen=True)
class KeyPoint:
    """A sentence a chapter opens with, as its source wrote it; see analysis/keypoints.py."""

    text: str
    sources: tuple[str, ...]  # the sentence's own source first, then the sources that corroborate it
    anchor: str  # Paragraph.anchor of the paragraph it comes from
    chapter: str
    score: float
    centrality: float
    corroboration: int  # how many other sources state something like it
    position: float


@dataclass(frozen=True)
class Chapter:
    id: str
    title: str
    paragraphs: tuple[Paragraph, ...]  # paragraphs whose primary theme is this chapter
    see_also: tuple[Paragraph, ...] = ()  # paragraphs for which this is a secondary theme
    key_points: tuple[KeyPoint, ...] = ()


# --- dates and the timeline -------------------------------------------------


@dataclass(frozen=True)
class Timex:
    """A temporal expression: offsets are Python string offsets into the text."""

    start: int
    end: int
    text: str
    value: str  # TIMEX3-style: 2020-05-26, 2019-11, 2016, 2020-SP, 2019-W23, 201, XXXX-05-26
    mod: str | None = None  # START, MID, END or None


@dataclass(frozen=True)
class Mention:
    """Where one source reports an event."""

    source: str
    paragraph: str  # Paragraph.anchor
    chapter: str


@dataclass(frozen=True)
class Event:
    date: str  # TIMEX3-style value
    mod: str | None
    precision: str  # day, month, season, quarter, half, year, decade, week
    text: str  # the clause or sentence that says what happened
    mentions: tuple[Mention, ...]
    end: str | None = None  # a range ("from 1991 to 1997", "3-4 June") is one event with an end value

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.source for m in self.mentions))

    @property
    def chapter(self) -> str:
        return self.mentions[0].chapter


@dataclass(frozen=True)
class LeftOut:
    """An event kept out of the timeline, and why (for ``explain``)."""

    event: Event
    reason: str


@dataclass(frozen=True)
class Corrected:
    """What one correction did: the events it re-dated or dropped (none: it matched nothing)."""

    correction: Correction
    events: tuple[Event, ...]


@dataclass(frozen=True)
class TimelineReport:
    left_out: tuple[LeftOut, ...] = ()
    corrections: tuple[Corrected, ...] = ()


@dataclass(frozen=True)
class GlossaryEntry:
    short: str
    long: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Summary:
    """The page before chapter 1: the top key points across chapters and the key dates."""

    points: tuple[KeyPoint, ...]
    dates: tuple[Event, ...]


@dataclass(frozen=True)
class Duplicate:
    """A source's paragraph not printed because a near-identical one of another source is."""

    paragraph: Paragraph
    printed: ParagraphRef


@dataclass(frozen=True)
class Supersession:
    """A later version of the same story: the source index marks the older as superseded."""

    newer: str  # Source.id
    older: str


@dataclass(frozen=True)
class Pack:
    """Everything the templates and the export need, and nothing more."""

    manifest: Manifest
    sources: tuple[Source, ...]
    chapters: tuple[Chapter, ...]
    timeline: tuple[Event, ...]
    glossary: tuple[GlossaryEntry, ...]
    warnings: tuple[str, ...]
    summary: Summary | None = None
    duplicates: tuple[Duplicate, ...] = ()
    supersessions: tuple[Supersession, ...] = ()
    timeline_report: TimelineReport = field(default_factory=TimelineReport)
