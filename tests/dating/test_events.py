"""Which dated mentions are events: the default checks and the editor's controls, one at a time."""

from __future__ import annotations

import pytest

from briefpack.dating.events import Mention, cap, classify, day_range_end, editor_reason, joins_range
from briefpack.dating.values import precision
from briefpack.model import Event, TimelineSettings
from briefpack.model import Mention as Citation


def event(date: str, text: str = "Something happened.", source: str = "S1", end: str | None = None) -> Event:
    return Event(date, None, precision(date), text, (Citation(source, f"p-{source}-1", "c"),), end=end)


def mention(sentence: str, expression: str, date: str) -> Mention:
    return Mention(event(date, sentence), expression, sentence, sentence.index(expression))


@pytest.mark.parametrize(
    "sentence, expression, date, reason",
    [
        ("The soonest he could leave would be seven days later.", "seven days later", "2000-01-13", "hypothetical"),
        ("Had the vote passed, the law would have taken effect in March.", "March", "2000-03", "hypothetical"),
        ("If the appeal fails, the family would leave in March.", "March", "2000-03", "conditional"),
        ("Unless a deal is struck by Friday, workers strike.", "Friday", "2000-01-07", "conditional"),
        ("The talks opened in March and ended in May.", "March", "2000-03", None),
        ("He said the plant would reopen in June.", "June", "2000-06", None),
    ],
)
def test_hypothetical_and_conditional_mentions(sentence, expression, date, reason):
    assert classify(mention(sentence, expression, date), "2000-01-05").reason == reason


def test_background_is_a_state_since_a_year_or_a_date_long_before_the_source():
    assert classify(mention("Prices have risen since 2015.", "2015", "2015"), "2019-03").reason.startswith("background")
    assert (
        classify(mention("Since early September, strikes fell.", "early September", "2019-09"), "2019-12").reason
        is None
    )
    assert classify(mention("The harbour was charted in 1898.", "1898", "1898"), "2000-01-06").reason.startswith(
        "background"
    )
    assert classify(mention("The port was sold in 1991.", "1991", "1991"), "2000-01-06").reason is None


@pytest.mark.parametrize(
    "expression, value, end",
    [
        ("3-4 June", "2000-06-03", "2000-06-04"),
        ("June 3-4, 2000", "2000-06-03", "2000-06-04"),
        ("3 to 5 June 2000", "2000-06-03", "2000-06-05"),
        ("3 June", "2000-06-03", None),
        ("30-31 June", "2000-06-30", None),
        ("5-3 June", "2000-06-05", None),
    ],
)
def test_a_span_of_days_has_an_end(expression, value, end):
    assert day_range_end(expression, value) == end


@pytest.mark.parametrize(
    "between, before, joined",
    [
        (" to ", "ran the harbour from ", True),
        (" and ", "built between ", True),
        ("-", "in ", True),
        (" and ", "met in ", False),
        (" to ", "rose in ", False),
        (" to 7% in ", "from ", False),
    ],
)
def test_range_ends_are_joined_by_from_to_between_and_or_a_dash(between, before, joined):
    assert joins_range(between, before) is joined


def test_window_and_leave_out_terms():
    settings = TimelineSettings(
        window_from="1999-11", window_to="2000-06", leave_out=("rumour",), leave_out_patterns=(r"\bwrite-?thru\b",)
    )
    assert editor_reason(event("2000-01-05"), settings) is None
    assert editor_reason(event("1999-10-31"), settings).startswith("outside the window")
    assert editor_reason(event("2000-07"), settings).startswith("outside the window")
    assert editor_reason(event("1999", end="2000"), settings) is None  # a span reaching into the window
    assert editor_reason(event("XXXX-05-03"), settings) == "outside the window: the date is not fully known"
    assert editor_reason(event("2000-01-05", "A rumour spread."), settings) == "left out by the manifest: 'rumour'"
    assert editor_reason(event("2000-01-05", "Story (writethru)"), settings).startswith("left out by the manifest: /")


def test_caps_keep_the_first_entries_per_source_and_per_date():
    events = (event("2000-01-01"), event("2000-01-01"), event("2000-01-02"), event("2000-01-03", source="S2"))
    kept, left = cap(events, TimelineSettings(cap_per_source=2))
    assert [e.date for e in kept] == ["2000-01-01", "2000-01-01", "2000-01-03"]
    assert [x.reason for x in left] == ["over the cap of 2 entries for S1"]
    kept, left = cap(events, TimelineSettings(cap_per_day=1))
    assert [e.date for e in kept] == ["2000-01-01", "2000-01-02", "2000-01-03"]
    assert [x.reason for x in left] == ["over the cap of 1 entry for one date"]
