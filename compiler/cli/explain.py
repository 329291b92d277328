"""``briefpack explain``: why each paragraph went where it did, and what was kept out."""
from __future__ import annotations

from pathlib import Path

import click

from briefpack.cli.app import cli, matching_id, pack_paths, user_errors
from briefpack.errors import BriefpackError
from briefpack.model import Pack


@cli.command()
@click.argument("manifest", required=False, type=click.Path(path_type=Path))
@click.option("--source", "source_id", help="Only this source id (S1, S2, ...; any case).")
@user_errors
def explain(manifest: Path | None, source_id: str | None) -> None:
    """Show why each paragraph sits where it does, and what was excluded."""
    from briefpack.manifest import load_manifest
    from briefpack.stages import compile_pack

    manifest, _ = pack_paths(manifest, None)
    pack = compile_pack(load_manifest(manifest))
    known = [s.id for s in pack.sources]
    if source_id is not None:
        given, source_id = source_id, matching_id(source_id, known)
        if source_id is None:
            raise BriefpackError(f"no source '{given}' (sources are {', '.join(known)})", path=manifest)
    titles = {c.id: c.title for c in pack.chapters} | {t.id: t.title for t in pack.manifest.themes}
    paragraphs = sorted((p for c in pack.chapters for p in c.paragraphs), key=lambda p: (known.index(p.source), p.ordinal))
    for source in pack.sources:
        if source_id and source.id != source_id:
            continue
        click.secho(f"{source.id}  {source.rel}  {source.title or ''}", bold=True)
        for p in (p for p in paragraphs if p.source == source.id):
            secondary = ", ".join(titles[t] for t in p.themes[1:]) or "none"
            click.echo(f"  ¶{p.ordinal}  → {titles[p.primary]}  (also: {secondary})")
            for s in sorted(p.scores, key=lambda s: -s.score):
                if s.score:
                    click.echo(f"        {titles[s.theme]:<28} {s.score:>6.1f}  {', '.join(s.matched)}")
            click.echo(f"        “{_short(p.text)}”")
        for x in source.excluded:
            click.echo(f"  excluded ({x.reason}): “{_short(x.text)}”")
    _explain_timeline(pack, source_id)


def _explain_timeline(pack: Pack, source_id: str | None) -> None:
    """What the manifest's corrections did, and which dated mentions were kept out of the timeline."""
    from briefpack.dating.values import event_label

    report = pack.timeline_report
    click.secho(f"Timeline: {len(pack.timeline)} entries, {len(report.left_out)} mentions left out", bold=True)
    for done in report.corrections:
        correction = done.correction
        action = "drop" if correction.drop else f"date {correction.date}"
        click.echo(f"  correction “{correction.match}” (line {correction.line}, {action}): "
                   + (f"{len(done.events)} event(s)" if done.events else "matches nothing"))
        for event in done.events:
            click.echo(f"        {'/'.join(event.sources)}  {event_label(event.date, event.mod, event.end)}  "
                       f"“{_short(event.text)}”")
    for left in report.left_out:
        if source_id and source_id not in left.event.sources:
            continue
        event = left.event
        click.echo(f"  left out ({left.reason}): {'/'.join(event.sources)}  "
                   f"{event_label(event.date, event.mod, event.end)}  “{_short(event.text)}”")


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"
