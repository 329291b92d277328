"""Web pages: the story's text in clean-up's shape, and every left-out part named with its reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefpack.errors import SourceError
from briefpack.model import SourceFormat, SourceSpec
from briefpack.readers import read_file, read_source
from briefpack.readers.html import read_html
from briefpack.readers.settle import load_source

CASES = Path(__file__).resolve().parents[1] / "cases" / "html"
LIMIT = 1_000_000


def _case(name: str) -> str:
    return (CASES / name).read_text(encoding="utf-8")


def _spec(path: Path, **stated: str) -> SourceSpec:
    return SourceSpec(id="s1", path=path, rel=path.name, format=SourceFormat.HTML, **stated)


def _reasons(reading) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for item in reading.excluded:
        found.setdefault(item.reason, []).append(item.text)
    return found


def _words(text: str) -> set[str]:
    return set(text.replace("·", " ").split())


def test_a_page_without_article_keeps_the_story_and_names_its_chrome():
    reading = read_html(_case("nav_footer_no_article.html"))
    blocks = reading.text.split("\n\n")
    assert blocks[0] == "# Ferry timetable cut for the winter"
    assert len(blocks) == 5 and all(len(b.split()) > 25 for b in blocks[1:])
    reasons = _reasons(reading)
    assert reasons["navigation"] == ["Home · News · Sport · Weather · Contact"]
    assert "Most read" in reasons["sidebar"][0] and "© 2023 Harbour Gazette" in reasons["footer"][0]
    for words in ("Home", "Lifeboat", "Privacy"):
        assert words not in reading.text


def test_a_byline_the_page_only_shows_gives_author_and_day():
    reading = read_html(_case("nav_footer_no_article.html"))
    assert (reading.author, reading.published) == ("Tomas Varga", "2023-11-14")
    assert _reasons(reading)["byline"] == ["By Tomas Varga, 14 November 2023"]


def test_a_teaser_card_beside_the_story_is_related_not_story():
    reading = read_html(_case("teaser_card.html"))
    assert "frost on the last night of April" in reading.text
    assert "cider" not in reading.text.lower()
    related = " ".join(_reasons(reading)["related"])
    assert "Cider makers look abroad" in related and "negotiating with growers" in related


def test_nothing_on_the_page_is_lost():
    """Every word of the page's body is in the text or in a left-out item."""
    for name in ("nav_footer_no_article.html", "teaser_card.html", "comment_and_tweet_dates.html"):
        reading = read_html(_case(name))
        held = _words(reading.text) | {w for item in reading.excluded for w in _words(item.text)}
        for sentence in (
            "New bakery opens on the quay",
            "Read the full story",
            "The new children's room is wonderful.",
        ):
            if sentence in _case(name):
                assert _words(sentence) <= held, (name, sentence)


def test_comments_and_an_embedded_post_are_named():
    reasons = _reasons(read_html(_case("comment_and_tweet_dates.html")))
    assert "About time, it has been a long wait" in reasons["comments"][0]
    assert any("March 4, 2024" in text for text in reasons["embedded post"])
    assert reasons["sidebar"] == ["Latest · Bus lane plan delayed 28 Feb"]


def test_text_keeps_headings_lists_emphasis_and_table_rows():
    blocks = read_html(_case("json_ld.html")).text.split("\n\n")
    assert "## Cable route" in blocks
    assert [b for b in blocks if b.startswith("- ")] == ["- Turbines: 60", "- Capacity: 900 megawatts"]
    assert any("close *traditional* grounds for **at least** a decade." in b for b in blocks)
    story = " ".join(["The harbour handled more grain than in any year before."] * 12)
    table = read_html(
        f"<article><p>{story}</p><table><tr><th>Year</th><th>Tonnes</th></tr>"
        f"<tr><td>2021</td><td>12</td></tr></table><p>{story}</p></article>"
    )
    assert table.text.split("\n\n")[1:3] == ["Year | Tonnes", "2021 | 12"]


def test_a_fragment_or_bare_text_is_read_whole():
    assert read_html("<p>One paragraph of news.</p>").text == "One paragraph of news."
    assert read_html("just a line of text").text == "just a line of text"
    assert read_html('<?xml version="1.0" encoding="iso-8859-1"?>plain café').text == "plain café"
    assert read_html("<!-- only a comment -->").text == ""
    assert read_html("   ").text == ""


def test_page_metadata_flows_into_the_source_where_the_manifest_is_silent(tmp_path):
    path = tmp_path / "wind.html"
    path.write_text(_case("json_ld.html"), encoding="utf-8")
    source, warnings = load_source(_spec(path), max_bytes=LIMIT)
    assert source.title == "Wind farm approved off the east coast"
    assert (source.author, source.publisher, source.published) == (
        "Ines Kowalski, David Osei",
        "Coastal Energy News",
        "2023-06-21",
    )
    assert not source.published_inferred and not warnings
    assert ("s1", "byline") in {(e.source, e.reason) for e in source.excluded}
    stated, _ = load_source(_spec(path, title="Offshore wind", author="Desk"), max_bytes=LIMIT)
    assert (stated.title, stated.author, stated.publisher) == ("Offshore wind", "Desk", "Coastal Energy News")


def test_a_page_in_its_declared_encoding(tmp_path):
    page = '<html><head><meta charset="windows-1251"></head><body><p>Новости дня: мост открыт.</p></body></html>'
    path = tmp_path / "ru.html"
    path.write_bytes(page.encode("cp1251"))
    reading = read_file(_spec(path), max_bytes=LIMIT)
    assert reading.text == "Новости дня: мост открыт." and reading.warnings == ()
    # A stale declaration on a page saved as UTF-8 does not garble it.
    path.write_bytes(page.replace("windows-1251", "iso-8859-1").encode("utf-8"))
    assert read_file(_spec(path), max_bytes=LIMIT).text == "Новости дня: мост открыт."


def test_a_page_without_text_is_refused(tmp_path):
    path = tmp_path / "p.html"
    path.write_bytes(b"<html><body><script>only()</script></body></html>")
    with pytest.raises(SourceError, match="has no text"):
        read_source(_spec(path), max_bytes=LIMIT)


def test_a_question_set_as_a_heading_is_content_a_short_label_is_a_heading():
    said = [
        f"The new director spoke for an hour about the {topic}, which she called the heart of the museum, "
        f"and about what visitors can expect to find there when the doors open again in the spring. "
        f"She said the work on the {topic} would be finished before the summer holidays begin."
        for topic in ("collection", "building", "budget", "staff", "garden", "library")
    ]
    page = (
        f"<html><body><article><p>{said[0]}</p><p>{said[1]}</p><h4><strong>Q: What will change first at the museum?</strong>"
        f"</h4><p>{said[2]}</p><p>{said[3]}</p><h2>Opening hours</h2><p>{said[4]}</p><p>{said[5]}</p></article></body></html>"
    )
    blocks = read_html(page).text.split("\n\n")
    assert "Q: What will change first at the museum?" in blocks and "## Opening hours" in blocks


def test_a_byline_date_outside_the_accepted_years_does_not_date_the_source(tmp_path):
    story = "The archive reopened after repairs to its roof, which had leaked for most of the winter."
    path = tmp_path / "odd.html"
    path.write_text(f"<html><body><h1>Archive reopens</h1><p>By Ana Silva, 5 May 0999</p><p>{story}</p></body></html>")
    source, warnings = load_source(_spec(path), max_bytes=LIMIT)
    assert source.published is None and any("0999-05-05" in w and "outside the years" in w for w in warnings)
