"""Find the names of actors and places in chapter text, for the pack's index.

A heuristic, not named-entity recognition: a run of capitalised words is a
name if it is several words long ("Khalifa Haftar", "Government of National
Accord") or if it recurs; words that are capitalised only because they open a
sentence, and months and weekdays, are not names. The manifest's ``actors``
are always names. Everything here is pure so it can be tested on strings.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

_MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
           "Sept", "Oct", "Nov", "Dec"}
_WEEKDAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
# Capitalised function words and sentence openers that are never names on their own.
_COMMON = {
    "A", "An", "The", "This", "That", "These", "Those", "There", "Their", "They", "Them", "Then", "It", "Its",
    "He", "She", "His", "Her", "We", "Our", "You", "Your", "I", "In", "On", "At", "By", "For", "From", "To",
    "Of", "With", "Without", "As", "And", "But", "Or", "Nor", "So", "Yet", "If", "When", "While", "Where",
    "Whereas", "Although", "Though", "Because", "Since", "After", "Before", "During", "Despite", "However",
    "Moreover", "Meanwhile", "Furthermore", "Also", "Thus", "Still", "Such", "Some", "Many", "Most", "Other",
    "Both", "Each", "All", "Any", "No", "Not", "Nevertheless", "Instead", "Under", "Over", "According",
    "Last", "Next", "Earlier", "Later", "Today", "Yesterday", "Mr", "Mrs", "Ms", "Dr", "What", "Which",
    "Who", "Why", "How", "Following", "Given", "Unlike", "Like", "Until", "Among", "Between", "Through",
    "Beyond", "Against", "Within", "Amid", "Here", "Now", "One", "Two", "Three", "First", "Second",
}
_SKIP = _MONTHS | _WEEKDAYS | _COMMON
# Lower-case words that may sit inside a name: "Government of National Accord", "Bashar al-Assad".
# "and" is left out: "Russia and Turkey" is two names.
_JOINERS = {"of", "the", "for", "de", "al", "el", "bin", "ibn", "von", "van", "der", "du", "la"}

_UPPER = "A-ZÀ-ÖØ-Þ" + "".join(chr(c) for c in range(0x100, 0x250) if chr(c).isupper())
_WORD = rf"(?:[{_UPPER}][\w'’.-]*\w|[{_UPPER}])"
_RUN = re.compile(rf"{_WORD}(?:(?:\s+(?:{'|'.join(sorted(_JOINERS))}))*\s+{_WORD})*")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]['\"”’)]?\s+|[\"“]\s*)$")


@dataclass(frozen=True)
class Occurrence:
    start: int
    end: int
    name: str


def candidate_runs(text: str) -> list[tuple[int, int, str, bool]]:
    """Runs of capitalised words as (start, end, name, sentence_initial), openers and dates trimmed."""
    runs = []
    for match in _RUN.finditer(text):
        words = [(m.start() + match.start(), m.end() + match.start(), m.group(0).rstrip("."))
                 for m in re.finditer(r"\S+", match.group(0))]
        initial = bool(_SENTENCE_START.search(text[:match.start()]))
        # "In Tripoli", "On April 4": the opener is trimmed, and what is left no longer opens the sentence.
        while words and (words[0][2] in _SKIP or words[0][2] in _JOINERS):
            words.pop(0)
            initial = False
        while words and (words[-1][2] in _SKIP or words[-1][2] in _JOINERS):
            words.pop()
        if words:
            first, last = words[0][0], words[-1][0] + len(words[-1][2])
            runs.append((first, last, " ".join(text[first:last].split()), initial))
    return runs


def find_names(texts: Iterable[str], actors: Sequence[str] = ()) -> tuple[str, ...]:
    """The index's names: actors that occur, multiword names, and single names recurring twice or more.

    A single word counts only where it does not open a sentence, so "Tripoli"
    mid-sentence counts but "Analysts" at a sentence start never does.
    """
    texts = list(texts)
    multiword: set[str] = set()
    single = Counter()
    for text in texts:
        for _, _, name, initial in candidate_runs(text):
            if " " in name:
                multiword.add(name)
            elif not initial and len(name) > 1:
                single[name] += 1
    names = multiword | {name for name, count in single.items() if count >= 2}
    joined = "\n".join(texts)
    names |= {actor for actor in actors if re.search(rf"(?<!\w){re.escape(actor)}(?!\w)", joined)}
    return tuple(sorted(names, key=sort_key))


def occurrences(text: str, names: Iterable[str]) -> list[Occurrence]:
    """Where the names occur in text, longest name first, never overlapping, in text order."""
    ordered = sorted(set(names), key=lambda n: (-len(n), n))
    if not ordered:
        return []
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in ordered) + r")(?!\w)")
    return [Occurrence(m.start(), m.end(), m.group(0)) for m in pattern.finditer(text)]


def sort_key(name: str) -> tuple[str, str]:
    return (name.casefold(), name)


def initial(name: str) -> str:
    letter = name[:1].upper()
    return letter if letter.isalpha() else "#"
