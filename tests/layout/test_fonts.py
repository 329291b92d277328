"""Fonts decoded beside WeasyPrint's start: WeasyPrint gets them ready, and prints the same PDF."""

from __future__ import annotations

import base64
import io
import shutil
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from briefpack.layout.fetcher import SealedFetcher
from briefpack.layout.fonts import decoded_fonts, woff2_digest
from briefpack.layout.render import Renderer, lay_out, render_pdf
from briefpack.layout.view import LAYOUTS, font_files
from briefpack.manifest import load_manifest
from briefpack.stages import compile_pack

CASE = Path(__file__).parents[1] / "cases" / "cache"


def data_url(data: bytes, kind: str = "font/woff2") -> str:
    return f"data:{kind};base64,{base64.b64encode(data).decode()}"


@pytest.mark.parametrize("layout", ["default", "compact"])
def test_every_font_the_layout_uses_is_decoded_to_the_font_it_was(layout):
    files = font_files(layout, "A4")
    decoded = decoded_fonts(layout, "A4")
    assert files and set(decoded) == {woff2_digest(path.read_bytes()) for path in files}
    for path in files:
        original, ours = TTFont(path), TTFont(io.BytesIO(decoded[woff2_digest(path.read_bytes())]))
        assert ours.flavor is None  # plain TrueType/OpenType: WeasyPrint decodes nothing
        assert ours.getGlyphOrder() == original.getGlyphOrder()
        assert ours["name"].getDebugName(4) == original["name"].getDebugName(4)


def test_the_fetcher_hands_over_the_decoded_font_and_nothing_else():
    font = font_files("default", "A4")[0].read_bytes()
    fetcher = SealedFetcher([LAYOUTS], {woff2_digest(font): b"decoded"})
    assert fetcher.fetch(data_url(font)).read() == b"decoded"
    other = font[:-1] + bytes([font[-1] ^ 1])  # a font it was not given
    assert fetcher.fetch(data_url(other)).read() == other
    assert fetcher.fetch(data_url(b"body {}", "text/css")).read() == b"body {}"
    assert SealedFetcher([LAYOUTS]).fetch(data_url(font)).read() == font


class Served(dict):
    """Decoded fonts that count how many the fetcher handed over."""

    served = 0

    def get(self, key, default=None):
        font = super().get(key, default)
        self.served += font is not None
        return font


@pytest.mark.layout
def test_decoded_fonts_print_the_same_pdf(tmp_path):
    shutil.copytree(CASE, tmp_path / "pack")
    pack = compile_pack(load_manifest(tmp_path / "pack" / "pack.yaml"))
    layout, paper = pack.manifest.layout, pack.manifest.paper
    decoded = Served(decoded_fonts(layout, paper))
    pdfs = [
        render_pdf(lay_out(pack, renderer=Renderer(layout, paper, fonts)), variant="ua").pdf
        for fonts in (None, decoded)
    ]
    assert decoded.served == len(font_files(layout, paper))
    assert pdfs[0] == pdfs[1]
