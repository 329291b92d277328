"""Typography: TeX and straight quotes become the language's quotes, ``--`` a dash."""

from __future__ import annotations

import pytest

from briefpack.text.typography import typographic


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("``We waited,'' she said.", "“We waited,” she said."),
        ('He said "no" and left.', "He said “no” and left."),
        ('"Quoted at the start," he said.', "“Quoted at the start,” he said."),
        ("the bees' flights and the study's author", "the bees’ flights and the study’s author"),
        ("She said 'maybe' twice.", "She said ‘maybe’ twice."),
        ("in the '90s", "in the ’90s"),
        ("``He said `no' to me.''", "“He said ‘no’ to me.”"),
        ("a small line -- and a test", "a small line — and a test"),
        ("a line--and a test", "a line—and a test"),
        ("pages 10--12", "pages 10–12"),
    ],
)
def test_english(raw: str, expected: str) -> None:
    assert typographic(raw, "en") == expected


def test_quotes_follow_the_language() -> None:
    assert typographic('Er sagte "nein".', "de") == "Er sagte „nein“."
    assert typographic('Il a dit "non".', "fr") == "Il a dit «\u202fnon\u202f»."
    assert typographic('He said "no".', "en-GB") == "He said “no”."


@pytest.mark.parametrize(
    "text",
    [
        "run briefpack build --out DIR",  # a command-line flag is not a dash
        "“Already typographic,” she said — twice.",
        "A well-known, state-owned firm.",
        "<!-- a comment -->",
        'Markup quoted as text: <object data="file:///x"></object> stays as written.',
        'Code: <style>@import url("file:///x");</style> -- as written.',
    ],
)
def test_leaves_alone(text: str) -> None:
    assert typographic(text, "en") == text


def test_keeps_every_character_but_the_marks() -> None:
    raw = "``It's 1--2 miles,'' said O'Neill -- \"roughly.\""
    out = typographic(raw, "en")
    strip = str.maketrans("", "", "`'\"-“”‘’—– ")
    assert out.translate(strip) == raw.translate(strip)
