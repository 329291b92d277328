"""Nothing lost: outputs replaced as a set, old outputs kept on failure or interruption, builds take turns."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from harden_support import REPO, run, write_pack
from pypdf import PdfReader

import briefpack.outputs
from briefpack.errors import BriefpackError
from briefpack.outputs import pack_lock, write_atomic, write_outputs

SUFFIXES = ("pdf", "html", "json")


def snapshot(out: Path, name: str = "pack") -> dict[str, bytes]:
    return {suffix: (out / f"{name}.{suffix}").read_bytes() for suffix in SUFFIXES}


def seed_pack(folder: Path) -> Path:
    """A copy of the seed pack (five sources, ~19 pages) to build outside the repository."""
    shutil.copytree(REPO / "seeds", folder)
    return folder / "pack.yaml"


@pytest.mark.layout
def test_failed_build_leaves_previous_outputs_byte_identical(tmp_path):
    manifest = write_pack(tmp_path / "pack")
    out = tmp_path / "out"
    assert run("build", manifest, "--out", out, "-q").exit_code == 0
    before = snapshot(out)
    (tmp_path / "pack" / "a.txt").unlink()
    result = run("build", manifest, "--out", out, "-q")
    assert result.exit_code == 2
    assert snapshot(out) == before
    assert not list(out.glob("*.part"))


def test_write_atomic_replaces_and_leaves_no_part(tmp_path):
    target = tmp_path / "x.txt"
    target.write_text("old")
    write_atomic(target, "new")
    assert target.read_text() == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["x.txt"]


def test_outputs_replaced_together_despite_ctrl_c(tmp_path, monkeypatch):
    """A Ctrl-C during the renames waits until all three are in place."""
    files = {tmp_path / f"pack.{s}": f"new {s}" for s in SUFFIXES}
    for path in files:
        path.write_text("old")
    real_replace = os.replace
    calls = []

    def replace_then_interrupt(source, target):
        real_replace(source, target)
        calls.append(target)
        if len(calls) == 1:
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(0.05)  # give the signal every chance to land mid-loop

    monkeypatch.setattr(briefpack.outputs.os, "replace", replace_then_interrupt)
    with pytest.raises(KeyboardInterrupt):
        write_outputs(tmp_path, "pack", files)
    assert len(calls) == 3
    assert {p.name: p.read_text() for p in files} == {p.name: d for p, d in files.items()}
    assert not list(tmp_path.glob("*.part"))


def test_failure_while_writing_parts_keeps_old_outputs(tmp_path, monkeypatch):
    files = {tmp_path / f"pack.{s}": f"new {s}" for s in SUFFIXES}
    for path in files:
        path.write_text("old")
    real = briefpack.outputs._write_part
    written = []

    def fail_on_third(path, data):
        if len(written) == 2:
            raise OSError(28, "No space left on device", str(path))
        written.append(path)
        return real(path, data)

    monkeypatch.setattr(briefpack.outputs, "_write_part", fail_on_third)
    with pytest.raises(BriefpackError, match="cannot write output: No space left on device"):
        write_outputs(tmp_path, "pack", files)
    assert all(p.read_text() == "old" for p in files)
    assert not list(tmp_path.glob("*.part"))


def test_stale_parts_of_this_pack_are_removed_others_kept(tmp_path):
    stale = tmp_path / ".pack.pdf.abcd1234.part"
    other = tmp_path / ".pack-two.pdf.abcd1234.part"
    stale.write_text("killed build")
    other.write_text("someone else's live build")
    write_outputs(tmp_path, "pack", {tmp_path / "pack.pdf": b"pdf"})
    assert not stale.exists() and other.exists()


def test_lock_times_out_with_a_clear_message(tmp_path):
    with pack_lock(tmp_path, "pack"):
        started = time.monotonic()
        with pytest.raises(BriefpackError) as raised:
            write_outputs(tmp_path, "pack", {tmp_path / "pack.pdf": b"x"}, timeout=0.3)
        assert time.monotonic() - started < 5
    assert str(raised.value) == (
        f"{tmp_path / '.pack.lock'}: another build of 'pack' held this lock for 0.3 s; try again when it has finished"
    )
    assert not (tmp_path / "pack.pdf").exists()


def test_second_writer_waits_for_the_first(tmp_path):
    order = []
    held = threading.Event()

    def first():
        with pack_lock(tmp_path, "pack"):
            held.set()
            time.sleep(0.5)
            order.append("first done")

    thread = threading.Thread(target=first)
    thread.start()
    held.wait()
    write_outputs(tmp_path, "pack", {tmp_path / "pack.pdf": b"second"})
    order.append("second done")
    thread.join()
    assert order == ["first done", "second done"]
    assert (tmp_path / ".pack.lock").exists()


def test_other_packs_do_not_wait(tmp_path):
    with pack_lock(tmp_path, "pack"):
        write_outputs(tmp_path, "other", {tmp_path / "other.pdf": b"x"}, timeout=0.1)


def _cli(*args) -> list[str]:
    return [sys.executable, "-m", "briefpack", *map(str, args)]


@pytest.mark.layout
def test_two_builds_at_once_do_not_corrupt_each_other(tmp_path):
    manifest = seed_pack(tmp_path / "pack")
    out = tmp_path / "out"
    runs = [
        subprocess.Popen(
            _cli("build", manifest, "--out", out, "-q"),
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    results = [(p.wait(timeout=300), p.stderr.read()) for p in runs]
    assert [code for code, _ in results] == [0, 0], results
    exported = json.loads((out / "libya-pack.json").read_text(encoding="utf-8"))
    assert exported["pages"] == len(PdfReader(out / "libya-pack.pdf").pages)
    assert (out / "libya-pack.html").read_text(encoding="utf-8").rstrip().endswith("</html>")
    assert not list(out.glob("*.part"))


# The child announces when WeasyPrint starts, so the signal lands mid-render, not before it.
_ANNOUNCING_BUILD = """
import sys
import briefpack.layout.render
from briefpack.cli import cli

lay_out = briefpack.layout.render.lay_out

def announced(*args, **kwargs):
    print("RENDERING", flush=True)
    return lay_out(*args, **kwargs)

briefpack.layout.render.lay_out = announced
cli(["build", sys.argv[1], "--out", sys.argv[2], "-q", "--force"], prog_name="briefpack")
"""


@pytest.mark.layout  # a whole build in a child process, interrupted while it lays out
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_interrupted_build_leaves_no_part_and_old_outputs(tmp_path, signum):
    manifest = seed_pack(tmp_path / "pack")
    out = tmp_path / "out"
    out.mkdir()
    for suffix in SUFFIXES:
        (out / f"libya-pack.{suffix}").write_bytes(f"previous {suffix}".encode())
    before = snapshot(out, "libya-pack")
    child = subprocess.Popen(
        [sys.executable, "-c", _ANNOUNCING_BUILD, str(manifest), str(out)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout.readline().strip() == "RENDERING"
    time.sleep(0.5)
    child.send_signal(signum)
    code = child.wait(timeout=120)
    stderr = child.stderr.read()
    assert code == 130, stderr
    assert stderr.strip() == "error: interrupted"
    assert snapshot(out, "libya-pack") == before
    assert not list(out.glob("*.part"))
