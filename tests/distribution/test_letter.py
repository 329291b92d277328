"""What the email says about the pack: contents, summary, key points, cover note, Reply-To, signatory."""

from __future__ import annotations

import datetime
import email
import email.policy
import io
from dataclasses import replace
from pathlib import Path

import pypdf
import pytest

from briefpack.distribution.letter import contents, highlights, paragraphs
from briefpack.distribution.mail import compose
from briefpack.distribution.stamp import Copy, CopySpec
from briefpack.errors import BriefpackError, ManifestError
from briefpack.manifest import load_manifest
from briefpack.model import Letter, Recipient

NOW = datetime.datetime(2024, 5, 1, 9, 0, tzinfo=datetime.timezone.utc)
PACK = """title: Frost in the Vale
author: R. Calloway
organisation: Vale Desk
sources: [a.txt]
themes: [{id: a, title: A, terms: [frost]}]
fallback: a
distribution: list.yaml
"""


def bookmarked_pdf(chapters: list[tuple[str, int]], pages: int = 6) -> bytes:
    writer = pypdf.PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    for title, page in chapters:
        writer.add_outline_item(title=title, page_number=page - 1)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def copy_for(tmp_path: Path) -> Copy:
    recipient = Recipient(name="Ada <Lovelace>", email="ada@example.org")
    spec = CopySpec(recipient=recipient, number=1, total=2, paper="A4", file_name="vale-copy-1.pdf", stamp="x")
    return Copy(spec=spec, path=tmp_path / "vale-copy-1.pdf", sha256="0" * 64, pack_sha256="1" * 64, size=1)


def message(data: bytes) -> email.message.EmailMessage:
    return email.message_from_bytes(data, policy=email.policy.default)


@pytest.fixture
def manifest(write_manifest):
    def make(distribution: str, files: dict[str, str] | None = None):
        path = write_manifest(PACK, {"a.txt": "Frost hit the orchards.\n", "list.yaml": distribution, **(files or {})})
        return load_manifest(path)

    return make


RECIPIENTS = "recipients: [{name: Ada, email: ada@example.org}]\n"


def test_contents_come_from_the_copys_own_bookmarks():
    pdf = bookmarked_pdf([("Harvest", 3), ("Trade", 5), ("Timeline", 6)])
    assert [(e.title, e.page) for e in contents(pdf)] == [("Harvest", 3), ("Trade", 5), ("Timeline", 6)]
    assert contents(b"not a pdf") == ()


def test_summary_and_key_points_are_read_from_the_export_when_it_has_them():
    export = {
        "summary": [{"text": "Frost cut the harvest.", "sources": ["S1", "S2"]}],
        "chapters": [
            {"title": "Harvest", "key_points": [{"text": "A third fewer apples.", "sources": ["S1"]}]},
            {"title": "Trade", "paragraphs": []},
        ],
    }
    summary, points = highlights(export)
    assert summary == ("Frost cut the harvest. [S1, S2]",)
    assert points == (("Harvest", ("A third fewer apples. [S1]",)),)
    assert highlights({"chapters": [{"title": "Harvest"}]}) == ((), ())  # a pack without them


def test_a_note_keeps_its_paragraphs_and_joins_its_wrapped_lines():
    assert paragraphs("Ahead of Thursday,\nhere is the pack.\n\nCorrections by Wednesday.\n") == (
        "Ahead of Thursday, here is the pack.",
        "Corrections by Wednesday.",
    )


def test_the_message_carries_note_contents_points_reply_to_and_the_author_as_signatory(manifest, tmp_path):
    pack = manifest(
        RECIPIENTS + "note: |\n  Ahead of <Thursday>,\n  the pack.\n\n  Corrections welcome.\n"
        "smtp: {sender: packs@example.org, reply_to: desk@example.org}\n"
    )
    export = {"chapters": [{"title": "Harvest", "key_points": [{"text": "A third fewer apples.", "sources": ["S1"]}]}]}
    sent = compose(
        pack,
        copy_for(tmp_path),
        bookmarked_pdf([("Harvest", 3)]),
        "packs@example.org",
        NOW,
        reply_to=pack.smtp.reply_to,
        export=export,
    )
    got = message(sent.data)
    assert got["Reply-To"] == '"R. Calloway" <desk@example.org>'
    text = got.get_body(("plain",)).get_content().replace("\r\n", "\n")
    html = got.get_body(("html",)).get_content()
    assert text.index("Ahead of <Thursday>, the pack.") < text.index("Corrections welcome.") < text.index("Contents:")
    assert "  Harvest " in text and " p. 3" in text
    assert "Key points:\n  Harvest\n    - A third fewer apples. [S1]" in text
    assert text.rstrip().endswith("R. Calloway\nVale Desk")
    assert "<p>Ahead of &lt;Thursday&gt;, the pack.</p>" in html and "<Thursday>" not in html
    assert "R. Calloway<br>Vale Desk" in html


def test_a_note_may_be_a_file_and_not_both(manifest):
    pack = manifest(RECIPIENTS + "note_file: note.txt\n", {"note.txt": "From a file.\n"})
    assert pack.letter.note == "From a file."
    with pytest.raises(ManifestError, match="as 'note' or as 'note_file', not both"):
        manifest(RECIPIENTS + "note: x\nnote_file: note.txt\n", {"note.txt": "y\n"})
    with pytest.raises(ManifestError, match="smtp reply_to: 'not-an-address' is not an email address"):
        manifest(RECIPIENTS + "smtp: {reply_to: not-an-address}\n")


def test_a_pack_may_override_a_template_and_the_templates_are_sandboxed(manifest, tmp_path):
    pack = manifest(
        RECIPIENTS + "email_templates: mail\n", {"mail/subject.txt": "For {{ recipient.name }}: {{ m.title }}\n"}
    )
    assert pack.letter.templates == (tmp_path / "mail").resolve()
    sent = compose(pack, copy_for(tmp_path), bookmarked_pdf([]), "packs@example.org", NOW)
    assert message(sent.data)["Subject"] == "For Ada <Lovelace>: Frost in the Vale"
    (tmp_path / "mail" / "subject.txt").write_text("{{ m.__class__.__mro__ }}\n")
    with pytest.raises(BriefpackError, match=r"subject\.txt"):
        compose(
            replace(pack, letter=Letter(templates=tmp_path / "mail")),
            copy_for(tmp_path),
            bookmarked_pdf([]),
            "packs@example.org",
            NOW,
        )
