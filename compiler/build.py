"""The build, top to bottom: manifest, sources, chapters, timeline, HTML, PDF, outputs."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from briefpack.cache import CACHE_DIR, Cache, make_stamp, write_stamp
from briefpack.process import scratch_tempdir
from briefpack.progress import Progress, StageClock, StageTime, fan_out, silent

if TYPE_CHECKING:
    from briefpack.model import Pack


@dataclass(frozen=True)
class BuildResult:
    pack: Pack
    pages: int
    pdf: Path
    html: Path
    json: Path
    cache: Cache = field(default_factory=lambda: Cache(None), compare=False)
    stages: tuple[StageTime, ...] = ()  # in the order they started, from each process the build forked


def build(
    manifest_path: Path | str, out_dir: Path | str, progress: Progress = silent, *, force: bool = False
) -> BuildResult:
    """Build, reusing cached stage results unless ``force``; the caller checks for "up to date" first.

    The library's entry point: ``briefpack.build("pack.yaml", "out")``. It leaves the process
    as it found it (``briefpack.process``); user errors are raised as ``BriefpackError``.
    """
    with scratch_tempdir():
        return _build(Path(manifest_path), Path(out_dir), progress, force=force)


def _build(manifest_path: Path, out: Path, progress: Progress, *, force: bool) -> BuildResult:
    # Imported here, not at the top: ``import briefpack`` (and with it the CLI's up-to-date
    # check) must not pay for YAML, Jinja and fontTools.
    from briefpack.export import to_json
    from briefpack.layout.fonts import decoded_fonts
    from briefpack.manifest import load_manifest
    from briefpack.outputs import write_outputs
    from briefpack.overlap import Overlap

    clock = StageClock()
    report = fan_out(clock, progress)
    cache = Cache(out / CACHE_DIR, read=not force)
    manifest = load_manifest(manifest_path)
    # The stamp records the digests of what the build read, taken before the sources are
    # read, so a source edited mid-build leaves the stamp stale rather than the pack.
    manifest_digest = cache.source_digest(manifest.path)

    # The stages up to the view need nothing from WeasyPrint, nor its start-up anything from
    # them: one child runs the stages and another decodes the layout's fonts, while this process
    # imports WeasyPrint (only here, so that no child pays for it) and parses the stylesheet.
    with (
        Overlap(partial(_compile_view, manifest, cache), progress) as compiled,
        Overlap(partial(decoded_fonts, manifest.layout, manifest.paper)) as fonts,
    ):
        report("starting WeasyPrint")
        from briefpack.layout import render

        decoded, font_stages = fonts.result()
        renderer = render.Renderer(manifest.layout, manifest.paper, decoded)
        clock("waiting for the sources")  # timed, not shown: the display shows the stages it waits for
        (view, cache), compile_stages = compiled.result()

    report("laying out pages")
    layout = render.lay_out(view.pack, view=view, renderer=renderer)
    pack = replace(view.pack, warnings=view.pack.warnings + layout.warnings)
    export = to_json(pack, layout.pages)

    report("writing PDF", layout.pages, None, "pages")
    rendered = render.render_pdf(layout, variant=manifest.pdf_variant, attachments=render.attachments_for(pack, export))

    report("writing outputs")
    paths = {suffix: out / f"{manifest.name}.{suffix}" for suffix in ("pdf", "html", "json")}
    write_outputs(out, manifest.name, {paths["html"]: layout.html, paths["json"]: export, paths["pdf"]: rendered.pdf})
    inputs = {manifest.path: manifest_digest} | {spec.path: cache.source_digest(spec.path) for spec in manifest.sources}
    write_stamp(out, manifest.path, make_stamp(inputs, list(paths.values()), rendered.pages))
    pack = replace(pack, warnings=pack.warnings + rendered.warnings)
    stages = sorted((*compile_stages, *font_stages, *clock.stop()), key=lambda stage: stage.started)
    return BuildResult(
        pack=pack,
        pages=rendered.pages,
        pdf=paths["pdf"],
        html=paths["html"],
        json=paths["json"],
        cache=cache,
        stages=tuple(stages),
    )


def _compile_view(manifest, cache, progress):
    from briefpack.stages import compile_view  # imported in the child, beside WeasyPrint's import in the parent

    return compile_view(manifest, cache, progress)
