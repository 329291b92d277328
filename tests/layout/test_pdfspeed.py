"""The PDF speed-ups write the same tagged PDF, and leave pydyf and the collector as they found them."""

from __future__ import annotations

import contextlib
import gc
import io
import shutil
from pathlib import Path

import pikepdf
import pydyf
import pytest

from briefpack.build import build
from briefpack.layout import pdfwrite as pdfspeed
from briefpack.layout import render
from briefpack.layout.pdfwrite import LAYOUT_GC_THRESHOLDS, cached_page_references, fewer_collections, serialised_once

CASE = Path(__file__).parents[1] / "cases" / "cache"


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


@pytest.mark.layout
def test_tagged_pdf_is_unchanged(tmp_path, monkeypatch):
    shutil.copytree(CASE, tmp_path / "pack")
    html = build(tmp_path / "pack" / "pack.yaml", tmp_path / "out").html.read_text()
    cached = render.render_standalone(html, variant="ua")
    monkeypatch.setattr(pdfspeed, "cached_page_references", contextlib.nullcontext)
    plain = render.render_standalone(html, variant="ua")
    assert cached.pages == plain.pages
    assert len(structure(cached.pdf)) > 20
    assert structure(cached.pdf) == structure(plain.pdf)


@pytest.mark.layout
@pytest.mark.parametrize("variant", ["ua", "a3b"])
def test_serialising_once_writes_the_same_bytes(tmp_path, monkeypatch, variant):
    shutil.copytree(CASE, tmp_path / "pack")
    html = build(tmp_path / "pack" / "pack.yaml", tmp_path / "out").html.read_text()
    once = render.render_standalone(html, variant=variant)
    monkeypatch.setattr(pdfspeed, "serialised_once", contextlib.nullcontext)
    twice = render.render_standalone(html, variant=variant)
    assert b"/ID [" in once.pdf
    assert once.pdf == twice.pdf


def test_pydyf_is_restored():
    before = pydyf.PDF.__dict__["page_references"]
    with cached_page_references():
        assert pydyf.PDF.__dict__["page_references"] is not before
    assert pydyf.PDF.__dict__["page_references"] is before
    write, data = pydyf.PDF.__dict__["write"], pydyf.Stream.__dict__["data"]
    with serialised_once():
        assert pydyf.PDF.__dict__["write"] is not write
        pydyf.PDF().write(io.BytesIO(), identifier=True)
    assert (pydyf.PDF.__dict__["write"], pydyf.Stream.__dict__["data"]) == (write, data)


def test_collector_thresholds_are_restored():
    before = gc.get_threshold()
    with fewer_collections():
        assert gc.get_threshold() == LAYOUT_GC_THRESHOLDS
    assert gc.get_threshold() == before


class _Computed:
    """A descriptor that reads like a property but is not one: what a new pydyf might use."""

    def __init__(self, fget):
        self.fget = fget

    def __get__(self, obj, owner=None):
        return self if obj is None else self.fget(obj)


@pytest.mark.layout
def test_pydyf_without_the_properties_relied_on_is_left_alone_and_writes_the_same_pdf(tmp_path, monkeypatch):
    shutil.copytree(CASE, tmp_path / "pack")
    html = build(tmp_path / "pack" / "pack.yaml", tmp_path / "out").html.read_text()
    patched = render.render_standalone(html, variant="ua").pdf
    for cls, name in ((pydyf.PDF, "page_references"), (pydyf.Stream, "data"), (pydyf.Dictionary, "data")):
        monkeypatch.setattr(cls, name, _Computed(cls.__dict__[name].fget))
    computed = pydyf.PDF.__dict__["page_references"], pydyf.Stream.__dict__["data"]
    with cached_page_references(), serialised_once():
        pydyf.PDF().write(io.BytesIO(), identifier=True)
        assert (pydyf.PDF.__dict__["page_references"], pydyf.Stream.__dict__["data"]) == computed
    assert render.render_standalone(html, variant="ua").pdf == patched
