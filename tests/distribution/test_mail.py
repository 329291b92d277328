"""Sending the copies through a real SMTP server (aiosmtpd on 127.0.0.1)."""

from __future__ import annotations

import email
import email.policy
import json
import re
import socket
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefpack import cli as cli_module
from briefpack.distribution import stamp as stamp_module
from briefpack.distribution.mail import password_for, resolve_settings
from briefpack.errors import BriefpackError
from briefpack.model import SmtpSettings

CASE = Path(__file__).parents[1] / "cases" / "distribution"
ADDRESSES = ["ada@example.org", "lukasz@example.org", "grace@example.org", "filing@example.org"]


@pytest.fixture(scope="module")
def stamped(tmp_path_factory):
    return stamp_module.stamp(CASE / "pack.yaml", tmp_path_factory.mktemp("stamped"))


@pytest.fixture
def run(stamped, monkeypatch, tmp_path, server):
    """`briefpack send` on the case, against the test server, reusing the module's one layout."""
    monkeypatch.setattr(stamp_module, "stamp", lambda manifest, out_dir, progress=None: stamped)
    monkeypatch.delenv("BRIEFPACK_SMTP_PASSWORD", raising=False)
    out = tmp_path / "out"

    def invoke(*args: str):
        result = CliRunner().invoke(
            cli_module.cli,
            [
                "send",
                str(CASE / "pack.yaml"),
                "--out",
                str(out),
                "--host",
                "127.0.0.1",
                "--port",
                str(server.port),
                *args,
            ],
        )
        result.out_dir = out
        return result

    return invoke


def ledger(out: Path) -> list[dict]:
    path = out / "outbox" / "sent.jsonl"
    return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []


@pytest.mark.layout
def test_every_recipient_gets_exactly_one_message_with_their_copy(run, server, stamped):
    result = run()
    assert result.exit_code == 0, result.output
    received = server.received()
    assert sorted(received) == sorted(ADDRESSES)
    for copy in stamped.copies:
        messages = received[copy.spec.recipient.email]
        assert len(messages) == 1
        message = messages[0]
        attachments = list(message.iter_attachments())
        assert len(attachments) == 1
        assert attachments[0].get_content_type() == "application/pdf"
        assert attachments[0].get_filename() == copy.path.name
        assert attachments[0].get_content() == copy.path.read_bytes()
        assert message["From"] == "packs@example.org"
        assert copy.spec.recipient.email in message["To"]
        assert message["Subject"] == f"Cycling in Northbridge (2022-06-15) – your copy {copy.spec.number} of 4"
    assert [r["email"] for r in ledger(result.out_dir)] == ADDRESSES
    assert [r["copy_sha256"] for r in ledger(result.out_dir)] == [c.sha256 for c in stamped.copies]
    assert "sent 4 of 4" in result.output


@pytest.mark.layout
def test_bodies_are_text_and_escaped_html(run, server):
    assert run().exit_code == 0
    message = server.received()["lukasz@example.org"][0]
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    assert "Dear Łukasz Żółw," in text
    assert "(Transport <Board> & Co)" in text
    assert "(Transport &lt;Board&gt; &amp; Co)" in html
    assert "<Board>" not in html


@pytest.mark.layout
def test_a_second_run_sends_nothing(run, server):
    assert run().exit_code == 0
    again = run()
    assert again.exit_code == 0
    assert len(server.messages) == 4
    assert "sent 0 of 0" in again.output and "4 sent before" in again.output


@pytest.mark.layout
def test_refused_recipient_is_reported_others_delivered_and_rerun_sends_only_it(run, server):
    server.refuse = {"grace@example.org"}
    first = run()
    assert first.exit_code == 1
    assert "not sent: grace@example.org: 550 5.1.1 mailbox unavailable" in first.output
    assert sorted(server.received()) == sorted(set(ADDRESSES) - {"grace@example.org"})

    server.refuse = set()
    second = run()
    assert second.exit_code == 0, second.output
    received = server.received()
    assert sorted(received) == sorted(ADDRESSES)
    assert all(len(messages) == 1 for messages in received.values())
    assert [r["email"] for r in ledger(second.out_dir)][-1] == "grace@example.org"


@pytest.mark.layout
def test_a_single_drop_is_survived_by_reconnecting(run, server):
    server.drop_after, server.drops_left = 2, 1
    result = run()
    assert result.exit_code == 0, result.output
    assert sorted(server.received()) == sorted(ADDRESSES)
    assert all(len(m) == 1 for m in server.received().values())


@pytest.mark.layout
def test_a_connection_that_keeps_dropping_fails_the_rest_and_resumes(run, server):
    server.drop_after, server.drops_left = 1, 2
    first = run()
    assert first.exit_code == 1
    assert [rcpt for rcpt, _ in server.messages] == [["ada@example.org"]]
    for address in ADDRESSES[1:]:
        assert f"not sent: {address}: connection lost and not regained" in first.output
    assert [r["email"] for r in ledger(first.out_dir)] == ["ada@example.org"]

    second = run()
    assert second.exit_code == 0, second.output
    received = server.received()
    assert sorted(received) == sorted(ADDRESSES)
    assert all(len(m) == 1 for m in received.values())


@pytest.mark.layout
def test_changed_pack_is_sent_again(run, server, stamped, monkeypatch):
    assert run().exit_code == 0
    changed = type(stamped)(
        manifest=stamped.manifest,
        warnings=stamped.warnings,
        copies=tuple(
            type(c)(spec=c.spec, path=c.path, sha256=c.sha256, pack_sha256="0" * 64, size=c.size)
            for c in stamped.copies
        ),
    )
    monkeypatch.setattr(stamp_module, "stamp", lambda manifest, out_dir, progress=None: changed)
    assert run().exit_code == 0
    assert all(len(m) == 2 for m in server.received().values())


@pytest.mark.layout
def test_over_the_size_limit_nothing_is_sent(run, server):
    result = run("--limit-mb", "0.01")
    assert result.exit_code == 2
    assert "4 of 4 messages are over the 0.01 MB limit; the largest, to " in result.output
    assert re.search(r"@example\.org, is \d+\.\d\d MB", result.output)
    assert server.messages == []


@pytest.mark.layout
def test_dry_run_writes_eml_and_sends_nothing(run, server, stamped):
    result = run("--dry-run")
    assert result.exit_code == 0, result.output
    files = sorted((result.out_dir / "outbox").glob("*.eml"))
    assert [f.name for f in files] == [f"{c.spec.number:03d}-{c.path.stem}.eml" for c in stamped.copies]
    message = email.message_from_bytes(files[0].read_bytes(), policy=email.policy.default)
    assert next(message.iter_attachments()).get_content() == stamped.copies[0].path.read_bytes()
    assert server.messages == [] and ledger(result.out_dir) == []


@pytest.mark.layout
def test_unreachable_server_is_a_user_error(run, server):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed = probe.getsockname()[1]
    result = run("--port", str(closed))
    assert result.exit_code == 2
    assert f"cannot connect to 127.0.0.1:{closed}" in result.output


@pytest.mark.layout
def test_user_without_password_is_refused_before_rendering(run, server):
    result = run("--user", "someone")
    assert result.exit_code == 2
    assert "needs a password: set BRIEFPACK_SMTP_PASSWORD" in result.output


def test_settings_command_line_wins():
    base = SmtpSettings(host="mail.example.org", port=25, security="none", sender="a@example.org")
    assert resolve_settings(base, security="tls").port == 465
    assert resolve_settings(base, security="tls", port=2465).port == 2465
    assert resolve_settings(base, host="127.0.0.1").host == "127.0.0.1"
    assert resolve_settings(base).port == 25


def test_password_comes_from_the_environment_or_a_prompt():
    settings = SmtpSettings(user="u", password_env="PACK_PW")
    assert password_for(settings, {"PACK_PW": "s3cret"}, None) == "s3cret"
    assert password_for(settings, {}, lambda prompt: "typed") == "typed"
    assert password_for(SmtpSettings(), {}, None) is None
    with pytest.raises(BriefpackError, match="set PACK_PW"):
        password_for(settings, {}, None)


def test_a_dry_run_after_a_send_writes_every_message_and_names_those_a_real_run_would_skip(run, server):
    assert run().exit_code == 0
    rehearsal = run("--dry-run")
    assert rehearsal.exit_code == 0, rehearsal.output
    assert len(list((rehearsal.out_dir / "outbox").glob("*.eml"))) == 4
    assert "wrote 4 messages" in rehearsal.output
    for address in ADDRESSES:
        assert f"a real run would skip {address}: sent this pack before" in rehearsal.output
    assert len(server.messages) == 4  # the rehearsal sent nothing


def test_the_body_lists_the_chapters_with_the_page_each_starts_on(run, server):
    assert run().exit_code == 0
    text = server.received()["ada@example.org"][0].get_body(("plain",)).get_content().replace("\r\n", "\n")
    assert re.search(r"Contents:\n  Summary \.+ p\. \d+\n  Bike lanes \.+ p\. \d+\n  Bike sharing \.+ p\. \d+\n", text)
    assert text.rstrip().endswith("Test Desk")  # the organisation signs when the manifest names no author
