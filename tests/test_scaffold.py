"""``briefpack new``: from a folder holding only sources to a pack, without writing YAML by hand."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CASES
from pypdf import PdfReader

from briefpack.cli import cli
from briefpack.manifest import load_manifest

# One sentence of each source's body, as the PDF must carry it (words only: hyphens and line breaks vary).
BODIES = {
    "clips/depot-delay.htm": "soil contaminated with ash and oil from the former locomotive shed",
    "clips/tunnel-boring.html": "The track inside the box will sit on a floating slab",
    "council-vote.txt": "voted 31 to 24 on Tuesday night to approve the eastern extension",
    "notes/fares-consultation.md": "Hospital staff at Fenwick Rise asked for a fare cap for shift workers",
    "notes/ridership-figures.md": "Weekend ridership grew fastest, by 14 per cent",
    "reports/funding-review.txt": "Developer contributions carry the most uncertainty",
    "reports/safety-audit.pdf": "The audit identified the junction at Harbour Street as the highest risk",
}


def briefpack(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "briefpack", *args], cwd=cwd, capture_output=True, text=True, timeout=600
    )


def _letters(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


@pytest.fixture
def sources(tmp_path) -> Path:
    folder = tmp_path / "tramline"
    shutil.copytree(CASES / "tramline", folder)
    return folder


@pytest.mark.layout
def test_new_then_build_in_a_folder_of_sources_puts_every_source_in_the_pdf(sources):
    assert sorted(p.relative_to(sources).as_posix() for p in sources.rglob("*") if p.is_file()) == sorted(BODIES)
    made = briefpack("new", ".", cwd=sources)
    assert made.returncode == 0, made.stderr
    built = briefpack("build", cwd=sources)
    assert built.returncode == 0, built.stderr
    pdf = sources / "out" / "tramline.pdf"  # out/ beside the manifest, named after the folder
    text = _letters(" ".join(page.extract_text() for page in PdfReader(pdf).pages))
    for rel, sentence in BODIES.items():
        assert _letters(sentence) in text, rel
        assert _letters(rel) in text, rel  # the source index names the file


def test_the_manifest_lists_every_source_sorted_with_what_the_texts_state_marked_inferred(sources):
    result = CliRunner().invoke(cli, ["new", str(sources)])
    assert result.exit_code == 0, result.output
    text = (sources / "pack.yaml").read_text(encoding="utf-8")
    manifest = load_manifest(sources / "pack.yaml")
    assert [s.rel for s in manifest.sources] == sorted(BODIES)
    depot = manifest.sources[0]
    assert (depot.author, depot.publisher, depot.published) == (
        "Helen Achterberg",
        "Caldermouth Evening Post",
        "2024-08-19",
    )
    assert re.search(r"author: Helen Achterberg +# inferred", text)
    assert re.search(r"# author: … +# not stated in the text; give it, or write 'author: none'", text)
    assert len(manifest.themes) >= 3 and manifest.fallback == "other"
    assert all(theme.rules for theme in manifest.themes if theme.id != "other")
    assert "wrote" in result.output and "7 sources" in result.output


def test_new_never_overwrites_a_manifest(sources):
    for name in ("pack.yaml", "briefpack.yaml"):
        (sources / name).write_text("title: mine\n", encoding="utf-8")
        result = CliRunner().invoke(cli, ["new", str(sources)])
        assert result.exit_code == 2 and "never overwrites" in result.output
        assert (sources / name).read_text(encoding="utf-8") == "title: mine\n"
        (sources / name).unlink()


def test_unreadable_files_are_left_out_and_named(sources, tmp_path):
    (sources / "empty.txt").write_bytes(b"")
    (tmp_path / "outside.txt").write_text("A text outside the folder about trams.\n")
    (sources / "linked.txt").symlink_to(tmp_path / "outside.txt")
    result = CliRunner().invoke(cli, ["new", str(sources)])
    assert result.exit_code == 0, result.output
    text = (sources / "pack.yaml").read_text(encoding="utf-8")
    assert "# Left out, because briefpack cannot read them:" in text and "#   empty.txt:" in text
    assert "empty.txt left out" in result.output
    assert "#   linked.txt: a link to a file outside this folder" in text
    assert not {"empty.txt", "linked.txt"} & {s.rel for s in load_manifest(sources / "pack.yaml").sources}


def test_a_folder_without_sources_is_a_one_line_error(tmp_path):
    (tmp_path / "notes.docx").write_bytes(b"PK")
    result = CliRunner().invoke(cli, ["new", str(tmp_path)])
    assert result.exit_code == 2
    assert "no readable source in this folder or below" in result.output and not (tmp_path / "pack.yaml").exists()


def test_names_and_titles_that_yaml_would_misread_are_quoted(tmp_path):
    (tmp_path / "notes: #1 - yes.txt").write_text(
        "No: #2 is not a comment\n\nThe tram depot opened on 2 May 2024 after a delay of six weeks at the sidings.\n",
        encoding="utf-8",
    )
    assert CliRunner().invoke(cli, ["new", str(tmp_path)]).exit_code == 0
    (source,) = load_manifest(tmp_path / "pack.yaml").sources
    assert source.rel == "notes: #1 - yes.txt" and source.title == "No: #2 is not a comment"
