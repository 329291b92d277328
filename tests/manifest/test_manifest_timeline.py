"""The manifest's ``timeline:`` section: read into settings, and every mistake named with its line."""

from __future__ import annotations

import re
import textwrap

import pytest

from briefpack.errors import ManifestError
from briefpack.manifest import load_manifest
from briefpack.model import Correction, TimelineSettings

HEAD = """\
title: A pack
sources: [a.txt]
themes: [{id: water, title: Water, terms: [river]}]
fallback: {id: other, title: Other}
"""


def with_timeline(body: str) -> str:
    return HEAD + "timeline:\n" + textwrap.indent(textwrap.dedent(body).strip("\n"), "  ") + "\n"


def test_the_timeline_section_is_read_into_settings(write_manifest):
    path = write_manifest(
        with_timeline("""
        from: 1999-11
        to: 2000-06
        leave_out: [writethru, rumour]
        leave_out_patterns: ['\\bif\\b']
        cap_per_source: 40
        cap_per_day: 6
        corrections:
          - match: "by Jan. 14"
            date: 2000-01-14
          - match: "the 1898 war"
            drop: true
    """),
        {"a.txt": "x"},
    )
    assert load_manifest(path).timeline == TimelineSettings(
        window_from="1999-11",
        window_to="2000-06",
        leave_out=("writethru", "rumour"),
        leave_out_patterns=("\\bif\\b",),
        cap_per_source=40,
        cap_per_day=6,
        corrections=(Correction("by Jan. 14", "2000-01-14", False, 13), Correction("the 1898 war", None, True, 15)),
    )


def test_without_a_section_nothing_is_set(write_manifest):
    assert load_manifest(write_manifest(HEAD, {"a.txt": "x"})).timeline == TimelineSettings()


@pytest.mark.parametrize(
    "body, message",
    [
        ("windows: 2000", "unknown key 'windows' in 'timeline'"),
        ("from: 2000-13", "'from' is not a date"),
        ("from: 2000-06\nto: 1999", "'to' (1999) is before 'from' (2000-06)"),
        ("leave_out_patterns: ['(unclosed']", "is not a valid regular expression"),
        ("cap_per_day: 0", "'cap_per_day' must be at least 1"),
        ("corrections:\n  - match: by Jan. 14", "needs either 'date' or 'drop: true'"),
        ("corrections:\n  - date: 2000-01-14", "missing key 'match'"),
        ("corrections:\n  - match: x\n    date: 2000-01-14\n    drop: true", "needs either 'date' or 'drop: true'"),
    ],
)
def test_mistakes_in_the_section_are_named_with_their_line(write_manifest, body, message):
    with pytest.raises(ManifestError) as caught:
        load_manifest(write_manifest(with_timeline(body), {"a.txt": "x"}))
    text = str(caught.value)
    assert message in text and re.search(r"pack\.yaml:\d+: ", text)
