"""List-like runs of lines keep their lines: tallies, tables in text, short item lists."""

from __future__ import annotations

from briefpack.text.clean import clean
from briefpack.text.lists import cells, list_runs

_TABLE = [
    "Candidate          Votes     Pct",
    "Maria Lopez        6,204     48.9",
    "Gene Whitaker      5,633     44.4",
    "Dora Benally         851      6.7",
]


def _run(lines: list[str], width: int | None = 70) -> list[tuple[int, int]]:
    return list_runs([" ".join(x.split()) for x in lines], [cells(x) for x in lines], width)


def test_label_value_lines_are_one_run() -> None:
    lines = [
        "The toll so far:",
        "NORTH:",
        "Dead: 31",
        "Missing: 12",
        "SOUTH:",
        "Dead: 19",
        "Officials said more would follow.",
    ]
    assert _run(lines) == [(1, 6)]


def test_a_table_in_text_is_a_run() -> None:
    assert _run(["Results:"] + _TABLE + ["She takes office in January."]) == [(1, 5)]


def test_justified_prose_is_not_a_table() -> None:
    prose = [
        "The  committee  agreed  on  Monday  to  study  the  plan  in  full,",
        "and  its  chairman  said  that  a  report  would  follow  before  the",
        "summer  recess,  when  the  members  expect  to  vote  on  the  whole",
    ]
    assert _run(prose) == []


def test_two_labels_are_not_a_list() -> None:
    assert _run(["Phone: 555 0100", "Email: desk at example.org"]) == []


def test_short_lines_in_wrapped_text_are_a_run() -> None:
    lines = ["Harbour Office", "12 Quay Street", "Eastport", "Maine 04631"]
    assert _run(lines, width=70) == [(0, 4)]
    assert _run(lines, width=None) == []


def test_clean_keeps_a_tally_as_lines() -> None:
    raw = (
        "   DHAKA, Bangladesh (AP) _ The government released the toll from a\n"
        "week of flooding on Friday, district by district, and said it would\n"
        "update the figures every evening until the water went down:\n"
        "   NORTH DISTRICT:\n   Dead: 31\n   Missing: 12\n"
        "   SOUTH DISTRICT:\n   Dead: 19\n   Missing: 4\n"
        "   Relief workers said the figures were likely to rise as the water\n"
        "drops and more villages can be reached by road in the coming days.\n"
    )
    texts = [b.text for b in clean(raw, "S1").blocks]
    # The tally keeps its lines, with the sentence that introduces it.
    assert texts[0].endswith(
        "went down:\nNORTH DISTRICT:\nDead: 31\nMissing: 12\nSOUTH DISTRICT:\nDead: 19\nMissing: 4"
    )
    assert texts[0].startswith("The government released the toll")
    assert texts[1].startswith("Relief workers said")
