"""The build, top to bottom: manifest, sources, chapters, timeline, HTML, PDF, outputs."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Protocol

from compiler.cache import CACHE_DIR, Cache, make_stamp, write_stamp
from compiler.export import to_json
from compiler.glossary import build_glossary
from compiler.manifest import load_manifest
from compiler.model import Manifest, Pack
from compiler.outputs import write_outputs
from compiler.render import attachments_for, lay_out, render_pdf
from compiler.sources import load_source
from compiler.theme import theme_source, theme_sources
from compiler.timeline import build_timeline, tag_source


class Progress(Protocol):
    """Told when a stage starts (``stage`` alone) and how far it has got (``done`` of ``total`` units)."""

    def __call__(self, stage: str, done: int | None = None, total: int | None = None, unit: str = "") -> None: ...


def silent(stage: str, done: int | None = None, total: int | None = None, unit: str = "") -> None:
    pass


@dataclass(frozen=True)
class BuildResult:
    pack: Pack
    pages: int
    pdf: Path
    html: Path
    json: Path
    cache: Cache = field(default_factory=lambda: Cache(None), compare=False)


def compile_pack(manifest: Manifest, progress: Progress = silent, cache: Cache | None = None) -> Pack:
    """Everything up to the rendered page: pure but for reading the sources (and the cache, if given)."""
    cache = cache or Cache(None)
    warnings: list[str] = []
    sources, clean_keys = [], {}
    total = len(manifest.sources)
    for done, spec in enumerate(manifest.sources):
        progress("reading and cleaning sources", done, total, "sources")
        clean_keys[spec.id] = cache.clean_key(spec, manifest.max_source_bytes)
        source, source_warnings = cache.get("clean", clean_keys[spec.id], spec.id,
                                            lambda: load_source(spec, max_bytes=manifest.max_source_bytes))
        sources.append(source)
        warnings.extend(source_warnings)
    sources = tuple(sources)

    progress("theming paragraphs", 0, total, "sources")

    def theme(source, themes, fallback):
        return cache.get("theme", cache.theme_key(clean_keys[source.id], themes, fallback), source.id,
                         lambda: theme_source(source, themes, fallback))

    theming = theme_sources(sources, manifest.themes, manifest.fallback, theme=theme)
    filled = {c.id for c in theming.chapters if c.paragraphs}
    warnings.extend(f"theme '{t.id}' claims no paragraph as its own; its chapter has only see-also lines or is left out"
                    for t in manifest.themes if t.id not in filled)

    progress("dating events", 0, total, "sources")
    dated = iter(range(1, total + 1))

    def tag(source, body, *, day_first):
        progress("dating events", next(dated), total, "sources")
        return cache.get("date", cache.date_key(body, source.published, day_first), source.id,
                         lambda: tag_source(source, body, day_first=day_first))

    timeline = build_timeline(sources, theming.paragraphs, day_first=manifest.day_first, tag=tag)
    progress("collecting the glossary")
    glossary = build_glossary((p.source, p.text) for p in theming.paragraphs)

    return Pack(manifest=manifest, sources=sources, chapters=theming.chapters, timeline=timeline,
                glossary=glossary, warnings=tuple(warnings))


def build(manifest_path: Path | str, out_dir: Path | str, progress: Progress = silent, *,
          force: bool = False) -> BuildResult:
    """Build, reusing cached stage results unless ``force``; the caller checks for "up to date" first."""
    out = Path(out_dir)
    cache = Cache(out / CACHE_DIR, read=not force)
    manifest = load_manifest(manifest_path)
    # The stamp records the digests of what the build read, taken before the sources are
    # read, so a source edited mid-build leaves the stamp stale rather than the pack.
    manifest_digest = cache.source_digest(manifest.path)
    pack = compile_pack(manifest, progress, cache)

    progress("laying out pages")
    layout = lay_out(pack)
    pack = replace(pack, warnings=pack.warnings + layout.warnings)
    export = to_json(pack, layout.pages)

    progress("writing PDF", layout.pages, None, "pages")
    rendered = render_pdf(layout, variant=manifest.pdf_variant, attachments=attachments_for(pack, export))

    progress("writing outputs")
    paths = {suffix: out / f"{manifest.name}.{suffix}" for suffix in ("pdf", "html", "json")}
    write_outputs(out, manifest.name, {paths["html"]: layout.html, paths["json"]: export, paths["pdf"]: rendered.pdf})
    inputs = {manifest.path: manifest_digest} | {
        spec.path: cache.source_digest(spec.path) for spec in manifest.sources}
    write_stamp(out, manifest.path, make_stamp(inputs, list(paths.values()), rendered.pages))
    pack = replace(pack, warnings=pack.warnings + rendered.warnings)
    return BuildResult(pack=pack, pages=rendered.pages, pdf=paths["pdf"], html=paths["html"], json=paths["json"],
                       cache=cache)
