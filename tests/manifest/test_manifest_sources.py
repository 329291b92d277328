"""Sources as folders and patterns, 'none' for missing metadata, 'out:', and finding the manifest."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CASES

from briefpack.cli import cli
from briefpack.errors import BriefpackError, ManifestError
from briefpack.manifest import load_manifest
from briefpack.manifest.locate import find_manifest, output_folder
from briefpack.readers.settle import load_source

HEAD = "title: T\nthemes: [{id: a, title: A, terms: [tram]}]\nfallback: a\n"


@pytest.fixture
def folder(tmp_path) -> Path:
    target = tmp_path / "pack"
    shutil.copytree(CASES / "tramline", target)
    return target


def sources_of(folder: Path, entries: str, head: str = HEAD):
    (folder / "pack.yaml").write_text(head + "sources:\n" + entries, encoding="utf-8")
    return load_manifest(folder / "pack.yaml").sources


def test_a_folder_lists_its_files_and_below_sorted_by_path_with_shared_values(folder):
    specs = sources_of(folder, "  - {folder: ., publisher: Caldermouth Press}\n")
    assert [s.rel for s in specs] == [
        "clips/depot-delay.htm",
        "clips/tunnel-boring.html",
        "council-vote.txt",
        "notes/fares-consultation.md",
        "notes/ridership-figures.md",
        "reports/funding-review.txt",
        "reports/safety-audit.pdf",
    ]
    assert [s.id for s in specs] == [f"S{n}" for n in range(1, 8)]
    assert {s.publisher for s in specs} == {"Caldermouth Press"}


def test_entries_keep_their_order_and_a_file_entry_overrides_its_patterns_values(folder):
    specs = sources_of(
        folder,
        "  - council-vote.txt\n"
        "  - {glob: 'clips/*.htm*', author: Desk}\n"
        "  - {file: clips/tunnel-boring.html, author: T. Wielgosz, id: TB}\n"
        "  - {folder: notes}\n",
    )
    assert [(s.id, s.rel, s.author) for s in specs] == [
        ("S1", "council-vote.txt", None),
        ("S2", "clips/depot-delay.htm", "Desk"),
        ("TB", "clips/tunnel-boring.html", "T. Wielgosz"),
        ("S4", "notes/fares-consultation.md", None),
        ("S5", "notes/ridership-figures.md", None),
    ]


def test_a_file_is_listed_once_at_its_first_mention(folder):
    specs = sources_of(folder, "  - {file: notes/fares-consultation.md, title: Fares}\n  - {folder: notes}\n")
    assert [(s.rel, s.title) for s in specs] == [
        ("notes/fares-consultation.md", "Fares"),
        ("notes/ridership-figures.md", None),
    ]


def test_hidden_files_and_output_folders_are_never_sources(folder):
    (folder / ".drafts").mkdir()
    (folder / ".drafts" / "old.txt").write_text("An old draft about trams.\n")
    (folder / "out" / ".cache").mkdir(parents=True)
    (folder / "out" / "pack.html").write_text("<p>A built pack about trams.</p>\n")
    rels = [s.rel for s in sources_of(folder, "  - {folder: .}\n  - {glob: '**/*.html'}\n")]
    assert not any(rel.startswith((".drafts", "out/")) for rel in rels) and len(rels) == 7


def test_a_folder_or_pattern_that_finds_nothing_is_an_error_naming_it(folder):
    with pytest.raises(ManifestError) as caught:
        sources_of(folder, "  - {glob: 'clips/*.docx'}\n  - {folder: missing}\n  - {folder: clips, title: X}\n")
    message = str(caught.value)
    assert "pack.yaml:5: glob 'clips/*.docx' matches no file" in message
    assert "pack.yaml:6: source folder not found: 'missing'" in message
    assert "unknown key 'title' in a folder or glob source" in message


def test_a_pattern_reaching_outside_the_manifests_folder_is_refused(folder, tmp_path):
    (tmp_path / "elsewhere.txt").write_text("Text from outside the pack about trams.\n")
    with pytest.raises(ManifestError, match="lies outside the manifest's folder"):
        sources_of(folder, "  - {glob: '../*.txt'}\n")


def test_none_states_there_is_no_author_and_silences_the_warning(folder):
    (spec,) = sources_of(folder, "  - {file: reports/funding-review.txt, author: none, publisher: NONE}\n")
    assert spec.author is None and spec.absent == ("author", "publisher")
    source, warnings = load_source(spec, max_bytes=1 << 20)
    assert source.author is None and source.publisher is None
    assert warnings == ["reports/funding-review.txt: published not stated in the manifest or the text; left empty"]
    (byline,) = sources_of(folder, "  - {file: council-vote.txt, author: none}\n")
    assert load_source(byline, max_bytes=1 << 20)[0].author is None  # the manifest's word wins over a byline


def test_out_is_relative_to_the_manifest_and_must_stay_inside_unless_allowed(folder):
    sources_of(folder, "  - council-vote.txt\n", head=HEAD + "out: build/pdf\n")
    assert load_manifest(folder / "pack.yaml").out == (folder / "build" / "pdf").resolve()
    assert output_folder(folder / "pack.yaml", None) == folder / "build/pdf"
    assert output_folder(folder / "pack.yaml", Path("given")) == Path("given")
    with pytest.raises(ManifestError, match=re.escape("'out' folder '../out' lies outside the manifest's folder")):
        sources_of(folder, "  - council-vote.txt\n", head=HEAD + "out: ../out\n")
    sources_of(folder, "  - council-vote.txt\n", head=HEAD + "out: ../out\nallow_outside: true\n")


def test_outputs_default_to_out_beside_the_manifest(folder):
    sources_of(folder, "  - council-vote.txt\n")
    assert output_folder(folder / "pack.yaml", None) == folder / "out"


def test_the_manifest_is_found_in_the_current_folder(folder, monkeypatch):
    monkeypatch.chdir(folder)
    with pytest.raises(BriefpackError) as caught:
        find_manifest(None)
    assert "looked for pack.yaml and briefpack.yaml" in str(caught.value)
    assert "`briefpack new .`" in str(caught.value)
    (folder / "briefpack.yaml").write_text(HEAD)
    assert find_manifest(None) == Path("briefpack.yaml")
    (folder / "pack.yaml").write_text(HEAD)
    assert find_manifest(None) == Path("pack.yaml")
    assert find_manifest(Path(".")) == Path("pack.yaml")  # a folder named: its manifest


def test_a_bare_command_in_a_folder_without_manifest_says_what_it_looked_for(folder, monkeypatch):
    monkeypatch.chdir(folder)
    result = CliRunner().invoke(cli, ["explain"])
    assert result.exit_code == 2
    assert result.output.startswith("error: no manifest in the current folder: looked for pack.yaml")


def test_source_ids_on_the_command_line_are_case_insensitive(folder):
    sources_of(folder, "  - council-vote.txt\n  - notes/fares-consultation.md\n")
    result = CliRunner().invoke(cli, ["explain", str(folder / "pack.yaml"), "--source", "s2"])
    assert result.exit_code == 0, result.output
    assert "S2  notes/fares-consultation.md" in result.output and "S1 " not in result.output
    refused = CliRunner().invoke(cli, ["explain", str(folder / "pack.yaml"), "--source", "s9"])
    assert refused.exit_code == 2 and "no source 's9' (sources are S1, S2)" in refused.output
