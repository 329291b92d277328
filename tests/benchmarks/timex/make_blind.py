"""Build the blind sets blind3.jsonl and blind4.jsonl from their hand-marked texts.

    python tests/benchmarks/timex/make_blind.py

The blind sets are kept apart from gold.jsonl so that they are scored on their own
(``score.py --gold blind3.jsonl``) and never enter the dev/heldout figures.  Each
expression carries a class naming how the date is written:

explicit           a date with its year ("Nov. 3, 1999", "March 2002")
year               a bare year
past-month         an underspecified day or month in the past ("in late November" said in January)
reported-future    an underspecified day or month ahead, often inside past-tense reporting
                   ("said ... would announce on Feb. 15", "is due in September")
underspecified     an underspecified date with no clear cue either way
weekday            a bare weekday, resolved against the document date
weekday-future     a bare weekday of a plan or schedule ("will meet on Wednesday")
weekday-anchored   a weekday anchored by the text ("that Friday", "the following Tuesday")
last-year          "<month> last year" / "<month> next year"
last-next-month    "last <month>" / "next <month>"
financial-quarter  quarters and halves, and "a year ago/earlier" beside a quarter
deictic            today, yesterday, last week, this year, two days ago ...
offset             "two days later", "a week later", anchored to a date in the text
modifier           early/mid/late/end of a month or year
range              either end of a range, or a day range dated by its first day
season, decade     seasons; decades

Before writing, every mark is checked against the calendar (a weekday's value must
fall on that weekday, a named month must be the value's month), so a slip in the
hand annotation is caught here and never scored against the tagger.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from blind3_texts import BLIND3
from blind4_texts import BLIND4
from make_gold import parse

HERE = Path(__file__).resolve().parent
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def check(rid: str, dct: str | None, expression: dict) -> list[str]:
    """Calendar slips in one hand-marked expression."""
    problems = []
    text, value = expression["text"].lower(), expression["value"]
    day = re.fullmatch(r"\d{4}-\d\d-\d\d", value)
    for number, name in enumerate(WEEKDAYS):
        if name in text and (not day or dt.date.fromisoformat(value).weekday() != number):
            problems.append(f"{rid}: {expression['text']!r}={value} is not a {name}")
    months = [n + 1 for n, m in enumerate(MONTHS) if re.search(rf"\b{m}", text)]
    if months and re.match(r"\d{4}-\d\d", value) and int(value[5:7]) != months[0]:
        problems.append(f"{rid}: {expression['text']!r}={value} is not in month {months[0]}")
    if expression["case"] == "weekday" and dct and day:
        gap = (dt.date.fromisoformat(dct) - dt.date.fromisoformat(value)).days
        if not 0 <= gap < 7:
            problems.append(f"{rid}: {expression['text']!r}={value} is not in the week before {dct}")
    return problems


def build(split: str, records: list[tuple[str, str | None, str]]) -> tuple[list[str], list[str]]:
    lines, problems = [], []
    for rid, dct, marked in records:
        text, expressions = parse(marked)
        for expression in expressions:
            problems += check(rid, dct, expression)
        lines.append(
            json.dumps(
                {"id": rid, "dct": dct, "text": text, "expressions": expressions, "split": split}, ensure_ascii=False
            )
        )
    return lines, problems


def main() -> None:
    for split, records in (("blind3", BLIND3), ("blind4", BLIND4)):
        lines, problems = build(split, records)
        if problems:
            raise SystemExit("\n".join(problems))
        out = HERE / f"{split}.jsonl"
        out.write_text("\n".join(lines) + "\n", encoding="utf-8")
        count = sum(len(json.loads(line)["expressions"]) for line in lines)
        print(f"{split}: {len(lines)} texts, {count} expressions -> {out.name}")


if __name__ == "__main__":
    main()
