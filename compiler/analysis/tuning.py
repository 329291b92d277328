"""What a user tuning the rules needs to see: each term's hits, and the terms that hit nothing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from briefpack.model import Paragraph, ThemeSpec


@dataclass(frozen=True)
class TermHits:
    theme: str
    pattern: str
    regex: bool
    weight: float
    paragraphs: int  # paragraphs in which it matched (outside the theme's excludes)
    sources: int
    primary: int  # of those, paragraphs whose chapter is this theme


def term_hits(paragraphs: Sequence[Paragraph], themes: Sequence[ThemeSpec]) -> tuple[TermHits, ...]:
    """One row per rule of every theme, in manifest order."""
    found: dict[tuple[str, str], list[Paragraph]] = {}
    for p in paragraphs:
        for s in p.scores:
            for pattern in s.matched:
                found.setdefault((s.theme, pattern), []).append(p)
    rows = []
    for theme in themes:
        for rule in theme.rules:
            hits = found.get((theme.id, rule.pattern), [])
            rows.append(
                TermHits(
                    theme.id,
                    rule.pattern,
                    rule.regex,
                    rule.weight,
                    len(hits),
                    len({p.source for p in hits}),
                    sum(p.primary == theme.id for p in hits),
                )
            )
    return tuple(rows)


def dead_term_warnings(paragraphs: Sequence[Paragraph], themes: Sequence[ThemeSpec]) -> tuple[str, ...]:
    return tuple(
        f"theme '{row.theme}': {'regex' if row.regex else 'term'} '{row.pattern}' matches no paragraph"
        for row in term_hits(paragraphs, themes)
        if not row.paragraphs
    )
