"""The at-a-glance box names people, places and organisations, never a capitalised common word."""

from __future__ import annotations

from briefpack.analysis.names import Occurrence
from briefpack.layout.view import top_actors
from briefpack.model import Paragraph


def _paragraph(anchor_ordinal: int, text: str) -> Paragraph:
    return Paragraph(source="S1", ordinal=anchor_ordinal, text=text, themes=("t",), scores=())


def test_without_a_list_of_actors_the_most_named_come_from_the_name_index():
    first = _paragraph(1, "The Harbour Board met on Tuesday. The Board said Ines Vall would report.")
    second = _paragraph(2, "Ines Vall reported to the Harbour Board. The vote was close.")
    marks = {
        first.anchor: (Occurrence(4, 17, "Harbour Board"), Occurrence(50, 59, "Ines Vall")),
        second.anchor: (Occurrence(0, 9, "Ines Vall"), Occurrence(26, 39, "Harbour Board")),
    }
    named = top_actors((first, second), (), marks)
    assert set(named) == {"Harbour Board", "Ines Vall"}
    assert "The" not in named and "Tuesday" not in named


def test_a_list_of_actors_is_counted_in_the_text():
    paragraph = _paragraph(1, "Ines Vall met Ines Vall's deputy and the Harbour Board.")
    assert top_actors((paragraph,), ("Harbour Board", "Ines Vall", "Tomas Brandt"), {}) == (
        "Ines Vall",
        "Harbour Board",
    )
