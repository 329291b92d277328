"""End to end: build packs and read the PDF back with pypdf."""

from __future__ import annotations

import json
import re
import shutil

import pytest
from conftest import CASES
from pypdf import PdfReader

from briefpack.build import build

pytestmark = pytest.mark.layout  # every test here lays out pages

SEED_SENTENCES = {  # one known sentence from each seed, as a reader finds it in the PDF
    "S1": "Mayor of Bani Walid",
    "S2": "Russia blocked a resolution in the UN Security Council",
    "S3": "Russia is the only state with enough ground forces",
    "S4": "Reality seems to take longer to hit some states than others",
    "S5": "Powerful members of the US Congress",
}


def flat(text: str) -> str:
    """PDF text with line breaks and hyphenation undone, for phrase searches."""
    text = re.sub(r"-\n(?=[a-z])", "", text)
    return re.sub(r"\s+", " ", text)


@pytest.fixture(scope="module")
def seed(seed_build):
    result = seed_build
    reader = PdfReader(result.pdf)
    return result, reader, json.loads(result.json.read_text(encoding="utf-8"))


def test_outputs_are_written(seed):
    result, reader, export = seed
    assert result.pdf.name == "libya-pack.pdf" and result.html.exists() and result.json.exists()
    assert len(reader.pages) == result.pages == export["pages"]
    assert 8 <= result.pages <= 60


def test_chapters_appear_as_titled_bookmarks_in_manifest_order(seed):
    _, reader, _ = seed
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert titles[:4] == ["Summary", "Russian involvement", "Turkish involvement", "Diplomacy"]
    assert "Timeline" in titles and "Source index" in titles
    for item in reader.outline:
        if not isinstance(item, list) and item.title in ("Russian involvement", "Timeline"):
            page_text = reader.pages[reader.get_destination_page_number(item)].extract_text()
            assert item.title in page_text


def test_a_known_sentence_from_every_source_is_in_the_pdf(seed):
    _, reader, _ = seed
    text = flat("\n".join(page.extract_text() for page in reader.pages))
    for sentence in SEED_SENTENCES.values():
        assert sentence in text


def test_metadata(seed):
    _, reader, _ = seed
    meta = reader.metadata
    assert meta.title == "Russia and Turkey in Libya"
    assert meta.author == "Briefpack Analysis Unit"
    assert "Libya" in meta.get("/Keywords", "")
    assert meta.subject


def test_citations_link_to_the_source_index(seed):
    _, reader, _ = seed
    links = [
        annot.get_object()
        for page in reader.pages
        for annot in page.get("/Annots", [])
        if annot.get_object().get("/Subtype") == "/Link"
    ]
    assert len(links) > 50  # every paragraph's citation and every contents line is a link
    named = reader.named_destinations
    assert all(f"src-{source_id}" in named for source_id in SEED_SENTENCES)


def test_running_header_and_page_x_of_y(seed):
    result, reader, _ = seed
    third = reader.pages[2].extract_text()
    assert "Russia and Turkey in Libya" in third
    assert f"page 3 of {result.pages}" in third


def test_export_keeps_its_contract(seed):
    _, _, export = seed
    assert {"title", "sources", "chapters", "timeline", "excluded", "pages"} <= export.keys()
    assert [s["id"] for s in export["sources"]] == list(SEED_SENTENCES)
    for source in export["sources"]:
        assert {"id", "path", "title", "author", "publisher", "published", "sha256"} <= source.keys()
        assert not source["path"].startswith("/") and len(source["sha256"]) == 64
    assert [c["title"] for c in export["chapters"]] == ["Russian involvement", "Turkish involvement", "Diplomacy"]
    for chapter in export["chapters"]:
        for p in chapter["paragraphs"]:
            assert p["themes"][0] == chapter["id"]
            assert {"source", "ordinal", "text", "themes", "scores"} <= p.keys()
    for event in export["timeline"]:
        assert {"date", "mod", "text", "sources", "chapter"} <= event.keys()


def test_every_paragraph_is_placed_exactly_once(seed):
    _, _, export = seed
    placed = [(p["source"], p["ordinal"]) for c in export["chapters"] for p in c["paragraphs"]]
    assert len(placed) == len(set(placed))
    for source in export["sources"]:
        ordinals = sorted(o for s, o in placed if s == source["id"])
        assert ordinals == list(range(1, len(ordinals) + 1)) and ordinals


def test_the_emitted_html_renders_alone_to_the_same_pages(seed):
    import weasyprint

    result, reader, _ = seed
    alone = weasyprint.HTML(filename=str(result.html)).render()
    assert len(alone.pages) == len(reader.pages)


def test_another_topic_builds_with_no_code_change(tmp_path):
    shutil.copytree(CASES / "energy", tmp_path / "energy")
    result = build(tmp_path / "energy" / "pack.yaml", tmp_path / "out")
    reader = PdfReader(result.pdf)
    text = flat("\n".join(page.extract_text() for page in reader.pages))
    assert "Grid Storage Briefing" in text
    assert "KEY POINTS" in text.upper()
    for title in ("Summary", "Battery storage", "Pumped hydro", "Policy and regulation"):
        assert title in text
    # the one paragraph no rule scores joins the passage before it rather than a chapter of its own
    assert "Nobody expects prices to fall soon." in text and "Context" not in text
    assert "Glen Rua" in text and "900 megawatt-hours" in text
    assert reader.metadata.author == "J. Analyst"
