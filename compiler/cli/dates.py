"""``briefpack dates``: the temporal expressions in a text, one text or a batch of JSON lines."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from briefpack.cli.app import cli, user_errors
from briefpack.errors import BriefpackError
from briefpack.model import Timex


def _dct(ctx, param, value: str | None) -> str | None:
    from briefpack.manifest.checker import PARTIAL_DATE

    if value is not None and not PARTIAL_DATE.match(value):
        raise click.BadParameter(f"'{value}' is not a date (write 2020, 2020-05 or 2020-05-28)")
    return value


@cli.command()
@click.argument("file", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--dct", callback=_dct, help="Document creation date: 2020, 2020-05 or 2020-05-28.")
@click.option("--json", "as_json", is_flag=True, help="Print the expressions as one JSON document.")
@click.option("--jsonl", is_flag=True,
              help='Batch mode: read {"id", "dct", "text"} JSON lines on stdin, write one line per input.')
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
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise BriefpackError(f"cannot read: {exc}", path=file) from None
    found = timex.tag(text, dct, day_first=day_first)
    if as_json:
        click.echo(json.dumps({"dct": dct, "expressions": [_expression(t) for t in found]},
                              ensure_ascii=False, indent=2))
        return
    for t in found:
        click.echo(f"{t.start:>6}-{t.end:<6} {t.value:<12} {t.mod or '':<6} {t.text}")


def _expression(t: Timex) -> dict:
    return {"start": t.start, "end": t.end, "text": t.text, "value": t.value, "mod": t.mod}


def _dates_batch(day_first: bool) -> None:
    from briefpack.dating import timex
    from briefpack.manifest.checker import PARTIAL_DATE

    out = sys.stdout
    for number, line in enumerate(sys.stdin, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            text, dct = record["text"], record.get("dct")
            if dct is not None and not PARTIAL_DATE.match(str(dct)):
                raise ValueError(f"dct '{dct}' is not a date")
        except (ValueError, KeyError, TypeError) as exc:
            raise BriefpackError(f"not a valid record: {exc}", path="<stdin>", line=number) from None
        found = timex.tag(text, dct, day_first=day_first)
        out.write(json.dumps({"id": record.get("id"), "expressions": [_expression(t) for t in found]},
                             ensure_ascii=False) + "\n")
    out.flush()
