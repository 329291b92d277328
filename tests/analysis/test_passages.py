from __future__ import annotations

from briefpack.analysis.passages import (
    BARE_QUOTE,
    CONTINUED_QUOTE,
    NO_EVIDENCE,
    bare_quote,
    join_reason,
    leaves_quote_open,
    opening_word,
    split_passages,
)


def test_pronoun_and_connector_openings_point_back_but_names_that_start_alike_do_not():
    assert opening_word("He said the plan had failed.") == "he"
    assert opening_word("But in the north, the rain came late.") == "but"
    assert opening_word("On the other hand, prices fell.") == "on the other hand"
    assert opening_word("“They will not come,” she said.") == "they"
    assert opening_word("Butler Street was closed.") is None
    assert opening_word("Theodora Lenz chairs the board.") is None
    assert opening_word("There were fears of a flood.") is None
    assert opening_word("By later that year, they were fighting on the front.") == "By later that year"
    assert opening_word("On Monday, he said the plan had failed.") == "On Monday, he"
    assert opening_word("On Monday, the council voted to close it.") is None


def test_a_quote_over_paragraphs_is_left_open_until_its_last_paragraph():
    assert leaves_quote_open("“We walked the rows every morning. By the weekend it was everywhere.")
    assert not leaves_quote_open("“We walked the rows,” she said.")
    assert leaves_quote_open('"We walked the rows every morning.')
    assert not leaves_quote_open('He said "no" twice.')


def test_bare_attributed_quote_is_only_a_quote_and_its_speaker():
    assert bare_quote("“It was the worst month in thirty years,” one of them said.")
    assert bare_quote('"Not now," said Anna Berg.')
    assert not bare_quote(
        "“Not now,” said the minister, who then left for the airport to meet the visiting delegation."
    )
    assert not bare_quote("The minister said “not now” and left.")


def test_join_reasons():
    assert join_reason("Any text.", None, False) is None  # a source's first paragraph opens a passage
    assert join_reason("The rest of it.”", "“It began in May.", True) == CONTINUED_QUOTE
    assert join_reason("“Never,” he said.", "The plan was dropped.", True) == BARE_QUOTE
    assert join_reason("Nothing else was said.", "The plan was dropped.", False) == NO_EVIDENCE
    assert join_reason("The council voted on Monday.", "The plan was dropped.", True) is None


def test_passages_cover_every_paragraph_once_and_pins_open_one():
    texts = [
        "The school will close.",
        "It opened in 1952.",
        "The bus company warned the council.",
        "But it had no money.",
    ]
    spans = split_passages(texts, [True, True, True, True])
    assert [(s.start, s.end) for s in spans] == [(0, 2), (2, 4)]
    pinned = split_passages(texts, [True, True, True, True], starts=frozenset({1}))
    assert [(s.start, s.end) for s in pinned] == [(0, 1), (1, 2), (2, 4)]
