"""``briefpack new``: a first manifest for a folder of sources, written so that it builds.

Every readable source in the folder and below is listed, sorted by path, with
what its text states (title, author, publisher, date) filled in and marked as
inferred; the themes are suggested from the paragraphs themselves
(``analysis.grouping``), so the first build already has chapters. Each key
carries a comment saying what it does: this file is where a new user learns
the manifest. An existing manifest is never overwritten.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from briefpack.analysis.grouping import Suggestion, suggest_themes, weight
from briefpack.errors import BriefpackError
from briefpack.manifest import FORMATS
from briefpack.manifest.checker import PARTIAL_DATE
from briefpack.manifest.locate import MANIFEST_NAMES
from briefpack.manifest.patterns import source_files
from briefpack.model import Source, SourceSpec
from briefpack.readers.settle import load_source

MAX_SOURCE_BYTES = 20 * 1024 * 1024  # the manifest's default max_source_mb
COMMENT_COLUMN = 44
FALLBACK = {"id": "other", "title": "Other matters"}


@dataclass(frozen=True)
class Found:
    """A source as ``new`` read it: its manifest entry, or why it was left out."""

    rel: str
    source: Source | None
    problem: str | None = None


def find_sources(folder: Path) -> list[Path]:
    """Every file of a known format in ``folder`` and below, as a ``{folder: .}`` entry would list them."""
    return source_files(folder, frozenset(FORMATS))


def read_sources(folder: Path, paths: list[Path]) -> list[Found]:
    found = []
    for number, path in enumerate(paths, start=1):
        rel = path.relative_to(folder).as_posix()
        spec = SourceSpec(id=f"S{number}", path=path.resolve(), rel=rel, format=FORMATS[path.suffix.lower()])
        if not spec.path.is_relative_to(folder.resolve()):  # the build would refuse it: say so now
            found.append(Found(rel=rel, source=None, problem="a link to a file outside this folder"))
            continue
        try:
            source, _ = load_source(spec, max_bytes=MAX_SOURCE_BYTES)
        except BriefpackError as error:
            found.append(Found(rel=rel, source=None, problem=error.message))
            continue
        found.append(Found(rel=rel, source=source))
    return found


def new_manifest(folder: Path, today: datetime.date | None = None) -> tuple[Path, Suggestion, list[Found]]:
    """Write ``folder/pack.yaml``; refuse if the folder has a manifest already or no readable source."""
    folder = folder.resolve()
    if not folder.is_dir():
        raise BriefpackError("not a folder", path=folder)
    existing = [folder / name for name in MANIFEST_NAMES if (folder / name).exists()]
    if existing:
        raise BriefpackError(
            "a manifest is here already; briefpack new never overwrites one (edit it, or delete it to start again)",
            path=existing[0],
        )
    found = read_sources(folder, find_sources(folder))
    readable = [f for f in found if f.source is not None]
    if not readable:
        kinds = ", ".join(sorted({suffix for suffix in FORMATS}))
        reasons = "".join(f"; {f.rel}: {f.problem}" for f in found)
        raise BriefpackError(
            f"no readable source in this folder or below (looked for {kinds} files){reasons}", path=folder
        )
    suggestion = suggest_themes([(f.source.id, block.text) for f in readable if f.source for block in f.source.blocks])
    text = manifest_text(folder.name, found, suggestion, today or datetime.date.today())
    target = folder / MANIFEST_NAMES[0]
    with open(target, "x", encoding="utf-8") as stream:  # "x": a manifest written meanwhile is kept, too
        stream.write(text)
    return target, suggestion, found


def manifest_text(folder_name: str, found: list[Found], suggestion: Suggestion, today: datetime.date) -> str:
    sources = [f.source for f in found if f.source is not None]
    latest = max((s.published for s in sources if s.published), default=None)
    lines = [
        f"# The manifest of a briefing pack, written by `briefpack new` on {today.isoformat()}.",
        "# Change anything, then `briefpack build` makes the pack in out/ beside this file.",
        "# `briefpack explain` shows why each paragraph is in its chapter; `briefpack serve` rebuilds",
        "# and shows the pages in your browser whenever you save this file or a source.",
        "# Values marked 'inferred' were read from the sources' own text: check them.",
        "",
        _line(f"title: {_scalar(_title_of(folder_name))}", "the pack's title (required): the folder's name for now"),
        _line("# subtitle: …", "a second line on the cover"),
        _line(
            f"# date: {latest or today.isoformat()}",
            "the pack's date: 2024, 2024-09 or 2024-09-30" + (" (the latest source's)" if latest else ""),
        ),
        _line("# author: …", "you: the PDF's author, and who signs its emails"),
        _line("# organisation: …", "on the cover"),
        _line("# handling: …", "a handling line on the cover and every page's foot"),
        _line("language: en", "the sources' language: hyphenation and dates follow it"),
        _line(f"output: {_output_name(folder_name)}", "the outputs' file name: out/<output>.pdf, .html and .json"),
    ]
    if suggestion.keywords:
        lines.append(
            _line(
                f"keywords: {_flow(suggestion.keywords[:8])}",
                "inferred: the words most paragraphs share; the PDF's keywords",
            )
        )
    lines += ["", _line("sources:", "every readable file here and below, by path; ids S1, S2, … in this order")]
    for f in found:
        if f.source is not None:
            lines += _source_lines(f.source)
    skipped = [f for f in found if f.source is None]
    if skipped:
        lines.append("# Left out, because briefpack cannot read them:")
        lines += [f"#   {f.rel}: {f.problem}" for f in skipped]
    lines += ["", *_theme_lines(suggestion)]
    return "\n".join(lines) + "\n"


def _source_lines(source: Source) -> list[str]:
    lines = [f"  - file: {_scalar(source.rel)}"]
    for key, value in (
        ("title", source.title),
        ("author", source.author),
        ("publisher", source.publisher),
        ("published", source.published),
    ):
        if value:
            lines.append(_line(f"    {key}: {_scalar(value)}", "inferred"))
        else:
            lines.append(
                _line(
                    f"    # {key}: …",
                    f"not stated in the text; give it, or write '{key}: none'"
                    if key in ("author", "publisher")
                    else "not stated in the text; give it if known",
                )
            )
    return lines


def _theme_lines(suggestion: Suggestion) -> list[str]:
    lines = [
        _line("themes:", "one chapter each, in this order"),
        "  # Suggested from the words that set groups of paragraphs apart: rename, merge, split and",
        "  # reword them. A paragraph's score for a theme is the sum of the weights of the terms it",
        "  # contains (a term also finds its plurals and verb forms); it joins the theme it scores",
        "  # best on, at or above the threshold. `briefpack explain` shows every score.",
    ]
    themes = suggestion.themes
    used: set[str] = {FALLBACK["id"]}
    for theme in themes:
        forms = [t.form for t in theme.terms]
        theme_id = _unique(_slug(forms[0]), used)
        lines += [
            f"  - id: {theme_id}",
            _line(
                f"    title: {_scalar(_theme_title(forms))}",
                f"{theme.paragraphs} paragraphs from {theme.sources} source{'s' if theme.sources != 1 else ''}",
            ),
            _line("    threshold: 2", "the score a paragraph needs to join"),
            _line("    terms:", "term: weight"),
            *(f"      {_scalar(form)}: {weight(index):g}" for index, form in enumerate(forms)),
        ]
    if not themes:  # not one word of three letters beyond the commonest: a chapter that takes every paragraph
        lines += ["  - id: main", "    title: Main points", _line('    regex: ["\\\\w"]', "any word: every paragraph")]
    left = f"{suggestion.unsorted} of {suggestion.paragraphs} paragraphs for now"
    lines.append(
        _line(
            f"fallback: {{id: {FALLBACK['id']}, title: {FALLBACK['title']}}}",
            f"the chapter for paragraphs no theme claims: {left}",
        )
    )
    return lines


def _line(code: str, comment: str) -> str:
    return f"{code.ljust(COMMENT_COLUMN - 1)} # {comment}" if len(code) < COMMENT_COLUMN - 1 else f"{code}  # {comment}"


def _scalar(value: str) -> str:
    """A YAML scalar that reads back as this text, quoted only where YAML needs it.

    A date stays bare, as people write it: the manifest reads values as text, never as YAML timestamps.
    """
    if PARTIAL_DATE.match(value):
        return value
    dumped = yaml.safe_dump(value, allow_unicode=True, width=1 << 20)
    return dumped.removesuffix("\n").removesuffix("\n...").strip()


def _flow(values: tuple[str, ...] | list[str]) -> str:
    return "[" + ", ".join(_scalar(v) for v in values) + "]"


def _title_of(folder_name: str) -> str:
    words = re.sub(r"[-_]+", " ", folder_name).strip() or "Briefing pack"
    return words[:1].upper() + words[1:]


def _output_name(folder_name: str) -> str:
    name = re.sub(r"[^\w.-]+", "-", folder_name).strip("-.")
    return name or "pack"


def _theme_title(forms: list[str]) -> str:
    shown = forms[:3]
    text = shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]
    return text[:1].upper() + text[1:]


def _slug(form: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", form.lower()).strip("-")
    return slug if re.match(r"^[a-z]", slug) else f"theme-{slug}".rstrip("-")


def _unique(slug: str, used: set[str]) -> str:
    candidate, number = slug, 2
    while candidate in used:
        candidate, number = f"{slug}-{number}", number + 1
    used.add(candidate)
    return candidate
