"""The build, top to bottom: manifest, sources, chapters, timeline, HTML, PDF, outputs."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from compiler.export import to_json
from compiler.glossary import build_glossary
from compiler.manifest import load_manifest
from compiler.model import Manifest, Pack
from compiler.outputs import write_atomic
from compiler.render import attachments_for, lay_out, render_pdf
from compiler.sources import load_source
from compiler.theme import theme_sources
from compiler.timeline import build_timeline

Progress = Callable[[str], None]


@dataclass(frozen=True)
class BuildResult:
    pack: Pack
    pages: int
    pdf: Path
    html: Path
    json: Path


def compile_pack(manifest: Manifest, progress: Progress = lambda stage: None) -> Pack:
    """Everything up to the rendered page: pure but for reading the sources."""
    warnings: list[str] = []
    progress("reading and cleaning sources")
    sources = []
    for spec in manifest.sources:
        source, source_warnings = load_source(spec, max_bytes=manifest.max_source_bytes)
        sources.append(source)
        warnings.extend(source_warnings)
    sources = tuple(sources)

    progress("theming paragraphs")
    theming = theme_sources(sources, manifest.themes, manifest.fallback)

    progress("dating events")
    timeline = build_timeline(sources, theming.paragraphs, day_first=manifest.day_first)
    glossary = build_glossary((p.source, p.text) for p in theming.paragraphs)

    return Pack(manifest=manifest, sources=sources, chapters=theming.chapters, timeline=timeline,
                glossary=glossary, warnings=tuple(warnings))


def build(manifest_path: Path | str, out_dir: Path | str, progress: Progress = lambda stage: None) -> BuildResult:
    manifest = load_manifest(manifest_path)
    pack = compile_pack(manifest, progress)

    out = Path(out_dir)
    progress("laying out pages")
    layout = lay_out(pack, page_hint=out / f".{manifest.name}.pages.json")
    pack = replace(pack, warnings=pack.warnings + layout.warnings)
    export = to_json(pack, layout.pages)
    rendered = render_pdf(layout, variant=manifest.pdf_variant, attachments=attachments_for(pack, export))

    progress("writing outputs")
    paths = {suffix: out / f"{manifest.name}.{suffix}" for suffix in ("pdf", "html", "json")}
    write_atomic(paths["html"], layout.html)
    write_atomic(paths["json"], export)
    write_atomic(paths["pdf"], rendered.pdf)
    pack = replace(pack, warnings=pack.warnings + rendered.warnings)
    return BuildResult(pack=pack, pages=rendered.pages, pdf=paths["pdf"], html=paths["html"], json=paths["json"])
