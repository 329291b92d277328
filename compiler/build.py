"""The build, top to bottom: manifest, sources, chapters, timeline, HTML, PDF, outputs."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from compiler.export import to_json
from compiler.glossary import build_glossary
from compiler.manifest import load_manifest
from compiler.model import Manifest, Pack
from compiler.outputs import write_outputs
from compiler.render import render_html, render_pdf
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
    filled = {c.id for c in theming.chapters if c.paragraphs}
    warnings.extend(f"theme '{t.id}' claims no paragraph as its own; its chapter has only see-also lines or is left out"
                    for t in manifest.themes if t.id not in filled)

    progress("dating events")
    timeline = build_timeline(sources, theming.paragraphs, day_first=manifest.day_first)
    glossary = build_glossary((p.source, p.text) for p in theming.paragraphs)

    return Pack(manifest=manifest, sources=sources, chapters=theming.chapters, timeline=timeline,
                glossary=glossary, warnings=tuple(warnings))


def build(manifest_path: Path | str, out_dir: Path | str, progress: Progress = lambda stage: None) -> BuildResult:
    manifest = load_manifest(manifest_path)
    pack = compile_pack(manifest, progress)

    progress("rendering HTML")
    html = render_html(pack)

    progress("laying out pages")
    rendered = render_pdf(html, variant=manifest.pdf_variant)
    pack = Pack(manifest=pack.manifest, sources=pack.sources, chapters=pack.chapters, timeline=pack.timeline,
                glossary=pack.glossary, warnings=pack.warnings + rendered.warnings)

    progress("writing outputs")
    out = Path(out_dir)
    paths = {suffix: out / f"{manifest.name}.{suffix}" for suffix in ("pdf", "html", "json")}
    write_outputs(out, manifest.name, {paths["html"]: html, paths["json"]: to_json(pack, rendered.pages),
                                       paths["pdf"]: rendered.pdf})
    return BuildResult(pack=pack, pages=rendered.pages, pdf=paths["pdf"], html=paths["html"], json=paths["json"])
