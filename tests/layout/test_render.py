"""The laid-out pack: every page number it prints is checked against the text on that page.

Chapter contents come from the placeholder clean-up and tagger, which are
being replaced; so these tests read what the pack says (contents, "cited on"
lists, index, timeline) and check it against the PDF, never fixed counts.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefpack.build import build
from briefpack.layout.render import anchor_pages, lay_out
from briefpack.layout.view import View, build_view
from briefpack.manifest import load_manifest
from briefpack.model import Footnote
from briefpack.stages import compile_pack

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "pack.yaml"
VISUAL = ROOT / "tests" / "cases" / "visual" / "pack.yaml"


def flat(text: str) -> str:
    """Text as one line: "Al-\nBunyan" broken at its own hyphen reads "Al-Bunyan" again."""
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("-\n", "-")).strip()


@pytest.fixture(scope="module")
def seed(seed_build):
    result = seed_build
    reader = PdfReader(result.pdf)
    texts = [page.extract_text() for page in reader.pages]
    return result, reader, texts


def pages_starting_with(texts: list[str], heading: str) -> list[int]:
    return [number for number, text in enumerate(texts, start=1) if text.lstrip().startswith(heading)]


def section_text(texts: list[str], title: str, next_title: str | None) -> str:
    start = pages_starting_with(texts, title)[0]
    end = pages_starting_with(texts, next_title)[0] if next_title else len(texts) + 1
    return "\n".join(texts[start - 1 : end - 1])


@pytest.mark.layout
def test_contents_page_numbers_point_at_the_headings(seed):
    result, _, texts = seed
    contents = texts[1]
    titles = [c.title for c in result.pack.chapters] + [
        "Timeline",
        "Glossary",
        "Source index",
        "Index of actors and places",
    ]
    for number, title in enumerate(titles, start=1):
        match = re.search(rf"^(?:\d+ )?{re.escape(title)}[ .]+(\d+)$", contents, re.M)
        assert match, f"{title} missing from the contents"
        page = int(match.group(1))
        heading = f"CHAPTER {number}\n{title}" if number <= len(result.pack.chapters) else title
        assert texts[page - 1].lstrip().startswith(heading), f"{title} is not at the top of page {page}"


@pytest.mark.layout
def test_bookmarks_mirror_the_contents(seed):
    result, reader, texts = seed
    outline = reader.outline
    assert all(not isinstance(item, list) for item in outline), "bookmarks below the h1 level"
    titles = [item.title for item in outline]
    assert titles == ["Summary"] + [c.title for c in result.pack.chapters] + [
        "Timeline",
        "Glossary",
        "Source index",
        "Index of actors and places",
    ]
    for item in outline:
        page = reader.get_destination_page_number(item) + 1
        assert item.title in texts[page - 1]


@pytest.mark.layout
def test_cited_on_lists_every_page_that_cites_the_source_once(seed):
    result, _, texts = seed
    index = flat(section_text(texts, "Source index", "Index of actors and places"))
    for source in result.pack.sources:
        match = re.search(rf"{source.id} .*?SHA-256 .*?pp?\. ((?:\d+, )*\d+)", index)
        assert match, f"no 'cited on' line for {source.id}"
        listed = [int(n) for n in match.group(1).split(", ")]
        # a citation may name several sources: a key point's, or a paragraph printed once for several
        cite = re.compile(rf"\[(?:S\d+, )*{source.id}(?:, S\d+)*\]")
        citing = [n for n, text in enumerate(texts, start=1) if cite.search(flat(text))]
        assert listed == sorted(set(listed)), "pages listed twice or out of order"
        assert listed == citing


@pytest.mark.layout
def test_cited_on_numbers_link_to_a_citation_on_that_page(seed):
    result, _, _ = seed
    html = result.html.read_text(encoding="utf-8")
    links = re.findall(r'<a href="#([\w-]+-cite)">(\d+)</a>', html)
    assert links
    layout = lay_out(result.pack)
    pages = anchor_pages(layout.document, [anchor for anchor, _ in links])
    assert all(pages[anchor] == int(number) for anchor, number in links)


@pytest.mark.layout
def test_index_page_numbers_are_pages_that_name_the_entry(seed):
    _, _, texts = seed
    entries = re.findall(
        r"^([^\d\n]+?) ((?:\d+, )*\d+)$", section_text(texts, "Index of actors and places", None), re.M
    )
    assert len(entries) > 20
    for name, numbers in entries:
        for number in numbers.split(", "):
            assert name in flat(texts[int(number) - 1]), f"{name} is not on page {number}"


@pytest.mark.layout
def test_timeline_pages_are_where_the_paragraph_starts(seed):
    result, _, texts = seed
    timeline = flat(section_text(texts, "Timeline", "Glossary"))
    layout = lay_out(result.pack)
    anchors = [m.paragraph for e in result.pack.timeline for m in e.mentions]
    pages = anchor_pages(layout.document, anchors)
    for event in result.pack.timeline:
        for mention in event.mentions:
            assert f"{mention.source} p. {pages[mention.paragraph]}" in timeline


@pytest.mark.layout
def test_every_page_carries_the_handling_line_and_its_number(seed):
    result, _, texts = seed
    total = len(texts)
    handling = result.pack.manifest.handling.upper()
    for number, text in enumerate(texts, start=1):
        assert f"page {number} of {total}" in text
        assert handling in text


@pytest.mark.layout
def test_running_head_names_the_chapter_except_where_it_starts(seed):
    result, _, texts = seed
    first = result.pack.chapters[0].title
    start = pages_starting_with(texts, "CHAPTER 1")[0]
    assert texts[start - 1].count(first) == 1  # the heading, without a running head repeating it
    assert first in texts[start]  # the chapter runs on: its next page has the running head


@pytest.mark.layout
def test_emitted_html_renders_alone_to_the_same_pages(tmp_path):
    result = build(VISUAL, tmp_path / "out")
    alone = tmp_path / "alone.pdf"
    html = tmp_path / "elsewhere" / "copy.html"  # away from the layouts folder: fonts must travel inside
    html.parent.mkdir()
    shutil.copy(result.html, html)
    if shutil.which("weasyprint"):
        subprocess.run(["weasyprint", str(html), str(alone)], check=True, capture_output=True)
    else:
        import weasyprint

        weasyprint.HTML(filename=str(html)).write_pdf(alone)
    built, rendered = PdfReader(result.pdf), PdfReader(alone)
    assert len(rendered.pages) == len(built.pages)
    for a, b in zip(built.pages, rendered.pages):
        assert flat(a.extract_text()) == flat(b.extract_text())


@pytest.mark.layout
def test_footnotes_sit_at_the_foot_of_their_page(tmp_path):
    pack = compile_pack(load_manifest(VISUAL))
    chapter = pack.chapters[0]
    noted = replace(
        chapter.paragraphs[0],
        text=chapter.paragraphs[0].text + "[^1]",
        footnotes=(Footnote("1", "Gauge records held by the Basin Commission archive."),),
    )
    chapters = (replace(chapter, paragraphs=(noted, *chapter.paragraphs[1:])), *pack.chapters[1:])
    layout = lay_out(replace(pack, chapters=chapters))
    html = layout.html
    assert "[^1]" not in html and 'class="footnote"' in html
    pdf = PdfReader(io.BytesIO(layout.document.write_pdf()))
    pages = [flat(p.extract_text()) for p in pdf.pages]
    holding = [n for n, text in enumerate(pages) if "Gauge records held by the Basin Commission archive." in text]
    assert len(holding) == 1
    start = " ".join(noted.text.split()[:6])
    assert start in pages[holding[0]]


def test_paragraph_html_marks_names_and_turns_notes_into_footnotes():
    pack = compile_pack(load_manifest(VISUAL))
    paragraph = pack.chapters[0].paragraphs[0]
    paragraph = replace(paragraph, text="Riverland & Eastmark[^2] met.[^9]", footnotes=(Footnote("2", "A <note>."),))
    view: View = build_view(replace(pack, chapters=(replace(pack.chapters[0], paragraphs=(paragraph,)),)), "")
    html = str(view.paragraph_html(paragraph))
    assert "&amp;" in html and "&lt;note&gt;" in html
    assert '<span class="footnote">A &lt;note&gt;.</span>' in html
    assert "[^9]" not in html  # a call with no note is dropped, not printed
    assert re.search(r'<span class="name" id="[\w-]+">Riverland</span>', html)


@pytest.mark.layout
@pytest.mark.parametrize("layout, paper, size", [("default", "letter", (612, 792)), ("compact", "A4", (595, 842))])
def test_layouts_and_papers(tmp_path, layout, paper, size):
    text = (
        VISUAL.read_text(encoding="utf-8")
        .replace("layout: default", f"layout: {layout}")
        .replace("paper: A4", f"paper: {paper}")
    )
    case = tmp_path / "case"
    shutil.copytree(VISUAL.parent, case)
    (case / "pack.yaml").write_text(text, encoding="utf-8")
    reader = PdfReader(build(case / "pack.yaml", tmp_path / "out").pdf)
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == size


@pytest.mark.layout
def test_table_headers_repeat_on_every_page_a_table_runs_over():
    pack = compile_pack(load_manifest(VISUAL))
    long = replace(
        pack,
        timeline=pack.timeline * 20,
        sources=pack.sources + tuple(replace(s, id=f"{s.id}x{n}") for n in range(8) for s in pack.sources),
    )
    layout = lay_out(long)
    texts = [page.extract_text() for page in PdfReader(io.BytesIO(layout.document.write_pdf())).pages]
    for title, following, header in (
        ("Timeline", "Source index", "Date Event Source, page"),
        ("Source index", "Index of actors and places", "Id Source Cited on"),
    ):
        start, end = pages_starting_with(texts, title)[0], pages_starting_with(texts, following)[0]
        assert end - start >= 2, f"the {title} table should run over pages for this test"
        assert all(header in texts[n - 1] for n in range(start, end))


@pytest.mark.layout
def test_markdown_sources_keep_their_emphasis_and_plain_text_keeps_its_asterisks(tmp_path):
    shutil.copytree(ROOT / "tests" / "cases" / "markdown", tmp_path / "md")
    html = build(tmp_path / "md" / "pack.yaml", tmp_path / "out").html.read_text(encoding="utf-8")
    assert "rose <em>sharply</em> in March" in html and "<strong>historic</strong>" in html
    assert "- Brazil’s harvest fell short." in html  # a list item is a paragraph of its own
    assert "coffee in *plain text* keeps" in html
    # Quoted in the timeline too, the Markdown source's sentence keeps its emphasis, not its asterisks.
    assert (
        "<td>Coffee prices rose <em>sharply</em> in March, and traders called the move <strong>historic</strong>."
        in html
    )
    assert "*sharply*" not in html
