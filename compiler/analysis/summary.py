"""Each chapter's key points, and the one-page summary that opens the pack.

The summary takes every chapter's best point before any chapter's second, so
no chapter goes unmentioned, then the rest by score; and the timeline's key
dates: the events most sources report, the more precise first, one a month
while there are months to spread over, shown in date order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from briefpack.analysis.keypoints import select_key_points
from briefpack.model import Chapter, Event, KeyPoint, Summary, ThemeSpec

MIN_POINTS, MAX_POINTS = 3, 5
SUMMARY_POINTS = 6
SUMMARY_DATES = 6
_PRECISION = {"day": 0, "week": 1, "month": 2, "season": 3, "quarter": 3, "half": 4, "year": 5, "decade": 6}


def point_count(chapter: Chapter, spec: ThemeSpec | None) -> int:
    """The theme's ``key_points`` if the manifest sets it; else 3, one more from 4 sources and from 8."""
    if spec is not None and spec.key_points is not None:
        return spec.key_points
    sources = len({p.source for p in chapter.paragraphs})
    return min(MAX_POINTS, MIN_POINTS + (sources >= 4) + (sources >= 8))


def chapter_key_points(chapters: Sequence[Chapter], themes: Sequence[ThemeSpec]) -> tuple[Chapter, ...]:
    """The chapters, each with its key points (none where the manifest turns them off)."""
    specs = {t.id: t for t in themes}
    return tuple(
        replace(
            chapter,
            key_points=select_key_points(
                chapter.paragraphs, point_count(chapter, specs.get(chapter.id)), chapter=chapter.id
            ),
        )
        for chapter in chapters
    )


def pack_summary(chapters: Sequence[Chapter], timeline: Sequence[Event]) -> Summary:
    ranked = sorted(
        (
            (rank, -point.score, order, point)
            for order, chapter in enumerate(chapters)
            for rank, point in enumerate(chapter.key_points)
        ),
        key=lambda item: item[:3],
    )
    points: tuple[KeyPoint, ...] = tuple(item[3] for item in ranked[:SUMMARY_POINTS])
    return Summary(points=points, dates=key_dates(timeline))


def key_dates(timeline: Sequence[Event], count: int = SUMMARY_DATES) -> tuple[Event, ...]:
    """The events most sources report, the more precise first, one a month while months last."""
    weighty = sorted(timeline, key=lambda e: (-len(e.sources), _PRECISION.get(e.precision, 9), e.date))
    chosen: list[Event] = []
    months: set[str] = set()
    for event in weighty:
        if len(chosen) < count and event.date[:7] not in months:
            chosen.append(event)
            months.add(event.date[:7])
    chosen += [e for e in weighty if e not in chosen][: count - len(chosen)]
    return tuple(sorted(chosen, key=lambda e: e.date))
