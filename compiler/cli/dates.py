"""``briefpack dates``: the temporal expressions in a text, one text or a batch of JSON lines."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from briefpack.cli.app import cli, user_errors
from briefpack.errors import BriefpackError
from briefpack.files import read_regular
from briefpack.model import Timex

MAX_TEXT_BYTES = 256 * 1024 * 1024  # a text to date; a larger file (or a device) is refused, not read


def _dct(ctx, param, value: str | None) -> str | None:
    problem = _dct_problem(value) if value is not None else None
    if problem:
        raise click.BadParameter(problem)
    return value


def _dct_problem(value: object) -> str | None:
    """Why ``value`` cannot be a document date, or None."""
    from briefpack.manifest.checker import YEARS, valid_partial_date

    if not isinstance(value, str) or not valid_partial_date(value):
        return f"{value!r} is not a date (write 2020, 2020-05 or 2020-05-28)"
    if int(value[:4]) not in YEARS:
        return f"{value!r} is outside the years {YEARS[0]}-{YEARS[-1]}"
    return None


@cli.command()
@click.argument("file", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--dct", callback=_dct, help="Document creation date: 2020, 2020-05 or 2020-05-28.")
@click.option("--json", "as_json", is_flag=True, help="Print the expressions as one JSON document.")
@click.option(
    "--jsonl",
    is_flag=True,
    help='Batch mode: read {"id", "dct", "text"} JSON lines on stdin, write one line per input.',
)
@click.option("--month-first", is_flag=True, help="Read 05/06/2020 as May 6 rather than 5 June.")
@user_errors
def dates(file: Path | None, dct: str | None, as_json: bool, jsonl: bool, month_first: bool) -> None:
    """List the temporal expressions in FILE, resolved against --dct."""
    from briefpack.dating import timex

    day_first = not month_first
    if jsonl:
        _dates_batch(day_first)
        return
    if file is None:
        raise click.UsageError("give a FILE, or --jsonl to read JSON lines on stdin")
    try:
        text = read_regular(file, MAX_TEXT_BYTES).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BriefpackError(f"is not UTF-8 text (byte {exc.start})", path=file) from None
    found = timex.tag(text, dct, day_first=day_first)
    if as_json:
        click.echo(
            json.dumps({"dct": dct, "expressions": [_expression(t) for t in found]}, ensure_ascii=False, indent=2)
        )
        return
    for t in found:
        click.echo(f"{t.start:>6}-{t.end:<6} {t.value:<12} {t.mod or '':<6} {t.text}")


def _expression(t: Timex) -> dict:
    return {"start": t.start, "end": t.end, "text": t.text, "value": t.value, "mod": t.mod}


def _dates_batch(day_first: bool) -> None:
    """One output line per input line: the expressions, or the reason the record is not one.

    A bad record is also an ``error:`` line on stderr naming its line, and the
    batch goes on; the exit code is 2 if any record was bad.
    """
    out = sys.stdout
    bad = 0
    for number, raw in enumerate(sys.stdin.buffer, start=1):
        if not raw.strip():
            continue
        record: object = None
        try:
            record = json.loads(raw.decode("utf-8"))
            answer = {
                "id": record.get("id") if isinstance(record, dict) else None,
                "expressions": [_expression(t) for t in _tag_record(record, day_first)],
            }
        except (BriefpackError, ValueError, RecursionError) as exc:  # ValueError: bad UTF-8 or JSON
            message = (
                exc.message
                if isinstance(exc, BriefpackError)
                else ("nested too deeply" if isinstance(exc, RecursionError) else str(exc))
            )
            problem = BriefpackError(f"not a valid record: {message}", path="<stdin>", line=number)
            click.echo(f"error: {problem}", err=True)
            bad += 1
            answer = {"id": record.get("id") if isinstance(record, dict) else None, "error": problem.message}
        out.write(json.dumps(answer, ensure_ascii=False) + "\n")
    out.flush()
    if bad:
        raise SystemExit(2)


def _tag_record(record: object, day_first: bool) -> list[Timex]:
    from briefpack.dating import timex

    if not isinstance(record, dict):
        raise BriefpackError('a record is a JSON object: {"id": ..., "dct": "2020-05-28", "text": "..."}')
    text, dct = record.get("text"), record.get("dct")
    if not isinstance(text, str):
        raise BriefpackError(f"'text' must be a string, not {_json_kind(text)}")
    if dct is not None and _dct_problem(dct):
        raise BriefpackError(f"dct {_dct_problem(dct)}")
    return timex.tag(text, dct, day_first=day_first)


def _json_kind(value: object) -> str:
    kinds = {dict: "an object", list: "a list", bool: "true or false", int: "a number", float: "a number"}
    return "null" if value is None else kinds.get(type(value), type(value).__name__)
