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

from briefpack.text.knowledge import MONTH_ABBREVIATIONS, MONTH_NAMES, WEEKDAY_NAMES

_MONTHS = {*MONTH_NAMES, *MONTH_ABBREVIATIONS}
_WEEKDAYS = set(WEEKDAY_NAMES)
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
    "Is", "Are", "Was", "Were", "Be", "Has", "Have", "Had", "Will", "Would", "Can", "Could", "May",
}
_SKIP = _MONTHS | _WEEKDAYS | _COMMON
# Offices before a person's name: "French President Emmanuel Macron" is indexed as "Emmanuel
# Macron". A personal title goes whenever a capitalised word follows it ("Minister Cavusoglu", but
# "Minister of Defense" stays whole); a word that also starts organisations' names goes only when
# two words are left, so "General Assembly" stays whole.
_PERSONAL_TITLES = {
    "President", "Minister", "Secretary", "Chairman", "Mayor", "King", "Prince", "Sheikh", "Colonel",
    "Envoy", "Ambassador", "Senator", "Chancellor", "Lieutenant", "Admiral", "Spokesman", "Spokeswoman",
    "Captain", "Sergeant", "Representative", "Commander", "Marshal", "Governor",
}
_OFFICE_WORDS = {"Prime", "Foreign", "Defense", "Defence", "Interior", "Affairs", "State", "General", "Field",
                 "Special", "Major", "Deputy", "Vice", "Chief", "Director", "Leader"}
_TITLES = _PERSONAL_TITLES | _OFFICE_WORDS
# Lower-case words that may sit inside a name: "Government of National Accord", "Bashar al-Assad".
# "and" is left out: "Russia and Turkey" is two names.
_JOINERS = {"of", "the", "for", "de", "al", "el", "bin", "ibn", "von", "van", "der", "du", "la"}
# Nouns that head a name "of" continues: "Russian Ministry of Defense", "International Court of
# Justice", "United States of America". Two capitalised words before "of" with none of these are a
# person, and what follows is where they work: "Kenneth Roth of Human Rights Watch" is two names.
_HEADS = {
    "Ministry", "Ministries", "Department", "Office", "Council", "Committee", "Commission", "Government",
    "House", "Chamber", "Court", "Tribunal", "Cabinet", "Presidency", "Bank", "University", "School",
    "College", "Institute", "Academy", "Republic", "Kingdom", "Emirate", "Emirates", "Sultanate", "States",
    "State", "Union", "League", "Federation", "Organisation", "Organization", "Association", "Society",
    "Agency", "Authority", "Board", "Bureau", "Assembly", "Parliament", "Congress", "Senate", "Party",
    "Front", "Movement", "Alliance", "Coalition", "Army", "Forces", "Force", "Guard", "Corps", "Command",
    "Chiefs", "Staff", "Service", "Services", "Division", "Brigade", "Battalion", "Regiment", "Group",
    "Company", "Corporation", "Centre", "Center", "Foundation", "Fund", "Embassy", "Consulate", "Mission",
    "Conference", "Summit", "Forum", "Treaty", "Convention", "Declaration", "Agreement", "Memorandum",
    "Memorandums", "Charter", "Act", "Law", "Resolution", "Protocol", "Process", "Programme", "Program",
    "Plan", "Initiative", "Operation", "Campaign", "Battle", "Siege", "War", "Islands", "Isles", "Sea",
    "Gulf", "Bay", "Strait", "Straits", "Cape", "Mount", "Lake", "River", "Port", "City", "Province",
    "Region", "Governorate", "District", "Church", "Order",
}
# Endings that make an adjective of a name already found: Libya -> Libyan, Islam -> Islamic.
_DEMONYM_ENDINGS = ("n", "an", "ian", "ish", "ic", "i", "ese")

_UPPER = "A-ZÀ-ÖØ-Þ" + "".join(chr(c) for c in range(0x100, 0x250) if chr(c).isupper())
_WORD = rf"(?:[{_UPPER}][\w'’.-]*\w|[{_UPPER}])"
# "the" joins only after of/for ("Ministry of the Interior"): "in Tripoli the GNA said" is two names.
_JOIN = r"(?:(?:of|for)(?:\s+the)?|de|al|el|bin|ibn|von|van|der|du|la)"
_RUN = re.compile(rf"{_WORD}(?:(?:\s+{_JOIN})*\s+{_WORD})*")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]['\"”’)]?\s+|[\"“]\s*)$")
# A word that ends a name inside itself: "Haftar's", "Kremlin-backed", "UN-recognized".
_NAME_END = re.compile(r"^(.*?\w)(?:['’]s?|-[a-z][\w-]*)$")


@dataclass(frozen=True)
class Occurrence:
    start: int
    end: int
    name: str


@dataclass(frozen=True)
class Run:
    """Capitalised words that may form a name, with where it stands."""

    start: int
    end: int
    words: tuple[str, ...]
    sentence_initial: bool

    @property
    def name(self) -> str:
        return " ".join(self.words)


def candidate_runs(text: str) -> list[Run]:
    """Runs of capitalised words, split at possessives, with openers, offices and dates trimmed."""
    runs = []
    for match in _RUN.finditer(text):
        initial = bool(_SENTENCE_START.search(text[:match.start()]))
        for part in (part for piece in _pieces(match) for part in _split_at_of(piece)):
            run = _trim(part, initial)
            if run:
                runs.append(run)
            initial = False  # only the first piece can open the sentence
    return runs


def _pieces(match: re.Match) -> list[list[tuple[int, str]]]:
    pieces: list[list[tuple[int, str]]] = [[]]
    for word in re.finditer(r"\S+", match.group(0)):
        start, text = match.start() + word.start(), word.group(0)
        ending = _NAME_END.match(text)
        if text in _COMMON and pieces[-1]:
            pieces.append([])  # a headline in title case: "Russia Is Capitalizing on the West"
        elif ending:
            pieces[-1].append((start, ending.group(1)))
            pieces.append([])
        else:
            pieces[-1].append((start, text.rstrip(".") if text.count(".") == 1 else text))
    return pieces


def _split_at_of(words: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """A person "of" an organisation as two runs; a name headed by an institution stays whole."""
    for index, (_, word) in enumerate(words):
        if word in ("of", "for"):
            before = [w for _, w in words[:index] if w not in _JOINERS]
            if len(before) >= 2 and not any(w in _HEADS or w in _TITLES for w in before):
                return [words[:index], *_split_at_of(words[index + 1:])]
            break
    return [words]


def _trim(words: list[tuple[int, str]], initial: bool) -> Run | None:
    def droppable(index: int) -> bool:
        word = words[index][1]
        return word in _SKIP or word in _JOINERS

    while words and droppable(0):
        words = words[1:]
        initial = False  # "In Tripoli": what is left no longer opens the sentence
    while words and droppable(-1):
        words = words[:-1]
    while len(words) > 1 and (words[0][1] in _TITLES or words[1][1] in _TITLES):
        rest = words[1:]
        personal = words[0][1] in _PERSONAL_TITLES or (words[1][1] in _PERSONAL_TITLES and len(rest) > 1)
        if rest[0][1] in _JOINERS or not (personal or len(rest) >= 2):
            break
        words, initial = rest, False
    if len(words) >= 5 and words[0][1] in _PERSONAL_TITLES and words[1][1] == "of" and words[-3][1] not in _JOINERS:
        # "Minister of Foreign Affairs Mikhail Bogdanov": a person after an office and what it is of.
        person = words[-2:]
        if not any(w in _HEADS or w in _TITLES or w in _JOINERS for _, w in person):
            words, initial = person, False
    if not words:
        return None
    last = words[-1]
    return Run(words[0][0], last[0] + len(last[1]), tuple(w for _, w in words), initial)


def find_names(texts: Iterable[str], actors: Sequence[str] = ()) -> tuple[str, ...]:
    """The index's names: actors that occur, multiword names, and single names recurring twice or more.

    A word capitalised only because it opens a sentence ("Analysts said") is
    not a name: a sentence's first word counts only if it is also found
    capitalised mid-sentence somewhere. Adjectives made from a name found
    elsewhere (Libyan, Islamic) are left out.
    """
    texts = list(texts)
    runs = [run for text in texts for run in candidate_runs(text)]
    mid_sentence = {w for run in runs for i, w in enumerate(run.words) if i or not run.sentence_initial}
    multiword: set[str] = set()
    single: Counter[str] = Counter()
    for run in runs:
        words = list(run.words)
        if run.sentence_initial and words[0] not in mid_sentence:
            words.pop(0)
            while words and words[0] in _JOINERS:
                words.pop(0)
        if len(words) > 1:
            multiword.add(" ".join(words))
        elif words and len(words[0]) > 1:
            single[words[0]] += 1
    capitalised = {w for run in runs for w in run.words}
    recurring = {name for name, count in single.items() if count >= 2 and not _demonym(name, capitalised)}
    joined = "\n".join(texts)
    found = {actor for actor in actors if re.search(rf"(?<!\w){re.escape(actor)}(?!\w)", joined)}
    return tuple(sorted(multiword | recurring | found, key=sort_key))


def _demonym(word: str, capitalised: set[str]) -> bool:
    return any(word[:-len(end)] in capitalised and len(word) - len(end) >= 4
               for end in _DEMONYM_ENDINGS if word.endswith(end))


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
