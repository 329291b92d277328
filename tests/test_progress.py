"""The build's progress: the stages it reports, the terminal display, the timings file."""

from __future__ import annotations

import io
import json
import shutil
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from rich.console import Console

from briefpack.build import build
from briefpack.cli import cli
from briefpack.progress import StageClock, Terminal, fan_out

CASE = Path(__file__).parent / "cases" / "cache"


def copy_case(tmp_path: Path) -> Path:
    shutil.copytree(CASE, tmp_path / "pack")
    return tmp_path / "pack" / "pack.yaml"


@pytest.mark.layout
def test_build_reports_each_stage_with_counts(tmp_path):
    calls = []
    build(copy_case(tmp_path), tmp_path / "out", progress=lambda *args: calls.append(args))
    stages = list(dict.fromkeys(call[0] for call in calls))
    # WeasyPrint starts while a forked child runs the stages up to the view.
    assert stages == [
        "starting WeasyPrint",
        "reading and cleaning sources",
        "theming paragraphs",
        "saying each fact once",
        "dating events",
        "choosing key points",
        "collecting the glossary",
        "building the view",
        "laying out pages",
        "writing PDF",
        "writing outputs",
    ]
    assert ("reading and cleaning sources", 2, 3, "sources") in calls
    assert ("dating events", 3, 3, "sources") in calls
    pages = json.loads((tmp_path / "out" / "cycling-pack.json").read_text())["pages"]
    assert ("writing PDF", pages, None, "pages") in calls


def test_stage_clock_times_stages_not_count_updates():
    clock = StageClock()
    clock("reading", 0, 2, "sources")
    clock("reading", 1, 2, "sources")
    clock("theming")
    times = clock.stop()
    assert [t.stage for t in times] == ["reading", "theming"]
    assert all(t.seconds >= 0 and t.peak_rss_kb > 0 for t in times)


def test_fan_out_tells_every_listener():
    a, b = [], []
    fan_out(lambda *args: a.append(args), lambda *args: b.append(args))("stage", 1, 2, "sources")
    assert a == b == [("stage", 1, 2, "sources")]


def test_terminal_shows_stage_and_count_once_the_build_has_run_a_moment():
    stream = io.StringIO()
    with Terminal(Console(file=stream, force_terminal=True, width=100), delay=0) as terminal:
        terminal("reading and cleaning sources", 2, 3, "sources")
        time.sleep(0.3)
    assert "reading and cleaning sources" in stream.getvalue()
    assert "2/3 sources" in stream.getvalue()


def test_terminal_stays_silent_for_a_quick_build():
    stream = io.StringIO()
    with Terminal(Console(file=stream, force_terminal=True, width=100), delay=60) as terminal:
        terminal("reading and cleaning sources", 2, 3, "sources")
    assert stream.getvalue() == ""


@pytest.mark.layout
def test_cli_is_silent_when_not_a_terminal_and_with_quiet(tmp_path):
    manifest = copy_case(tmp_path)
    runner = CliRunner()
    result = runner.invoke(cli, ["build", str(manifest), "--out", str(tmp_path / "out"), "--quiet"])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert all(line.startswith("warning: ") for line in result.stderr.splitlines())  # warnings still reach the user
    loud = runner.invoke(cli, ["build", str(manifest), "--out", str(tmp_path / "out2")])
    assert "…" not in loud.stderr and "reading and cleaning" not in loud.stderr


@pytest.mark.layout
def test_cli_writes_stage_timings(tmp_path):
    timings = tmp_path / "timings.json"
    result = CliRunner().invoke(
        cli, ["build", str(copy_case(tmp_path)), "--out", str(tmp_path / "out"), "--quiet", "--timings", str(timings)]
    )
    assert result.exit_code == 0
    recorded = [r["stage"] for r in json.loads(timings.read_text())]
    # In the order they started, from three processes: the stages up to the view, and the fonts'
    # decoding, run beside WeasyPrint's start.
    compiling = [
        "reading and cleaning sources",
        "theming paragraphs",
        "saying each fact once",
        "dating events",
        "choosing key points",
        "collecting the glossary",
        "building the view",
    ]
    rendering = ["starting WeasyPrint", "waiting for the sources", "laying out pages", "writing PDF", "writing outputs"]
    assert sorted(recorded) == sorted(compiling + rendering + ["decoding fonts"])
    assert [stage for stage in recorded if stage in compiling] == compiling
    assert [stage for stage in recorded if stage in rendering] == rendering
    assert all(r["seconds"] >= 0 and r["cpu_seconds"] >= 0 for r in json.loads(timings.read_text()))
