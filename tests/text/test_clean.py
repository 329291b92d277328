"""Clean-up: body paragraphs, furniture and metadata, on seeds and on texts of other kinds."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefpack.model import Cleaned, Footnote
from briefpack.readers.html import read_html
from briefpack.readers.markdown import markdown_text
from briefpack.text.clean import clean
from briefpack.text.metadata import latest_full_date
from briefpack.text.typography import typographic

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
CASES = Path(__file__).resolve().parents[1] / "cases" / "clean"


def _words(text: str) -> Counter[str]:
    """Word tokens, insensitive to what clean-up may legitimately change.

    Hyphens and the whitespace after them go (hyphenation is rejoined or kept),
    footnote markers ``[^N]`` become the bare number they replaced, and NFKC
    folds superscript calls into digits.
    """
    text = re.sub(r"\[\^(\d+)\]", r"\1", text)
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"-\s*(?=[^\W\d_])", "", text)
    return Counter(w.lower() for w in re.findall(r"\w+", text))


def assert_nothing_lost(raw: str, cleaned: Cleaned, *, words: bool = True) -> None:
    """Every word of ``raw`` is in exactly one block or excluded item, and nothing is added.

    ``words=False`` compares characters instead of words (whitespace, hyphens and
    ASCII quotes aside): on random text a line-final hyphen before a paragraph
    break is ambiguous for a word count, but a lost or doubled word still
    changes the character count.
    """
    out = [b.text for b in cleaned.blocks] + [e.text for e in cleaned.excluded]
    joined = " | ".join(out)  # "|" keeps a final hyphen off the next item
    if words:
        have, want = _words(joined), _words(raw)
    else:
        have, want = sum(map(_chars, out), Counter()), _chars(raw)
    assert have == want, {"missing": want - have, "extra": have - want}


def _chars(text: str) -> Counter[str]:
    text = unicodedata.normalize("NFKC", re.sub(r"\[\^(\d+)\]", r"\1", text))
    # Quotes and dashes may be set typographically (``--`` -> "—", "'" -> "’").
    return Counter(c for c in text if not c.isspace() and c not in "-'\"\ufeff`‘’“”—–")


def _seed(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def _of(cleaned: Cleaned, reason: str) -> list[str]:
    return [e.text for e in cleaned.excluded if e.reason == reason]


# --- seeds ------------------------------------------------------------------------------


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seed_keeps_every_word(prefix):
    raw = _seed(prefix)
    cleaned = clean(raw, prefix)
    assert_nothing_lost(raw, cleaned)
    assert [b.ordinal for b in cleaned.blocks] == list(range(1, len(cleaned.blocks) + 1))


def test_seed_000_one_paragraph_per_line_no_furniture():
    raw = _seed("000")
    cleaned = clean(raw, "000")
    lines = [line for line in raw.splitlines() if line.strip()]
    assert [b.text for b in cleaned.blocks] == lines  # the file has five lines, each a paragraph
    assert cleaned.excluded == ()
    assert cleaned.title is None and cleaned.author is None and cleaned.publisher is None
    assert cleaned.published is None  # "26 May" has no year


def test_seed_001_bio_and_footnote():
    cleaned = clean(_seed("001"), "001")
    assert len(cleaned.blocks) == 12
    assert cleaned.author == "Samuel Ramani"
    (bio,) = _of(cleaned, "bio")
    assert bio.startswith("Samuel Ramani is a PhD candidate") and bio.endswith("@samramani2.")
    assert _of(cleaned, "reference") == ["1. Interview with Kirill Semenov, April 11, 2019."]
    (called,) = [b for b in cleaned.blocks if b.footnotes]
    assert "diplomatic isolation,[^1] and" in called.text
    assert called.footnotes == (Footnote("1", "Interview with Kirill Semenov, April 11, 2019."),)
    assert cleaned.publisher is None


def test_seed_002_pdf_extract():
    cleaned = clean(_seed("002"), "002")
    assert cleaned.title == "Russia Is Capitalizing on the West’s Failures in Libya"
    assert cleaned.summary == (
        "Russia’s increased involvement in Libya marks a turning point in the conflict, "
        "making an Ankara-Kremlin rapprochement all the more likely."
    )
    texts = [b.text for b in cleaned.blocks]
    body = "\n".join(texts)
    assert "regular uniformed personnel in support" in body
    assert "ENI and Total are conducting offshore drilling" in body
    assert "GNA’s actions" in body and "'’" not in body
    assert all("\n" not in t and not t.startswith(" ") for t in texts)
    assert all(t[0].isupper() for t in texts)  # no paragraph starts mid-sentence
    assert len(_of(cleaned, "related")) == 2
    assert _of(cleaned, "related")[0].endswith("Weighs Joining Fight in Libya")
    assert _of(cleaned, "credit") == ["This article was first published by Carnegie Endowment for International Peace."]
    assert cleaned.publisher == "Carnegie Endowment for International Peace"
    (disclaimer,) = _of(cleaned, "disclaimer")
    assert disclaimer.startswith("The views expressed") and disclaimer.endswith("The Moscow")
    assert cleaned.author is None
    assert not any("Related article" in t or "views expressed" in t for t in texts)


def test_seed_003_caption_credit_byline_bio():
    cleaned = clean(_seed("003"), "003")
    (caption,) = _of(cleaned, "caption")
    assert caption.endswith("Photo: AFP")
    assert _of(cleaned, "credit") == ["This article was provided by Syndication Bureau, which holds copyright."]
    assert cleaned.publisher == "Syndication Bureau"
    assert cleaned.rights and "copyright" in cleaned.rights
    assert _of(cleaned, "byline") == ["Neil Hauer"]
    assert cleaned.author == "Neil Hauer"
    assert _of(cleaned, "bio")[0].startswith("Neil Hauer is a security analyst")
    assert cleaned.blocks[0].text.startswith("Reality seems to take longer")
    assert len(cleaned.blocks) == 17


def test_seed_004_promo_and_newsletter():
    cleaned = clean(_seed("004"), "004")
    (promo,) = _of(cleaned, "click-here")
    assert promo.startswith("This excerpt is taken from")
    assert len(_of(cleaned, "newsletter")) == 3
    assert len(cleaned.blocks) == 7  # the file has seven article paragraphs
    assert cleaned.blocks[-1].text.startswith("As Haftar’s hugely damaging")
    assert cleaned.author is None and cleaned.publisher is None


# --- texts of other kinds ------------------------------------------------------------------


def _case(name: str) -> str:
    raw = (CASES / name).read_text(encoding="utf-8")
    if name.endswith(".html"):
        return read_html(raw).text
    if name.endswith(".md"):
        return markdown_text(raw)
    return raw


@pytest.mark.parametrize("name", sorted(p.name for p in CASES.iterdir()))
def test_case_keeps_every_word(name):
    raw = _case(name)
    assert_nothing_lost(raw, clean(raw, name))


def test_hard_wrapped_think_tank_extract():
    cleaned = clean(_case("energy_pdf_extract.txt"), "energy")
    assert cleaned.title == "Europe’s Gas Storage Gamble and the Limits of Market Design"
    assert cleaned.summary.startswith("Governments filled storage sites") and cleaned.summary.endswith("mild winter.")
    assert cleaned.author == "Maria Lopez"
    assert cleaned.publisher == "Energy Review"
    assert cleaned.rights == "© 2023 Energy Review. All rights reserved."
    assert cleaned.published == "2023-03-14"
    assert _of(cleaned, "related") == ["Related analysis: Who Pays for the Energy Transition in Southern Europe?"]
    # The standfirst is the summary and stays in the body: it is content.
    standfirst, *texts = [b.text for b in cleaned.blocks]
    assert standfirst == cleaned.summary
    assert len(texts) == 4
    assert "the international scramble" in texts[0]
    assert "state-owned utilities" in texts[1] and "the Gulf-based trading houses" in texts[1]
    assert texts[1].startswith("The storage mandate worked")  # an indented line after a sentence end
    assert "their systems are built. A country" in texts[2]  # blank line mid-sentence
    assert texts[3].startswith("The harder question")


def test_news_article_one_paragraph_per_line():
    cleaned = clean(_case("storm_news.txt"), "storm")
    assert cleaned.title == "Storm Ciaran floods coastal towns as thousands evacuated"
    assert cleaned.summary is None
    assert _of(cleaned, "caption") == [
        "Residents wade through floodwater in the harbour district of Saint-Malo. (Reuters)"
    ]
    assert _of(cleaned, "related") == ["Read more: How climate change is making winter storms wetter"]
    assert len(_of(cleaned, "newsletter")) == 1
    assert cleaned.author == "Tom Reed"
    assert cleaned.publisher is None  # "(Reuters)" credits a photo, not the article
    assert cleaned.published == "2023-11-02"
    assert len(cleaned.blocks) == 4


def test_numbered_notes_called_out_of_order():
    cleaned = clean(_case("health_notes.txt"), "health")
    assert cleaned.title == "Why measles came back"
    assert cleaned.author == "Amara Okafor"  # from the bio, honorific dropped
    first, _, third = cleaned.blocks
    assert "surveillance data.[^2] Public" in first.text and first.text.endswith("spread.[^1]")
    assert [f.number for f in first.footnotes] == ["1", "2"]
    assert third.footnotes == (Footnote("3", "Interview with a district nurse, 12 March 2020."),)
    assert len(_of(cleaned, "reference")) == 3
    assert cleaned.published is None  # the only full date is an interview note, not the piece


def test_html_article():
    reading = read_html((CASES / "drought_river.html").read_text(encoding="utf-8"))
    cleaned = clean(reading.text, "drought")
    assert cleaned.title == "Low water on the Rhine squeezes Europe’s barge trade"
    assert cleaned.summary == "A third dry summer in five years is forcing shippers to rethink how goods move inland."
    assert (reading.author, reading.publisher) == ("Ana Silva", "River Times")
    left_out = {e.reason: e.text for e in reading.excluded}
    assert left_out["caption"] == "Barges wait at a lock near Kaub as the river level falls."
    standfirst, *texts = [b.text for b in cleaned.blocks]
    assert standfirst == cleaned.summary
    assert len(texts) == 3
    assert "**five times**" in texts[0] and "*fully booked*" in texts[1]
    joined = " ".join(texts)
    assert "Home" not in joined and "analytics" not in joined and "Read more" not in joined
    assert "Subscribe" not in joined and "Privacy" not in joined


def test_markdown_piece():
    cleaned = clean(_case("coffee_prices.md"), "coffee")
    assert cleaned.title == "Coffee prices and the arabica squeeze"
    texts = [b.text for b in cleaned.blocks]
    assert texts[0].endswith("**record** demand from roasters.[^1]")
    assert cleaned.blocks[0].footnotes == (
        Footnote("1", "International Coffee Organization, monthly market report, April 2021."),
    )
    assert texts[1] == "Traders point to three causes:"
    assert texts[2:5] == [
        "- frost in Minas Gerais destroyed young plants;",
        "- freight costs from Santos doubled;",
        "- stocks in certified warehouses fell to a 20-year low.",
    ]


# --- rules, one at a time ------------------------------------------------------------------

WRAPPED = """\
The committee met on Tuesday to consider the draft budget, which would cut
spending on regional rail services by a fifth over the next three years and
shift the savings to road maintenance in rural districts.
Members of the opposition said the plan would strand commuters in towns that
have no other public transport, and asked for an independent assessment of
the effect on employment before any vote is taken on the proposal.
"""


def test_hard_wrapped_lines_join_and_short_line_ends_paragraph():
    cleaned = clean(WRAPPED, "w")
    assert [b.text[:30] for b in cleaned.blocks] == ["The committee met on Tuesday t", "Members of the opposition said"]
    assert cleaned.blocks[0].text.endswith("in rural districts.")
    assert "cut spending" in cleaned.blocks[0].text


def test_one_paragraph_per_line_is_not_joined():
    raw = (
        "Wheat prices rose sharply on Monday after the export ban was announced.\n"
        "Millers said they had enough stock for two months.\n"
        "The ministry did not say how long the ban would last.\n"
    )
    assert [b.text for b in clean(raw, "x").blocks] == raw.splitlines()


@pytest.mark.parametrize(
    "first, second, joined",
    [
        ("the inter-", "national scramble", "the international scramble"),
        ("a Kremlin-", "aligned company", "a Kremlin-aligned company"),
        ("the state-", "owned utility", "the state-owned utility"),
        ("a rapidly-", "changing market", "a rapidly-changing market"),
        ("a well-", "known author", "a well-known author"),
        ("the govern-", "ment said", "the government said"),
        ("the Ankara-", "Moscow axis", "the Ankara-Moscow axis"),
        ("a cease-", "fire held", "a cease-fire held"),  # the document spells it cease-fire elsewhere
    ],
)
def test_hyphen_at_line_break(first, second, joined):
    filler = "and the talks went on for many hours without any agreement on the text at all"
    raw = f"{filler} until {first}\n{second} {filler}; the cease-fire was fragile and nobody\nexpected it to hold.\n"
    text = clean(raw, "h").blocks[0].text
    assert joined in text


def test_blank_line_inside_a_sentence_is_rejoined():
    raw = (
        "The port authority said the new cranes would double the number of containers handled at the\n\n"
        "terminal each year.\n\n"
        "Dock workers welcomed the investment.\n"
    )
    texts = [b.text for b in clean(raw, "x").blocks]
    assert texts == [
        "The port authority said the new cranes would double the number of containers handled at the terminal each year.",
        "Dock workers welcomed the investment.",
    ]


def test_doubled_quotes_repaired_typography_kept():
    raw = "The council'’s decision, called “historic\"” by supporters, angered ‘some’ residents — and ‘others’.\n"
    (block,) = clean(raw, "x").blocks
    assert (
        block.text
        == "The council’s decision, called “historic” by supporters, angered ‘some’ residents — and ‘others’."
    )


def test_stray_leading_spaces_removed():
    raw = "   The river rose overnight.\n\n  Schools were closed on Friday.\n"
    assert [b.text for b in clean(raw, "x").blocks] == ["The river rose overnight.", "Schools were closed on Friday."]


@pytest.mark.parametrize(
    "line, reason",
    [
        ("Farmers inspect a flooded field near Ghent. Photo credit: Jan Peeters", "caption"),
        ("The new bridge, pictured during construction in 2019", "caption"),
        ("A refinery at dusk. Image: Shutterstock", "caption"),
        ("See also: The hidden cost of cheap flights", "related"),
        ("Related: Ten years after the crash", "related"),
        ("Subscribe to our weekly digest", "newsletter"),
        ("Thank you for signing up!", "newsletter"),
        ("Click here to download the full report.", "click-here"),
        ("The opinions expressed in this commentary are the author's own and do not necessarily", "disclaimer"),
        ("This commentary was originally published by the Lowy Institute.", "credit"),
        ("Copyright 2019 Policy Review Ltd.", "credit"),
        ("By Sarah O’Connell and Raj Patel", "byline"),
    ],
)
def test_furniture_patterns(line, reason):
    body = (
        "Inflation in the eurozone slowed for a third month in a row, official figures showed.\n"
        "Energy prices fell while food prices kept rising at an annual rate of nearly ten per cent.\n"
    )
    raw = body + line + "\n" + body.replace("eurozone", "region")
    cleaned = clean(raw, "x")
    assert _of(cleaned, reason) == [typographic(line)]
    assert len(cleaned.blocks) == 4


def test_credit_and_byline_metadata():
    body = "Copper prices hit a record as mines in Chile cut output.\nAnalysts expect the shortage to last.\n"
    cleaned = clean(
        body
        + "By Sarah O’Connell, Commodities Editor\nThis piece was first published in Metals Weekly on 3 May 2021.\n",
        "x",
    )
    assert cleaned.author == "Sarah O’Connell"
    assert cleaned.publisher == "Metals Weekly"
    assert cleaned.published == "2021-05-03"


def test_bio_gives_author_only_when_no_byline():
    body = "The election result surprised pollsters.\nTurnout was the highest in thirty years.\n"
    bio = "Lena Fischer is a political correspondent based in Berlin.\n"
    assert clean(body + bio, "x").author == "Lena Fischer"
    assert clean("By Omar Haddad\n" + body + bio, "x").author == "Omar Haddad"


def test_nothing_invented():
    cleaned = clean("Rain is forecast for the weekend.\nTemperatures will fall.\n", "x")
    assert (cleaned.title, cleaned.author, cleaned.publisher, cleaned.rights, cleaned.published) == (None,) * 5


def test_numbered_list_in_body_is_not_references():
    raw = (
        "The plan has three steps.\n\n"
        "1. Build the new runway.\n\n"
        "2. Move the cargo terminal.\n\n"
        "3. Close the old apron.\n"
    )
    cleaned = clean(raw, "x")
    assert len(cleaned.blocks) == 4 and not _of(cleaned, "reference")


def test_superscript_footnote_call():
    raw = "Exports doubled in a decade.² Imports stagnated.\n\n2. Customs data, 2021.\n"
    cleaned = clean(raw, "x")
    assert cleaned.blocks[0].text == "Exports doubled in a decade.[^2] Imports stagnated."
    assert cleaned.blocks[0].footnotes == (Footnote("2", "Customs data, 2021."),)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Signed on March 3, 2020 and ratified on 14 April 2021.", "2021-04-14"),
        ("Published 2019-11-02; updated Sept. 5, 2019.", "2019-11-02"),
        ("In May 2020 and on 26 May the talks resumed.", None),
        ("On February 30, 2020 nothing happened.", None),
    ],
)
def test_latest_full_date(text, expected):
    assert latest_full_date(text) == expected


# --- the invariant on arbitrary text -----------------------------------------------------------

_texty = st.text(
    alphabet=st.one_of(
        st.sampled_from(list("abcdefghij ABCDEFGH .,;:!?-—’'\"“”()[]^#*_@©\n\n\n 0123456789")),
        st.characters(),
    ),
    max_size=400,
)
_liney = st.lists(
    st.sampled_from(
        [
            "By Jane Doe",
            "Photo: AFP",
            "Related article: Something in",
            "Libya",
            "1. Note, 2019.",
            "the end of a sentence",
            "Subscribe to our newsletter",
            "Jane Doe is an analyst.",
            "This article was first published by X.",
            "© 2020 Y",
            "word1 and word,2 more",
            "inter-",
            "national talks.",
            "# Heading",
            "- item",
            "",
            "   ",
            "The views expressed do not necessarily",
            "A Title In Case",
            "plain sentence one.",
            "Another sentence here, which goes on and on and on",
        ]
    )
    | _texty,
    max_size=25,
).map("\n".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(_texty, _liney))
def test_property_nothing_lost_no_crash(raw):
    cleaned = clean(raw, "p")
    assert_nothing_lost(raw, cleaned, words=False)
    assert all(b.text.strip() for b in cleaned.blocks)
    assert [b.ordinal for b in cleaned.blocks] == list(range(1, len(cleaned.blocks) + 1))


def test_a_wrapped_first_sentence_is_not_taken_for_a_title():
    cleaned = clean("Alpha alpha alpha alpha alpha alpha\nalpha.\n", "x")
    assert cleaned.title is None
    assert [b.text for b in cleaned.blocks] == ["Alpha alpha alpha alpha alpha alpha alpha."]


@pytest.mark.parametrize("dated", ["March 14, 2022", "Monday, 14 March 2022", "2022-03-14"])
def test_a_line_that_is_only_a_date_is_never_the_title_but_dates_the_text(dated: str) -> None:
    raw = (
        f"{dated}\n\n"
        "Dear colleagues,\n\n"
        "The depot received forty pallets of tinned food on February 2, 2022. The count was checked twice.\n\n"
        "Kind regards, Orla\n"
    )
    cleaned = clean(raw, "S1")
    assert cleaned.title is None
    assert cleaned.blocks[0].text == dated
    assert cleaned.published == "2022-03-14"


def test_a_date_line_stays_its_own_paragraph_in_hard_wrapped_text() -> None:
    raw = (
        "October 3, 2021\n"
        "The storage audit of the eastern depot found that most of the pallets were stacked\n"
        "above the marked height and that two of the four fire exits were partly blocked by\n"
        "crates. The depot manager agreed to clear both exits before the end of the week and\n"
        "to restack the pallets within the month. A follow-up visit is planned for November.\n"
    )
    cleaned = clean(raw, "S1")
    assert cleaned.title is None
    assert [b.text[:20] for b in cleaned.blocks] == ["October 3, 2021", "The storage audit of"]
    assert cleaned.published == "2021-10-03"
