"""The build cache: what a change invalidates, and what it leaves alone."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefpack import cache as cache_module
from briefpack.build import build
from briefpack.cache import stage_modules
from briefpack.cli import cli
from briefpack.layout import render, view

CASE = Path(__file__).parent / "cases" / "cache"
ROOT = Path(__file__).resolve().parent.parent
ALL = ["S1", "S2", "S3"]


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    """The case copied out, so the tests can edit it."""
    shutil.copytree(CASE, tmp_path / "pack")
    return tmp_path / "pack" / "pack.yaml"


@pytest.fixture
def layouts(tmp_path: Path, monkeypatch) -> Path:
    """A private copy of the layout folder, so a test may edit it without touching the real one."""
    copy = tmp_path / "layouts"
    shutil.copytree(view.LAYOUTS, copy)
    for module in (view, render, cache_module):
        monkeypatch.setattr(module, "LAYOUTS", copy)
    return copy


@pytest.fixture
def refuse_rendering(monkeypatch):
    """Call it to replace the layout engine; it returns the list of calls the engine then gets."""

    def install() -> list:
        calls: list = []

        def refuse(*args, **kwargs):
            calls.append(args)
            raise AssertionError("the renderer was called")

        monkeypatch.setattr(render, "lay_out", refuse)
        return calls

    return install


def stats(result) -> dict[str, tuple[list[str], list[str]]]:
    c = result.cache
    return {stage: (sorted(c.hits[stage]), sorted(c.misses[stage])) for stage in ("clean", "theme", "date")}


@pytest.mark.layout
def test_first_build_misses_everything_and_second_hits_everything(pack, layouts, tmp_path):
    out = tmp_path / "out"
    first = build(pack, out)
    assert stats(first) == {"clean": ([], ALL), "theme": ([], ALL), "date": ([], ALL)}
    second = build(pack, out)
    assert stats(second) == {"clean": (ALL, []), "theme": (ALL, []), "date": (ALL, [])}
    assert second.pages == first.pages
    assert second.pdf.read_bytes() == first.pdf.read_bytes()


@pytest.mark.layout
def test_cli_says_up_to_date_without_rendering(pack, layouts, tmp_path, refuse_rendering):
    out = tmp_path / "out"
    runner = CliRunner()
    first = runner.invoke(cli, ["build", str(pack), "--out", str(out)])
    assert first.exit_code == 0, first.output
    assert first.output.startswith("built ")
    calls = refuse_rendering()
    again = runner.invoke(cli, ["build", str(pack), "--out", str(out)])
    assert again.exit_code == 0, again.output
    pages = first.output.split(" pages)")[0].rsplit("(", 1)[1]
    assert again.output.startswith(f"up to date: {out.resolve() / 'cycling-pack.pdf'} ({pages} pages)")
    assert calls == []


@pytest.mark.layout
def test_up_to_date_check_does_not_import_weasyprint(pack, tmp_path):
    out = tmp_path / "out"
    build(pack, out)
    probe = (
        "import sys\n"
        "from briefpack.cli import cli\n"
        f"try:\n    cli(['build', {str(pack)!r}, '--out', {str(out)!r}])\n"
        "except SystemExit:\n    pass\n"
        "print('weasyprint imported' if 'weasyprint' in sys.modules else 'weasyprint not imported')\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.startswith("up to date: ")
    assert done.stdout.strip().endswith("weasyprint not imported")


@pytest.mark.layout
def test_a_changed_source_invalidates_only_its_own_entries(pack, layouts, tmp_path):
    out = tmp_path / "out"
    build(pack, out)
    lyon = pack.parent / "lyon.txt"
    lyon.write_text(lyon.read_text() + "\nThe first route opened on 5 September 2022.\n")
    result = build(pack, out)
    assert stats(result) == {
        "clean": (["S1", "S3"], ["S2"]),
        "theme": (["S1", "S3"], ["S2"]),
        "date": (["S1", "S3"], ["S2"]),
    }


@pytest.mark.layout
def test_a_changed_theme_invalidates_theming_for_all_but_not_clean_up(pack, layouts, tmp_path):
    out = tmp_path / "out"
    build(pack, out)
    pack.write_text(
        pack.read_text()
        .replace("title: Road safety", "title: Safety on the road")
        .replace("collisions: 2", "collisions: 3")
    )
    result = build(pack, out)
    # Dating reads the text alone, so a theme edit leaves it cached too.
    assert stats(result) == {"clean": (ALL, []), "theme": ([], ALL), "date": (ALL, [])}


@pytest.mark.layout
def test_a_changed_layout_file_leaves_the_stage_cache_and_stales_the_outputs(pack, layouts, tmp_path):
    out = tmp_path / "out"
    build(pack, out)
    css = layouts / "base.css"
    css.write_text(css.read_text() + "\n.cite { color: black; }\n")
    result = build(pack, out)
    assert stats(result) == {"clean": (ALL, []), "theme": (ALL, []), "date": (ALL, [])}
    runner = CliRunner()
    assert runner.invoke(cli, ["build", str(pack), "--out", str(out)]).output.startswith("up to date: ")
    css.write_text(css.read_text() + "\n.cite { color: navy; }\n")
    assert runner.invoke(cli, ["build", str(pack), "--out", str(out)]).output.startswith("built ")


@pytest.mark.layout
def test_force_recomputes_everything_and_refills_the_cache(pack, layouts, tmp_path):
    out = tmp_path / "out"
    build(pack, out)
    forced = build(pack, out, force=True)
    assert stats(forced) == {"clean": ([], ALL), "theme": ([], ALL), "date": ([], ALL)}
    assert CliRunner().invoke(cli, ["build", str(pack), "--out", str(out), "--force"]).output.startswith("built ")
    assert stats(build(pack, out))["clean"] == (ALL, [])


@pytest.mark.layout
def test_a_deleted_output_is_not_up_to_date(pack, layouts, tmp_path):
    out = tmp_path / "out"
    runner = CliRunner()
    runner.invoke(cli, ["build", str(pack), "--out", str(out)])
    (out / "cycling-pack.pdf").unlink()
    again = runner.invoke(cli, ["build", str(pack), "--out", str(out)])
    assert again.output.startswith("built ")
    assert (out / "cycling-pack.pdf").exists()


@pytest.mark.layout
def test_a_torn_entry_is_recomputed(pack, layouts, tmp_path):
    out = tmp_path / "out"
    build(pack, out)
    for entry in (out / ".cache" / "clean").rglob("*.json"):
        entry.write_bytes(entry.read_bytes()[:10])
    assert stats(build(pack, out))["clean"] == ([], ALL)


def test_each_stage_key_follows_the_modules_the_stage_runs():
    assert {"briefpack.readers.settle", "briefpack.text.clean", "briefpack.readers"} <= set(stage_modules("clean"))
    assert "briefpack.dating.timex" in stage_modules("date")
    assert "briefpack.analysis.theme" not in stage_modules("clean")
    assert "briefpack.text.clean" not in stage_modules("theme")


def test_imports_are_found_in_every_form(tmp_path):
    module = tmp_path / "stage.py"
    module.write_text(
        "from briefpack.dating import timex, rules as r\n"
        "from briefpack.text.clean import (\n    clean,\n    Cleaned,\n)\n"
        "import briefpack.readers, json\n"
        "from . import errors\n"
        "from .glossary import build_glossary\n"
        "def later():\n    import briefpack.export  # a lazy import counts too\n"
    )
    found = cache_module._imported(module, "briefpack.stage")
    assert {
        "briefpack.dating.timex",
        "briefpack.dating.rules",
        "briefpack.text.clean",
        "briefpack.readers",
        "briefpack.errors",
        "briefpack.glossary",
        "briefpack.export",
    } <= found
    assert "json" not in found


@pytest.mark.layout
def test_a_new_weasyprint_keeps_the_stage_cache_but_stales_the_outputs(pack, layouts, tmp_path, monkeypatch):
    out = tmp_path / "out"
    build(pack, out)
    assert CliRunner().invoke(cli, ["build", str(pack), "--out", str(out)]).output.startswith("up to date: ")
    monkeypatch.setattr(cache_module, "toolchain_digest", lambda: "weasyprint==99")
    assert CliRunner().invoke(cli, ["build", str(pack), "--out", str(out)]).output.startswith("built ")
    result = build(pack, out)
    assert stats(result) == {"clean": (ALL, []), "theme": (ALL, []), "date": (ALL, [])}
