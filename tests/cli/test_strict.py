"""``briefpack build --strict``: warnings fail the build, listed, also when the pack is up to date."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner
from conftest import CASES

from briefpack.cli import cli


@pytest.mark.layout
def test_strict_fails_on_warnings_and_lists_them_then_none_stated_silences_them(tmp_path):
    pack = tmp_path / "vale"
    shutil.copytree(CASES / "serve", pack)
    manifest = str(pack / "pack.yaml")
    strict = CliRunner().invoke(cli, ["build", manifest, "--strict"])
    assert strict.exit_code == 1
    assert "error: orchard.txt: publisher not stated in the manifest or the text; left empty" in strict.output
    assert "error: 2 warnings with --strict" in strict.output
    assert (pack / "out" / "pack.pdf").exists()  # the outputs are written, as mkdocs build --strict does
    again = CliRunner().invoke(cli, ["build", manifest, "--strict"])
    assert again.exit_code == 1 and "up to date" in again.output and "error: 2 warnings" in again.output
    assert CliRunner().invoke(cli, ["build", manifest]).exit_code == 0  # without --strict, warnings are warnings

    text = (pack / "pack.yaml").read_text()
    text = text.replace(
        "  - orchard.txt\n  - cider.txt\n",
        "  - {file: orchard.txt, publisher: none}\n  - {file: cider.txt, publisher: none, published: none}\n",
    )
    (pack / "pack.yaml").write_text(text)
    clean = CliRunner().invoke(cli, ["build", manifest, "--strict"])
    assert clean.exit_code == 0, clean.output
    assert "warnings: 0" in clean.output
