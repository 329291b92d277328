"""Helpers shared by the hardening tests: tiny packs in tmp_path and CLI runs.

A plain module rather than conftest.py, so it cannot collide with fixtures
other test suites in this folder define.
"""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from briefpack.cli import cli

REPO = Path(__file__).resolve().parent.parent
CASES = Path(__file__).resolve().parent / "cases"

MINIMAL = """\
title: Test pack
sources:
  - file: a.txt
themes:
  - id: alpha
    title: Alpha
    terms: [alpha]
fallback: alpha
"""
TEXT = "Alpha met beta on 3 May 2020 to talk about alpha things.\n\nA second paragraph says more.\n"


def write_pack(folder: Path, manifest: str | bytes = MINIMAL, files: dict[str, str | bytes] | None = None) -> Path:
    """Write a manifest and its source files into ``folder``; return the manifest's path."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in ({"a.txt": TEXT} if files is None else files).items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    manifest_path = folder / "pack.yaml"
    manifest_path.write_bytes(manifest.encode("utf-8") if isinstance(manifest, str) else manifest)
    return manifest_path


def run(*args: str | Path):
    """Run the CLI in-process; stderr is kept apart from stdout."""
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=True)


def error_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("error: ")]


def assert_one_error(result, path: Path, message: str, *, line: int | None = None, code: int = 2) -> None:
    """Exit ``code``, no traceback, and exactly one ``error: file[:line]: message`` line matching ``message``."""
    assert result.exit_code == code, (result.exit_code, result.stderr, result.exception)
    assert "Traceback" not in result.stderr + result.stdout
    errors = error_lines(result)
    assert len(errors) == 1, result.stderr
    shown = re.escape(str(path))
    where = rf"{shown}:{line}:" if line is not None else rf"{shown}:(\d+:)?"
    assert re.fullmatch(rf"error: {where} {message}", errors[0]), (errors[0], message)
