"""Issue 15's kinds of dating error in news, each as the issue states it and as other wordings of its kind.

Every text here was written for these tests in the style of wire and newspaper copy.
"""

from __future__ import annotations

import pytest

from briefpack.dating.timex import tag


def dated(text: str, dct: str) -> dict[str, tuple[str, str | None]]:
    return {t.text: (t.value, t.mod) for t in tag(text, dct)}


@pytest.mark.parametrize(
    "dct, text, span, value",
    [
        # Upcoming dates in past-tense reporting: the clause around the date decides, not "said"/"told".
        (
            "2000-01-05",
            "The agency decided the boy should go home by Jan. 14, the commissioner told reporters.",
            "Jan. 14",
            "2000-01-14",
        ),
        ("2000-01-07", "Burton issued a subpoena for the boy to testify on Feb. 10.", "Feb. 10", "2000-02-10"),
        ("2000-03-29", "The family will wait until the case is heard in May.", "May", "2000-05"),
        (
            "1998-08-26",
            "They had been talking about the slated visit of the commerce secretary in September.",
            "September",
            "1998-09",
        ),
        (
            "2011-11-02",
            "The regulator ordered the bank to repay customers by Jan. 31, officials said.",
            "Jan. 31",
            "2012-01-31",
        ),
        ("2006-10-20", "The minister told parliament the bridge must be finished by March.", "March", "2007-03"),
        ("2014-12-10", "The union said the strike was scheduled for Feb. 2.", "Feb. 2", "2015-02-02"),
        ("2019-11-05", "Lawyers asked the court to hear the appeal in January, the clerk said.", "January", "2020-01"),
        ("2003-09-15", "Officials set a hearing for Jan. 8 and said a ruling would follow.", "Jan. 8", "2004-01-08"),
        ("2022-11-20", "The regulator signalled a cut in February.", "February", "2023-02"),
        # A past month is not read as the coming one.
        (
            "2000-01-06",
            "The boy was found clinging to an inner tube off Florida in late November.",
            "late November",
            "1999-11",
        ),
        ("2008-02-12", "Prices rose sharply in December, the bureau said.", "December", "2007-12"),
        ("2016-01-15", "The ferry sank in October near the port.", "October", "2015-10"),
        ("2004-11-04", "Lawmakers last debated the bill in January.", "January", "2004-01"),
        (
            "2020-05",
            "The minister welcomed a plan proposed by assembly head Lena Ortiz in late April.",
            "late April",
            "2020-04",
        ),
        # With no cue either way, the occurrence nearest the document date.
        ("2013-01-09", "The December figures are weak.", "December", "2012-12"),
        ("2013-12-02", "The January sales are a test for the chain.", "January", "2014-01"),
    ],
)
def test_underspecified_dates_follow_the_clause_and_else_the_nearest_occurrence(dct, text, span, value):
    assert dated(text, dct)[span][0] == value


@pytest.mark.parametrize(
    "dct, text, span, value",
    [
        # A bare weekday counts from the document date, not from a date named earlier.
        (
            "1998-08-08",
            "Officials said as dawn broke Saturday that the toll had risen. On Aug. 1 the embassy "
            "was warned. The car bombings occurred minutes apart on Friday.",
            "Friday",
            "1998-08-07",
        ),
        ("1998-08-08", "Officials said as dawn broke Saturday that the toll had risen.", "Saturday", "1998-08-08"),
        (
            "2000-01-07",
            "In contrast to Thursday, when 133 people were arrested, the march was calm.",
            "Thursday",
            "2000-01-06",
        ),
        ("2000-01-07", "Relatives planned to drive around the airport on Monday.", "Monday", "2000-01-10"),
        ("2000-04-17", "The minister spoke during the broadcast on Sunday.", "Sunday", "2000-04-16"),
        (
            "2001-09-26",
            "Airlines said Monday they expected to restore most flights by mid-October.",
            "Monday",
            "2001-09-24",
        ),
        ("2012-07-13", "Athletes fly out on Sunday.", "Sunday", "2012-07-15"),
        (
            "2009-06-10",
            "On May 12 the accord was signed. Officials said Monday that both sides had kept to it.",
            "Monday",
            "2009-06-08",
        ),
        # Unless the text anchors it.
        (
            "2000-01-14",
            "The strike began on Dec. 6, a Monday. By that Friday, 4,000 workers had walked out.",
            "that Friday",
            "1999-12-10",
        ),
        (
            "2019-01-29",
            "The jury began deliberating on Jan. 17 and returned its verdict the following Tuesday.",
            "the following Tuesday",
            "2019-01-22",
        ),
        (
            "2005-05-20",
            "The ship docked on April 14. It had sailed the previous Sunday.",
            "the previous Sunday",
            "2005-04-10",
        ),
    ],
)
def test_weekdays_count_from_the_document_date_unless_the_text_anchors_them(dct, text, span, value):
    assert dated(text, dct)[span][0] == value


def test_an_appositive_weekday_is_not_a_second_date():
    assert list(dated("The jury began on Jan. 17, a Thursday, and stopped.", "2019-01-29")) == ["Jan. 17"]


@pytest.mark.parametrize(
    "dct, text, span, value",
    [
        ("2000-03-10", "Sales fell in June last year.", "June last year", "1999-06"),
        ("2000-03-10", "Sales rose in July last year.", "July last year", "1999-07"),
        ("2017-02-15", "The stadium will open in August next year.", "August next year", "2018-08"),
        ("2021-05-29", "It carried 4 million passengers on 3 May last year.", "3 May last year", "2020-05-03"),
        ("2000-03-10", "Prices peaked last February.", "last February", "2000-02"),
        ("2004-11-04", "The legislature will take it up next March.", "next March", "2005-03"),
    ],
)
def test_months_of_last_and_next_year(dct, text, span, value):
    assert dated(text, dct)[span][0] == value


@pytest.mark.parametrize(
    "dct, text, expected",
    [
        (
            "1999-07-21",
            "Net income rose to $84 million in the second quarter from $75 million a year ago.",
            {"the second quarter": "1999-Q2", "a year ago": "1998-Q2"},
        ),
        (
            "2010-10-28",
            "Net income in the third quarter was $1.4 billion, against $1.1 billion a year earlier.",
            {"the third quarter": "2010-Q3", "a year earlier": "2009-Q3"},
        ),
        (
            "2006-02-22",
            "The retailer reported fourth-quarter profit of $210 million, down from $260 million in "
            "the year-earlier quarter.",
            {"fourth-quarter": "2005-Q4", "the year-earlier quarter": "2004-Q4"},
        ),
        ("2001-02-08", "The bank expects loan growth to slow in the first half.", {"the first half": "2001-H1"}),
        (
            "2015-06-01",
            "Revenue in the first quarter rose, and the same period last year was weak.",
            {"the first quarter": "2015-Q1", "the same period last year": "2014-Q1"},
        ),
    ],
)
def test_financial_quarters_and_halves_with_a_year_ago(dct, text, expected):
    assert {span: value for span, (value, _) in dated(text, dct).items()} == expected


def test_a_year_ago_away_from_a_quarter_is_a_year():
    assert dated("The mayor was elected a year ago.", "2015-06-01")["a year ago"] == ("2014", None)


def test_the_first_half_of_a_match_is_not_a_date():
    assert dated("In the first half, the striker scored twice and shares of the club rose.", "2015-06-01") == {}


@pytest.mark.parametrize(
    "dct, text, span, value",
    [
        ("2009-06-10", "A walkout in 2005 lasted from Dec. 20 to Dec. 22.", "Dec. 20", "2005-12-20"),
        ("2017-09-08", "Claims were paid from September to March 1993.", "September", "1992-09"),
        ("2011-01-20", "The exhibition runs from Feb. 12 to May 1.", "Feb. 12", "2011-02-12"),
    ],
)
def test_a_range_takes_the_year_it_states(dct, text, span, value):
    assert dated(text, dct)[span][0] == value


@pytest.mark.parametrize(
    "text, span, value",
    [
        ("The boat sank around 25 November.", "around 25 November", "2001-11-25"),
        ("He arrived on or about 3 May 2001.", "on or about 3 May 2001", "2001-05-03"),
        ("The plant closed around 2010.", "around 2010", "2010"),
    ],
)
def test_approximate_dates_carry_approx(text, span, value):
    assert dated(text, "2001-12-01")[span] == (value, "APPROX")


def test_about_as_a_preposition_is_no_approximation():
    assert dated("They talked about Monday's vote, all-around the same day.", "2001-12-05")["Monday"] == (
        "2001-12-03",
        None,
    )
