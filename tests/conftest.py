from __future__ import annotations

import shutil
from pathlib import Path

import pytest

# The SMTP server fixture ``server``, for every test that sends mail.
pytest_plugins = ["smtp_support"]

ROOT = Path(__file__).resolve().parent.parent
CASES = Path(__file__).resolve().parent / "cases"


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory):
    """The seed pack, built once per test session (per worker under xdist) for every test that only reads it."""
    from briefpack.build import build

    return build(ROOT / "seeds" / "pack.yaml", tmp_path_factory.mktemp("seed"))


@pytest.fixture
def case(tmp_path):
    """Copy a test case folder into tmp_path so a test may change it freely."""

    def copy(name: str) -> Path:
        target = tmp_path / name
        shutil.copytree(CASES / name, target)
        return target

    return copy


@pytest.fixture
def write_manifest(tmp_path):
    """Write a manifest (and any source files) into tmp_path and return its path."""

    def write(text: str, files: dict[str, str] | None = None, name: str = "pack.yaml") -> Path:
        for file, content in (files or {}).items():
            (tmp_path / file).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / file).write_text(content, encoding="utf-8")
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write
