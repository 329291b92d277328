"""Reading sources: encodings, refusals, Markdown, HTML and PDF."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from markupsafe import Markup

from briefpack.errors import SourceError
from briefpack.model import SourceFormat, SourceSpec
from briefpack.readers import READERS, read_source
from briefpack.readers.markdown import inline_markdown_to_html, markdown_text
from briefpack.readers.pdf import join_pdf_pages
from briefpack.text.clean import clean

LIMIT = 1_000_000


def _spec(path: Path, fmt: str | None = None) -> SourceSpec:
    return SourceSpec(id="s1", path=path, rel=path.name, format=SourceFormat(fmt or path.suffix.lstrip(".")))


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --- plain text ---------------------------------------------------------------------------


def test_utf8_with_bom(tmp_path):
    path = _write(tmp_path, "a.txt", "\ufeffKyiv’s grain corridor reopened.\n".encode())
    assert read_source(_spec(path), max_bytes=LIMIT) == ("Kyiv’s grain corridor reopened.\n", [])


def test_windows_1252_with_warning(tmp_path):
    path = _write(tmp_path, "old.txt", "The minister’s “reform” — café prices".encode("cp1252"))
    text, warnings = read_source(_spec(path), max_bytes=LIMIT)
    assert text == "The minister’s “reform” — café prices"
    assert len(warnings) == 1 and "old.txt" in warnings[0] and "decoded as Windows-1252" in warnings[0]


def test_latin1_fallback(tmp_path):
    path = _write(tmp_path, "l.txt", b"Caf\xe9 \x81 prices rose")  # 0x81 is undefined in cp1252
    text, warnings = read_source(_spec(path), max_bytes=LIMIT)
    assert text.startswith("Café") and "Latin-1" in warnings[0]


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", bytes(range(1, 32)) * 20])
def test_binary_refused(tmp_path, data):
    path = _write(tmp_path, "pic.txt", data)
    with pytest.raises(SourceError, match="is a binary file, not text") as err:
        read_source(_spec(path), max_bytes=LIMIT)
    assert err.value.path == path


@pytest.mark.parametrize("data", [b"", b"  \n\t\r\n  "])
def test_empty_refused(tmp_path, data):
    path = _write(tmp_path, "e.txt", data)
    with pytest.raises(SourceError, match="empty"):
        read_source(_spec(path), max_bytes=LIMIT)


def test_too_big_refused(tmp_path):
    path = _write(tmp_path, "big.txt", b"word " * 100)
    with pytest.raises(SourceError, match=r"500 bytes, over the limit of 100 bytes"):
        read_source(_spec(path), max_bytes=100)


def test_missing_and_directory_refused(tmp_path):
    with pytest.raises(SourceError, match="does not exist"):
        read_source(_spec(tmp_path / "nope.txt"), max_bytes=LIMIT)
    (tmp_path / "d.txt").mkdir()
    with pytest.raises(SourceError):
        read_source(_spec(tmp_path / "d.txt"), max_bytes=LIMIT)


def test_every_format_the_manifest_accepts_has_a_reader():
    assert set(READERS) == set(SourceFormat)


# --- Markdown -----------------------------------------------------------------------------

MD = """\
---
title: "Bees in the city"
author: Jo Park
---
Urban hives have *doubled* since 2015, and keepers
say the **honey** is better than ever ([report](https://example.org/r)).
![A hive](hive.png)

Setext section
--------------

* rooftops
  and balconies
+ parks

1. register the hive
2. inspect it monthly

> Bees do not read zoning maps.
"""


def test_markdown_conventions():
    assert markdown_text(MD).split("\n\n") == [
        "# Bees in the city",
        "By Jo Park",
        "Urban hives have *doubled* since 2015, and keepers say the **honey** is better than ever (report).",
        "## Setext section",
        "- rooftops and balconies",
        "- parks",
        "1. register the hive",
        "2. inspect it monthly",
        "Bees do not read zoning maps.",
    ]


def test_markdown_through_clean(tmp_path):
    path = _write(tmp_path, "bees.md", MD.encode())
    text, _ = read_source(_spec(path), max_bytes=LIMIT)
    cleaned = clean(text, "bees")
    assert cleaned.title == "Bees in the city" and cleaned.author == "Jo Park"
    assert ("heading", "## Setext section") in [(e.reason, e.text) for e in cleaned.excluded]
    texts = [b.text for b in cleaned.blocks]
    assert "- rooftops and balconies" in texts and "- parks" in texts  # list items are never rejoined
    assert texts[0].startswith("Urban hives have *doubled*")


@pytest.mark.parametrize(
    "text, html",
    [
        ("a *b* c", "a <em>b</em> c"),
        ("**strong** and _em_", "<strong>strong</strong> and <em>em</em>"),
        ("<script>x</script> & *y*", "&lt;script&gt;x&lt;/script&gt; &amp; <em>y</em>"),
        ("snake_case_name and 2*3*4", "snake_case_name and 2*3*4"),
        ("a * b * c", "a * b * c"),
        ("*<b>*", "<em>&lt;b&gt;</em>"),
        ("isolation,[^1] and", "isolation,[^1] and"),
    ],
)
def test_inline_markdown_to_html(text, html):
    out = inline_markdown_to_html(text)
    assert isinstance(out, Markup) and str(out) == html


# --- PDF ----------------------------------------------------------------------------------

_SENTENCES = [
    "Offshore wind auctions in the North Sea drew fewer bids than expected this spring.",
    "Developers blamed the cost of capital, which has doubled since interest rates began to climb.",
    "Turbine makers have raised prices and cut back on the number of factories they run in Europe.",
    "Grid operators meanwhile report queues of projects waiting years for a connection point.",
    "Several governments are now considering contracts that index the strike price to inflation.",
    "Critics say this shifts the risk of rising costs from investors to electricity consumers.",
]


def _pdf(body_html: str, *, running: bool = True) -> bytes:
    """A small PDF; justified like most printed reports, with a running header and page numbers."""
    weasyprint = pytest.importorskip("weasyprint")
    margin_boxes = """@top-center { content: "Energy Review — Winter 2021"; font-size: 7pt }
        @bottom-center { content: "Page " counter(page) " of " counter(pages); font-size: 7pt }"""
    css = f"""@page {{ size: A6; margin: 18mm 12mm; {margin_boxes if running else ""} }}
        body {{ font-size: 9pt }} p {{ margin: 0 0 6pt; text-align: justify }}"""
    return weasyprint.HTML(string=f"<html><head><style>{css}</style></head><body>{body_html}</body></html>").write_pdf()


@pytest.fixture(scope="module")
def wind_pdf() -> bytes:
    paragraphs = "".join(f"<p>{' '.join(_SENTENCES[i:] + _SENTENCES[:i])}</p>" for i in range(6))
    return _pdf(f"<h1>Wind at Sea</h1><p>By Maria Lopez</p>{paragraphs}")


@pytest.mark.layout
def test_pdf_running_headers_and_page_numbers_removed(tmp_path, wind_pdf):
    path = _write(tmp_path, "wind.pdf", wind_pdf)
    text, warnings = read_source(_spec(path), max_bytes=LIMIT)
    assert warnings == []
    assert "Energy Review" not in text and "Page 1 of" not in text
    cleaned = clean(text, "wind")
    assert cleaned.title == "Wind at Sea" and cleaned.author == "Maria Lopez"
    assert len(cleaned.blocks) == 6
    for i, block in enumerate(cleaned.blocks):  # paragraphs crossing a page break stay whole
        assert block.text == " ".join(_SENTENCES[i:] + _SENTENCES[:i])


def test_pdf_page_number_lines():
    pages = [
        "Annual Report 2020\nFirst page text runs on\n- 1 -",
        "Annual Report 2020\nacross the break.\n2",
        "Annual Report 2020\nPage 3 of 3\nThe end.",
    ]
    assert join_pdf_pages(pages) == "First page text runs on\nacross the break.\nThe end."


@pytest.mark.layout
def test_pdf_encrypted_refused(tmp_path, wind_pdf):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(wind_pdf)))
    writer.encrypt(user_password="secret", owner_password="owner")
    buffer = io.BytesIO()
    writer.write(buffer)
    path = _write(tmp_path, "locked.pdf", buffer.getvalue())
    with pytest.raises(SourceError, match="encrypted"):
        read_source(_spec(path), max_bytes=LIMIT)


@pytest.mark.layout
def test_pdf_without_text_layer_refused(tmp_path):
    pdf = _pdf('<div style="width: 40mm; height: 40mm; background: black"></div>', running=False)
    path = _write(tmp_path, "scan.pdf", pdf)
    with pytest.raises(SourceError, match=r"has no text layer \(scanned\?\)"):
        read_source(_spec(path), max_bytes=LIMIT)


def test_pdf_garbage_refused(tmp_path):
    path = _write(tmp_path, "bad.pdf", b"%PDF-1.7\nthis is not really a pdf")
    with pytest.raises(SourceError):
        read_source(_spec(path), max_bytes=LIMIT)
