"""``briefpack new``: a manifest for a folder of sources, ready to build."""

from __future__ import annotations

from pathlib import Path

import click

from briefpack.cli.app import cli, user_errors


@cli.command()
@click.argument("folder", default=".", type=click.Path(file_okay=False, path_type=Path))
@user_errors
def new(folder: Path) -> None:
    """Write FOLDER/pack.yaml listing every source in FOLDER and below, with suggested themes.

    The titles, authors, publishers and dates the texts state are filled in
    and marked as inferred; the themes come from the words that set groups of
    paragraphs apart. An existing manifest is never overwritten.
    """
    from briefpack.scaffold import new_manifest

    target, suggestion, found = new_manifest(folder)
    listed = [f for f in found if f.source is not None]
    click.echo(
        f"wrote {target}: {len(listed)} sources, {len(suggestion.themes)} suggested themes "
        f"({suggestion.paragraphs - suggestion.unsorted} of {suggestion.paragraphs} paragraphs sorted)"
    )
    for f in found:
        if f.source is None:
            click.echo(f"warning: {f.rel} left out: {f.problem}", err=True)
    where = "" if folder.resolve() == Path.cwd().resolve() else f" {target}"
    click.echo(f"next: briefpack build{where}   (then briefpack serve{where} to tune it as you look)")
