"""``briefpack preview``: the pack's pages as PNG images."""

from __future__ import annotations

from pathlib import Path

import click

from briefpack.cli.app import OUT_HELP, cli, pack_paths, stage_display, user_errors


@cli.command()
@click.argument("manifest", required=False, type=click.Path(path_type=Path))
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help=OUT_HELP + " The PNG pages go into its preview/ subfolder.",
)
@click.option("--dpi", default=60, show_default=True, type=click.IntRange(10, 600), help="Resolution of the PNGs.")
@user_errors
def preview(manifest: Path | None, out_dir: Path | None, dpi: int) -> None:
    """Build MANIFEST if its PDF is missing or older than its inputs, and write each page as a PNG."""
    from briefpack.cache import current_stamp
    from briefpack.layout.preview import render_pages

    manifest, out_dir = pack_paths(manifest, out_dir)
    # The build stamp covers the manifest, the sources, the layouts and the compiler itself.
    if current_stamp(out_dir, manifest) is None:
        from briefpack.build import build as run_build

        with stage_display(quiet=False) as progress:
            pdf = run_build(manifest, out_dir, progress=progress).pdf
    else:
        from briefpack.manifest import load_manifest

        pdf = out_dir / f"{load_manifest(manifest).name}.pdf"
    target = out_dir / "preview"
    for stale in target.glob("page-*.png"):
        stale.unlink()
    pages = render_pages(pdf, target, dpi=dpi)
    click.echo(f"wrote {len(pages)} pages of {pdf} to {target}/ at {dpi} dpi")
