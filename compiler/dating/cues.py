"""Which way an underspecified date points, read from the reporter's clause.

"The judge said the trial would open on 3 May" speaks of a coming 3 May although "said" is
past: the tense of the reporting verb is not the tense of the event, the clause around the date
is. Markers (modals and verbs of plans, schedules and expectations; past forms; infinitives of
intention) are found once per text, and each date reads the one closest before it in its clause.
With no marker the caller falls back on the occurrence nearest the document date.

Everything here is computed once per text and looked up by bisection, so tagging stays linear
in the length of the text however many dates it holds.
"""

from __future__ import annotations

import bisect
import re

from briefpack.text.sentences import sentence_starts

_CLAUSE_BREAK = re.compile(
    r"[,;:](?!\d)|[()\"“”–—]|\b(?:and|but|while|whereas|although|though|because|that|which|who)\b"
)
# The reporter's clause, not the reporting verb, decides which way an
# underspecified date points: "the judge said the trial would open on 3 May"
# speaks of a coming 3 May although "said" is past.  Markers are read in the
# clause around the expression and the one closest before it wins; a strong
# marker (a modal, a plan, a past form) beats a weak one (an infinitive, "until").
_FUTURE = (
    r"will|shall|won't|would|could|should|must|might|(?-i:may)|going\s+to|expects?|expected|expecting"
    r"|scheduled|schedule|slated|planned|plans?|planning|intends?|intended|due|deadline|set\s+(?:to|for)"
    r"|upcoming|forthcoming|aims?\s+to|hopes?\s+to|(?<!the\s)next|'ll|(?:is|are)\s+to(?=\s+[a-z])"
    # verbs that announce something to come: "signalled a cut in September"
    r"|signall?ed|hinted|forecast|predicted|projected|promised|pledged|vowed|threatened"
)
# The present tense of a schedule: "the Games close on 23 February", "voters go to the polls".
_SCHEDULE = (
    r"takes?\s+place|expires?|opens?|closes?|begins?|starts?|ends?|resumes?|reopens?|meets?|runs?"
    r"|takes?\s+effect|comes?\s+into\s+force|goes|go|votes?|returns?|arrives?|flies|fly|plays?"
    r"|testif(?:y|ies)|appears?|faces?|visits?|launch(?:es)?|travels?"
)
_PAST_WORDS = (
    r"was|were|had|did|been|ago|since|[a-z]+[a-df-z]ed|began|became|came|went|took|made"
    r"|met|held|gave|won|lost|left|sent|spent|struck|led|paid|sold|bought|brought|thought|found|got"
    r"|ran|saw|fell|rose|grew|drew|fled|fought|wrote|spoke|broke|chose|knew"
    r"|kept|meant|felt|stood|agreed|freed|sought|caught|built|sank|threw|flew|withdrew"
    r"|fallen|risen|grown|begun|done|gone|seen|taken"
)
# Past forms that are also nouns or present forms ("a further cut", "a hit") count only when no
# other marker is in the clause.
_WEAK_PAST_WORDS = r"cut|hit|shut|spread|cast|beat|quit|shed|split|upset|bid|set"
# "usually finished by early August" says nothing about which August.
_HABITUAL = r"normally|usually|typically|generally|traditionally|often|always"
# Case-sensitive past forms on purpose: "[a-z]+ed" must not take "United" for a verb.
_MARKER = re.compile(
    rf"\b(?:(?P<future>(?i:{_FUTURE})|{_SCHEDULE})|(?P<past>{_PAST_WORDS})"
    rf"|(?P<habitual>{_HABITUAL})|(?P<weak>{_WEAK_PAST_WORDS}))\b"
)
_SCHEDULE_VERB = re.compile(_SCHEDULE)
# Nouns that point ahead whatever their determiner: "a new deadline of 12 April".
_FORWARD_NOUNS = re.compile(r"(?i)deadline|due\s+date|target\s+date")
# A word after a determiner is a noun: "the plan", "a further cut", "its return".
_DETERMINER_BEFORE = re.compile(
    r"(?i)\b(?:the|a|an|its|their|his|her|our|your|this|that|these|those|further|new|first|final|another"
    r"|possible|planned|no)\s+\Z"
)
# Auxiliaries between a future marker and a participle: "will be held", "should have been cut".
_VERB_GROUP_GAP = re.compile(
    r"(?i)\A(?:\s+(?:be|been|have|has|not|n't|also|now|still|then|soon|again|"
    r"probably|only|finally|formally|\w+ly))*\s+\Z"
)
# A verb that says who reported something dates the report, not the event it reports, unless the
# expression follows it directly: "said Monday", "told reporters on Friday".
_REPORTING = r"said|says|told|tells|added|announced|reported|stated|confirmed|noted|wrote|insisted|warned|explained"
_SPEECH_ACTS = r"signall?ed|hinted|forecast|predicted|projected|promised|pledged|vowed|threatened"
_REPORTED_BEFORE = re.compile(
    rf"\b(?:{_REPORTING}|{_SPEECH_ACTS})(?:\s+(?:reporters|journalists|lawmakers|parliament"
    rf"|congress|senators|investors|analysts|supporters|viewers|listeners))?"
    rf"\s+(?:on\s+|in\s+)?\Z"
)
_NOT_MARKERS = re.compile(rf"\A(?:{_REPORTING})\Z")
_REPORTING_WORD = re.compile(rf"\b(?:{_REPORTING})\b")
# An infinitive looks ahead ("a subpoena for the boy to testify on 10 February", "ordered it to
# hand over its records by 27 March"), except after a past verb of motion or change ("returned to
# court on Monday") and in fixed phrases ("according to", "due to").
_INFINITIVE = re.compile(r"(?P<head>(?:\b\w+\s+){1,5}?)to\s+(?!the\b|a\b|an\b|its?\b|their\b|his\b|her\b|\d)[a-z]+\b")
# Words of intention or obligation that govern an infinitive a few words on.
_INTENTION = frozenset(
    """
agreed agrees agree decided decides asked asks ordered orders told tells expected expects scheduled planned plans
plan promised promises pledged vowed hoped hopes wanted wants intended intends aimed aims prepared prepares
invited summoned urged called subpoenaed subpoena order orders summons slated set due ready
preparing likely going deadline request invitation motion
""".split()
)
_WEAK_FUTURE = re.compile(r"(?i)\b(?:until|till|as\s+early\s+as|as\s+soon\s+as|in\s+time\s+for|ahead\s+of)\s+\Z")


Marker = tuple[int, str, int]  # (start, kind, end); kind is future, past, habitual or weak


class Cues:
    """The sentences, clause breaks and tense markers of one text."""

    def __init__(self, text: str):
        self.text = text
        self.sentence_starts = sentence_starts(text, line_breaks=True)
        self.breaks = [(m.start(), m.end()) for m in _CLAUSE_BREAK.finditer(text)]
        self._break_starts = [b[0] for b in self.breaks]
        self.markers = _markers(text)
        self._marker_starts = [m[0] for m in self.markers]
        self.reporting = [(m.start(), "past", m.end()) for m in _REPORTING_WORD.finditer(text)]
        self._reporting_starts = [m[0] for m in self.reporting]

    def sentence_index(self, pos: int) -> int:
        return bisect.bisect_right(self.sentence_starts, pos) - 1

    def sentence(self, pos: int) -> tuple[int, int]:
        index = self.sentence_index(pos)
        end = self.sentence_starts[index + 1] if index + 1 < len(self.sentence_starts) else len(self.text)
        return self.sentence_starts[index], end

    def tense(self, start: int, end: int, *, has_day: bool = False) -> str | None:
        """ "past", "future" or None (no cue) for the expression text[start:end]."""
        text = self.text
        sentence_start, sentence_end = self.sentence(start)
        clause_start, clause_end = self._clause(start, end, sentence_start, sentence_end)
        before = text[clause_start:start]
        if _REPORTED_BEFORE.search(before):
            return "past"
        if has_day and re.search(r"\bfor\s+\Z", before):
            return "future"  # "set a hearing for April 6", "called a strike for 15 March"
        markers = self._between(clause_start, clause_end)
        strong = [m for m in markers if m[1] != "weak"] or markers
        preceding = [m for m in strong if m[0] < start]
        if preceding:
            return _marker_tense(preceding, text)
        if _WEAK_FUTURE.search(before):
            return "future"
        following = [m for m in strong if m[0] >= end]
        if following:
            return _marker_tense(following[:1], text)
        rest = before + " " + text[end:clause_end]
        if len(re.findall(r"\w+", rest)) > 1:
            return None  # a clause of its own with no marker: present tense
        # A phrase detached at the head of its sentence ("On 26 May, the league announced ...")
        # takes the tense of the nearest marker in its sentence, reporting verbs included.
        nearest = self._between(sentence_start, sentence_end, reporting=True)
        nearest.sort(key=lambda m: abs(m[0] - start))
        return _marker_tense(nearest[:1], text) if nearest else None

    def reported(self, start: int, end: int) -> str | None:
        """ "past" when a reporting verb stands in the expression's clause, else None."""
        sentence_start, sentence_end = self.sentence(start)
        clause_start, clause_end = self._clause(start, end, sentence_start, sentence_end)
        lo = bisect.bisect_left(self._reporting_starts, clause_start)
        return "past" if lo < len(self.reporting) and self.reporting[lo][0] < clause_end else None

    def _clause(self, start: int, end: int, sentence_start: int, sentence_end: int) -> tuple[int, int]:
        index = bisect.bisect_left(self._break_starts, start)
        previous = [b[1] for b in self.breaks[max(0, index - 3) : index] if b[1] <= start]
        clause_start = max([sentence_start, *previous])
        following = [b[0] for b in self.breaks[index : index + 3] if b[0] >= end]
        # "Thursday, when 40 people were arrested": the relative clause after a date is its own.
        if re.match(r",\s+when\b", self.text[end : end + 12]):
            following = following[1:]
        clause_end = min([sentence_end, *following[:1]])
        return clause_start, clause_end

    def _between(self, start: int, end: int, *, reporting: bool = False) -> list[Marker]:
        found = self.markers[
            bisect.bisect_left(self._marker_starts, start) : bisect.bisect_left(self._marker_starts, end)
        ]
        if reporting:
            found = sorted(
                found
                + self.reporting[
                    bisect.bisect_left(self._reporting_starts, start) : bisect.bisect_left(self._reporting_starts, end)
                ]
            )
        return list(found)


def _markers(text: str) -> list[Marker]:
    """The tense markers of the whole text, in order."""
    markers = []
    for m in _MARKER.finditer(text):
        if _NOT_MARKERS.match(m.group(0)):
            continue
        if _DETERMINER_BEFORE.search(text, max(0, m.start() - 30), m.start()) and not (
            _FORWARD_NOUNS.fullmatch(m.group(0))
        ):
            continue  # a noun: "the plan", "a further cut"
        if _SCHEDULE_VERB.fullmatch(m.group(0)) and re.search(r"\bto\s+\Z", text[max(0, m.start() - 4) : m.start()]):
            continue  # an infinitive ("the first to arrive"): the intention before it, if any, decides
        markers.append((m.start(), m.lastgroup or "", m.end()))
    for m in _INFINITIVE.finditer(text):
        if _INTENTION.intersection(m.group("head").lower().split()):
            markers.append((m.end("head"), "future", m.end()))
    return sorted(markers)


def _marker_tense(markers: list[Marker], text: str) -> str | None:
    """The tense of the last marker; a participle after a future auxiliary is future ("will be held")."""
    position, kind, marker_end = markers[-1]
    if kind in ("past", "weak") and re.search(rf"\b(?:{_HABITUAL})\s+\Z", text[max(0, position - 20) : position]):
        return None  # "normally finished by early August": a habit, not a past event
    if kind in ("past", "weak") and not re.fullmatch(r"(?i)was|were|had|did", text[position:marker_end]):
        for earlier_start, earlier_kind, earlier_end in reversed(markers[:-1]):
            if not _VERB_GROUP_GAP.match(text[earlier_end:position]):
                break
            if earlier_kind == "future":
                return "future"
            position = earlier_start
    return {"future": "future", "past": "past", "weak": "past"}.get(kind)
