"""``briefpack stamp`` and ``briefpack send``: per-recipient copies, and the mailing."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from briefpack.cli.app import OUT_HELP, cli, pack_paths, stage_display, user_errors
from briefpack.errors import shown


def _host(ctx, param, value: str | None) -> str | None:
    if value is not None and (not value.strip() or any(c.isspace() or not c.isprintable() for c in value)):
        raise click.BadParameter(f"{shown(repr(value))} is not a host name")
    return value


def _sender(ctx, param, value: str | None) -> str | None:
    from briefpack.distribution.addresses import email_problem

    problem = email_problem(value) if value is not None else None
    if problem:
        raise click.BadParameter(shown(problem))
    return value


def _user(ctx, param, value: str | None) -> str | None:
    if value is not None and not value.isprintable():
        raise click.BadParameter(f"{shown(repr(value))} holds a control character")
    return value


def _megabytes(ctx, param, value: float | None) -> float | None:
    import math

    from briefpack.manifest.checker import MAX_MB

    if value is not None and not (math.isfinite(value) and 0 < value <= MAX_MB):
        raise click.BadParameter(f"{value} is not a size in MB (a number above 0, at most {MAX_MB})")
    return value


@cli.command()
@click.argument("manifest", required=False, type=click.Path(path_type=Path))
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help=OUT_HELP + " The copies go into its copies/ folder.",
)
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
@user_errors
def stamp(manifest: Path | None, out_dir: Path | None, quiet: bool) -> None:
    """Write one copy of the pack per recipient, each page stamped with who it is for.

    The pack is laid out once, plus once more per other paper size that
    recipients ask for ('paper:' on a recipient); stamping a copy does not
    lay it out again. Recipients with 'stamp: false' get an unstamped copy.
    """
    from briefpack.distribution.stamp import stamp as make_copies

    manifest, out_dir = pack_paths(manifest, out_dir)
    with stage_display(quiet) as progress:
        result = make_copies(manifest, out_dir, progress=progress)
    if quiet:
        return
    click.echo(f"wrote {len(result.copies)} copies into {out_dir / 'copies'}")
    for copy in result.copies:
        note = "" if copy.spec.stamp else "  (unstamped)"
        click.echo(f"  {copy.path.name}  {copy.spec.recipient.name} <{copy.spec.recipient.email}>{note}")
    for warning in result.warnings:
        click.echo(f"warning: {shown(warning)}", err=True)


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
@click.argument("manifest", required=False, type=click.Path(path_type=Path))
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help=OUT_HELP + " The copies go into its copies/ folder, the messages into outbox/.",
)
@click.option(
    "--dry-run",
    is_flag=True,
    help="Write every message as an .eml file into OUT/outbox, saying which "
    "a real run would skip as sent before; send nothing.",
)
@click.option("--host", callback=_host, help="SMTP server (default: the manifest's, else localhost).")
@click.option("--port", type=click.IntRange(1, 65535), help="SMTP port (default: the manifest's, else the mode's).")
@click.option("--security", type=click.Choice(["none", "starttls", "tls"]), help="Connection security.")
@click.option(
    "--user",
    callback=_user,
    help="SMTP login; the password comes from the manifest's password_env variable "
    "(default BRIEFPACK_SMTP_PASSWORD) or is asked for on a terminal.",
)
@click.option("--sender", callback=_sender, help="From address (default: the manifest's smtp sender).")
@click.option("--reply-to", callback=_sender, help="Reply-To address (default: the smtp settings' reply_to, if any).")
@click.option(
    "--limit-mb",
    type=float,
    callback=_megabytes,
    help="Largest message to send, in MB (default: the manifest's max_message_mb, 10).",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress bar; print only failures and errors.")
@user_errors
def send(
    manifest: Path | None,
    out_dir: Path | None,
    dry_run: bool,
    host: str | None,
    port: int | None,
    security: str | None,
    user: str | None,
    sender: str | None,
    reply_to: str | None,
    limit_mb: float | None,
    quiet: bool,
) -> None:
    """Mail each recipient their stamped copy of the pack (command-line settings win over the manifest's)."""
    import datetime
    import os

    from briefpack.distribution import mail
    from briefpack.distribution.stamp import stamp as make_copies
    from briefpack.manifest import load_manifest

    manifest, out_dir = pack_paths(manifest, out_dir)
    settings = mail.resolve_settings(
        load_manifest(manifest).smtp,
        host=host,
        port=port,
        security=security,
        user=user,
        sender=sender,
        reply_to=reply_to,
    )
    from_address = mail.sender_of(settings)
    password = None
    if not dry_run:  # asked before the minutes of rendering, not after
        ask = (lambda prompt: click.prompt(prompt, hide_input=True, err=True)) if sys.stdin.isatty() else None
        password = mail.password_for(settings, dict(os.environ), ask)

    with stage_display(quiet) as progress:
        result = make_copies(manifest, out_dir, progress=progress)
    limit = int(limit_mb * 1024 * 1024) if limit_mb else result.manifest.max_message_bytes
    now = datetime.datetime.now(datetime.timezone.utc)
    export = _export(out_dir / f"{result.manifest.name}.json")
    outgoing = [
        mail.compose(
            result.manifest, copy, copy.path.read_bytes(), from_address, now, reply_to=settings.reply_to, export=export
        )
        for copy in result.copies
    ]
    ledger = out_dir / "outbox" / "sent.jsonl"
    done = mail.read_ledger(ledger, warn=lambda warning: click.echo(f"warning: {shown(warning)}", err=True))
    pending = [item for item in outgoing if item.key not in done]
    mail.check_size(pending, limit)
    already = f", {len(outgoing) - len(pending)} sent before" if len(pending) < len(outgoing) else ""

    if dry_run:  # every message, so a mailing can be rehearsed again after it was sent
        paths = mail.write_outbox(outgoing, out_dir / "outbox")
        if not quiet:
            click.echo(f"dry run: wrote {len(paths)} messages into {out_dir / 'outbox'}; sent nothing")
            for item in outgoing:
                if item.key in done:
                    click.echo(f"  a real run would skip {item.recipient.email}: sent this pack before")
        return

    with _send_progress(quiet, len(pending)) as advance:
        outcomes = mail.send_all(pending, settings, password, ledger, on_outcome=advance)
    failed = [o for o in outcomes if not o.sent]
    for outcome in failed:
        click.echo(f"not sent: {outcome.outgoing.recipient.email}: {shown(outcome.detail)}", err=True)
    if not quiet:
        click.echo(
            f"sent {len(outcomes) - len(failed)} of {len(pending)} via {settings.host}:{settings.port}"
            f"{already}" + (f"; {len(failed)} not sent, run again to retry them" if failed else "")
        )
    if failed:
        sys.exit(1)


def _export(path: Path) -> dict:
    """The pack's JSON export, for its summary and key points; a message goes without them if it cannot be read."""
    import json

    try:
        export = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return export if isinstance(export, dict) else {}


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
        return lambda outcome: self.bar.update(
            task, advance=1, description=f"sending: {outcome.outgoing.recipient.email}"
        )

    def __exit__(self, *exc) -> None:
        if self.active:
            self.bar.stop()
