"""Behaviour of the temporal tagger, case group by case group, and its invariants."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefpack.dating.timex import tag
from briefpack.dating.values import label, precision, sort_key
from briefpack.errors import BriefpackError


def found(text: str, dct: str | None, **options) -> list[tuple[str, str, str | None]]:
    return [(t.text, t.value, t.mod) for t in tag(text, dct, **options)]


EXPLICIT = [
    ("It happened on 26 May 2020.", "26 May 2020", "2020-05-26"),
    ("It happened on May 26, 2020.", "May 26, 2020", "2020-05-26"),
    ("It happened on May 26 2020.", "May 26 2020", "2020-05-26"),
    ("It happened on the 26th of May 2020.", "the 26th of May 2020", "2020-05-26"),
    ("It happened on 26th May, 2020.", "26th May, 2020", "2020-05-26"),
    ("It happened on 2020-05-26.", "2020-05-26", "2020-05-26"),
    ("It happened on 26/05/2020.", "26/05/2020", "2020-05-26"),
    ("It happened on 26.05.2020.", "26.05.2020", "2020-05-26"),
    ("It happened on Tuesday, 26 May 2020.", "Tuesday, 26 May 2020", "2020-05-26"),
    ("It happened on Sept. 7, 2018.", "Sept. 7, 2018", "2018-09-07"),
    ("It happened in May 2020.", "May 2020", "2020-05"),
    ("CEASEFIRE SIGNED ON 12 MARCH 2020", "12 MARCH 2020", "2020-03-12"),
    ("TALKS RESUMED IN JUNE 2020", "JUNE 2020", "2020-06"),
    ("Cable of 1 DEC. 2019 follows.", "1 DEC. 2019", "2019-12-01"),
    ("Fighting on 3-4 June 2020 killed ten.", "3-4 June 2020", "2020-06-03"),
    ("Fighting on 3–4 June 2020 killed ten.", "3–4 June 2020", "2020-06-03"),
    ("Talks ran from 3 to 5 June 2020.", "3 to 5 June 2020", "2020-06-03"),
    ("Talks ran on June 3-4, 2020.", "June 3-4, 2020", "2020-06-03"),
    ("It happened in November of 2018.", "November of 2018", "2018-11"),
    ("It happened in 2016.", "2016", "2016"),
    ("The 2016 election was close.", "2016", "2016"),
    ("The revolution came in 1848.", "1848", "1848"),
    ("Prices fell in the 1990s.", "the 1990s", "199"),
    ("Prices fell in the 2010s.", "the 2010s", "201"),
    ("Prices fell in the 20th century.", "the 20th century", "19"),
    ("It rained in spring 2020.", "spring 2020", "2020-SP"),
    ("It rained in the autumn of 2019.", "the autumn of 2019", "2019-FA"),
    ("It rained in fall 2019.", "fall 2019", "2019-FA"),
    ("It rained in winter 2021.", "winter 2021", "2021-WI"),
    ("Profits rose in Q1 2020.", "Q1 2020", "2020-Q1"),
    ("Profits rose in the first quarter of 2020.", "the first quarter of 2020", "2020-Q1"),
    ("Profits rose in the final quarter of 2019.", "the final quarter of 2019", "2019-Q4"),
    ("Profits rose in the first half of 2019.", "the first half of 2019", "2019-H1"),
    ("Profits rose in H2 2019.", "H2 2019", "2019-H2"),
    ("The bill passed in week 23 of 2019.", "week 23 of 2019", "2019-W23"),
]


@pytest.mark.parametrize("text, span, value", EXPLICIT)
@pytest.mark.parametrize("dct", [None, "2021-03-04"])
def test_explicit_dates_need_no_dct(text, span, value, dct):
    assert found(text, dct) == [(span, value, None)]


@pytest.mark.parametrize(
    "text, day_first, value",
    [
        ("on 05/06/2020", True, "2020-06-05"),
        ("on 05/06/2020", False, "2020-05-06"),
        ("on 13/05/2020", False, "2020-05-13"),
        ("on 05/13/2020", True, "2020-05-13"),
        ("on 05.06.2020", True, "2020-06-05"),
    ],
)
def test_numeric_dates_follow_day_first_only_when_ambiguous(text, day_first, value):
    assert [t.value for t in tag(text, None, day_first=day_first)] == [value]


@pytest.mark.parametrize(
    "text, dct, expected",
    [
        ("On 26 May, the ministers met.", "2020-05-28", [("26 May", "2020-05-26", None)]),
        ("On 30 May, the ministers met.", "2020-05-28", [("30 May", "2019-05-30", None)]),
        ("Ministers will meet on 30 May.", "2020-05-28", [("30 May", "2020-05-30", None)]),
        ("Rates were cut in November.", "2019-04", [("November", "2018-11", None)]),
        ("Rates will be cut in November.", "2019-04", [("November", "2019-11", None)]),
        ("Rates are expected to fall in November.", "2019-04", [("November", "2019-11", None)]),
        ("Elections will be held in January.", "2019-10-01", [("January", "2020-01", None)]),
        ("The talks in February provide a precedent.", "2019-04", [("February", "2019-02", None)]),
        ("On April 8 the council voted.", "2019-04", [("April 8", "2019-04-08", None)]),
        ("The festival opened on 14 August.", "2020", [("14 August", "2020-08-14", None)]),
        ("The treaty was signed on 4 March.", None, [("4 March", "XXXX-03-04", None)]),
        ("In 2011 it began. On 4 March it ended.", None, [("2011", "2011", None), ("4 March", "2011-03-04", None)]),
        ("Sales fell in the second quarter.", "2020-07-31", [("the second quarter", "2020-Q2", None)]),
        ("The scandal broke in the summer.", "2018-11-06", [("the summer", "2018-SU", None)]),
        ("Parliament was dissolved in May and MPs were sent home.", "2021-06", [("May", "2021-05", None)]),
    ],
)
def test_underspecified_dates_take_the_year_from_dct_and_tense(text, dct, expected):
    assert found(text, dct) == expected


@pytest.mark.parametrize(
    "text, dct, expected",
    [
        ("Shares fell on Monday.", "2019-03-12", "2019-03-11"),
        ("The vote will be held on Monday.", "2019-03-12", "2019-03-18"),
        ("The marathon takes place on Sunday.", "2024-03-11", "2024-03-17"),
        ("He resigned last Friday.", "2020-05-28", "2020-05-22"),
        ("He will resign next Friday.", "2020-05-28", "2020-05-29"),
        ("The company said Thursday that it had agreed.", "2020-05-28", "2020-05-28"),
        ("The storm made landfall in Florida Wednesday afternoon.", "2020-05-28", "2020-05-27"),
        ("The quake struck at 2:46 pm on Friday, triggering a tsunami.", "2011-03-14", "2011-03-11"),
        ("He resigned on Friday.", "2020-05", "XXXX-WXX-5"),
        ("He resigned on Friday.", None, "XXXX-WXX-5"),
    ],
)
def test_weekdays_count_from_a_dct_with_a_day(text, dct, expected):
    assert [t.value for t in tag(text, dct)] == [expected]


@pytest.mark.parametrize(
    "phrase, value",
    [
        ("yesterday", "2020-05-27"),
        ("today", "2020-05-28"),
        ("tomorrow", "2020-05-29"),
        ("last week", "2020-W21"),
        ("this week", "2020-W22"),
        ("next week", "2020-W23"),
        ("last month", "2020-04"),
        ("next month", "2020-06"),
        ("earlier this month", "2020-05"),
        ("last year", "2019"),
        ("this year", "2020"),
        ("later this year", "2020"),
        ("two years ago", "2018"),
        ("three days ago", "2020-05-25"),
        ("a month ago", "2020-04"),
        ("this spring", "2020-SP"),
        ("last summer", "2019-SU"),
        ("next winter", "2020-WI"),
        ("last quarter", "2020-Q1"),
        ("last December", "2019-12"),
        ("last April", "2020-04"),
        ("next March", "2021-03"),
        ("last night", "2020-05-27"),
        ("this morning", "2020-05-28"),
    ],
)
def test_deictic_expressions_count_from_the_dct(phrase, value):
    assert found(f"It was said {phrase}.", "2020-05-28") == [(phrase, value, None)]


@pytest.mark.parametrize(
    "phrase, dct, value",
    [
        ("yesterday", "2020-05", "XXXX-XX-XX"),
        ("last week", "2019-06", "XXXX-WXX"),
        ("last month", "2020", "XXXX-XX"),
        ("last year", None, "XXXX"),
        ("last year", "2020", "2019"),
    ],
)
def test_deictic_expressions_keep_x_when_the_dct_is_too_coarse(phrase, dct, value):
    assert [t.value for t in tag(f"It was said {phrase}.", dct)] == [value]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "On 19 May, the envoy spoke. The same day, the minister agreed. The next day, two states joined.",
            [("19 May", "2020-05-19"), ("The same day", "2020-05-19"), ("The next day", "2020-05-20")],
        ),
        (
            "On April 8, the council voted on the offensive, which began on April 4. Three days later, he left.",
            [("April 8", "2020-04-08"), ("April 4", "2020-04-04"), ("Three days later", "2020-04-11")],
        ),
        (
            "He resigned on Aug. 7. His successor, appointed a week later, arrived.",
            [("Aug. 7", "2019-08-07"), ("a week later", "2019-08-14")],
        ),
        (
            "He was arrested on 3 May and charged the following day.",
            [("3 May", "2020-05-03"), ("the following day", "2020-05-04")],
        ),
        (
            "The reports emerged in March 2019. By later that year, they were fighting.",
            [("March 2019", "2019-03"), ("later that year", "2019")],
        ),
        (
            "The referendum was in 2016. Two years later the country left.",
            [("2016", "2016"), ("Two years later", "2018")],
        ),
        (
            "The plant closed in June 2017 and reopened the following month.",
            [("June 2017", "2017-06"), ("the following month", "2017-07")],
        ),
        (
            "The dam was completed in summer 2019. The following spring the turbines turned.",
            [("summer 2019", "2019-SU"), ("The following spring", "2020-SP")],
        ),
        (
            "The firm was founded on 12 March 1989, and a decade later it was listed.",
            [("12 March 1989", "1989-03-12"), ("a decade later", "1999")],
        ),
        ("The next day, it rained.", [("The next day", "XXXX-XX-XX")]),
    ],
)
def test_anaphoric_expressions_count_from_the_last_date_mentioned(text, expected):
    dct = "2019-09-30" if "Aug. 7" in text else "2020-05-28"
    assert [(t.text, t.value) for t in tag(text, dct)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("It began in early June.", ("early June", "2020-06", "START")),
        ("It began in mid-June.", ("mid-June", "2020-06", "MID")),
        ("It began in late November.", ("late November", "2019-11", "END")),
        ("It should end by mid-2020.", ("mid-2020", "2020", "MID")),
        ("It ended at the end of 2019.", ("the end of 2019", "2019", "END")),
        ("It began at the beginning of May.", ("the beginning of May", "2020-05", "START")),
        ("It began at the start of 2018.", ("the start of 2018", "2018", "START")),
        ("It grew in the late 1980s.", ("the late 1980s", "198", "END")),
        ("It ends at the end of the year.", ("the end of the year", "2020", "END")),
        ("It began in early spring 2019.", ("early spring 2019", "2019-SP", "START")),
        ("It will end late next year.", ("late next year", "2021", "END")),
    ],
)
def test_modifiers_set_mod_and_join_the_span(text, expected):
    assert found(text, "2020-06-10" if "June" in text else "2020-05-28") == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "May I ask a question? They may well decide to wait.",
        "Theresa May said the vote may be delayed.",
        "300 troops were deployed along with 1,000 police officers and 56 dead were counted.",
        "The measure passed with 2016 votes, and 2010 people were on the waiting list.",
        "The fee rose 25% to $2,020, or 2020 dollars. Call 555-2019.",
        "Resolution 2259 was adopted. Flight 1954 landed. Bill 2021 passed.",
        "They fought for two years, and the mission will last three months.",
        "Over the past year, 12 people died. Over the last two years, more did.",
        "The meeting starts at 10:00 and ends at 3 pm.",
        "In the second half, United scored twice, and prices may fall.",
        "Protesters plan to march on parliament, and June Carter will perform.",
        "Since the fall of Kabul, a hot spring has been found.",
        "Growth was 2.5% for a second consecutive quarter; 2019/20 was a hard season.",
        "Temperatures reached 45.2 degrees and 2000 degrees at 20:00 GMT.",
        "Some 1980 volunteers and about 2000 others helped.",
        "The 1500 metres and 1800 spectators.",
        "Black Friday and Super Tuesday are named days; March Madness is a tournament.",
        "The team finished a year later than planned.",
        "The Sunday Times and the Sunday Telegraph disagreed.",
        "PRICES MAY RISE AS PROTESTERS MARCH ON THE CAPITAL",
    ],
)
def test_numbers_durations_and_the_modal_may_are_not_dates(text):
    assert found(text, "2020-05-28") == []


def test_offsets_index_the_text_as_given():
    text = "Ünïcödé — “On 26 May”, said ☃ officials, in late November 2019."
    for timex in tag(text, "2020-05-28"):
        assert text[timex.start : timex.end] == timex.text
    assert [t.text for t in tag(text, "2020-05-28")] == ["26 May", "late November 2019"]


def test_results_are_sorted_by_start():
    timexes = tag("In 2019, and on 3 May 2020, and yesterday, and in the 1990s.", "2020-05-28")
    assert [t.start for t in timexes] == sorted(t.start for t in timexes)


@pytest.mark.parametrize("dct", ["May 2020", "2020-13", "20-05-2020", "2020-02-30", "0001-01-01", "9999"])
def test_a_malformed_dct_is_a_user_error(dct):
    with pytest.raises(BriefpackError):
        tag("On 26 May.", dct)


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2020-05-26", "day"),
        ("XXXX-05-26", "day"),
        ("XXXX-WXX-5", "day"),
        ("2020-05", "month"),
        ("2020-SP", "season"),
        ("2020-Q1", "quarter"),
        ("2019-H2", "half"),
        ("2019", "year"),
        ("201", "decade"),
        ("19", "century"),
        ("2019-W23", "week"),
        ("soon", "unknown"),
    ],
)
def test_precision(value, expected):
    assert precision(value) == expected


def test_sort_key_puts_coarser_dates_at_the_start_of_their_period():
    values = [
        ("2020-05-01", None),
        ("2020-05", "END"),
        ("XXXX-05-26", None),
        ("2020-05", None),
        ("2020-05", "START"),
        ("2020", None),
        ("2019-W23", None),
        ("201", None),
        ("2020-SP", None),
        ("2020-Q2", None),
        ("2020-H1", None),
        ("2019-12-31", None),
        ("19", None),
    ]
    ordered = sorted(values, key=lambda v: sort_key(*v))
    assert ordered == [
        ("19", None),
        ("201", None),
        ("2019-W23", None),
        ("2019-12-31", None),
        ("2020", None),
        ("2020-H1", None),
        ("2020-SP", None),
        ("2020-Q2", None),
        ("2020-05", None),
        ("2020-05", "START"),
        ("2020-05", "END"),
        ("2020-05-01", None),
        ("XXXX-05-26", None),
    ]


@pytest.mark.parametrize(
    "value, mod, expected",
    [
        ("2020-05-26", None, "26 May 2020"),
        ("2020-05", None, "May 2020"),
        ("2019-11", "END", "late November 2019"),
        ("2020-SP", None, "spring 2020"),
        ("2019", None, "2019"),
        ("2020", "MID", "mid-2020"),
        ("201", None, "the 2010s"),
        ("198", "END", "the late 1980s"),
        ("19", None, "the 20th century"),
        ("2019-W23", None, "week of 3 June 2019"),
        ("2019-06", "MID", "mid-June 2019"),
        ("1999-11-25", "APPROX", "about 25 November 1999"),
        ("2020-Q1", None, "Q1 2020"),
        ("2019-H2", None, "H2 2019"),
        ("XXXX-05-26", None, "26 May (year unknown)"),
        ("XXXX-WXX-5", None, "a Friday (date unknown)"),
    ],
)
def test_label(value, mod, expected):
    assert label(value, mod) == expected


DCTS = st.sampled_from([None, "2020", "2019-04", "2020-05-28", "2021-01-01", "2016-02-29"])
NEWSY = st.lists(
    st.sampled_from(
        [
            "On",
            "26",
            "May",
            "2020",
            "the",
            "next",
            "day",
            "late",
            "mid-",
            "in",
            "November",
            ",",
            ".",
            " ",
            "Friday",
            "last",
            "week",
            "3",
            "days",
            "later",
            "Q1",
            "the end of",
            "spring",
            "1990s",
            "ago",
            "05/06/2020",
            "that",
            "year",
            "\n",
            "31",
            "February",
            "early",
            "2,016",
            "$",
            "-",
        ]
    ),
    max_size=40,
).map(" ".join)


def check_invariants(text: str, dct: str | None) -> None:
    timexes = tag(text, dct)
    previous_end = 0
    for t in timexes:
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start : t.end] == t.text
        assert t.start >= previous_end, "spans overlap or are out of order"
        assert t.mod in (None, "START", "MID", "END")
        assert precision(t.value) != "unknown"
        previous_end = t.end


@settings(max_examples=300, deadline=None)
@given(st.text(), DCTS)
def test_any_text_tags_without_error_and_with_sound_spans(text, dct):
    check_invariants(text, dct)


@settings(max_examples=300, deadline=None)
@given(NEWSY, DCTS)
def test_date_like_word_salad_tags_with_sound_spans(text, dct):
    check_invariants(text, dct)
