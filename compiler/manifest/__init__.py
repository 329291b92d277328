"""Load and validate a pack manifest, reporting every problem at once.

The YAML is composed into nodes rather than loaded into Python objects so
that each problem can name the line it stands on, and so that aliases can
be counted before anything is expanded (a "billion laughs" manifest is
refused instead of eating the machine's memory).
"""

from __future__ import annotations

import difflib
import math
import re
from pathlib import Path

import regex
import yaml

from briefpack.distribution.recipients import read_distribution
from briefpack.errors import ManifestError
from briefpack.manifest.checker import PAPERS, Checker, compose, megabytes, read_text
from briefpack.manifest.grouping import read_actors, read_passages, read_pins
from briefpack.manifest.patterns import expand
from briefpack.manifest.stated import absent, read_out, unless_absent
from briefpack.manifest.timeline import read_timeline
from briefpack.model import Manifest, PdfVariant, Rule, SourceFormat, SourceSpec, ThemeSpec

FORMATS = {
    ".txt": SourceFormat.TXT,
    ".text": SourceFormat.TXT,
    ".md": SourceFormat.MD,
    ".markdown": SourceFormat.MD,
    ".html": SourceFormat.HTML,
    ".htm": SourceFormat.HTML,
    ".pdf": SourceFormat.PDF,
}


LAYOUTS = ("default", "compact")


PDF_VARIANTS = tuple(variant.value for variant in PdfVariant)


THEME_ID = re.compile(r"^[a-z][a-z0-9_-]*$")
# A source id names the source in citations and in the HTML's anchors: a letter, then letters,
# digits, - or _ (S1, reuters-3), so no id can carry markup or break out of an attribute.
SOURCE_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_-]{0,63}\Z")


TOP_KEYS = {
    "title": True,
    "subtitle": False,
    "date": False,
    "author": False,
    "organisation": False,
    "handling": False,
    "language": False,
    "keywords": False,
    "output": False,
    "layout": False,
    "paper": False,
    "pdf_variant": False,
    "day_first": False,
    "actors": False,
    "sources": True,
    "themes": True,
    "fallback": True,
    "allow_outside": False,
    "recipients": False,
    "smtp": False,
    "max_message_mb": False,
    "max_source_mb": False,
    "distribution": False,
    "timeline": False,
    "out": False,
    "note": False,
    "note_file": False,
    "email_templates": False,
    "passages": False,
    "pins": False,
    "summary": False,
}


SOURCE_KEYS = {
    "file": True,
    "id": False,
    "format": False,
    "title": False,
    "author": False,
    "publisher": False,
    "published": False,
    "url": False,
}


THEME_KEYS = {
    "id": True,
    "title": True,
    "terms": False,
    "regex": False,
    "threshold": False,
    "summary": False,
    "exclude": False,
    "not": False,
    "key_points": False,
}


FALLBACK_KEYS = {"id": True, "title": True, "summary": False, "key_points": False}
MAX_KEY_POINTS = 5


def load_manifest(path: Path | str) -> Manifest:
    """Read and validate the manifest at ``path``; raise ManifestError listing every problem."""
    path = Path(path).absolute()
    raw = read_text(path)
    root = compose(raw, path)
    check = Checker(path)
    manifest = _read(root, path, check)
    if check.problems:
        raise ManifestError(check.problems)
    return manifest


def _read(root: yaml.Node, path: Path, check: Checker) -> Manifest:
    top = check.mapping(root, "the manifest", TOP_KEYS)
    title = check.text(top, "title") or ""
    if "title" in top and not title:
        check.problem(top["title"], "'title' must not be empty")
    allow_outside = check.boolean(top, "allow_outside", False)
    sources = _read_sources(check.sequence(top, "sources"), path, check, allow_outside)
    if "sources" in top and not sources and not check.problems:
        check.problem(top["sources"], "'sources' lists no source")
    themes = _read_themes(check.sequence(top, "themes"), check)
    if "themes" in top and not themes and not check.problems:
        check.problem(top["themes"], "'themes' lists no theme")
    themes, fallback = _read_fallback(top.get("fallback"), themes, check)
    recipients, smtp, letter = read_distribution(top, path, check, allow_outside)
    actors, aliases = read_actors(top, check)
    name = check.text(top, "output") or path.stem
    if not re.match(r"^[\w.-]+$", name) or name.startswith("."):
        check.problem(top.get("output"), f"'output' must be a plain file name, not '{name}'")
    return Manifest(
        path=path,
        title=title,
        name=name,
        subtitle=check.text(top, "subtitle"),
        date=check.date(top, "date"),
        author=check.text(top, "author"),
        organisation=check.text(top, "organisation"),
        handling=check.text(top, "handling"),
        language=check.text(top, "language", "en"),
        keywords=check.strings(top, "keywords"),
        sources=sources,
        themes=themes,
        fallback=fallback,
        layout=check.choice(top, "layout", LAYOUTS, "default"),
        paper=check.choice(top, "paper", PAPERS, "A4"),
        pdf_variant=PdfVariant(check.choice(top, "pdf_variant", PDF_VARIANTS, "ua")),
        day_first=check.boolean(top, "day_first", True),
        actors=actors,
        aliases=aliases,
        passages=read_passages(top, check),
        pins=read_pins(top, sources, themes, check),
        summary=check.boolean(top, "summary", True),
        recipients=recipients,
        smtp=smtp,
        max_message_bytes=megabytes(check, top, "max_message_mb", 10),
        max_source_bytes=megabytes(check, top, "max_source_mb", 20),
        out=read_out(check, top, path, allow_outside),
        letter=letter,
        timeline=read_timeline(top.get("timeline"), check),
    )


def _read_sources(nodes: list[yaml.Node], path: Path, check: Checker, allow_outside: bool) -> tuple[SourceSpec, ...]:
    root = path.parent.resolve()
    specs: list[SourceSpec] = []
    seen_ids: dict[str, int] = {}
    for number, node in enumerate(expand(nodes, path, check, frozenset(FORMATS)), start=1):
        if isinstance(node, yaml.ScalarNode):  # a bare file name is allowed
            node = yaml.MappingNode(
                "tag:yaml.org,2002:map",
                [(yaml.ScalarNode("tag:yaml.org,2002:str", "file", node.start_mark), node)],
                node.start_mark,
                node.end_mark,
            )
        keys = check.mapping(node, f"source {number}", SOURCE_KEYS)
        rel = check.required(keys, "file", f"source {number}")
        if rel is None:
            continue
        source_id = check.text(keys, "id", f"S{number}") or f"S{number}"
        if not SOURCE_ID.match(source_id):
            check.problem(
                keys["id"], f"source id '{source_id}' must be a letter then letters, digits, - or _ (at most 64)"
            )
        if source_id in seen_ids:
            check.problem(
                keys.get("id", node), f"duplicate source id '{source_id}' (also on line {seen_ids[source_id]})"
            )
        seen_ids[source_id] = node.start_mark.line + 1
        try:
            # resolve() follows symlinks, so a link inside the folder to a file outside counts as outside
            file = (path.parent / rel).resolve()
            is_file = file.is_file()
        except (OSError, ValueError, RuntimeError) as exc:  # NUL byte, name too long, symlink loop
            reason = getattr(exc, "strerror", None) or exc
            check.problem(keys["file"], f"source file cannot be used: '{rel}' ({reason})")
            continue
        if not allow_outside and not file.is_relative_to(root):
            check.problem(
                keys["file"],
                f"source '{rel}' lies outside the manifest's folder (set 'allow_outside: true' to allow it)",
            )
            continue  # nothing more about a file that will not be read is worth saying
        if not is_file:
            check.problem(keys["file"], f"source file not found: '{rel}'")
        stated = check.text(keys, "format")
        fmt = (
            (SourceFormat(stated) if stated in set(SourceFormat) else None)
            if stated
            else FORMATS.get(file.suffix.lower())
        )
        if fmt is None:
            check.problem(
                keys.get("format", keys["file"]),
                f"cannot tell the format of '{rel}': set 'format' to one of txt, md, html, pdf",
            )
            fmt = SourceFormat.TXT
        gone = absent(check, keys)
        given = unless_absent(keys, gone)
        specs.append(
            SourceSpec(
                id=source_id,
                path=file,
                rel=rel,
                format=fmt,
                title=check.text(keys, "title"),
                author=check.text(given, "author"),
                publisher=check.text(given, "publisher"),
                published=check.date(given, "published"),
                url=check.text(keys, "url"),
                absent=gone,
            )
        )
    return tuple(specs)


def _read_rules(keys: dict[str, yaml.Node], key: str, check: Checker, *, is_regex: bool) -> list[Rule]:
    """Rules are a list of patterns (weight 1) or a mapping of pattern to weight."""
    node = keys.get(key)
    if node is None:
        return []
    rules: list[Rule] = []
    if isinstance(node, yaml.SequenceNode):
        # A list may mix bare patterns with one-entry mappings that give a weight.
        pairs: list[tuple[yaml.Node, yaml.Node | None]] = []
        for item in node.value:
            pairs.extend(item.value if isinstance(item, yaml.MappingNode) else [(item, None)])
    elif isinstance(node, yaml.MappingNode):
        pairs = list(node.value)
    else:
        check.problem(node, f"'{key}' must be a list of patterns or a mapping of pattern to weight")
        return []
    for pattern_node, weight_node in pairs:
        pattern = pattern_node.value if isinstance(pattern_node, yaml.ScalarNode) else None
        if not pattern or not str(pattern).strip():
            check.problem(pattern_node, f"each entry of '{key}' must be a non-empty pattern")
            continue
        weight = 1.0
        if weight_node is not None:
            try:
                weight = float(weight_node.value)
            except (TypeError, ValueError):
                weight = math.nan
            if not math.isfinite(weight):
                check.problem(weight_node, f"weight of '{pattern}' must be a number")
                continue
        if is_regex:
            try:  # with the engine theming runs them on
                regex.compile(pattern, regex.IGNORECASE | regex.V0)
            except (regex.error, RecursionError, OverflowError) as exc:  # the latter two: absurd nesting or repeats
                check.problem(pattern_node, f"invalid regular expression '{pattern}': {exc}")
                continue
        rules.append(
            Rule(pattern=str(pattern).strip(), weight=weight, regex=is_regex, line=pattern_node.start_mark.line + 1)
        )
    return rules


def _read_themes(nodes: list[yaml.Node], check: Checker) -> tuple[ThemeSpec, ...]:
    themes: list[ThemeSpec] = []
    for number, node in enumerate(nodes, start=1):
        keys = check.mapping(node, f"theme {number}", THEME_KEYS)
        theme_id = check.text(keys, "id")
        if theme_id is None:
            continue
        if not THEME_ID.match(theme_id):
            check.problem(keys["id"], f"theme id '{theme_id}' must be lower-case letters, digits, - or _")
        if any(t.id == theme_id for t in themes):
            check.problem(keys["id"], f"duplicate theme id '{theme_id}'")
        reported = len(check.problems)
        rules = _read_rules(keys, "terms", check, is_regex=False) + _read_rules(keys, "regex", check, is_regex=True)
        if not rules and len(check.problems) == reported:  # an empty 'terms:' is no rule either
            check.problem(node, f"theme '{theme_id}' has no rules: give it 'terms' or 'regex'")
        themes.append(
            ThemeSpec(
                id=theme_id,
                title=check.text(keys, "title") or theme_id,
                rules=tuple(rules),
                threshold=check.number(keys, "threshold", 1.0, minimum=0),
                summary=check.text(keys, "summary", multiline=True),
                excludes=tuple(
                    _read_rules(keys, "exclude", check, is_regex=False)
                    + _read_rules(keys, "not", check, is_regex=False)
                ),
                key_points=_key_points(keys, check),
            )
        )
    return tuple(themes)


def _key_points(keys: dict[str, yaml.Node], check: Checker) -> int | None:
    """How many key points the chapter opens with: 0 turns them off; unset, the chapter's size decides."""
    if "key_points" not in keys:
        return None
    return int(check.number(keys, "key_points", 3, integer=True, minimum=0, maximum=MAX_KEY_POINTS))


def _read_fallback(
    node: yaml.Node | None, themes: tuple[ThemeSpec, ...], check: Checker
) -> tuple[tuple[ThemeSpec, ...], str]:
    """The fallback is either a theme's id or a chapter of its own with no rules."""
    if node is None:
        return themes, ""
    if isinstance(node, yaml.ScalarNode):
        if not any(t.id == node.value for t in themes):
            ids = [t.id for t in themes]
            hint = difflib.get_close_matches(node.value, ids, n=1)
            suggestion = f" (did you mean '{hint[0]}'?)" if hint else ""
            check.problem(node, f"fallback '{node.value}' is not a theme id{suggestion}")
        return themes, node.value
    keys = check.mapping(node, "fallback", FALLBACK_KEYS)
    fallback_id = check.text(keys, "id") or "other"
    if any(t.id == fallback_id for t in themes):
        check.problem(node, f"fallback '{fallback_id}' is a theme already: name it by id alone")
        return themes, fallback_id
    fallback = ThemeSpec(
        id=fallback_id,
        title=check.text(keys, "title") or fallback_id,
        rules=(),
        threshold=0,
        summary=check.text(keys, "summary", multiline=True),
        key_points=_key_points(keys, check),
    )
    return themes + (fallback,), fallback_id
