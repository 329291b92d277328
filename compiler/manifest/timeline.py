"""The manifest's ``timeline:`` section: the editor's window, leave-out terms, caps and corrections.

timeline:
  from: 1999-11
  to: 2000-06
  leave_out: [writethru]
  leave_out_patterns: ['\\bif\\b.*\\bwould\\b']
  cap_per_source: 40
  cap_per_day: 6
  corrections:
    - match: "by Jan. 14"
      date: 2000-01-14
    - match: "the 1898 war"
      drop: true
"""

from __future__ import annotations

import re

import yaml

from briefpack.manifest.checker import Checker
from briefpack.model import Correction, TimelineSettings

TIMELINE_KEYS = {
    "from": False,
    "to": False,
    "leave_out": False,
    "leave_out_patterns": False,
    "cap_per_source": False,
    "cap_per_day": False,
    "corrections": False,
}
CORRECTION_KEYS = {"match": True, "date": False, "drop": False}


def read_timeline(node: yaml.Node | None, check: Checker) -> TimelineSettings:
    if node is None or (isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null")):
        return TimelineSettings()
    keys = check.mapping(node, "'timeline'", TIMELINE_KEYS)
    window_from, window_to = check.date(keys, "from"), check.date(keys, "to")
    if window_from and window_to and window_to < window_from[: len(window_to)]:
        check.problem(keys["to"], f"'to' ({window_to}) is before 'from' ({window_from})")
    patterns = check.strings(keys, "leave_out_patterns")
    for item, pattern in zip(check.sequence(keys, "leave_out_patterns"), patterns):
        try:
            re.compile(pattern)
        except re.error as error:
            check.problem(item, f"leave_out_patterns: '{pattern}' is not a valid regular expression ({error})")
    return TimelineSettings(
        window_from=window_from,
        window_to=window_to,
        leave_out=check.strings(keys, "leave_out"),
        leave_out_patterns=patterns,
        cap_per_source=_cap(keys, "cap_per_source", check),
        cap_per_day=_cap(keys, "cap_per_day", check),
        corrections=tuple(c for c in (_correction(n, check) for n in check.sequence(keys, "corrections")) if c),
    )


def _cap(keys: dict[str, yaml.Node], key: str, check: Checker) -> int | None:
    """A cap of at least one entry, or None (no cap) when unset or refused."""
    if key not in keys:
        return None
    return int(check.number(keys, key, 0, integer=True, minimum=1)) or None


def _correction(node: yaml.Node, check: Checker) -> Correction | None:
    keys = check.mapping(node, "a timeline correction", CORRECTION_KEYS)
    match = check.text(keys, "match")
    date, drop = check.date(keys, "date"), check.boolean(keys, "drop", False)
    if not match:
        return None
    if (date is None) == (not drop):
        check.problem(node, f"the correction for '{match}' needs either 'date' or 'drop: true'")
        return None
    return Correction(match=match, date=date, drop=drop, line=node.start_mark.line + 1)
