"""What briefpack knows about English text, in one place: month and weekday names.

Clean-up, dating, the name index and the timeline all read these; a new
spelling added here reaches every one of them.
"""

from __future__ import annotations

MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# The abbreviations news writes, with or without a full stop ("Sept." as well as "Sep.").
MONTH_ABBREVIATIONS = {
    "Jan": 1,
    "Feb": 2,
    "Mar": 3,
    "Apr": 4,
    "Jun": 6,
    "Jul": 7,
    "Aug": 8,
    "Sep": 9,
    "Sept": 9,
    "Oct": 10,
    "Nov": 11,
    "Dec": 12,
}
# Every spelling of a month, lower case, to its number.
MONTHS = {name.lower(): number for number, name in enumerate(MONTH_NAMES, 1)} | {
    short.lower(): number for short, number in MONTH_ABBREVIATIONS.items()
}

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# ISO weekday numbers: Monday is 1.
WEEKDAYS = {name.lower(): number for number, name in enumerate(WEEKDAY_NAMES, 1)}
