"""The timeline of a small news story line, end to end up to the pack (no layout): the issue-15 kinds.

tests/cases/timeline_news holds two wire stories written for this test (a story and its rewrite)
and a manifest with a window and corrections.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from briefpack.cli import cli
from briefpack.dating.timeline import build_timeline
from briefpack.dating.values import event_label
from briefpack.layout.view import span_label
from briefpack.manifest import load_manifest
from briefpack.model import Event, Mention, Paragraph, Source
from briefpack.stages import compile_pack

CASE = Path(__file__).parents[1] / "cases" / "timeline_news" / "pack.yaml"


@pytest.fixture(scope="module")
def pack():
    return compile_pack(load_manifest(CASE))


def test_dates_follow_the_reporters_clause_and_the_rewrite_is_cited_once(pack):
    entries = [(e.date, e.sources) for e in pack.timeline]
    assert entries == [
        ("1999-11", ("S1",)),  # "found ... in late November", written in January: the past November
        ("2000-01-05", ("S1", "S2")),  # "told reporters on Wednesday": the story and its writethru, one entry
        ("2000-01-10", ("S1",)),  # "planned to drive ... on Monday": the coming Monday
        ("2000-01-14", ("S1", "S2")),  # "should go home by Jan. 14, the commissioner told": not 1999
        ("2000-02-10", ("S2",)),  # "a subpoena for the girl to testify on Feb. 10"
    ]
    assert pack.timeline[0].mod == "END"


def test_event_texts_never_end_at_an_abbreviation(pack):
    for event in pack.timeline:
        assert not event.text.rstrip().endswith(("Rep.", "Sen.", "Jan.", "a.m.", "Dr.")), event.text
    assert any("Sen. Paul Avery" in e.text for e in pack.timeline) or any(
        "Rep. Lena Ortiz" in e.text for e in pack.timeline
    )


def test_hypotheticals_conditionals_and_background_are_left_out_with_their_reason(pack):
    reasons = {left.event.date: left.reason for left in pack.timeline_report.left_out}
    assert reasons["2000-01-17"] == "hypothetical"  # "the soonest she would be free ... seven days later"
    assert reasons["2000-03"] == "conditional"  # "If the appeal fails, the family would leave ... in March"
    assert reasons["1994"].startswith("background")  # "has lived in the town since 1994"
    assert reasons["1898"].startswith("background")  # a war named in passing
    assert reasons["1991"].startswith("outside the window")


def test_a_range_is_one_entry_with_a_start_and_an_end(pack):
    ranges = [left.event for left in pack.timeline_report.left_out if left.event.end]
    assert [(e.date, e.end, event_label(e.date, e.mod, e.end)) for e in ranges] == [("1991", "1997", "1991 – 1997")]


def test_corrections_show_their_effect_and_an_unmatched_one_warns(pack):
    effects = {c.correction.match: c.events for c in pack.timeline_report.corrections}
    assert [(e.date, e.sources) for e in effects["by Jan. 14"]] == [("2000-01-14", ("S1",)), ("2000-01-14", ("S2",))]
    assert len(effects["hearing began at 8 a.m. Friday"]) == 1
    assert not any("hearing began" in e.text for e in pack.timeline)
    assert effects["a sentence no source holds"] == ()
    assert any("a sentence no source holds" in w and "matches no event" in w for w in pack.warnings)


def test_the_cover_span_is_the_editors_window(pack):
    assert span_label(pack.timeline, pack.manifest.timeline) == "November 1999 – June 2000"
    assert span_label(pack.timeline) == "late November 1999 – 10 February 2000"


def test_explain_lists_what_was_left_out_and_what_each_correction_did():
    result = CliRunner().invoke(cli, ["explain", str(CASE)])
    assert result.exit_code == 0, result.output
    timeline = result.output[result.output.index("Timeline:") :]
    assert "Timeline: 5 entries" in timeline
    assert "correction “a sentence no source holds” (line 23, drop): matches nothing" in timeline
    assert "correction “by Jan. 14” (line 19, date 2000-01-14): 2 event(s)" in timeline
    assert "left out (hypothetical): S1  17 January 2000" in timeline
    assert "left out (outside the window 1999-11 – 2000-06): S1  1991 – 1997" in timeline


def test_without_a_window_the_span_runs_to_the_latest_end():
    first = Event("1990", None, "year", "The port was sold.", (Mention("S1", "p-S1-1", "c"),))
    spanning = Event("1991", None, "year", "The authority ran it.", (Mention("S1", "p-S1-2", "c"),), end="1997")
    middle = Event("1995", None, "year", "A storm hit.", (Mention("S1", "p-S1-3", "c"),))
    assert span_label([first, spanning, middle]) == "1990 – 1997"


def test_a_range_ends_after_it_starts_or_is_two_entries():
    source = Source(
        id="S1",
        rel="a.txt",
        format="txt",
        sha256="0",
        words=1,
        title="A",
        author=None,
        publisher=None,
        published="2001-06",
        published_inferred=False,
        url=None,
        summary=None,
        rights=None,
        blocks=(),
        excluded=(),
    )
    paragraphs = (
        Paragraph("S1", 1, "Output rose from 1991 to 1997. Sales fell from 1999 to 1995 levels.", ("c",), ()),
    )
    timeline = build_timeline((source,), paragraphs, day_first=True)
    assert [(e.date, e.end) for e in timeline] == [("1991", "1997"), ("1995", None), ("1999", None)]
