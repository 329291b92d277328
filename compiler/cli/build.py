"""``briefpack build``: the pack, unless it is up to date."""
from __future__ import annotations

import contextlib
import json
import sys
from pathlib import Path

import click

from briefpack.cli.app import DEFAULT_MANIFEST, cli, user_errors
from briefpack.errors import shown


@cli.command()
@click.argument("manifest", default=DEFAULT_MANIFEST, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", default="out", show_default=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the PDF, HTML and JSON.")
@click.option("-q", "--quiet", is_flag=True, help="Print only warnings and errors.")
@click.option("--force", is_flag=True, help="Ignore the cache and the up-to-date check; rebuild everything.")
@click.option("--timings", type=click.Path(dir_okay=False, path_type=Path),
              help="Write each stage's wall and CPU time and peak memory to this JSON file "
                   "(for benchmarks; an up-to-date pack writes none).")
@user_errors
def build(manifest: Path, out_dir: Path, quiet: bool, force: bool, timings: Path | None) -> None:
    """Build the pack described by MANIFEST (default: seeds/pack.yaml)."""
    from briefpack.cache import current_stamp

    stamp = None if force else current_stamp(out_dir, manifest)
    if stamp is not None:
        if not quiet:
            click.echo(f"up to date: {stamp.outputs[0][0]} ({stamp.pages} pages); --force rebuilds")
        return
    from briefpack.build import build as run_build
    from briefpack.progress import Terminal, silent

    display = Terminal() if not quiet and sys.stderr.isatty() else contextlib.nullcontext(None)
    with display as terminal:
        result = run_build(manifest, out_dir, progress=terminal or silent, force=force)
    if timings is not None:
        timings.write_text(json.dumps([{"stage": t.stage, "seconds": round(t.seconds, 4),
                                        "cpu_seconds": round(t.cpu_seconds, 4), "peak_rss_kb": t.peak_rss_kb}
                                       for t in result.stages], indent=1) + "\n")
    pack = result.pack
    if not quiet:
        click.echo(f"built {result.pdf} ({result.pages} pages), {result.html}, {result.json}")
        for chapter in pack.chapters:
            click.echo(f"  {chapter.title}: {len(chapter.paragraphs)} paragraphs"
                       + (f", {len(chapter.see_also)} see-also" if chapter.see_also else ""))
        click.echo(f"  timeline: {len(pack.timeline)} entries; sources: {len(pack.sources)}; "
                   f"glossary: {len(pack.glossary)}; warnings: {len(pack.warnings)}")
    for warning in pack.warnings:
        click.echo(f"warning: {shown(warning)}", err=True)
