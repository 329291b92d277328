"""The ``briefpack`` command line.

Click gives every command its ``--help``, argument checking and exit code 2
for usage errors; user errors raised as BriefpackError are printed as one
line each and exit with 2 too, never as a traceback.
"""
from __future__ import annotations

import contextlib
import functools
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from compiler import __version__
from compiler.errors import BriefpackError

if TYPE_CHECKING:
    from compiler.model import Timex

# Stages, YAML and WeasyPrint are imported inside the commands that use them:
# "briefpack build" on an up-to-date pack must answer before they would load.

DEFAULT_MANIFEST = "seeds/pack.yaml"


def user_errors(command):
    """Print a BriefpackError as one line per problem and exit with code 2."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except BriefpackError as error:
            for line in str(error).splitlines():
                click.echo(f"error: {line}", err=True)
            sys.exit(2)

    return wrapper


def _dct(ctx, param, value: str | None) -> str | None:
    from compiler.manifest import PARTIAL_DATE

    if value is not None and not PARTIAL_DATE.match(value):
        raise click.BadParameter(f"'{value}' is not a date (write 2020, 2020-05 or 2020-05-28)")
    return value


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="briefpack")
def cli() -> None:
    """Compile a folder of raw source texts into a printable PDF briefing pack."""


@cli.command()
@click.argument("manifest", default=DEFAULT_MANIFEST, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--out", "out_dir", default="out", show_default=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the PDF, HTML and JSON.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
@click.option("--force", is_flag=True, help="Ignore the cache and the up-to-date check; rebuild everything.")
@click.option("--timings", type=click.Path(dir_okay=False, path_type=Path),
              help="Write each stage's wall and CPU time and peak memory to this JSON file "
                   "(for benchmarks; an up-to-date pack writes none).")
@user_errors
def build(manifest: Path, out_dir: Path, quiet: bool, force: bool, timings: Path | None) -> None:
    """Build the pack described by MANIFEST (default: seeds/pack.yaml)."""
    from compiler.cache import current_stamp

    stamp = None if force else current_stamp(out_dir, manifest)
    if stamp is not None:
        if not quiet:
            click.echo(f"up to date: {stamp.outputs[0][0]} ({stamp.pages} pages); --force rebuilds")
        return
    from compiler.build import build as run_build
    from compiler.progress import StageClock, Terminal, fan_out

    clock = StageClock()
    display = Terminal() if not quiet and sys.stderr.isatty() else contextlib.nullcontext(None)
    with display as terminal:
        listeners = [clock] if terminal is None else [clock, terminal]
        result = run_build(manifest, out_dir, progress=fan_out(*listeners), force=force)
    stages = clock.stop()
    if timings is not None:
        timings.write_text(json.dumps([{"stage": t.stage, "seconds": round(t.seconds, 4),
                                        "cpu_seconds": round(t.cpu_seconds, 4), "peak_rss_kb": t.peak_rss_kb}
                                       for t in stages], indent=1) + "\n")
    if quiet:
        return
    pack = result.pack
    click.echo(f"built {result.pdf} ({result.pages} pages), {result.html}, {result.json}")
    for chapter in pack.chapters:
        click.echo(f"  {chapter.title}: {len(chapter.paragraphs)} paragraphs"
                   + (f", {len(chapter.see_also)} see-also" if chapter.see_also else ""))
    click.echo(f"  timeline: {len(pack.timeline)} entries; sources: {len(pack.sources)}; "
               f"glossary: {len(pack.glossary)}; warnings: {len(pack.warnings)}")
    for warning in pack.warnings:
        click.echo(f"warning: {warning}", err=True)


@cli.command()
@click.argument("file", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--dct", callback=_dct, help="Document creation date: 2020, 2020-05 or 2020-05-28.")
@click.option("--json", "as_json", is_flag=True, help="Print the expressions as one JSON document.")
@click.option("--jsonl", is_flag=True,
              help='Batch mode: read {"id", "dct", "text"} JSON lines on stdin, write one line per input.')
@click.option("--month-first", is_flag=True, help="Read 05/06/2020 as May 6 rather than 5 June.")
@user_errors
def dates(file: Path | None, dct: str | None, as_json: bool, jsonl: bool, month_first: bool) -> None:
    """List the temporal expressions in FILE, resolved against --dct."""
    from compiler import timex

    day_first = not month_first
    if jsonl:
        _dates_batch(day_first)
        return
    if file is None:
        raise click.UsageError("give a FILE, or --jsonl to read JSON lines on stdin")
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise BriefpackError(f"cannot read: {exc}", path=file) from None
    found = timex.tag(text, dct, day_first=day_first)
    if as_json:
        click.echo(json.dumps({"dct": dct, "expressions": [_expression(t) for t in found]},
                              ensure_ascii=False, indent=2))
        return
    for t in found:
        click.echo(f"{t.start:>6}-{t.end:<6} {t.value:<12} {t.mod or '':<6} {t.text}")


def _expression(t: Timex) -> dict:
    return {"start": t.start, "end": t.end, "text": t.text, "value": t.value, "mod": t.mod}


def _dates_batch(day_first: bool) -> None:
    from compiler import timex
    from compiler.manifest import PARTIAL_DATE

    out = sys.stdout
    for number, line in enumerate(sys.stdin, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            text, dct = record["text"], record.get("dct")
            if dct is not None and not PARTIAL_DATE.match(str(dct)):
                raise ValueError(f"dct '{dct}' is not a date")
        except (ValueError, KeyError, TypeError) as exc:
            raise BriefpackError(f"not a valid record: {exc}", path="<stdin>", line=number) from None
        found = timex.tag(text, dct, day_first=day_first)
        out.write(json.dumps({"id": record.get("id"), "expressions": [_expression(t) for t in found]},
                             ensure_ascii=False) + "\n")
    out.flush()


@cli.command()
@click.argument("manifest", default=DEFAULT_MANIFEST, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--source", "source_id", help="Only this source id (S1, S2, ...).")
@user_errors
def explain(manifest: Path, source_id: str | None) -> None:
    """Show why each paragraph sits where it does, and what was excluded."""
    from compiler.build import compile_pack
    from compiler.manifest import load_manifest

    pack = compile_pack(load_manifest(manifest))
    known = [s.id for s in pack.sources]
    if source_id is not None and source_id not in known:
        raise BriefpackError(f"no source '{source_id}' (sources are {', '.join(known)})", path=manifest)
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


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def main() -> None:
    cli(prog_name="briefpack")
