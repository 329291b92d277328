"""The ``briefpack`` command line.

Click gives every command its ``--help``, argument checking and exit code 2
for usage errors; user errors raised as BriefpackError, and the machine's
own refusals (OSError: permissions, a full disk), are printed as one line
each and exit with 2 too, never as a traceback. Anything else is a bug in
briefpack and keeps its traceback so it can be reported.
"""
from __future__ import annotations

import contextlib
import functools
import gc
import json
import os
import signal
import sys
import tempfile
import threading
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
    """Print a BriefpackError or OSError as one line per problem and exit with code 2.

    Ctrl-C and SIGTERM end the command with 130 and one line; a build
    writes its outputs as a set at the very end, so an interrupted build
    leaves either all the previous ones or all new ones.
    """

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        main_thread = threading.current_thread() is threading.main_thread()  # only it may set handlers
        previous = signal.signal(signal.SIGTERM, _interrupt) if main_thread else None
        try:
            return command(*args, **kwargs)
        except BriefpackError as error:
            for line in str(error).splitlines():
                click.echo(f"error: {line}", err=True)
            sys.exit(2)
        except OSError as error:
            where = error.filename if isinstance(error.filename, (str, bytes, os.PathLike)) else None
            click.echo(f"error: {BriefpackError(error.strerror or str(error), path=where)}", err=True)
            sys.exit(2)
        except KeyboardInterrupt:
            click.echo("error: interrupted", err=True)
            sys.exit(130)
        finally:
            if main_thread:
                signal.signal(signal.SIGTERM, previous)

    return wrapper


def _interrupt(number, frame):
    """SIGTERM ends a build the way Ctrl-C does, with its clean-up."""
    raise KeyboardInterrupt


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
    from compiler.cache import current_stamp

    stamp = None if force else current_stamp(out_dir, manifest)
    if stamp is not None:
        if not quiet:
            click.echo(f"up to date: {stamp.outputs[0][0]} ({stamp.pages} pages); --force rebuilds")
        return
    from compiler.build import build as run_build
    from compiler.progress import Terminal, silent

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
@click.argument("manifest", default=DEFAULT_MANIFEST, type=click.Path(path_type=Path))
@click.option("--source", "source_id", help="Only this source id (S1, S2, ...).")
@user_errors
def explain(manifest: Path, source_id: str | None) -> None:
    """Show why each paragraph sits where it does, and what was excluded."""
    from compiler.stages import compile_pack
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


# --- distribution: stamped copies and sending them ---------------------------

@cli.command()
@click.argument("manifest", default=DEFAULT_MANIFEST, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--out", "out_dir", default="out", show_default=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the pack; the copies go into its copies/ folder.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
@user_errors
def stamp(manifest: Path, out_dir: Path, quiet: bool) -> None:
    """Write one copy of the pack per recipient, each page stamped with who it is for.

    The pack is laid out once, plus once more per other paper size that
    recipients ask for ('paper:' on a recipient); stamping a copy does not
    lay it out again. Recipients with 'stamp: false' get an unstamped copy.
    """
    from compiler.stamp import stamp as make_copies

    with _stage_display(quiet) as progress:
        result = make_copies(manifest, out_dir, progress=progress)
    if quiet:
        return
    click.echo(f"wrote {len(result.copies)} copies into {out_dir / 'copies'}")
    for copy in result.copies:
        note = "" if copy.spec.stamp else "  (unstamped)"
        click.echo(f"  {copy.path.name}  {copy.spec.recipient.name} <{copy.spec.recipient.email}>{note}")
    for warning in result.warnings:
        click.echo(f"warning: {warning}", err=True)


@contextlib.contextmanager
def _stage_display(quiet: bool):
    """The build's stage display on a terminal; a silent callback otherwise."""
    from compiler.progress import silent

    if quiet or not sys.stderr.isatty():
        yield silent
        return
    from compiler.progress import Terminal

    with Terminal() as terminal:
        yield terminal


SEND_EPILOG = """\b
Exit codes:
  0  every message was sent (or written, with --dry-run), or had been before
  1  some messages were not sent; each is named, and running the command
     again sends just those
  2  nothing was sent: a problem with the manifest, the SMTP settings or
     login, or a message over the size limit

\b
A message counts as sent once the server accepts it; it is then logged in
OUT/outbox/sent.jsonl with the pack's identity (a hash of its content and
layout), and later runs skip that address until the pack changes.
"""


@cli.command(epilog=SEND_EPILOG)
@click.argument("manifest", default=DEFAULT_MANIFEST, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--out", "out_dir", default="out", show_default=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the pack, its copies/ and outbox/.")
@click.option("--dry-run", is_flag=True, help="Write the messages as .eml files into OUT/outbox; send nothing.")
@click.option("--host", help="SMTP server (default: the manifest's, else localhost).")
@click.option("--port", type=click.IntRange(1, 65535), help="SMTP port (default: the manifest's, else the mode's).")
@click.option("--security", type=click.Choice(["none", "starttls", "tls"]), help="Connection security.")
@click.option("--user", help="SMTP login; the password comes from the manifest's password_env variable "
                             "(default BRIEFPACK_SMTP_PASSWORD) or is asked for on a terminal.")
@click.option("--sender", help="From address (default: the manifest's smtp sender).")
@click.option("--limit-mb", type=click.FloatRange(min=0, min_open=True),
              help="Largest message to send, in MB (default: the manifest's max_message_mb, 10).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar; print only failures and errors.")
@user_errors
def send(manifest: Path, out_dir: Path, dry_run: bool, host: str | None, port: int | None,
         security: str | None, user: str | None, sender: str | None, limit_mb: float | None, quiet: bool) -> None:
    """Mail each recipient their stamped copy of the pack (command-line settings win over the manifest's)."""
    import datetime
    import os

    from compiler import mail
    from compiler.manifest import load_manifest
    from compiler.stamp import stamp as make_copies

    settings = mail.resolve_settings(load_manifest(manifest).smtp, host=host, port=port, security=security,
                                     user=user, sender=sender)
    from_address = mail.sender_of(settings)
    password = None
    if not dry_run:  # asked before the minutes of rendering, not after
        ask = (lambda prompt: click.prompt(prompt, hide_input=True, err=True)) if sys.stdin.isatty() else None
        password = mail.password_for(settings, dict(os.environ), ask)

    with _stage_display(quiet) as progress:
        result = make_copies(manifest, out_dir, progress=progress)
    limit = int(limit_mb * 1024 * 1024) if limit_mb else result.manifest.max_message_bytes
    now = datetime.datetime.now(datetime.timezone.utc)
    outgoing = [mail.compose(result.manifest, copy, copy.path.read_bytes(), from_address, now)
                for copy in result.copies]
    ledger = out_dir / "outbox" / "sent.jsonl"
    done = mail.read_ledger(ledger)
    pending = [item for item in outgoing if item.key not in done]
    mail.check_size(pending, limit)
    already = f", {len(outgoing) - len(pending)} sent before" if len(pending) < len(outgoing) else ""

    if dry_run:
        paths = mail.write_outbox(pending, out_dir / "outbox")
        if not quiet:
            click.echo(f"dry run: wrote {len(paths)} messages into {out_dir / 'outbox'}{already}; sent nothing")
        return

    with _send_progress(quiet, len(pending)) as advance:
        outcomes = mail.send_all(pending, settings, password, ledger, on_outcome=advance)
    failed = [o for o in outcomes if not o.sent]
    for outcome in failed:
        click.echo(f"not sent: {outcome.outgoing.recipient.email}: {outcome.detail}", err=True)
    if not quiet:
        click.echo(f"sent {len(outcomes) - len(failed)} of {len(pending)} via {settings.host}:{settings.port}"
                   f"{already}" + (f"; {len(failed)} not sent, run again to retry them" if failed else ""))
    if failed:
        sys.exit(1)


class _send_progress:
    """A rich progress bar on a terminal; nothing when piped, in CI or with --quiet."""

    def __init__(self, quiet: bool, total: int):
        import os

        self.active = not quiet and sys.stderr.isatty() and not os.environ.get("CI")
        self.total = total

    def __enter__(self):
        if not self.active:
            return lambda outcome: None
        from rich.console import Console
        from rich.progress import Progress

        self.bar = Progress(console=Console(stderr=True), transient=True)
        self.bar.start()
        task = self.bar.add_task("sending", total=self.total)
        return lambda outcome: self.bar.update(task, advance=1,
                                               description=f"sending: {outcome.outgoing.recipient.email}")

    def __exit__(self, *exc) -> None:
        if self.active:
            self.bar.stop()


@cli.command()
@click.argument("manifest", default=DEFAULT_MANIFEST, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--out", "out_dir", default="out", show_default=True, type=click.Path(file_okay=False, path_type=Path),
              help="Build folder; the PNG pages go into its preview/ subfolder.")
@click.option("--dpi", default=60, show_default=True, type=click.IntRange(10, 600), help="Resolution of the PNGs.")
@user_errors
def preview(manifest: Path, out_dir: Path, dpi: int) -> None:
    """Build MANIFEST if its PDF is missing or older than its inputs, and write each page as a PNG."""
    from compiler.cache import current_stamp
    from compiler.preview import render_pages

    # The build stamp covers the manifest, the sources, the layouts and the compiler itself.
    if current_stamp(out_dir, manifest) is None:
        from compiler.build import build as run_build

        with _stage_display(quiet=False) as progress:
            pdf = run_build(manifest, out_dir, progress=progress).pdf
    else:
        from compiler.manifest import load_manifest

        pdf = out_dir / f"{load_manifest(manifest).name}.pdf"
    target = out_dir / "preview"
    for stale in target.glob("page-*.png"):
        stale.unlink()
    pages = render_pages(pdf, target, dpi=dpi)
    click.echo(f"wrote {len(pages)} pages of {pdf} to {target}/ at {dpi} dpi")


def main() -> None:
    # WeasyPrint keeps the fonts it decodes in a temporary folder it removes when its font
    # configuration is collected; this one is removed on the way out whatever happens to that.
    with tempfile.TemporaryDirectory(prefix="briefpack-") as scratch:
        tempfile.tempdir = scratch
        try:
            cli(prog_name="briefpack")
        finally:
            tempfile.tempdir = None
            # The process ends here. Its last garbage collection would walk every object a layout
            # left (about 0.1 s after the seed pack) to free memory the system takes back anyway.
            gc.freeze()
