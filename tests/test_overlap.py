"""Work in a forked child: its result, progress, stage times and errors reach the parent as if run in it."""

from __future__ import annotations

import os
import pickle
import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefpack import overlap
from briefpack.build import build
from briefpack.cli import cli
from briefpack.errors import BriefpackError, ManifestError, SourceError
from briefpack.overlap import Overlap

CASE = Path(__file__).parent / "cases" / "cache"

needs_fork = pytest.mark.skipif(
    not (hasattr(os, "fork") and overlap._second_core()), reason="runs in the process without fork or a second core"
)


def counting(progress):
    for done in range(200):
        progress("counting", done, 200, "things")
    progress("naming")
    return os.getpid()


@needs_fork
def test_work_runs_in_a_child_and_its_stages_come_back():
    events = []
    with Overlap(counting, lambda *event: events.append(event)) as work:
        pid, stages = work.result()
    assert pid != os.getpid()
    assert [s.stage for s in stages] == ["counting", "naming"]
    # Counts are thinned out on the way, but each stage ends on its last one.
    assert events[0] == ("counting", 0, 200, "things")
    assert ("counting", 199, 200, "things") in events
    assert events[-1] == ("naming", None, None, "")


def test_without_a_second_core_the_work_runs_here(monkeypatch):
    monkeypatch.setattr(overlap, "_second_core", lambda: False)
    events = []
    with Overlap(counting, lambda *event: events.append(event)) as work:
        pid, stages = work.result()
    assert pid == os.getpid()
    assert [s.stage for s in stages] == ["counting", "naming"]
    assert len(events) == 201


def fail_with(error: BaseException):
    def work(progress):
        progress("failing")
        raise error

    return work


@pytest.mark.parametrize(
    "error",
    [
        BriefpackError("unknown key 'theme'", path="pack.yaml", line=12),
        SourceError("not text", path="a.txt"),
        ManifestError([BriefpackError("first", path="pack.yaml", line=1), BriefpackError("second")]),
    ],
    ids=["plain", "source", "manifest"],
)
def test_a_user_error_in_the_child_is_raised_as_itself(error):
    with Overlap(fail_with(error)) as work, pytest.raises(type(error)) as raised:
        work.result()
    assert str(raised.value) == str(error)


@pytest.mark.parametrize(
    "error", [BriefpackError("x", path="p", line=3), SourceError("y"), ManifestError([BriefpackError("a", line=1)])]
)
def test_user_errors_survive_pickling(error):
    copy = pickle.loads(pickle.dumps(error))
    assert (type(copy), str(copy), copy.path, copy.line) == (type(error), str(error), error.path, error.line)


@needs_fork
@pytest.mark.skipif(sys.version_info < (3, 11), reason="exception notes are Python 3.11+")
def test_a_bug_in_the_child_keeps_its_traceback():
    with Overlap(fail_with(ZeroDivisionError("a bug"))) as work, pytest.raises(ZeroDivisionError) as raised:
        work.result()
    notes = "\n".join(raised.value.__notes__)
    assert "in the build's forked stages" in notes and "raise error" in notes


@needs_fork
def test_a_child_that_dies_is_an_error_not_a_hang():
    with Overlap(lambda progress: os._exit(3)) as work, pytest.raises(RuntimeError, match="exit status 3"):
        work.result()


@needs_fork
def test_a_parent_that_fails_first_leaves_no_child_behind():
    with pytest.raises(KeyError), Overlap(counting) as work:
        pid = work._pid
        raise KeyError("the renderer failed")
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)


@pytest.mark.layout
def test_a_forked_build_writes_what_a_build_in_one_process_writes(tmp_path, monkeypatch):
    shutil.copytree(CASE, tmp_path / "pack")
    manifest = tmp_path / "pack" / "pack.yaml"
    forked = build(manifest, tmp_path / "forked", force=True)
    monkeypatch.setattr(overlap, "_second_core", lambda: False)
    alone = build(manifest, tmp_path / "alone", force=True)
    for a, b in ((forked.pdf, alone.pdf), (forked.html, alone.html), (forked.json, alone.json)):
        assert a.read_bytes() == b.read_bytes()
    assert forked.pack.warnings == alone.pack.warnings
    assert forked.cache.misses == alone.cache.misses
    assert sorted(s.stage for s in forked.stages) == sorted(s.stage for s in alone.stages)


def test_a_bad_source_read_in_the_child_is_one_line_from_the_cli(tmp_path):
    shutil.copytree(CASE, tmp_path / "pack")
    source = sorted((tmp_path / "pack").glob("*.txt"))[0]
    source.write_bytes(b"\x00\x01\x02 binary \xff\xfe" * 50)
    result = CliRunner().invoke(cli, ["build", str(tmp_path / "pack" / "pack.yaml"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    lines = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(lines) == 1 and source.name in lines[0]
