"""The PDF as a file: metadata, tagging, variants, attachments, validity, reproducibility, size.

WeasyPrint 70 writes every piece of metadata briefpack needs (from the
HTML's <meta> elements and lang), so no post-processing step exists; these
tests pin that down so a WeasyPrint upgrade that drops something is caught.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pikepdf
import pytest

from briefpack.build import build
from briefpack.layout.render import attachment_name

pytestmark = pytest.mark.layout  # every test here lays out pages

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "pack.yaml"
VISUAL = ROOT / "tests" / "cases" / "visual" / "pack.yaml"
PDFAID = "{http://www.aiim.org/pdfa/ns/id/}"
PDFUAID = "{http://www.aiim.org/pdfua/ns/id/}"


def variant_of(manifest: Path, tmp_path: Path, **changes: str) -> Path:
    """A copy of a test case with some top-level manifest keys changed or removed (value None)."""
    case = tmp_path / "case"
    shutil.copytree(manifest.parent, case)
    lines = manifest.read_text(encoding="utf-8").splitlines()
    kept = [line for line in lines if line.split(":")[0] not in changes]
    kept += [f"{key}: {value}" for key, value in changes.items() if value is not None]
    (case / manifest.name).write_text("\n".join(kept) + "\n", encoding="utf-8")
    return case / manifest.name


@pytest.fixture(scope="module")
def seed_pdf(seed_build) -> Path:
    return seed_build.pdf


@pytest.fixture(scope="module")
def archived(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("a3b")
    return build(variant_of(VISUAL, tmp, pdf_variant="a3b"), tmp / "out")


def test_document_metadata(seed_pdf):
    with pikepdf.open(seed_pdf) as pdf:
        info = pdf.docinfo
        assert str(info["/Title"]) == "Russia and Turkey in Libya"
        assert str(info["/Author"]) == "Briefpack Analysis Unit"
        assert str(info["/Subject"]).startswith("Foreign involvement in the Libyan conflict")
        assert "Wagner Group" in str(info["/Keywords"])
        assert str(info["/CreationDate"]).startswith("D:20200930")
        assert str(pdf.Root.Lang) == "en"
        with pdf.open_metadata() as xmp:
            assert xmp["dc:title"] == "Russia and Turkey in Libya"
            assert xmp["xmp:CreateDate"].startswith("2020-09-30")


def test_default_variant_is_tagged_pdf_ua(seed_pdf):
    with pikepdf.open(seed_pdf) as pdf:
        assert "/StructTreeRoot" in pdf.Root
        assert bool(pdf.Root.MarkInfo.Marked)
        assert bool(pdf.Root.ViewerPreferences.DisplayDocTitle)
        with pdf.open_metadata() as xmp:
            assert xmp.get(f"{PDFUAID}part") == "1"
        assert len(pdf.attachments) == 0


def test_a3b_is_pdf_a_with_sources_and_export_attached(archived):
    with pikepdf.open(archived.pdf) as pdf:
        with pdf.open_metadata() as xmp:
            assert xmp.get(f"{PDFAID}part") == "3"
            assert xmp.get(f"{PDFAID}conformance") == "B"
        assert "/ID" in pdf.trailer and "/OutputIntents" in pdf.Root
        attached = {name: spec.get_file().read_bytes() for name, spec in pdf.attachments.items()}
    sources = archived.pack.manifest.sources
    assert set(attached) == {attachment_name(s) for s in sources} | {archived.json.name}
    for spec in sources:
        assert attached[attachment_name(spec)] == spec.path.read_bytes()
    assert attached[archived.json.name] == archived.json.read_bytes()


@pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf is not installed (apt-get install qpdf)")
def test_qpdf_finds_no_errors(seed_pdf, archived):
    for path in (seed_pdf, archived.pdf):
        check = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
        assert check.returncode == 0, check.stdout + check.stderr
        assert "No syntax or stream encoding errors" in check.stdout


def test_same_inputs_give_identical_bytes(seed_pdf, tmp_path):
    again = build(SEED, tmp_path).pdf
    assert again.read_bytes() == seed_pdf.read_bytes()


def test_without_a_date_the_creation_date_comes_from_source_date_epoch(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 2023-11-14T22:13:20Z
    first = build(variant_of(VISUAL, tmp_path / "a", date=None), tmp_path / "a" / "out").pdf
    second = build(variant_of(VISUAL, tmp_path / "b", date=None), tmp_path / "b" / "out").pdf
    with pikepdf.open(first) as pdf:
        assert str(pdf.docinfo["/CreationDate"]).startswith("D:20231114221320")
    assert first.read_bytes() == second.read_bytes()


def test_seed_pack_is_small(seed_pdf):
    assert seed_pdf.stat().st_size < 500 * 1024
