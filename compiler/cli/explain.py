"""``briefpack explain``: why each paragraph went where it did, and what was kept out.

Filters narrow the listing to what a user tuning the rules is looking at: one
theme's paragraphs, the paragraphs no rule scored, a hit table per term, or
the scores behind each chapter's key points.
"""

from __future__ import annotations

from pathlib import Path

import click

from briefpack.cli.app import cli, matching_id, pack_paths, user_errors
from briefpack.errors import BriefpackError
from briefpack.model import Pack, Paragraph, Source


@cli.command()
@click.argument("manifest", required=False, type=click.Path(path_type=Path))
@click.option("--source", "source_id", help="Only this source id (S1, S2, ...; any case).")
@click.option("--theme", "theme_id", help="Only the paragraphs whose chapter (primary or see-also) is this theme id.")
@click.option("--unscored", is_flag=True, help="Only the paragraphs no theme's rule matched.")
@click.option("--terms", is_flag=True, help="A table of every rule: paragraphs and sources it matched.")
@click.option("--key-points", "key_points", is_flag=True, help="Each chapter's key points and their scores.")
@click.option(
    "--excluded",
    "only_excluded",
    is_flag=True,
    help="Only what clean-up kept out of the chapters, in full, with each reason's meaning.",
)
@user_errors
def explain(
    manifest: Path | None,
    source_id: str | None,
    theme_id: str | None,
    unscored: bool,
    terms: bool,
    key_points: bool,
    only_excluded: bool,
) -> None:
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
    theme_ids = [t.id for t in pack.manifest.themes]
    if theme_id is not None and theme_id not in theme_ids:
        raise BriefpackError(f"no theme '{theme_id}' (themes are {', '.join(theme_ids)})", path=manifest)
    if only_excluded:
        _excluded(pack.sources, source_id)
    elif terms:
        _terms(pack)
    elif key_points:
        _key_points(pack, theme_id)
    else:
        _paragraphs(pack, source_id, theme_id, unscored)


def _paragraphs(pack: Pack, source_id: str | None, theme_id: str | None, unscored: bool) -> None:
    known = [s.id for s in pack.sources]
    titles = {t.id: t.title for t in pack.manifest.themes}
    printed = {(p.source, p.ordinal): p for c in pack.chapters for p in c.paragraphs}
    stood_for = {(d.paragraph.source, d.paragraph.ordinal): d for d in pack.duplicates}
    every = sorted(
        [*printed.values(), *(d.paragraph for d in pack.duplicates)], key=lambda p: (known.index(p.source), p.ordinal)
    )

    def shown(p: Paragraph) -> bool:
        return (
            (not source_id or p.source == source_id)
            and (not theme_id or theme_id in p.themes)
            and (not unscored or not any(s.score for s in p.scores))
        )

    filtered = not (source_id or theme_id or unscored)
    for source in pack.sources:
        rows = [p for p in every if p.source == source.id and shown(p)]
        if not rows and not (filtered or source.id == source_id):
            continue
        click.secho(f"{source.id}  {source.rel}  {source.title or ''}", bold=True)
        for p in rows:
            secondary = ", ".join(titles[t] for t in p.themes[1:]) or "none"
            click.echo(f"  ¶{p.ordinal}  → {titles[p.primary]}  (also: {secondary})")
            if p.joined:
                click.echo(f"        joined to ¶{p.ordinal - 1} (passage from ¶{p.passage}): {p.joined}")
            duplicate = stood_for.get((p.source, p.ordinal))
            if duplicate:
                click.echo(
                    f"        not printed: near-identical to {duplicate.printed.source} ¶{duplicate.printed.ordinal}"
                )
            if p.duplicates:
                click.echo("        printed once for " + ", ".join(f"{d.source} ¶{d.ordinal}" for d in p.duplicates))
            for s in sorted(p.scores, key=lambda s: -s.score):
                if s.score:
                    click.echo(f"        {titles[s.theme]:<28} {s.score:>6.1f}  {', '.join(s.matched)}")
            click.echo(f"        “{_short(p.text)}”")
        if filtered or source.id == source_id:
            for x in source.excluded:
                click.echo(f"  excluded ({x.reason}): “{_short(x.text)}”")
    if not (theme_id or unscored):
        _explain_timeline(pack, source_id)
    if unscored:
        scored = sum(1 for p in every if any(s.score for s in p.scores))
        click.echo(
            f"{len(every) - scored} of {len(every)} paragraphs match no rule; "
            "`briefpack suggest` lists terms that would place them"
        )


def _terms(pack: Pack) -> None:
    from briefpack.analysis.tuning import term_hits

    paragraphs = [*(p for c in pack.chapters for p in c.paragraphs), *(d.paragraph for d in pack.duplicates)]
    click.echo(f"{'theme':<16} {'term':<32} {'weight':>6} {'paragraphs':>10} {'sources':>7} {'placed':>6}")
    for row in term_hits(paragraphs, pack.manifest.themes):
        label = f"/{row.pattern}/" if row.regex else row.pattern
        note = "  ← matches nothing" if not row.paragraphs else ""
        click.echo(
            f"{row.theme:<16} {_short(label, 32):<32} {row.weight:>6g} {row.paragraphs:>10} {row.sources:>7} "
            f"{row.primary:>6}{note}"
        )


def _key_points(pack: Pack, theme_id: str | None) -> None:
    for chapter in pack.chapters:
        if theme_id and chapter.id != theme_id:
            continue
        click.secho(f"{chapter.title}", bold=True)
        if not chapter.key_points:
            click.echo("  (no key points)")
        for number, point in enumerate(chapter.key_points, start=1):
            click.echo(
                f"  {number}. score {point.score:.3f} = centrality {point.centrality:.3f}"
                f" × √(1 + {point.corroboration} corroborating) × position {point.position:.2f}"
                f"   [{', '.join(point.sources)}]  #{point.anchor}"
            )
            click.echo(f"     “{_short(point.text, 110)}”")


def _explain_timeline(pack: Pack, source_id: str | None) -> None:
    """What the manifest's corrections did, and which dated mentions were kept out of the timeline."""
    from briefpack.dating.values import event_label

    report = pack.timeline_report
    click.secho(f"Timeline: {len(pack.timeline)} entries, {len(report.left_out)} mentions left out", bold=True)
    for done in report.corrections:
        correction = done.correction
        action = "drop" if correction.drop else f"date {correction.date}"
        click.echo(
            f"  correction “{correction.match}” (line {correction.line}, {action}): "
            + (f"{len(done.events)} event(s)" if done.events else "matches nothing")
        )
        for event in done.events:
            click.echo(
                f"        {'/'.join(event.sources)}  {event_label(event.date, event.mod, event.end)}  "
                f"“{_short(event.text)}”"
            )
    for left in report.left_out:
        if source_id and source_id not in left.event.sources:
            continue
        event = left.event
        click.echo(
            f"  left out ({left.reason}): {'/'.join(event.sources)}  "
            f"{event_label(event.date, event.mod, event.end)}  “{_short(event.text)}”"
        )


def _excluded(sources: tuple[Source, ...], source_id: str | None) -> None:
    """Every kept-out block in full, grouped by source, each with its reason and what the reason means."""
    from briefpack.cli.build import kept_out_line

    chosen = tuple(s for s in sources if source_id in (None, s.id))
    for source in chosen:
        if not source.excluded:
            continue
        click.secho(f"{source.id}  {source.rel}  {source.title or ''}", bold=True)
        for x in source.excluded:
            click.echo(f"  {x.reason} — {x.reason.meaning}")
            click.echo(f"    “{' '.join(x.text.split())}”")
    click.echo(kept_out_line(chosen))


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
