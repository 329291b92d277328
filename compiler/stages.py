"""The build's own stages, from a manifest to the view the templates see.

Nothing here imports WeasyPrint: the build runs these in a forked child while
WeasyPrint starts in the parent (``overlap``), and each process imports only
what it runs.
"""
from __future__ import annotations

from functools import partial

from briefpack.analysis.glossary import build_glossary
from briefpack.analysis.theme import RegexTimeout, theme_source, theme_sources
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
        clean_keys[spec.id] = cache.clean_key(spec, manifest.max_source_bytes)
        source, source_warnings = cache.get("clean", clean_keys[spec.id], spec.id,
                                            partial(load_source, spec, max_bytes=manifest.max_source_bytes))
        loaded.append(source)
        warnings.extend(source_warnings)
    sources = tuple(loaded)

    progress("theming paragraphs", 0, total, "sources")

    def theme(source, themes, fallback):
        return cache.get("theme", cache.theme_key(clean_keys[source.id], themes, fallback), source.id,
                         lambda: theme_source(source, themes, fallback))

    try:
        theming = theme_sources(sources, manifest.themes, manifest.fallback, theme=theme)
    except RegexTimeout as timeout:  # the rule knows its line; the manifest is where it stands
        raise BriefpackError(timeout.message, path=manifest.path, line=timeout.line) from None
    filled = {c.id for c in theming.chapters if c.paragraphs}
    warnings.extend(f"theme '{t.id}' claims no paragraph as its own; its chapter has only see-also lines or is left out"
                    for t in manifest.themes if t.id not in filled)

    progress("dating events", 0, total, "sources")
    dated = iter(range(1, total + 1))

    def tag(source, body, *, day_first):
        progress("dating events", next(dated), total, "sources")
        return cache.get("date", cache.date_key(body, source.published, day_first), source.id,
                         lambda: tag_source(source, body, day_first=day_first))

    timeline, report = build_timeline_report(sources, theming.paragraphs, day_first=manifest.day_first, tag=tag,
                                             settings=manifest.timeline)
    warnings.extend(f"timeline correction '{c.correction.match}' ({manifest.path.name} line "
                    f"{c.correction.line}) matches no event" for c in report.corrections if not c.events)
    progress("collecting the glossary")
    glossary = build_glossary((p.source, p.text) for p in theming.paragraphs)

    return Pack(manifest=manifest, sources=sources, chapters=theming.chapters, timeline=timeline,
                glossary=glossary, warnings=tuple(warnings), timeline_report=report)


def compile_view(manifest: Manifest, cache: Cache, progress: Progress = silent) -> tuple[View, Cache]:
    """The pack, as the view the templates see; and the cache, which now knows what it served and stored."""
    pack = compile_pack(manifest, progress, cache)
    progress("building the view")
    return build_view(pack, stylesheet(manifest.layout, manifest.paper)), cache
