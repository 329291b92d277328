"""Stamped per-recipient copies: one layout, every page stamped, nothing of the original lost."""

from __future__ import annotations

import datetime
import io
import shutil
from dataclasses import replace
from pathlib import Path

import pikepdf
import pypdf
import pytest

from briefpack.distribution.stamp import Stamper, plan_copies, slug, stamp, stamp_text
from briefpack.errors import BriefpackError, ManifestError
from briefpack.manifest import load_manifest
from briefpack.model import Recipient

CASE = Path(__file__).parents[1] / "cases" / "distribution"


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    return stamp(CASE / "pack.yaml", tmp_path_factory.mktemp("out"))


@pytest.fixture(scope="module")
def original(result):
    return pypdf.PdfReader(result.copies[0].path.parent.parent / f"{result.manifest.name}.pdf")


def by_name(result, name):
    return next(c for c in result.copies if c.spec.recipient.name == name)


@pytest.mark.layout
def test_one_copy_per_recipient_named_by_number_and_name(result):
    names = [c.path.name for c in result.copies]
    assert names == [
        "cycling-pack-copy-01-ada-lovelace.pdf",
        "cycling-pack-copy-02-lukasz-zolw.pdf",
        "cycling-pack-copy-03-grace-hopper.pdf",
        "cycling-pack-copy-04-filing-clerk.pdf",
    ]
    assert all(c.path.is_file() and c.path.parent.name == "copies" for c in result.copies)


@pytest.mark.layout
@pytest.mark.parametrize("name", ["Ada Lovelace", "Łukasz Żółw", "Grace Hopper"])
def test_stamp_text_is_on_every_page(result, name):
    copy = by_name(result, name)
    reader = pypdf.PdfReader(copy.path)
    assert len(reader.pages) > 1
    for page in reader.pages:
        assert copy.spec.stamp in page.extract_text()
    assert copy.spec.stamp.startswith(f"Prepared for {name}")
    assert copy.spec.stamp.endswith(f"copy {copy.spec.number} of 4 · 2022-06-15")


@pytest.mark.layout
def test_stamp_escapes_nothing_and_keeps_organisation(result):
    copy = by_name(result, "Łukasz Żółw")
    assert (
        "Prepared for Łukasz Żółw (Transport <Board> & Co), copy 2 of 4"
        in pypdf.PdfReader(copy.path).pages[0].extract_text()
    )


@pytest.mark.layout
def test_unstamped_copy_has_no_stamp_but_names_the_recipient(result, original):
    copy = by_name(result, "Filing Clerk")
    reader = pypdf.PdfReader(copy.path)
    assert all("Prepared for" not in page.extract_text() for page in reader.pages)
    assert [p.extract_text() for p in reader.pages] == [p.extract_text() for p in original.pages]
    assert reader.metadata["/Recipient"] == "Filing Clerk <filing@example.org>"


@pytest.mark.layout
def test_recipient_is_in_the_metadata_and_xmp_agrees(result):
    copy = by_name(result, "Ada Lovelace")
    with pikepdf.open(copy.path) as pdf:
        info = pdf.docinfo
        assert str(info["/Recipient"]) == "Ada Lovelace (Analytical Engines) <ada@example.org>"
        assert str(info["/Keywords"]) == "cycling, transport, copy 1 of 4 for Ada Lovelace (Analytical Engines)"
        assert str(info["/Title"]) == "Cycling in Northbridge"
        assert pdf.open_metadata()["pdf:Keywords"] == str(info["/Keywords"])


@pytest.mark.layout
def test_copies_keep_outline_links_tags_and_language(result, original):
    for copy in (c for c in result.copies if c.spec.paper == "A4"):  # the Letter copy is another layout
        reader = pypdf.PdfReader(copy.path)
        root, source = reader.trailer["/Root"], original.trailer["/Root"]
        assert len(reader.pages) == len(original.pages)
        assert [o.title for o in reader.outline if not isinstance(o, list)] == [
            o.title for o in original.outline if not isinstance(o, list)
        ]
        assert [len(p.get("/Annots") or []) for p in reader.pages] == [
            len(p.get("/Annots") or []) for p in original.pages
        ]
        assert sum(len(p.get("/Annots") or []) for p in reader.pages) > 0
        assert reader.named_destinations.keys() == original.named_destinations.keys()
        assert bool(root["/MarkInfo"]["/Marked"])
        assert root["/Lang"] == source["/Lang"] == "en"
        assert len(root["/StructTreeRoot"]["/K"]) == len(source["/StructTreeRoot"]["/K"])
        assert [p["/StructParents"] for p in reader.pages] == [p["/StructParents"] for p in original.pages]


@pytest.mark.layout
def test_copies_are_valid_pdf_with_the_stamp_marked_as_artifact(result):
    for copy in result.copies:
        with pikepdf.open(copy.path) as pdf:
            assert pdf.check_pdf_syntax() == []
            if copy.spec.stamp is None:
                continue
            for page in pdf.pages:
                last = page.obj.Contents[-1].read_bytes()
                assert b"/Artifact BMC" in last and b"/BriefpackStamp Do" in last and last.rstrip().endswith(b"EMC")


@pytest.mark.layout
def test_other_paper_size_is_laid_out_separately(result, original):
    letter = pypdf.PdfReader(by_name(result, "Grace Hopper").path).pages[0].mediabox
    a4 = original.pages[0].mediabox
    assert (round(float(letter.width)), round(float(letter.height))) == (612, 792)
    assert (round(float(a4.width)), round(float(a4.height))) == (595, 842)
    assert by_name(result, "Grace Hopper").pack_sha256 != by_name(result, "Ada Lovelace").pack_sha256


@pytest.mark.layout
def test_same_pack_has_the_same_identity_across_renders(result, tmp_path):
    again = stamp(CASE / "pack.yaml", tmp_path)
    assert [c.pack_sha256 for c in again.copies] == [c.pack_sha256 for c in result.copies]


@pytest.mark.layout
def test_attachments_of_the_original_survive(result, original):
    writer = pypdf.PdfWriter(clone_from=original)
    writer.add_attachment("data.csv", b"year,rides\n2022,180000\n")
    out = io.BytesIO()
    writer.write(out)
    spec = result.copies[0].spec
    stamped = Stamper(out.getvalue(), list(pypdf.PdfReader(result.copies[0].path).pages[:1]))
    copy = pypdf.PdfReader(io.BytesIO(stamped.copy(spec, None)))
    assert copy.attachments == {"data.csv": [b"year,rides\n2022,180000\n"]}


def test_plan_numbers_copies_and_dates_the_stamp():
    manifest = load_manifest(CASE / "pack.yaml")
    undated = replace(manifest, date=None, recipients=manifest.recipients * 3)
    specs = plan_copies(undated, datetime.date(2024, 1, 2))
    assert [s.number for s in specs] == list(range(1, 13))
    assert specs[10].file_name == "cycling-pack-copy-11-grace-hopper.pdf"
    assert specs[0].stamp == "Prepared for Ada Lovelace (Analytical Engines), copy 1 of 12 · 2024-01-02"
    assert specs[3].stamp is None


def test_stamp_text_and_slug():
    assert (
        stamp_text(Recipient("J. Smith", "j@example.org", "Org"), 4, 25, "2020-09-30")
        == "Prepared for J. Smith (Org), copy 4 of 25 · 2020-09-30"
    )
    assert slug("J. Smith") == "j-smith"
    assert slug("Łukasz Żółw") == "lukasz-zolw"


def copy_case(tmp_path: Path, recipients: str, manifest_extra: str = "") -> Path:
    for name in ("pack.yaml", "lanes.txt", "share.txt"):
        shutil.copy(CASE / name, tmp_path / name)
    (tmp_path / "recipients.yaml").write_text(recipients, encoding="utf-8")
    if manifest_extra:
        with (tmp_path / "pack.yaml").open("a", encoding="utf-8") as stream:
            stream.write(manifest_extra)
    return tmp_path / "pack.yaml"


def test_distribution_file_problems_name_its_file_and_line(tmp_path):
    manifest = copy_case(
        tmp_path,
        "recipients:\n  - name: A\n    email: not-an-address\n"
        "  - name: B\n    emial: b@example.org\n"
        "  - name: C\n    email: c@example.org\n  - name: D\n    email: C@Example.org\n",
    )
    with pytest.raises(ManifestError) as caught:
        load_manifest(manifest)
    lines = [str(p) for p in caught.value.problems]
    assert any(
        line.endswith("recipients.yaml:3: recipient 1 (A): 'not-an-address' is not an email address") for line in lines
    )
    assert any(
        "recipients.yaml:5: unknown key 'emial' in recipient 2 (did you mean 'email'?)" in line for line in lines
    )
    assert any(
        "recipients.yaml:9: recipient 4 (D): 'C@Example.org' is listed already as recipient 3" in line for line in lines
    )


def test_recipients_in_both_places_is_a_problem(tmp_path):
    manifest = copy_case(tmp_path, "recipients: []\n", "recipients:\n  - name: X\n    email: x@example.org\n")
    with pytest.raises(ManifestError, match=r"pack.yaml:\d+: 'recipients' cannot be set here as well"):
        load_manifest(manifest)


def test_missing_distribution_file(tmp_path):
    manifest = copy_case(tmp_path, "")
    (tmp_path / "recipients.yaml").unlink()
    with pytest.raises(ManifestError, match=r"pack.yaml:11: distribution file 'recipients.yaml' not found"):
        load_manifest(manifest)


def test_no_recipients_is_a_user_error(tmp_path):
    manifest = copy_case(tmp_path, "recipients: []\n")
    with pytest.raises(BriefpackError, match="no recipients"):
        stamp(manifest, tmp_path / "out")
