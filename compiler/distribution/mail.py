"""Mail each recipient their stamped copy, safely re-runnable.

Every message the server accepts is appended at once to ``sent.jsonl`` in
the outbox; a later run skips a recipient whose address is logged with the
same pack identity (see ``stamp.edition_identity``), so an interrupted run
is finished by running it again, and a changed pack goes to everyone again.
A message is logged only after the server's "250" to its data: if the
connection drops between the server accepting it and that reply arriving,
the next run sends it a second time, which is the safe side to fail on.
"""

from __future__ import annotations

import datetime
import json
import os
import smtplib
import ssl
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from email.message import EmailMessage
from email.policy import SMTP as SMTP_POLICY
from email.utils import format_datetime, formataddr, make_msgid
from pathlib import Path

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from briefpack.distribution.letter import contents, highlights, paragraphs
from briefpack.distribution.stamp import Copy
from briefpack.errors import BriefpackError
from briefpack.files import FileRefused, read_regular
from briefpack.model import Manifest, Recipient, SmtpSettings
from briefpack.outputs import write_atomic
from briefpack.paths import LAYOUTS

DEFAULT_PORTS = {"none": 25, "starttls": 587, "tls": 465}
TIMEOUT = 60  # seconds for any one SMTP exchange


@dataclass(frozen=True)
class Outgoing:
    recipient: Recipient
    number: int
    copy_path: Path
    copy_sha256: str
    pack_sha256: str
    message_id: str
    data: bytes  # the whole message as sent, CRLF line ends

    @property
    def key(self) -> tuple[str, str]:
        return ledger_key(self.recipient.email, self.pack_sha256)


@dataclass(frozen=True)
class Outcome:
    outgoing: Outgoing
    sent: bool
    detail: str  # the server's reply or the reason it failed


def ledger_key(email: str, pack_sha256: str) -> tuple[str, str]:
    return email.lower(), pack_sha256


def resolve_settings(
    base: SmtpSettings,
    *,
    host: str | None = None,
    port: int | None = None,
    security: str | None = None,
    user: str | None = None,
    sender: str | None = None,
    reply_to: str | None = None,
) -> SmtpSettings:
    """The manifest's settings with the command line's on top.

    Choosing --security without --port picks that mode's standard port,
    since the manifest's port belongs to the manifest's mode.
    """
    if security is not None and port is None and security != base.security:
        port = DEFAULT_PORTS[security]
    chosen = {"host": host, "port": port, "security": security, "user": user, "sender": sender, "reply_to": reply_to}
    return replace(base, **{k: v for k, v in chosen.items() if v is not None})


def sender_of(settings: SmtpSettings) -> str:
    if settings.sender:
        return settings.sender
    if settings.user and "@" in settings.user:
        return settings.user
    raise BriefpackError("no sender address: set 'sender' under 'smtp:' or give --sender")


def password_for(settings: SmtpSettings, environ: dict[str, str], ask: Callable[[str], str] | None) -> str | None:
    """From the named environment variable, else asked for on a terminal; never from a file."""
    if not settings.user:
        return None
    if environ.get(settings.password_env):
        return environ[settings.password_env]
    if ask is None:
        raise BriefpackError(
            f"SMTP user '{settings.user}' needs a password: set {settings.password_env} "
            "or run on a terminal to be asked for it"
        )
    return ask(f"SMTP password for {settings.user} at {settings.host}")


def _templates(overrides: Path | None) -> tuple[jinja2.Environment, jinja2.Environment]:
    """Plain-text templates are not escaped; the HTML one is, so a name cannot inject markup.

    A pack may replace any of the templates with a file of the same name in its
    own folder; templates are sandboxed, since a pack folder may come from anyone.
    """
    folders = ([overrides] if overrides is not None else []) + [LAYOUTS / "email"]
    loader = jinja2.FileSystemLoader(folders)
    common = {
        "loader": loader,
        "undefined": jinja2.StrictUndefined,
        "trim_blocks": True,
        "lstrip_blocks": True,
        "keep_trailing_newline": True,
    }
    return SandboxedEnvironment(autoescape=False, **common), SandboxedEnvironment(autoescape=True, **common)


def compose(
    manifest: Manifest,
    copy: Copy,
    pdf: bytes,
    sender: str,
    now: datetime.datetime,
    *,
    reply_to: str | None = None,
    export: dict | None = None,
) -> Outgoing:
    """One recipient's message: what the pack holds (from the copy's bookmarks and the pack's
    JSON ``export``), the cover note, and the copy attached."""
    recipient = copy.spec.recipient
    summary, key_points = highlights(export or {})
    context = {
        "m": manifest,
        "recipient": recipient,
        "copy_number": copy.spec.number,
        "total": copy.spec.total,
        "stamped": copy.spec.stamp is not None,
        "attachment": copy.path.name,
        "size": _megabytes(len(pdf)),
        "contents": contents(pdf),
        "summary": summary,
        "key_points": key_points,
        "note": paragraphs(manifest.letter.note),
        "signatory": [line for line in (manifest.author, manifest.organisation) if line],
    }
    text, html = _templates(manifest.letter.templates)
    subject = " ".join(_render(text, "subject.txt", context).split())
    message = EmailMessage()
    message["From"] = sender
    message["To"] = formataddr((recipient.name, recipient.email))
    if reply_to:
        message["Reply-To"] = formataddr((manifest.author or "", reply_to))
    message["Subject"] = subject
    message["Date"] = format_datetime(now)
    message_id = make_msgid(idstring=f"{manifest.name}.{copy.spec.number}", domain=sender.rpartition("@")[2])
    message["Message-ID"] = message_id
    message.set_content(_render(text, "body.txt", context))
    message.add_alternative(_render(html, "body.html", context), subtype="html")
    message.add_attachment(pdf, maintype="application", subtype="pdf", filename=copy.path.name)
    return Outgoing(
        recipient=recipient,
        number=copy.spec.number,
        copy_path=copy.path,
        copy_sha256=copy.sha256,
        pack_sha256=copy.pack_sha256,
        message_id=message_id,
        data=message.as_bytes(policy=SMTP_POLICY),
    )


def _render(environment: jinja2.Environment, name: str, context: dict) -> str:
    """A template's text; a pack's own template that fails (or reaches outside the sandbox) is the pack's error."""
    template = environment.get_template(name)
    try:
        return template.render(context)
    except jinja2.TemplateError as error:
        if template.filename and not Path(template.filename).is_relative_to(LAYOUTS):
            raise BriefpackError(f"email template cannot be used: {error}", path=template.filename) from None
        raise


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.2f} MB"


def check_size(outgoing: list[Outgoing], limit: int) -> None:
    """Refuse the whole run if any message is over the limit, before anything is sent."""
    over = [o for o in outgoing if len(o.data) > limit]
    if over:
        largest = max(over, key=lambda o: len(o.data))
        raise BriefpackError(
            f"{len(over)} of {len(outgoing)} messages are over the {_megabytes(limit)} limit; "
            f"the largest, to {largest.recipient.email}, is {_megabytes(len(largest.data))} "
            "(raise 'max_message_mb' or --limit-mb, or send the pack another way)"
        )


MAX_LEDGER_BYTES = 256 * 1024 * 1024  # a line per message sent: millions of them


def read_ledger(path: Path, warn: Callable[[str], None] = lambda warning: None) -> set[tuple[str, str]]:
    """The (address, pack) pairs already sent.

    A line a crash cut short (the last, with no line end), or one that is not
    a record of ours, is skipped with a warning: its recipient is sent to
    again, the safe side to fail on. Each line is decoded on its own, so a cut
    inside a UTF-8 character spoils only its own line.
    """
    sent: set[tuple[str, str]] = set()
    try:
        data = read_regular(path, MAX_LEDGER_BYTES)
    except FileRefused:
        if not path.exists():
            return sent
        raise
    lines = data.split(b"\n")
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line.decode("utf-8"))
            email, pack = record["email"], record["pack_sha256"]
            if not isinstance(email, str) or not isinstance(pack, str):
                raise TypeError("not a record of a sent message")
        except (ValueError, KeyError, TypeError, RecursionError):
            torn = number == len(lines)  # no line end after it: the write was cut short
            warn(
                f"{path}:{number}: {'a record cut short by a crash' if torn else 'not a record'}; ignored "
                "(its recipient, if any, is sent to again)"
            )
            continue
        sent.add(ledger_key(email, pack))
    return sent


def _log_sent(path: Path, item: Outgoing) -> None:
    """Append one record with one write, so a crash can cut at most this record.

    A log whose last line a crash cut short gets a line end first, so this
    record is not glued onto the torn one.
    """
    record = {
        "email": item.recipient.email,
        "name": item.recipient.name,
        "copy": item.copy_path.name,
        "copy_sha256": item.copy_sha256,
        "pack_sha256": item.pack_sha256,
        "message_id": item.message_id,
        "time": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
    }
    line = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_APPEND | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o644)
    try:
        size = os.fstat(fd).st_size
        if size and os.pread(fd, 1, size - 1) != b"\n":
            line = b"\n" + line
        written = 0
        while written < len(line):  # one write for any record of sane size; the loop is for signals
            written += os.write(fd, line[written:])
        os.fsync(fd)  # the log is what keeps a re-run from sending twice
    finally:
        os.close(fd)


def write_outbox(outgoing: Iterable[Outgoing], outbox: Path) -> tuple[Path, ...]:
    """--dry-run: each message as an .eml file instead of sending it."""
    paths = []
    for item in outgoing:
        path = outbox / f"{item.number:03d}-{item.copy_path.stem}.eml"
        write_atomic(path, item.data)
        paths.append(path)
    return tuple(paths)


def connect(settings: SmtpSettings, password: str | None) -> smtplib.SMTP:
    context = ssl.create_default_context()
    if settings.security == "tls":
        connection: smtplib.SMTP = smtplib.SMTP_SSL(settings.host, settings.port, timeout=TIMEOUT, context=context)
    else:
        connection = smtplib.SMTP(settings.host, settings.port, timeout=TIMEOUT)
        if settings.security == "starttls":
            connection.starttls(context=context)
    if settings.user:
        connection.login(settings.user, password or "")
    return connection


def open_connection(settings: SmtpSettings, password: str | None) -> smtplib.SMTP:
    """The first connection: failing here is a setting to fix, so it is a user error."""
    try:
        return connect(settings, password)
    except smtplib.SMTPAuthenticationError as exc:
        raise BriefpackError(
            f"{settings.host}:{settings.port} refused the login for '{settings.user}': "
            f"{exc.smtp_code} {_reply(exc.smtp_error)}"
        ) from None
    except (OSError, smtplib.SMTPException) as exc:
        raise BriefpackError(
            f"cannot connect to {settings.host}:{settings.port} ({settings.security}): {_describe(exc)}"
        ) from None


def _reply(error: bytes | str) -> str:
    return error.decode("utf-8", "replace") if isinstance(error, bytes) else str(error)


def _describe(exc: Exception) -> str:
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        code, reply = next(iter(exc.recipients.values()))
        return f"{code} {_reply(reply)}"
    if isinstance(exc, smtplib.SMTPResponseException):
        return f"{exc.smtp_code} {_reply(exc.smtp_error)}"
    return str(exc) or type(exc).__name__


def _dropped(exc: Exception) -> bool:
    """Whether the connection is gone, as opposed to the server refusing one message."""
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        return True
    if isinstance(exc, smtplib.SMTPResponseException):
        return exc.smtp_code == 421  # "service closing transmission channel"
    # SMTPException is itself an OSError: only the remaining OSErrors are the socket's.
    return not isinstance(exc, smtplib.SMTPException)


def send_all(
    outgoing: list[Outgoing],
    settings: SmtpSettings,
    password: str | None,
    ledger: Path,
    on_outcome: Callable[[Outcome], None] = lambda outcome: None,
) -> tuple[Outcome, ...]:
    """Send each message on one connection; a refused recipient does not stop the others.

    When the connection drops, it is opened again once and the message
    retried; if that fails too, this and every later message is reported as
    not sent, for the next run to pick up.
    """
    sender = sender_of(settings)
    outcomes: list[Outcome] = []

    def report(outcome: Outcome) -> None:
        outcomes.append(outcome)
        on_outcome(outcome)

    connection: smtplib.SMTP | None = open_connection(settings, password) if outgoing else None
    for index, item in enumerate(outgoing):
        for attempt in (1, 2):
            try:
                if connection is None:
                    connection = connect(settings, password)
                connection.sendmail(sender, [item.recipient.email], item.data)
            except (OSError, smtplib.SMTPException) as exc:
                if not _dropped(exc):
                    report(Outcome(item, False, _describe(exc)))
                    break
                _close(connection)
                connection = None
                if attempt == 2:
                    reason = f"connection lost and not regained: {_describe(exc)}"
                    for rest in outgoing[index:]:
                        report(Outcome(rest, False, reason))
                    return tuple(outcomes)
            else:
                _log_sent(ledger, item)
                report(Outcome(item, True, "250 accepted"))
                break
    if connection is not None:
        _close(connection)
    return tuple(outcomes)


def _close(connection: smtplib.SMTP | None) -> None:
    if connection is None:
        return
    try:
        connection.quit()
    except (OSError, smtplib.SMTPException):
        connection.close()
