"""What moved between two builds of a pack, read from their JSON exports.

The preview page shows it after each rebuild in the terms ``briefpack
explain`` uses: paragraphs that changed chapter, paragraphs added or removed,
chapters that grew or shrank, and the pages that look different.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Changes:
    moved: tuple[tuple[str, int, str, str], ...]  # (source id, paragraph, chapter before, chapter after)
    added: tuple[tuple[str, int], ...]  # (source id, paragraphs added)
    removed: tuple[tuple[str, int], ...]
    chapters: tuple[tuple[str, int, int], ...]  # (title, paragraphs before, after), where they differ
    pages: tuple[int, int]  # before, after
    changed_pages: tuple[int, ...]  # 1-based, pages whose image differs

    def lines(self) -> tuple[str, ...]:
        """One line per change."""
        found = [f"{source} ¶{ordinal}: {before} → {after}" for source, ordinal, before, after in self.moved]
        found += [f"{source}: {_paragraphs(n)} added" for source, n in self.added]
        found += [f"{source}: {_paragraphs(n)} removed" for source, n in self.removed]
        found += [f"{title}: {before} → {after} paragraphs" for title, before, after in self.chapters]
        if self.pages[0] != self.pages[1]:
            found.append(f"{self.pages[0]} → {self.pages[1]} pages")
        if self.changed_pages:
            found.append(f"pages that look different: {page_ranges(self.changed_pages)}")
        return tuple(found)


def compare(before: dict, after: dict, changed_pages: Iterable[int]) -> Changes:
    """The changes from one export (``briefpack.export``) to the next."""
    old, new = _placement(before), _placement(after)
    old_sizes, new_sizes = _sizes(before), _sizes(after)
    moved = tuple(
        (source, ordinal, old[(source, ordinal)], chapter)
        for (source, ordinal), chapter in new.items()
        if (source, ordinal) in old and old[(source, ordinal)] != chapter
    )
    sizes = tuple(
        (title, old_sizes.get(title, 0), size) for title, size in new_sizes.items() if old_sizes.get(title, 0) != size
    )
    gone = tuple((title, size, 0) for title, size in old_sizes.items() if title not in new_sizes)
    return Changes(
        moved=moved,
        added=_per_source(new.keys() - old.keys()),
        removed=_per_source(old.keys() - new.keys()),
        chapters=sizes + gone,
        pages=(before.get("pages", 0), after.get("pages", 0)),
        changed_pages=tuple(sorted(changed_pages)),
    )


def _placement(export: dict) -> dict[tuple[str, int], str]:
    return {
        (p["source"], p["ordinal"]): chapter["title"]
        for chapter in export.get("chapters", [])
        for p in chapter.get("paragraphs", [])
    }


def _sizes(export: dict) -> dict[str, int]:
    return {chapter["title"]: len(chapter.get("paragraphs", [])) for chapter in export.get("chapters", [])}


def _per_source(keys: Iterable[tuple[str, int]]) -> tuple[tuple[str, int], ...]:
    return tuple(sorted(Counter(source for source, _ in keys).items()))


def _paragraphs(count: int) -> str:
    return f"{count} paragraph{'s' if count != 1 else ''}"


def page_ranges(pages: Iterable[int]) -> str:
    """1, 2, 3, 5 as "1–3, 5"."""
    runs: list[list[int]] = []
    for page in sorted(pages):
        if runs and page == runs[-1][-1] + 1:
            runs[-1].append(page)
        else:
            runs.append([page])
    return ", ".join(str(run[0]) if len(run) == 1 else f"{run[0]}–{run[-1]}" for run in runs)
