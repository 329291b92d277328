"""The one sentence splitter: it ends sentences, and not at the abbreviations news writes."""

from __future__ import annotations

import pytest

from briefpack.text.sentences import count_sentences, first_sentence, lead_sentence_end, sentence_starts, sentences


@pytest.mark.parametrize(
    "text",
    [
        "The bill was a gift from Rep. Lena Ortiz of Texas.",
        "The fund is named for him and Sen. Paul Avery, who spoke first.",
        "The paper ran an editorial on Thursday, Jan. 6, about the case.",
        "The hearing began at 8 a.m. Friday in the federal court.",
        "Gen. Mark Hill and Gov. Ann Lee met Dr. Ruth Park at No. 10 on Sept. 3.",
        "John F. Kennedy and J. R. Smith flew to the U.S. Naval base.",
        "Acme Inc. Chief Executive Jo Bell said Co. profits rose.",
        "Prof. Dana Wu, Lt. Col. Ray Ames and Mrs. Kim Oh spoke.",
    ],
)
def test_abbreviations_do_not_end_a_sentence(text):
    assert sentences(text) == [text]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The vote closed at 8 p.m. The count began at once.",
            ["The vote closed at 8 p.m.", "The count began at once."],
        ),
        ("He moved to the U.S. They followed a year later.", ["He moved to the U.S.", "They followed a year later."]),
        (
            "Talks ended. “We will return,” she said. Why? Nobody knew! 2020 was worse.",
            ["Talks ended.", "“We will return,” she said.", "Why?", "Nobody knew!", "2020 was worse."],
        ),
        ("It rained… Then the sun came out.", ["It rained…", "Then the sun came out."]),
    ],
)
def test_sentences_end_at_their_marks(text, expected):
    assert sentences(text) == expected


def test_line_breaks_end_sentences_only_when_asked():
    text = "A heading without a stop\nThe first sentence."
    assert sentence_starts(text) == [0]
    assert sentence_starts(text, line_breaks=True) == [0, text.index("The")]


def test_the_helpers_agree_with_the_splitter():
    text = "Sen. Avery arrived on Jan. 5 in the morning. He left the next day."
    assert lead_sentence_end(text) == text.index(" He")
    assert count_sentences(text) == 2
    assert first_sentence(text) == "Sen. Avery arrived on Jan. 5 in the morning."


def test_a_long_text_of_abbreviations_splits_at_its_sentences_only():
    text = "Sen. A. Smith met Rep. B. Jones on Jan. 5 at 8 a.m. in the U.S. capital. " * 2000
    assert len(sentence_starts(text)) == 2000
