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
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from briefpack.text.knowledge import MONTH_ABBREVIATIONS, MONTH_NAMES, WEEKDAY_NAMES

_MONTHS = {*MONTH_NAMES, *MONTH_ABBREVIATIONS}
_WEEKDAYS = set(WEEKDAY_NAMES)
# Capitalised function words and sentence openers that are never names on their own.
_COMMON = {
    "A",
    "An",
    "The",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "Their",
    "They",
    "Them",
    "Then",
    "It",
    "Its",
    "He",
    "She",
    "His",
    "Her",
    "We",
    "Our",
    "You",
    "Your",
    "I",
    "In",
    "On",
    "At",
    "By",
    "For",
    "From",
    "To",
    "Of",
    "With",
    "Without",
    "As",
    "And",
    "But",
    "Or",
    "Nor",
    "So",
    "Yet",
    "If",
    "When",
    "While",
    "Where",
    "Whereas",
    "Although",
    "Though",
    "Because",
    "Since",
    "After",
    "Before",
    "During",
    "Despite",
    "However",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Dr.",
    "Miss",
    "Prof",
    "Prof.",
    "Rev",
    "Rev.",
    "Sir",
    "Dame",
    "Lord",
    "Lady",
    "Moreover",
    "Meanwhile",
    "Furthermore",
    "Also",
    "Thus",
    "Still",
    "Such",
    "Some",
    "Many",
    "Most",
    "Other",
    "Both",
    "Each",
    "All",
    "Any",
    "No",
    "Not",
    "Nevertheless",
    "Instead",
    "Under",
    "Over",
    "According",
    "Last",
    "Next",
    "Earlier",
    "Later",
    "Today",
    "Yesterday",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "What",
    "Which",
    "Who",
    "Why",
    "How",
    "Following",
    "Given",
    "Unlike",
    "Like",
    "Until",
    "Among",
    "Between",
    "Through",
    "Beyond",
    "Against",
    "Within",
    "Amid",
    "Here",
    "Now",
    "One",
    "Two",
    "Three",
    "First",
    "Second",
    "Is",
    "Are",
    "Was",
    "Were",
    "Be",
    "Has",
    "Have",
    "Had",
    "Will",
    "Would",
    "Can",
    "Could",
    "May",
}
_SKIP = _MONTHS | _WEEKDAYS | _COMMON
# Offices before a person's name: "French President Emmanuel Macron" is indexed as "Emmanuel
# Macron". A personal title goes whenever a capitalised word follows it ("Minister Cavusoglu", but
# "Minister of Defense" stays whole); a word that also starts organisations' names goes only when
# two words are left, so "General Assembly" stays whole.
_PERSONAL_TITLES = {
    "President",
    "Minister",
    "Secretary",
    "Chairman",
    "Mayor",
    "King",
    "Prince",
    "Sheikh",
    "Colonel",
    "Envoy",
    "Ambassador",
    "Senator",
    "Chancellor",
    "Lieutenant",
    "Admiral",
    "Spokesman",
    "Spokeswoman",
    "Captain",
    "Sergeant",
    "Representative",
    "Commander",
    "Marshal",
    "Governor",
    "Commissioner",
    "Judge",
    "Justice",
    "Attorney",
    "Pope",
    "Bishop",
    "Cardinal",
    "Rabbi",
    "Imam",
    "Sheriff",
    "Inspector",
    "Detective",
    "Professor",
    "Congressman",
    "Congresswoman",
    "Councillor",
    "Councilman",
    "Councilwoman",
    "Superintendent",
    "Sen",
    "Rep",
    "Gov",
    "Gen",
    "Col",
    "Lt",
    "Sgt",
    "Capt",
    "Adm",
    "Maj",
    "Cmdr",
    "Insp",
    "Supt",
}
_OFFICE_WORDS = {
    "Crown",
    "Prime",
    "Foreign",
    "Defense",
    "Defence",
    "Interior",
    "Affairs",
    "State",
    "General",
    "Field",
    "Special",
    "Major",
    "Deputy",
    "Vice",
    "Chief",
    "Director",
    "Leader",
}
_TITLES = _PERSONAL_TITLES | _OFFICE_WORDS
# Lower-case words that may sit inside a name: "Government of National Accord", "Bashar al-Assad".
# "and" is left out: "Russia and Turkey" is two names.
_JOINERS = {"of", "the", "for", "and", "&", "de", "al", "el", "bin", "ibn", "von", "van", "der", "du", "la"}
# Nouns that head a name "of" continues: "Russian Ministry of Defense", "International Court of
# Justice", "United States of America". Two capitalised words before "of" with none of these are a
# person, and what follows is where they work: "Kenneth Roth of Human Rights Watch" is two names.
_HEADS = {
    "Ministry",
    "Ministries",
    "Department",
    "Office",
    "Council",
    "Committee",
    "Commission",
    "Government",
    "House",
    "Chamber",
    "Court",
    "Tribunal",
    "Cabinet",
    "Presidency",
    "Bank",
    "University",
    "School",
    "College",
    "Institute",
    "Academy",
    "Republic",
    "Kingdom",
    "Emirate",
    "Emirates",
    "Sultanate",
    "States",
    "State",
    "Union",
    "League",
    "Federation",
    "Organisation",
    "Organization",
    "Association",
    "Society",
    "Agency",
    "Authority",
    "Board",
    "Bureau",
    "Assembly",
    "Parliament",
    "Congress",
    "Senate",
    "Party",
    "Front",
    "Movement",
    "Alliance",
    "Coalition",
    "Army",
    "Forces",
    "Force",
    "Guard",
    "Corps",
    "Command",
    "Chiefs",
    "Staff",
    "Service",
    "Services",
    "Division",
    "Brigade",
    "Battalion",
    "Regiment",
    "Group",
    "Company",
    "Corporation",
    "Centre",
    "Center",
    "Foundation",
    "Fund",
    "Embassy",
    "Consulate",
    "Mission",
    "Conference",
    "Summit",
    "Forum",
    "Treaty",
    "Convention",
    "Declaration",
    "Agreement",
    "Memorandum",
    "Memorandums",
    "Charter",
    "Act",
    "Law",
    "Resolution",
    "Protocol",
    "Process",
    "Programme",
    "Program",
    "Plan",
    "Initiative",
    "Operation",
    "Campaign",
    "Battle",
    "Siege",
    "War",
    "Islands",
    "Isles",
    "Sea",
    "Gulf",
    "Bay",
    "Strait",
    "Straits",
    "Cape",
    "Mount",
    "Lake",
    "River",
    "Port",
    "City",
    "Province",
    "Region",
    "Governorate",
    "District",
    "Church",
    "Order",
}
# A sentence's first word with these endings is a verb or an adverb ("Advancing Haftar's troops").
_VERB_ENDINGS = ("ing", "ed", "ly")
# Endings that make an adjective of a name already found: Libya -> Libyan, Islam -> Islamic.
_DEMONYM_ENDINGS = ("n", "an", "ian", "ish", "ic", "i", "ese", "ns", "ans", "ians", "is")
_STEM = 4  # letters a demonym shares with its name at least: "Turk-ish", "Turk-ey"

_UPPER = "A-ZÀ-ÖØ-Þ" + "".join(chr(c) for c in range(0x100, 0x250) if chr(c).isupper())
# Abbreviations keep their full stops ("U.S.", "J.L."); a lone initial does inside a name ("John F. Kennedy").
# A particle joined by a hyphen is part of the name it precedes: "Fayez al-Serraj", "Ibn el-Amin".
_WORD = (
    rf"(?:(?:[{_UPPER}]\.){{2,}}|[{_UPPER}]\.(?=\s+[{_UPPER}][a-z])|[{_UPPER}][\w'’.-]*\w|[{_UPPER}]"
    rf"|(?<=\s)(?:al|el|bin|ibn|abu|ul|ad|as|ash|at|az)-[{_UPPER}][\w'’.-]*\w)"
)
# "the" joins only after of/for ("Ministry of the Interior"): "in Tripoli the GNA said" is two names.
# "and" joins here and is undone later unless an institution heads the whole ("Immigration and
# Naturalization Service"): "Russia and Turkey" is two names.
_JOIN = r"(?:(?:of|for)(?:\s+the)?|and|&|de|al|el|bin|ibn|von|van|der|du|la)"
# A name does not start inside a word or a compound: "anti-Castro" holds no name "Castro ...".
_RUN = re.compile(rf"(?<![\w'’.-]){_WORD}(?:(?:\s+{_JOIN})*\s+{_WORD})*")
# "Rep. Dan Burton": the full stop of an abbreviated title does not end a sentence.
_ABBREVIATED_TITLE = re.compile(
    r"(?<![\w.])(?:Mr|Mrs|Ms|Dr|Prof|Rev|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Capt|Adm|Maj|Cmdr|St)\.\s+$"
)
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]['\"”’)]?\s+|[\"“]\s*)$")
_LOOK_BACK = 40  # characters before a run that can hold what opens a sentence or a title's full stop
# A capitalised run followed by a colon and a number or a bracket is a label in a list or table.
_LABEL_AFTER = re.compile(r"\s*:\s*[\d(]")
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
        if _LABEL_AFTER.match(text, match.end()):
            continue  # "Total Dead: 192", "Missing: 4": a list's label, not a name
        # Only the last few characters before the run decide; searching them alone keeps this linear.
        window = (text, max(0, match.start() - _LOOK_BACK), match.start())
        initial = bool(_SENTENCE_START.search(*window)) and not _ABBREVIATED_TITLE.search(*window)
        pieces = (part for piece in _pieces(match) for whole in _split_at_and(piece) for part in _split_at_of(whole))
        for piece in pieces:
            run = _trim(piece, initial)
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
            initial_letter = len(text) == 2 and text.endswith(".")
            pieces[-1].append((start, text.rstrip(".") if text.count(".") == 1 and not initial_letter else text))
    return pieces


def _split_at_and(words: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """Names joined by "and" are two names, unless one institution's noun ends the whole run
    ("Immigration and Naturalization Service", but "Arab League and African Union")."""
    joins = [i for i, (_, w) in enumerate(words) if w in ("and", "&")]
    if not joins or (words[-1][1] in _HEADS and not any(w in _HEADS for _, w in words[: joins[-1]])):
        return [words]
    parts: list[list[tuple[int, str]]] = [[]]
    for start, word in words:
        if word in ("and", "&"):
            parts.append([])
        else:
            parts[-1].append((start, word))
    return [part for part in parts if part]


def _split_at_of(words: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """A person "of" an organisation as two runs; a name headed by an institution stays whole."""
    for index, (_, word) in enumerate(words):
        if word in ("of", "for"):
            before = [w for _, w in words[:index] if w not in _JOINERS]
            if len(before) >= 2 and not any(w in _HEADS or w in _TITLES for w in before):
                return [words[:index], *_split_at_of(words[index + 1 :])]
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

    A word capitalised only because it opens a sentence ("Analysts said",
    "Good for ...") is not a name: a sentence's first word that is alone or
    followed by "of", "for" and the like counts only if it is also found
    capitalised mid-sentence; and no first word counts that the texts write in
    lower case as often. A single-word name must pass that last test too
    ("Nothing", "Immigration"). Adjectives made
    from a name found elsewhere (Libyan, Islamic) are left out, and so are
    short codes in capitals that never stand inside a sentence (a wire
    service's "LR" at a story's foot).
    """
    texts = list(texts)
    runs = [run for text in texts for run in candidate_runs(text)]
    capitalised_mid = Counter(w for run in runs for i, w in enumerate(run.words) if i or not run.sentence_initial)
    lower = Counter(w for text in texts for w in _LOWER_WORD.findall(text))

    def common(word: str) -> bool:
        return lower[word.casefold()] >= max(1, capitalised_mid[word])

    multiword: set[str] = set()
    single = Counter[str]()
    for run in runs:
        words = list(run.words)
        opener = not capitalised_mid[words[0]] and (
            len(words) == 1 or words[1] in _JOINERS or words[0].endswith(_VERB_ENDINGS)
        )
        if run.sentence_initial and (common(words[0]) or opener):
            trimmed = _trim([(0, w) for w in words[1:]], False)
            words = list(trimmed.words) if trimmed else []
        if all(w in _TITLES for w in words):
            continue  # an office with no one named: "Special Envoy", "Prime Minister"
        if len(words) > 1:
            multiword.add(" ".join(words))
        elif words and len(words[0]) > 1:
            single[words[0]] += 1
    capitalised: dict[str, set[str]] = {}  # by their first letters, to find a name's other forms
    for run in runs:
        for w in run.words:
            capitalised.setdefault(w[:_STEM], set()).add(w)
    joined = "\n".join(texts)
    recurring = {
        name
        for name, count in single.items()
        if count >= 2 and not _demonym(name, capitalised) and not common(name) and _stands_in_text(name, joined)
    }
    found = {actor for actor in actors if re.search(rf"(?<!\w){re.escape(actor)}(?!\w)", joined)}
    multiword = {name for name in multiword if _stands_in_text(name, joined)}
    return tuple(sorted(multiword | recurring | found, key=sort_key))


_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z'’]*(?![\w-])")


def _stands_in_text(name: str, text: str) -> bool:
    """A short code in capitals is a name only where it stands inside a sentence, next to a lower-case word."""
    if not all(w.isupper() and len(w) <= 3 for w in name.split()):
        return True
    word = re.escape(name)
    return bool(re.search(rf"(?:[a-z],?\s+{word}(?!\w)(?!\s*$))|(?:(?<!\w){word}['’]?s?\s+[a-z])", text, re.MULTILINE))


def merge_names(
    names: Sequence[str], actors: Sequence[str] = (), aliases: Sequence[tuple[str, str]] = (), text: str = ""
) -> tuple[tuple[str, ...], dict[str, str]]:
    """The index's entries and the variants that stand for them.

    A manifest alias stands for its actor; a surname found alone stands for
    the one full name in the pack that ends with it ("Castro" for "Fidel
    Castro", the manifest's "Bill Clinton" for a text that says "Clinton"), but
    not where two people share it. ``text`` is the pack's, to find the actors
    named only by an alias or a surname.
    """
    variants: dict[str, str] = {}
    written = set(_TEXT_WORD.findall(text))  # one pass over the text, not one per name
    for alias, actor in aliases:
        if alias != actor and all(word in written for word in alias.split()):
            variants[alias] = actor
    people = {n for n in (*names, *actors) if _person_like(n)}
    by_surname: dict[str, set[str]] = {}
    for person in people:
        surname = person.split()[-1]
        by_surname.setdefault(surname, set()).add(person)
        if "-" in surname and surname.split("-")[0].islower():  # "al-Serraj" is also "Serraj"
            by_surname.setdefault(surname.split("-", 1)[1], set()).add(person)
    for surname, holders in by_surname.items():
        if len(holders) == 1 and surname not in variants and (surname in names or surname in written):
            variants[surname] = next(iter(holders))
    named = set(names) | {actor for actor in actors if actor in variants.values()}
    entries = {variants.get(n, n) for n in named}
    return tuple(sorted(entries, key=sort_key)), variants


_TEXT_WORD = re.compile(r"(?<![\w-])[\w'’.]*\w")


def _person_like(name: str) -> bool:
    words = name.split()
    surname = words[-1].split("-", 1)[-1] if words[-1][:1].islower() else words[-1]
    return (
        2 <= len(words) <= 4
        and not name.isupper()
        and surname[:1].isupper()
        and len(surname) > 2
        and not any(w in _HEADS or w in _TITLES or w in ("of", "for", "and", "&", "the") for w in words)
    )


def _demonym(word: str, capitalised: Mapping[str, set[str]]) -> bool:
    """An adjective or plural made from a name the texts also write: "Libyan" (Libya), "Russians"
    (Russia), "Turkish" (Turkey), "Emirati" (Emirates); but not "Jordan" beside "Jordanian"."""
    if not word.endswith(_DEMONYM_ENDINGS) or len(word) <= _STEM:
        return False
    for other in capitalised.get(word[:_STEM], ()):
        if other == word:
            continue
        if word.startswith(other) and len(other) >= _STEM:
            return True  # the name is the start of the word: Libya -> Libyan
        if not other.startswith(word) and not other.endswith(_DEMONYM_ENDINGS) and other.isalpha():
            return True  # a sibling form that is no adjective: Turkey -> Turkish
    return False


def occurrences(text: str, names: Iterable[str], variants: Mapping[str, str] | None = None) -> list[Occurrence]:
    """Where the names (or their variants) occur in text, longest first, never overlapping, in text order.

    An occurrence carries the name of the entry it belongs to, so "Castro" is found as "Fidel Castro".
    """
    variants = variants or {}
    ordered = sorted(set(names) | set(variants), key=lambda n: (-len(n), n))
    if not ordered:
        return []
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in ordered) + r")(?!\w)")
    return [Occurrence(m.start(), m.end(), variants.get(m.group(0), m.group(0))) for m in pattern.finditer(text)]


def sort_key(name: str) -> tuple[str, str]:
    return (name.casefold(), name)


def initial(name: str) -> str:
    letter = name[:1].upper()
    return letter if letter.isalpha() else "#"
