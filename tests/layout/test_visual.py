"""Visual regression: the small water-policy case, page by page, against reviewed images.

The case in tests/cases/visual/ has its own short texts, so only a change of
layout (CSS, template, fonts, WeasyPrint) moves these pages. After reviewing
an intended change, refresh the references with

    BRIEFPACK_UPDATE_VISUAL=1 python -m pytest tests/layout/test_visual.py

and look at tests/visual/*.png before committing them.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageStat

from briefpack.build import build
from briefpack.layout.preview import render_pages

pytestmark = pytest.mark.layout  # every test here lays out pages

HERE = Path(__file__).resolve().parents[1]
CASE = HERE / "cases" / "visual" / "pack.yaml"
REFERENCES = HERE / "visual"
DPI = 30
# Mean absolute difference per page on a 0-255 grey scale. Anti-aliasing and
# font rasterising differ a little between machines (well under 1); a moved
# line or a changed colour shifts whole rows of text (several units).
TOLERANCE = 1.5


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> list[Image.Image]:
    out = tmp_path_factory.mktemp("visual")
    pdf = build(CASE, out).pdf
    return [Image.open(p).convert("L") for p in render_pages(pdf, out / "png", dpi=DPI)]


def test_pages_match_the_references(pages):
    if os.environ.get("BRIEFPACK_UPDATE_VISUAL"):
        for stale in REFERENCES.glob("page-*.png"):
            stale.unlink()
        for number, page in enumerate(pages, start=1):
            page.save(REFERENCES / f"page-{number:03d}.png", optimize=True)
        pytest.skip("reference images updated; review tests/visual/ before committing")
    references = sorted(REFERENCES.glob("page-*.png"))
    assert references, "no reference images: run BRIEFPACK_UPDATE_VISUAL=1 pytest tests/layout/test_visual.py"
    assert len(pages) == len(references), "the page count changed"
    for number, (page, reference) in enumerate(zip(pages, references), start=1):
        expected = Image.open(reference).convert("L")
        assert page.size == expected.size, f"page {number} changed size"
        difference = ImageStat.Stat(ImageChops.difference(page, expected)).mean[0]
        assert difference < TOLERANCE, f"page {number} differs from {reference.name} by {difference:.2f}"


def test_preview_command_writes_one_png_per_page(tmp_path):
    from click.testing import CliRunner

    from briefpack.cli import cli

    result = CliRunner().invoke(cli, ["preview", str(CASE), "--out", str(tmp_path), "--dpi", "15"])
    assert result.exit_code == 0, result.output
    pngs = sorted((tmp_path / "preview").glob("page-*.png"))
    assert len(pngs) == len(sorted(REFERENCES.glob("page-*.png")))
    again = CliRunner().invoke(cli, ["preview", str(CASE), "--out", str(tmp_path), "--dpi", "15"])
    assert again.exit_code == 0 and sorted((tmp_path / "preview").glob("page-*.png")) == pngs
