"""Settling a source: titles from the lede, kept-out warnings and tallies, short titles cut at a word."""

from __future__ import annotations

from briefpack.model import Block, Excluded, Exclusion, Source
from briefpack.readers.settle import LONG_EXCLUSION_WORDS, kept_out, long_exclusions, title_from_lede


def _source(title: str | None = None, excluded: tuple[Excluded, ...] = ()) -> Source:
    return Source(
        id="S1",
        rel="a.txt",
        format="txt",
        sha256="0",
        words=3,
        title=title,
        author=None,
        publisher=None,
        published=None,
        published_inferred=False,
        url=None,
        summary=None,
        rights=None,
        blocks=(Block(1, "Body text here."),),
        excluded=excluded,
    )


def test_a_short_lede_sentence_is_the_title_whole() -> None:
    assert title_from_lede("The Senate voted on Tuesday to extend the program. It costs $2 billion.") == (
        "The Senate voted on Tuesday to extend the program."
    )


def test_a_long_lede_is_cut_at_a_word_and_not_after_a_small_word() -> None:
    lede = (
        "Federal safety investigators on Thursday urged airlines to inspect the cargo door latches "
        "on an older model of regional jet after a door opened in flight."
    )
    title = title_from_lede(lede)
    assert title.endswith("…") and len(title) <= 91
    stem = title.removesuffix("…")
    assert lede.startswith(stem) and lede[len(stem)] == " "
    assert stem.rsplit(None, 1)[-1] not in {"the", "to", "on", "of", "a"}


def test_a_list_block_titles_by_its_first_line() -> None:
    assert title_from_lede("The figures released on Friday were these:\nDead: 31\nMissing: 12") == (
        "The figures released on Friday were these:"
    )


def test_long_kept_out_blocks_are_named_in_a_warning() -> None:
    long_text = " ".join(["word"] * (LONG_EXCLUSION_WORDS + 1))
    source = _source(
        excluded=(Excluded("S1", long_text, Exclusion.CAPTION), Excluded("S1", "By A Writer", Exclusion.BYLINE))
    )
    (warning,) = long_exclusions(source)
    assert warning.startswith(f"a.txt: kept out {LONG_EXCLUSION_WORDS + 1} words as caption: “word word")


def test_kept_out_tallies_blocks_and_words_by_reason() -> None:
    sources = [
        _source(
            excluded=(Excluded("S1", "BC-Story,0100", Exclusion.SLUG), Excluded("S1", "By ANN LEE", Exclusion.BYLINE))
        ),
        _source(excluded=(Excluded("S2", "By BO KIM, Staff Writer", Exclusion.BYLINE),)),
    ]
    assert kept_out(sources) == {Exclusion.BYLINE: (2, 8), Exclusion.SLUG: (1, 2)}


def test_a_short_title_is_cut_at_a_word() -> None:
    title = "Dockworkers walk out at the country's two busiest ports over unpaid allowances and overtime"
    short = _source(title).short_title
    assert short.endswith("…") and len(short) <= 60
    assert title.startswith(short[:-1]) and title[len(short) - 1] == " "
    assert _source("A title that fits").short_title == "A title that fits"


def test_every_exclusion_reason_says_what_it_means() -> None:
    assert all(reason.meaning for reason in Exclusion)
