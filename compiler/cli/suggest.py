"""``briefpack suggest``: terms that would place paragraphs, for each theme and the fallback."""

from __future__ import annotations

from pathlib import Path

import click

from briefpack.cli.app import cli, pack_paths, user_errors


@cli.command()
@click.argument("manifest", required=False, type=click.Path(path_type=Path))
@click.option("--count", default=10, show_default=True, help="Terms to list per chapter.")
@user_errors
def suggest(manifest: Path | None, count: int) -> None:
    """List, per chapter, the terms that best set its paragraphs apart from the rest (log-likelihood).

    A fallback chapter's terms are the ones to give a theme (or a new one) so its paragraphs find a home.
    """
    from briefpack.analysis.suggest import existing_terms
    from briefpack.analysis.suggest import suggest as suggest_terms
    from briefpack.manifest import load_manifest
    from briefpack.stages import compile_pack

    manifest, _ = pack_paths(manifest, None)
    pack = compile_pack(load_manifest(manifest))
    paragraphs = [*(p for c in pack.chapters for p in c.paragraphs), *(d.paragraph for d in pack.duplicates)]
    known = existing_terms(pack.manifest.themes)
    for theme in pack.manifest.themes:
        own = sum(1 for p in paragraphs if p.primary == theme.id)
        role = " (fallback)" if theme.id == pack.manifest.fallback else ""
        click.secho(f"{theme.id}{role}: {own} paragraph{'s' if own != 1 else ''}", bold=True)
        found = suggest_terms(paragraphs, theme.id, known, count)
        if not found:
            click.echo("  (nothing sets its paragraphs apart)")
        for s in found:
            click.echo(f"  {s.term:<32} G² {s.g2:>7.1f}   in {s.in_chapter} of its paragraphs, {s.elsewhere} elsewhere")
