"""``briefpack build``: the pack, unless it is up to date."""

from __future__ import annotations

import contextlib
import json
import sys
from pathlib import Path

import click

from briefpack.cli.app import OUT_HELP, cli, pack_paths, user_errors
from briefpack.errors import shown
from briefpack.model import Source


def kept_out_line(sources: tuple[Source, ...]) -> str:
    """How much clean-up kept out of the chapters, by reason: nothing leaves silently."""
    from briefpack.readers.settle import kept_out

    tally = kept_out(sources)
    if not tally:
        return "kept out: nothing"
    blocks = sum(n for n, _ in tally.values())
    words = sum(w for _, w in tally.values())
    reasons = ", ".join(f"{reason} {n}" for reason, (n, _) in tally.items())
    return f"kept out: {blocks} blocks, {words} words ({reasons})"


@cli.command()
@click.argument("manifest", required=False, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), help=OUT_HELP)
@click.option("-q", "--quiet", is_flag=True, help="Print only warnings and errors.")
@click.option("--force", is_flag=True, help="Ignore the cache and the up-to-date check; rebuild everything.")
@click.option("--strict", is_flag=True, help="Fail (exit 1) if the build has warnings, and list them.")
@click.option(
    "--timings",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write each stage's wall and CPU time and peak memory to this JSON file "
    "(for benchmarks; an up-to-date pack writes none).",
)
@user_errors
def build(
    manifest: Path | None, out_dir: Path | None, quiet: bool, force: bool, strict: bool, timings: Path | None
) -> None:
    """Build the pack described by MANIFEST (default: pack.yaml, else briefpack.yaml, in this folder)."""
    from briefpack.cache import current_stamp

    manifest, out_dir = pack_paths(manifest, out_dir)
    stamp = None if force else current_stamp(out_dir, manifest)
    if stamp is not None:
        if not quiet:
            click.echo(f"up to date: {stamp.outputs[0][0]} ({stamp.pages} pages); --force rebuilds")
        if strict:  # the last build's warnings still stand: they are in its JSON export
            _fail_on(_exported_warnings(Path(stamp.outputs[0][0]).with_suffix(".json")))
        return
    from briefpack.build import build as run_build
    from briefpack.progress import Terminal, silent

    display = Terminal() if not quiet and sys.stderr.isatty() else contextlib.nullcontext(None)
    with display as terminal:
        result = run_build(manifest, out_dir, progress=terminal or silent, force=force)
    if timings is not None:
        timings.write_text(
            json.dumps(
                [
                    {
                        "stage": t.stage,
                        "seconds": round(t.seconds, 4),
                        "cpu_seconds": round(t.cpu_seconds, 4),
                        "peak_rss_kb": t.peak_rss_kb,
                    }
                    for t in result.stages
                ],
                indent=1,
            )
            + "\n"
        )
    pack = result.pack
    if not quiet:
        click.echo(f"built {result.pdf} ({result.pages} pages), {result.html}, {result.json}")
        for chapter in pack.chapters:
            click.echo(
                f"  {chapter.title}: {len(chapter.paragraphs)} paragraphs"
                + (f", {len(chapter.see_also)} see-also" if chapter.see_also else "")
            )
        click.echo(
            f"  timeline: {len(pack.timeline)} entries; sources: {len(pack.sources)}; "
            f"glossary: {len(pack.glossary)}; warnings: {len(pack.warnings)}"
        )
        click.echo(f"  {kept_out_line(pack.sources)}; `briefpack explain --excluded` lists them")
    if strict:
        _fail_on(list(pack.warnings))
    for warning in pack.warnings:
        click.echo(f"warning: {shown(warning)}", err=True)


def _exported_warnings(export: Path) -> list[str]:
    try:
        return [str(w) for w in json.loads(export.read_text(encoding="utf-8")).get("warnings", [])]
    except (OSError, ValueError, AttributeError):
        return []  # the stamp vouched for this file; if it is gone since, the next build remakes it


def _fail_on(warnings: list[str]) -> None:
    """--strict: each warning as an error line, and exit 1 (the outputs are written, as MkDocs' --strict does)."""
    if not warnings:
        return
    for warning in warnings:
        click.echo(f"error: {warning}", err=True)
    click.echo(f"error: {len(warnings)} warning{'s' if len(warnings) != 1 else ''} with --strict", err=True)
    sys.exit(1)
