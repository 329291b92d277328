"""The build's own stages, from a manifest to the view the templates see.

Nothing here imports WeasyPrint: the build runs these in a forked child while
WeasyPrint starts in the parent (``overlap``), and each process imports only
what it runs.
"""

from __future__ import annotations

from functools import partial

from briefpack.analysis.duplicates import credit_duplicates, say_once
from briefpack.analysis.glossary import build_glossary
from briefpack.analysis.summary import chapter_key_points, pack_summary
from briefpack.analysis.theme import RegexTimeout, ThemeSettings, build_chapters, theme_source, theme_sources
from briefpack.analysis.tuning import dead_term_warnings
from briefpack.cache import Cache
from briefpack.dating.timeline import build_timeline_report, tag_source
from briefpack.errors import BriefpackError
from briefpack.layout.view import View, build_view, stylesheet
from briefpack.model import Manifest, Pack, Source
from briefpack.progress import Progress, silent
from briefpack.readers.settle import load_source


def compile_pack(manifest: Manifest, progress: Progress = silent, cache: Cache | None = None) -> Pack:
    """Everything up to the rendered page: pure but for reading the sources (and the cache, if given)."""
    cache = cache or Cache(None)
    warnings: list[str] = []
    loaded: list[Source] = []
    clean_keys: dict[str, str] = {}
    total = len(manifest.sources)
    for done, spec in enumerate(manifest.sources):
        progress("reading and cleaning sources", done, total, "sources")
        clean_keys[spec.id] = cache.clean_key(spec, manifest.max_source_bytes, manifest.language)
        source, source_warnings = cache.get(
            "clean",
            clean_keys[spec.id],
            spec.id,
            partial(load_source, spec, max_bytes=manifest.max_source_bytes, language=manifest.language),
        )
        loaded.append(source)
        warnings.extend(source_warnings)
    sources = tuple(loaded)

    progress("theming paragraphs", 0, total, "sources")

    def theme(source, themes, fallback, settings: ThemeSettings):
        return cache.get(
            "theme",
            cache.theme_key(clean_keys[source.id], themes, fallback, settings),
            source.id,
            lambda: theme_source(source, themes, fallback, settings),
        )

    pins: dict[str, tuple[tuple[int, str], ...]] = {}
    for pin in manifest.pins:
        pins[pin.source] = (*pins.get(pin.source, ()), (pin.paragraph, pin.theme))
    try:
        theming = theme_sources(
            sources, manifest.themes, manifest.fallback, passages=manifest.passages, pins=pins, theme=theme
        )
    except RegexTimeout as timeout:  # the rule knows its line; the manifest is where it stands
        raise BriefpackError(timeout.message, path=manifest.path, line=timeout.line) from None
    warnings.extend(dead_term_warnings(theming.paragraphs, manifest.themes))
    progress("saying each fact once")
    said = say_once(theming.paragraphs, sources)
    chapters = build_chapters(said.printed, sources, manifest.themes)
    filled = {c.id for c in chapters if c.paragraphs}
    # An empty fallback is good news: every paragraph found a theme (or a passage) of its own.
    warnings.extend(
        f"theme '{t.id}' claims no paragraph as its own; its chapter has only see-also lines or is left out"
        for t in manifest.themes
        if t.id not in filled and t.id != manifest.fallback
    )

    progress("dating events", 0, total, "sources")
    dated = iter(range(1, total + 1))

    def tag(source, body, *, day_first):
        progress("dating events", next(dated), total, "sources")
        return cache.get(
            "date",
            cache.date_key(body, source.published, day_first),
            source.id,
            lambda: tag_source(source, body, day_first=day_first),
        )

    timeline, report = build_timeline_report(
        sources, said.printed, day_first=manifest.day_first, tag=tag, settings=manifest.timeline
    )
    timeline = credit_duplicates(timeline, said.printed)
    warnings.extend(
        f"timeline correction '{c.correction.match}' ({manifest.path.name} line {c.correction.line}) matches no event"
        for c in report.corrections
        if not c.events
    )
    progress("choosing key points")
    chapters = chapter_key_points(chapters, manifest.themes)
    summary = pack_summary(chapters, timeline) if manifest.summary else None
    progress("collecting the glossary")
    glossary = build_glossary((p.source, p.text) for p in theming.paragraphs)

    return Pack(
        manifest=manifest,
        sources=sources,
        chapters=chapters,
        timeline=timeline,
        glossary=glossary,
        warnings=tuple(warnings),
        timeline_report=report,
        summary=summary,
        duplicates=said.duplicates,
        supersessions=said.supersessions,
    )


def compile_view(manifest: Manifest, cache: Cache, progress: Progress = silent) -> tuple[View, Cache]:
    """The pack, as the view the templates see; and the cache, which now knows what it served and stored."""
    pack = compile_pack(manifest, progress, cache)
    progress("building the view")
    return build_view(pack, stylesheet(manifest.layout, manifest.paper)), cache
