"""The pack is laid out as a body pass and a back-matter pass, joined: it must be the one-pass pack.

Each test lays out a pack both ways, the joined layout ``lay_out`` makes and
one WeasyPrint pass over the whole HTML it emits, and compares them: page
count, the text of every page (footers' "page X of Y" included), and for the
small case the pixels of every page.
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pypdfium2
import pytest
import weasyprint
from pypdf import PdfReader

from briefpack.layout.join import with_total_from
from briefpack.layout.render import lay_out
from briefpack.manifest import load_manifest
from briefpack.paths import LAYOUTS
from briefpack.stages import compile_pack

pytestmark = pytest.mark.layout  # every test here lays out pages

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "pack.yaml"
VISUAL = ROOT / "tests" / "cases" / "visual" / "pack.yaml"


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def page_images(pdf: bytes) -> list[bytes]:
    document = pypdfium2.PdfDocument(pdf)
    return [document[n].render(scale=1).to_pil().tobytes() for n in range(len(document))]


def in_one_pass(html: str) -> bytes:
    return weasyprint.HTML(string=html, base_url=str(LAYOUTS) + "/").write_pdf()


def variant(manifest: Path, tmp_path: Path, **changes: str) -> Path:
    case = tmp_path / "case"
    shutil.copytree(manifest.parent, case)
    text = (case / manifest.name).read_text(encoding="utf-8")
    for old, new in changes.items():
        text = text.replace(old, new)
    (case / manifest.name).write_text(text, encoding="utf-8")
    return case / manifest.name


@pytest.mark.parametrize("layout", ["default", "compact"])
def test_joined_pages_are_the_pages_of_one_pass(tmp_path, layout):
    # compact runs chapters on, so pages hold the end of one chapter and the start of the next
    pack = compile_pack(load_manifest(variant(VISUAL, tmp_path, **{"layout: default": f"layout: {layout}"})))
    joined = lay_out(pack)
    assert joined.passes == ("body", "back matter")
    whole = in_one_pass(joined.html)
    mine = joined.document.write_pdf()
    assert page_texts(mine) == page_texts(whole)
    assert page_images(mine) == page_images(whole)


def test_seed_pack_joined_reads_as_one_pass():
    joined = lay_out(compile_pack(load_manifest(SEED)))
    assert joined.passes == ("body", "back matter")
    texts = page_texts(joined.document.write_pdf())
    assert texts == page_texts(in_one_pass(joined.html))
    assert f"page {len(texts)} of {len(texts)}" in texts[-1]


def render(css: str, body: str) -> weasyprint.Document:
    return weasyprint.HTML(string=f"<style>@page {{ size: A6 }} {css}</style>{body}").render()


FOOTER = "@page { @bottom-right { content: 'page ' counter(page) ' of ' counter(pages) } }"


def test_the_total_is_taken_from_the_stand_in_page():
    body = render(FOOTER, "<p>one</p>")
    stand_in = render(FOOTER, "<p>stand-in</p><p style='break-before: page'>back matter</p>")
    joined = with_total_from(body.pages[0], stand_in.pages[0])
    text = page_texts(body.copy([joined]).write_pdf())[0]
    assert "page 1 of 2" in text and "one" in text and "stand-in" not in text


def test_a_page_that_prints_no_total_is_kept_as_it_is():
    body = render("@page { @top-right { content: 'Draft' } }", "<p>one</p>")
    stand_in = render("", "<p>two</p>")
    assert with_total_from(body.pages[0], stand_in.pages[0]) is body.pages[0]


def test_a_running_head_beside_the_total_cannot_be_joined():
    # The stand-in page does not know the chapter: taking its edge would lose the running head.
    css = FOOTER + " @page { @bottom-left { content: string(chapter) } } h1 { string-set: chapter content() }"
    body = render(css, "<h1>Ports</h1><p>one</p>")
    stand_in = render(css, "<p>two</p>")
    assert with_total_from(body.pages[0], stand_in.pages[0]) is None


def test_pages_of_different_sizes_cannot_be_joined():
    body = render(FOOTER, "<p>one</p>")
    stand_in = weasyprint.HTML(string=f"<style>@page {{ size: A5 }} {FOOTER}</style><p>two</p>").render()
    assert with_total_from(body.pages[0], stand_in.pages[0]) is None


def test_when_the_join_cannot_vouch_for_a_page_the_whole_pack_is_laid_out_again(monkeypatch):
    monkeypatch.setattr("briefpack.layout.join.with_total_from", lambda page, stand_in: None)
    layout = lay_out(compile_pack(load_manifest(VISUAL)))
    assert layout.passes == ("body", "back matter", "whole")
    assert page_texts(layout.document.write_pdf()) == page_texts(in_one_pass(layout.html))


# --- each private detail the join relies on, broken on purpose: the pack comes out right all the same


def test_a_page_box_weasyprint_no_longer_has_means_a_whole_layout(monkeypatch):
    monkeypatch.setattr("briefpack.layout.join.page_name", lambda page: None)
    layout = lay_out(compile_pack(load_manifest(VISUAL)))
    assert layout.passes == ("body", "whole")
    assert page_texts(layout.document.write_pdf()) == page_texts(in_one_pass(layout.html))


def test_a_margin_box_content_of_unknown_shape_is_not_joined():
    body = render(FOOTER, "<p>one</p>")
    stand_in = render(FOOTER, "<p>two</p>")
    box = next(child for child in body.pages[0]._page_box.children if "pages" in repr(child.style["content"]))
    box.style["content"] = [("counter()", ("pages", "decimal"))]  # a list, where WeasyPrint 70 computes a tuple
    assert with_total_from(body.pages[0], stand_in.pages[0]) is None


def test_a_join_that_keeps_a_stale_page_total_is_refused(monkeypatch):
    # As if the join no longer recognised the margin box that prints the total: the body's own
    # footers ("page 3 of N", N the body pass's count) would stay. The join's own check refuses them.
    monkeypatch.setattr("briefpack.layout.join._prints_total", lambda box: False)
    layout = lay_out(compile_pack(load_manifest(VISUAL)))
    assert layout.passes == ("body", "back matter", "whole")
    texts = page_texts(layout.document.write_pdf())
    assert texts == page_texts(in_one_pass(layout.html))
    assert all(f"of {len(texts)}" in text for text in texts[1:])
