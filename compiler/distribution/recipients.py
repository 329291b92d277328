"""The recipients of a pack and the SMTP settings, from the manifest or the distribution file it names."""

from __future__ import annotations

import os
from pathlib import Path

import yaml

from briefpack.distribution.addresses import email_problem
from briefpack.distribution.letter import LETTER_KEYS, read_letter
from briefpack.errors import BriefpackError
from briefpack.files import FileRefused, read_regular
from briefpack.manifest.checker import MAX_MANIFEST_BYTES, PAPERS, Checker, compose
from briefpack.model import Letter, Recipient, SmtpSettings

SECURITY = ("none", "starttls", "tls")


MAX_NAME = 100  # characters of a name or organisation: the stamp line must hold both on one line


DISTRIBUTION_KEYS = {"recipients": True, "smtp": False} | dict.fromkeys(LETTER_KEYS, False)


RECIPIENT_KEYS = {"name": True, "email": True, "organisation": False, "paper": False, "stamp": False}


SMTP_KEYS = {
    "host": False,
    "port": False,
    "security": False,
    "user": False,
    "sender": False,
    "password_env": False,
    "reply_to": False,
}


def read_distribution(
    top: dict[str, yaml.Node], path: Path, check: Checker, allow_outside: bool
) -> tuple[tuple[Recipient, ...], SmtpSettings, Letter]:
    """Recipients and SMTP settings, from the manifest or from the file its 'distribution' names.

    A separate file lets one pack go to several lists, and keeps addresses
    out of a manifest that is shared more widely than the list.
    """
    rel = check.text(top, "distribution")
    if rel is None:
        return (
            _read_recipients(check.sequence(top, "recipients"), check),
            _read_smtp(top.get("smtp"), check),
            read_letter(top, path.parent, check, allow_outside),
        )
    for key in ("recipients", "smtp", *LETTER_KEYS):
        if key in top:
            check.problem(top[key], f"'{key}' cannot be set here as well as in the 'distribution' file '{rel}'")
    try:
        file = (path.parent / rel).resolve()
    except (OSError, RuntimeError, ValueError) as exc:  # a symlink loop, a NUL, a name too long
        check.problem(
            top["distribution"], f"distribution file '{rel}' cannot be used: {getattr(exc, 'strerror', None) or exc}"
        )
        return (), SmtpSettings(), Letter()
    if not allow_outside and not file.is_relative_to(path.parent.resolve()):
        check.problem(
            top["distribution"],
            f"distribution file '{rel}' lies outside the manifest's folder (set 'allow_outside: true' to allow it)",
        )
        return (), SmtpSettings(), Letter()
    try:
        raw = read_regular(file, MAX_MANIFEST_BYTES).decode("utf-8-sig")
    except (FileRefused, UnicodeDecodeError) as exc:
        reason = (
            "not found"
            if isinstance(exc, FileRefused) and not os.path.lexists(file)
            else exc.message
            if isinstance(exc, FileRefused)
            else "is not UTF-8 text; save it as UTF-8"
        )
        check.problem(top["distribution"], f"distribution file '{rel}' {reason}")
        return (), SmtpSettings(), Letter()
    try:
        root = compose(raw, file)
    except BriefpackError as error:
        check.problems.append(error)
        return (), SmtpSettings(), Letter()
    # Problems in the list name the list's own file and line.
    inner = Checker(file)
    keys = inner.mapping(root, "the distribution file", DISTRIBUTION_KEYS)
    recipients = _read_recipients(inner.sequence(keys, "recipients"), inner)
    smtp = _read_smtp(keys.get("smtp"), inner)
    letter = read_letter(keys, file.parent, inner, allow_outside)
    check.problems.extend(inner.problems)
    return recipients, smtp, letter


def _read_recipients(nodes: list[yaml.Node], check: Checker) -> tuple[Recipient, ...]:
    recipients = []
    seen: dict[str, int] = {}
    for number, node in enumerate(nodes, start=1):
        keys = check.mapping(node, f"recipient {number}", RECIPIENT_KEYS)
        where = f"recipient {number}"
        name, email = check.required(keys, "name", where), check.required(keys, "email", where)
        organisation = check.text(keys, "organisation")
        for key, value in (("name", name), ("organisation", organisation)):
            if value is not None and len(value) > MAX_NAME:
                check.problem(
                    keys[key], f"{where}: '{key}' is {len(value)} characters long; the stamp holds at most {MAX_NAME}"
                )
        if name is None or email is None:
            continue
        problem = email_problem(email)
        if problem:
            check.problem(keys["email"], f"{where} ({name}): {problem}")
        elif email.lower() in seen:
            # The send log is keyed by address: two entries would get one message.
            check.problem(
                keys["email"],
                f"recipient {number} ({name}): '{email}' is listed already as recipient {seen[email.lower()]}",
            )
        seen.setdefault(email.lower(), number)
        paper = check.choice(keys, "paper", PAPERS, "") if "paper" in keys else None
        recipients.append(
            Recipient(
                name=name,
                email=email,
                organisation=organisation,
                paper=paper or None,
                stamp=check.boolean(keys, "stamp", True),
            )
        )
    return tuple(recipients)


def _read_smtp(node: yaml.Node | None, check: Checker) -> SmtpSettings:
    if node is None:
        return SmtpSettings()
    keys = check.mapping(node, "smtp", SMTP_KEYS)
    security = check.choice(keys, "security", SECURITY, "none")
    default_port = {"none": 25, "starttls": 587, "tls": 465}[security]
    sender = check.text(keys, "sender")
    problem = email_problem(sender) if sender else None
    if problem:
        check.problem(keys["sender"], f"smtp sender: {problem}")
    reply_to = check.text(keys, "reply_to")
    problem = email_problem(reply_to) if reply_to else None
    if problem:
        check.problem(keys["reply_to"], f"smtp reply_to: {problem}")
    host = check.text(keys, "host", "localhost") or "localhost"
    if any(c.isspace() for c in host):
        check.problem(keys["host"], f"smtp host '{host}' is not a host name")
    return SmtpSettings(
        host=host,
        port=int(check.number(keys, "port", default_port, integer=True, minimum=1, maximum=65535)),
        security=security,
        user=check.text(keys, "user"),
        sender=sender,
        password_env=check.text(keys, "password_env", "BRIEFPACK_SMTP_PASSWORD") or "",
        reply_to=reply_to if not problem else None,
    )
