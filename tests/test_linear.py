"""The grouped, indexed stages give exactly what the pairwise scans they replaced gave."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from briefpack.analysis.duplicates import credit_duplicates, say_once
from briefpack.analysis.theme import build_chapters, theme_sources
from briefpack.dating import values
from briefpack.dating.timeline import actors, build_timeline, common_names, merge, same_event, source_events
from briefpack.manifest import load_manifest
from briefpack.model import Chapter, Event, Mention, Paragraph
from briefpack.stages import compile_pack

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "benchmarks"))
import synth  # noqa: E402

# --- the former implementations, kept here as the reference --------------------


def chapters_by_scanning(paragraphs, sources, themes) -> tuple[Chapter, ...]:
    order = {s.id: (s.published or "9999", index) for index, s in enumerate(sources)}

    def reading_order(p: Paragraph) -> tuple:
        return order[p.source], p.ordinal

    chapters = []
    for theme in themes:
        primary = tuple(sorted((p for p in paragraphs if p.primary == theme.id), key=reading_order))
        secondary = tuple(
            sorted((p for p in paragraphs if theme.id in p.themes[1:] and p.joined is None), key=reading_order)
        )
        if primary or secondary:
            chapters.append(Chapter(id=theme.id, title=theme.title, paragraphs=primary, see_also=secondary))
    return tuple(chapters)


def merge_pairwise(events: list[Event]) -> tuple[Event, ...]:
    common = common_names([actors(e.text) for e in events], len(events))
    merged: list[Event] = []
    for event in events:
        twin = next((i for i, m in enumerate(merged) if same_event(m, event, common)), None)
        if twin is None:
            merged.append(event)
        else:
            first = merged[twin]
            merged[twin] = Event(
                date=first.date,
                mod=first.mod,
                precision=first.precision,
                text=first.text,
                mentions=first.mentions + event.mentions,
            )
    return tuple(sorted(merged, key=lambda e: values.sort_key(e.date, e.mod)))


def timeline_by_scanning(sources, paragraphs, *, day_first) -> tuple[Event, ...]:
    events: list[Event] = []
    for source in sources:
        own = [p for p in paragraphs if p.source == source.id]
        events.extend(source_events(source, own, day_first=day_first))
    return merge_pairwise(events)


# --- the packs compared ---------------------------------------------------------


@pytest.fixture(scope="module", params=["seed", "synthetic"])
def manifest(request, tmp_path_factory):
    if request.param == "seed":
        return load_manifest(ROOT / "seeds" / "pack.yaml")
    return load_manifest(synth.generate(40, tmp_path_factory.mktemp("synth")))


def test_chapters_are_unchanged(manifest):
    pack = compile_pack(manifest)
    theming = theme_sources(pack.sources, manifest.themes, manifest.fallback)
    assert theming.chapters == chapters_by_scanning(theming.paragraphs, pack.sources, manifest.themes)
    assert build_chapters(theming.paragraphs, pack.sources, manifest.themes) == theming.chapters


def test_timeline_is_unchanged(manifest):
    pack = compile_pack(manifest)
    # The timeline is told from the paragraphs printed, near-duplicates said once.
    printed = say_once(theme_sources(pack.sources, manifest.themes, manifest.fallback).paragraphs, pack.sources).printed
    expected = timeline_by_scanning(pack.sources, printed, day_first=manifest.day_first)
    assert build_timeline(pack.sources, printed, day_first=manifest.day_first) == expected
    assert pack.timeline == credit_duplicates(expected, printed)


def test_synthetic_corpus_merges_reports_of_one_event(tmp_path):
    """The comparison above must exercise merging, or it proves little."""
    pack = compile_pack(load_manifest(synth.generate(40, tmp_path)))
    assert any(len(e.sources) > 1 for e in pack.timeline)


def test_merge_keeps_the_first_twin_and_order_of_mentions():
    def event(source: str, text: str, date: str = "2020-05-26") -> Event:
        return Event(
            date=date,
            mod=None,
            precision=values.precision(date),
            text=text,
            mentions=(Mention(source, f"p-{source}-1", "russia"),),
        )

    events = [
        event("S1", "Russia and Wagner moved jets to Jufra"),
        event("S2", "Russia and Wagner flew jets to Jufra"),
        event("S3", "Haftar met Serraj in Berlin"),
        event("S1", "Russia and Wagner again", date="2020-05"),
        event("S2", "Wagner and Russia once more", date="2020-05"),
    ]
    # Month-precise reports are never merged; day-precise ones naming the same actors are.
    assert [e.sources for e in merge(events)] == [("S1",), ("S2",), ("S1", "S2"), ("S3",)]
    assert merge(events) == merge_pairwise(events)
