"""Wire conventions: datelines, bylines, credits, codes and trailers, read by general rules."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefpack.model import SourceSpec
from briefpack.readers.settle import load_source
from briefpack.text.clean import clean
from briefpack.text.wire import read_wire

CASES = Path(__file__).resolve().parent.parent / "cases" / "wire"

# file: (title, author, publisher, place, agency, the lede's opening words)
EXPECTED = {
    "ap_dateline_caps_byline": (
        "Fire forces ferry back to port",
        "Olga Peters",
        "Associated Press",
        "Tallinn, Estonia",
        "AP",
        "A passenger ferry turned back",
    ),
    "dateline_own_line": (None, None, None, "Washington", None, "The Senate voted on Tuesday"),
    "reuters_dateline_reporting": (
        "Copper slips as warehouse stocks climb",
        "Ana Silva",
        "Reuters",
        "Oslo",
        "Reuters",
        "Copper prices slipped on Monday",
    ),
    "afp_dateline_date": (
        "Flights cancelled as snow hits northern airports",
        None,
        "Agence France-Presse",
        "Stockholm",
        "AFP",
        "Dozens of flights were cancelled",
    ),
    "undated_science_writer": (
        None,
        "Rosa Lindqvist",
        "Associated Press",
        None,
        None,
        "Some songbirds change the pitch",
    ),
    "nyt_codes_credit_tex": (
        "Libraries Extend Hours for Exam Season",
        "Peter Hale",
        "New York Times News Service",
        "Boston",
        None,
        "Public libraries here will stay open",
    ),
    "credit_other_paper": (
        "Harbor Cleanup Reaches Its Final Stage",
        "Maria Costa",
        "The Eastport Herald",
        "Eastport, Maine",
        None,
        "Divers began removing the last",
    ),
    "on_the_net_trailer": (
        "Park service closes canyon trail after rockfall",
        None,
        "Associated Press",
        "Flagstaff, Ariz.",
        "AP",
        "A popular canyon trail was closed",
    ),
    "casualty_list": (
        "Flood toll by district",
        None,
        "Associated Press",
        "Dhaka, Bangladesh",
        "AP",
        "The government released the toll",
    ),
    "text_table": ("Council results", None, "Associated Press", "Denver", "AP", "Final results for the city council"),
}
# What must never be printed as a title or in a body paragraph.
_FURNITURE = re.compile(
    r"\((?:AP|Reuters|AFP)\)|\(Undated\)|^[A-Z]{3,}[A-Z ,.]*_|\bBy [A-Z]{2,}|Press Writer|Science Writer|c\.2000"
    r"|News Service|&[A-Z]{2};|^BC-|NYT-\d|^On the Net|^_ _ _$|^\(Reporting by|^[a-z]{2}/[a-z]{2}$|``|''"
)


def _load(name: str):
    spec = SourceSpec(id="S1", path=CASES / f"{name}.txt", rel=f"{name}.txt", format="txt")
    return load_source(spec, max_bytes=1 << 20)[0]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_wire_story_is_read_as_an_editor_would(name: str) -> None:
    title, author, publisher, place, agency, lede = EXPECTED[name]
    source = _load(name)
    assert source.author == author
    assert source.publisher == publisher
    assert source.place == place
    assert source.agency == agency
    assert source.blocks[0].text.startswith(lede)
    assert source.blocks[0].dateline is not None
    if title is not None:
        assert source.title == title
    else:  # a short title built from the lede, cut at a word
        assert source.blocks[0].text.startswith(source.title.rstrip("…"))
    for text in [source.title] + [b.text for b in source.blocks]:
        assert not any(_FURNITURE.search(line) for line in text.split("\n")), text


def test_every_word_is_in_a_block_a_dateline_or_an_excluded_item() -> None:
    for path in sorted(CASES.glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        cleaned = clean(raw, "S1")
        kept = [b.text for b in cleaned.blocks] + [b.dateline or "" for b in cleaned.blocks]
        kept += [e.text for e in cleaned.excluded]
        assert sorted(re.findall(r"\w+", raw)) == sorted(re.findall(r"\w+", "\n".join(kept))), path.name


def test_a_report_that_opens_with_a_capitalised_label_is_not_wire() -> None:
    raw = (CASES / "not_wire_report.txt").read_text(encoding="utf-8")
    assert read_wire(raw).text == raw
    cleaned = clean(raw, "S1")
    assert [b.text[:12] for b in cleaned.blocks][:2] == ["NOTE - This ", "SUMMARY — Th"]
    assert all(b.dateline is None for b in cleaned.blocks)
    # Its straight quotes and double hyphen are still set properly.
    assert cleaned.blocks[-1].text == "The review’s authors said “no action” was needed — for now."


@pytest.mark.parametrize(
    ("line", "place", "agency"),
    [
        ("ZOMBA, Malawi (AP) _ An earthen dam gave way.", "Zomba, Malawi", "AP"),
        ("WASHINGTON _ The Senate voted.", "Washington", None),
        ("SINGAPORE (Reuters) - Prices rose.", "Singapore", "Reuters"),
        ("BRUSSELS, June 3 (AFP) - Ministers met.", "Brussels", "AFP"),
        ("UNITED NATIONS, March 12 (UPI) -- Talks began.", "United Nations", "UPI"),
        ("BEIJING, Oct. 8 (Xinhua) -- The harvest rose.", "Beijing", "Xinhua"),
        ("Hamburg (dpa) - A wind farm was delayed.", "Hamburg", "dpa"),
        ("SANTA FE, N.M. (AP) _ Votes were counted.", "Santa Fe, N.M.", "AP"),
        ("KYIV, Ukraine — Sirens sounded overnight.", "Kyiv, Ukraine", None),
    ],
)
def test_dateline_forms(line: str, place: str, agency: str | None) -> None:
    wire = read_wire("A headline\n\n" + line + "\n\nA second paragraph follows here.\n")
    assert wire.dateline is not None
    assert (wire.dateline.place, wire.dateline.agency) == (place, agency)
    assert wire.lede is not None and wire.lede == line[len(wire.dateline.text) :].strip()


@pytest.mark.parametrize(
    "line",
    [
        "NOTE - This covers one quarter.",
        "UPDATE — The figures were revised.",
        "EXECUTIVE SUMMARY — The review finds three gaps.",
        "KEY FINDINGS -- Costs rose.",
        "US - China trade rose.",
        "NATO forces said on Monday that the talks - now in a third week - went on.",
    ],
)
def test_not_a_dateline(line: str) -> None:
    assert read_wire("A headline\n\n" + line + "\n").dateline is None


@pytest.mark.parametrize(
    ("byline", "author", "publisher"),
    [
        ("By ANITA NOVAK\nAssociated Press Writer", "Anita Novak", "Associated Press"),
        ("By ANITA NOVAK, Associated Press Writer", "Anita Novak", "Associated Press"),
        ("By ANITA NOVAK, AP Science Writer", "Anita Novak", "Associated Press"),
        ("By SEAN O'MALLEY and JO WU", "Sean O'Malley and Jo Wu", None),
        ("By TOM BRANDT c.2000 The Lakeside Courier", "Tom Brandt", "The Lakeside Courier"),
        ("By TOM BRANDT\nc.2000 N.Y. Times News Service", "Tom Brandt", "New York Times News Service"),
        ("By ANNE LEROY Associated Press", "Anne Leroy", "Associated Press"),
        ("By ANNE LEROY\nThe Canadian Press", "Anne Leroy", "The Canadian Press"),
        ("By Jonas Berg and Mira Holt", "Jonas Berg and Mira Holt", None),
    ],
)
def test_bylines_and_credits(byline: str, author: str, publisher: str | None) -> None:
    wire = read_wire(f"A headline\n{byline}\nLONDON _ The story starts here.\n")
    assert (wire.author, wire.publisher) == (author, publisher)
    assert wire.title == "A headline"


def test_a_contributor_line_ends_the_story_as_a_credit() -> None:
    raw = (
        "Heat strains the grid\n\nPHOENIX (AP) — Utilities asked customers to save power on Wednesday.\n\n"
        "Temperatures were forecast to ease.\n\nAssociated Press writer Tom Vance in Las Vegas contributed to this report.\n"
    )
    cleaned = clean(raw, "S1")
    assert [b.text for b in cleaned.blocks] == [
        "Utilities asked customers to save power on Wednesday.",
        "Temperatures were forecast to ease.",
    ]
    assert [e.reason for e in cleaned.excluded] == ["title", "credit"]


def test_a_line_opening_like_a_slug_is_not_one() -> None:
    raw = "Air quality\n\nPM-10 levels rose sharply in March.\n\nThe city issued a warning.\n"
    assert read_wire(raw).text == raw


def test_html_entities_are_not_wire_codes() -> None:
    raw = "M&Auml;RKTE &GT; Prices\n\nThe index rose on Monday.\n"
    assert read_wire(raw).text == raw


@pytest.mark.parametrize("dash", ["–", "—", "-"])
def test_a_press_release_dateline_keeps_its_date_with_the_lede(dash: str) -> None:
    raw = (
        "Harbour Ferries Posts Record Spring\n\n"
        f"PORTVALE, Maine {dash} April 9, 2024 {dash} Harbour Ferries Ltd. today reported that spring\n"
        "crossings rose by a fifth over March 31, 2024 figures.\n\n"
        "The company plans two new routes for the summer season.\n"
    )
    cleaned = clean(raw, "S1")
    lede = cleaned.blocks[0]
    assert lede.dateline == f"PORTVALE, Maine {dash} April 9, 2024 {dash}"
    assert lede.text.startswith("Harbour Ferries Ltd. today reported")
    assert (cleaned.place, cleaned.published, cleaned.title) == (
        "Portvale, Maine",
        "2024-04-09",
        "Harbour Ferries Posts Record Spring",
    )


def test_a_date_between_dashes_that_the_text_runs_on_from_is_not_a_release_date() -> None:
    wire = read_wire("A headline\n\nOSLO, Norway – The talks of May 2, 2019 – and after – went on.\n")
    assert wire.dateline is not None and wire.dateline.published is None
    assert wire.lede == "The talks of May 2, 2019 – and after – went on."
