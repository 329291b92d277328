"""The PDF speed-ups write the same tagged PDF, and leave pydyf and the collector as they found them."""
from __future__ import annotations

import contextlib
import gc
import io
import shutil
from pathlib import Path

import pikepdf
import pydyf

from compiler import render
from compiler.build import build
from compiler.pdfspeed import LAYOUT_GC_THRESHOLDS, cached_page_references, fewer_collections

CASE = Path(__file__).parent / "cases" / "cache"


def structure(pdf_bytes: bytes) -> list[tuple[str, int | None]]:
    """Every structure element's type and the index of the page it points to."""
    pdf = pikepdf.open(io.BytesIO(pdf_bytes))
    found: list[tuple[str, int | None]] = []

    def walk(node) -> None:
        if isinstance(node, pikepdf.Array):
            for child in node:
                walk(child)
        elif isinstance(node, pikepdf.Dictionary):
            page = node.get("/Pg")
            found.append((str(node.get("/S")), pdf.pages.index(pikepdf.Page(page)) if page is not None else None))
            if "/K" in node:
                walk(node.K)

    walk(pdf.Root.StructTreeRoot)
    return found


def test_tagged_pdf_is_unchanged(tmp_path, monkeypatch):
    shutil.copytree(CASE, tmp_path / "pack")
    html = build(tmp_path / "pack" / "pack.yaml", tmp_path / "out").html.read_text()
    cached = render.render_standalone(html, variant="ua")
    monkeypatch.setattr(render, "cached_page_references", contextlib.nullcontext)
    plain = render.render_standalone(html, variant="ua")
    assert cached.pages == plain.pages
    assert len(structure(cached.pdf)) > 20
    assert structure(cached.pdf) == structure(plain.pdf)


def test_pydyf_is_restored():
    before = pydyf.PDF.__dict__["page_references"]
    with cached_page_references():
        assert pydyf.PDF.__dict__["page_references"] is not before
    assert pydyf.PDF.__dict__["page_references"] is before



def test_collector_thresholds_are_restored():
    before = gc.get_threshold()
    with fewer_collections():
        assert gc.get_threshold() == LAYOUT_GC_THRESHOLDS
    assert gc.get_threshold() == before
