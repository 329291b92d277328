"""Key points: the few sentences of a chapter a reader should see first.

Extractive, so every word is a source's. A sentence is scored by three things
a careful analyst weighs:

- centrality: its TF-IDF cosine with the chapter's centroid, as in centroid
  summarisers (Radev et al., MEAD): what the chapter is mostly about;
- corroboration: how many other sources state something like it (a sentence
  sharing distinctive words at cosine 0.2 or more), since a fact reported by
  several sources is both more important and better attested;
- position: news and analysis writing put the main point first, so a
  source's early paragraphs and a paragraph's first sentence count more.

Only sentences that read on their own are eligible: not a quotation, not
opened by a pronoun or a connector that points back, not a question, and of
a readable length. Picks are made greedily, skipping a sentence too close to
one already picked, so the points say different things.

The centroid is one pass over the chapter; corroborating sentences are found,
for a shortlist of the most central, through an inverted index over
distinctive words (in at most 64 sentences), so the cost grows with the
chapter's sentences, never with all pairs of them.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from briefpack.analysis.passages import opens_dependent
from briefpack.model import KeyPoint, Paragraph
from briefpack.text.sentences import sentence_starts

CORROBORATION_SIMILARITY = 0.2
SAME_POINT_SIMILARITY = 0.25
MIN_WORDS, MAX_WORDS = 8, 50
# Past the first three, a point far weaker than the best is filler, not a key point.
WEAKEST_SHARE = 0.25
ALWAYS = 3
# A word in more than this share of a chapter's sentences is not distinctive enough to
# link two sentences (it would also make the index's postings grow with the chapter).
COMMON_SHARE = 0.2
MAX_POSTINGS = 64
# Only the sentences that can become key points, the most central and best placed, are checked
# for corroboration: that bounds the cost in a chapter of thousands of sentences.
SHORTLIST = 48
_TOKEN = re.compile(r"[^\W_]+(?:[.,'’-][^\W_]+)*")
_QUOTE_OPEN = "\"“‘'«"
STOP_WORDS = frozenset(
    """
a about above across after again against all along also although am among an and another any are around as
at be because been before being below between both but by can could did do does doing down during each
either even ever every few for from further had has have having he her here hers herself him himself his
how however i if in including into is it its itself just least less many may meanwhile might more most
much must my neither no nor not now of off on once one only or other others our ours out over own per
rather same several shall she should since so some still such than that the their theirs them then there
therefore these they this those though three through thus to too two under until up upon us very via was
we well were what whatever when where whether which while who whom whose why will with within without
would yet you your said says say told according mr mrs ms
""".split()
)


@dataclass(frozen=True)
class Candidate:
    paragraph: Paragraph
    position: int  # the sentence's index in its paragraph
    text: str
    words: Counter[str]


def content_words(text: str) -> Counter[str]:
    return Counter(w for w in (t.casefold() for t in _TOKEN.findall(text)) if w not in STOP_WORDS and len(w) > 1)


def readable_alone(sentence: str) -> bool:
    words = sentence.split()
    return (
        MIN_WORDS <= len(words) <= MAX_WORDS
        and sentence[0] not in _QUOTE_OPEN
        and not sentence.rstrip("\"”’' ").endswith("?")
        and not opens_dependent(sentence)
    )


def split_sentences(text: str) -> list[str]:
    starts = sentence_starts(text)
    return [piece for piece in (text[a:b].strip() for a, b in zip(starts, [*starts[1:], len(text)])) if piece]


def candidates(paragraphs: Iterable[Paragraph]) -> list[Candidate]:
    found = []
    for paragraph in paragraphs:
        for position, sentence in enumerate(split_sentences(paragraph.text)):
            found.append(Candidate(paragraph, position, sentence, content_words(sentence)))
    return found


def _weights(sentences: Sequence[Candidate]) -> tuple[list[dict[str, float]], dict[str, int]]:
    df = Counter(w for s in sentences for w in s.words)
    n = len(sentences)
    vectors = []
    for s in sentences:
        vector = {w: tf * (math.log((1 + n) / (1 + df[w])) + 1.0) for w, tf in s.words.items()}
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        vectors.append({w: v / norm for w, v in vector.items()})
    return vectors, df


def _cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())


@dataclass(frozen=True)
class Scored:
    candidate: Candidate
    vector: dict[str, float]
    centrality: float
    corroborating: tuple[str, ...]  # other sources that state something like it
    position_weight: float

    @property
    def score(self) -> float:
        return round(self.centrality * math.sqrt(1 + len(self.corroborating)) * self.position_weight, 6)


def score_sentences(paragraphs: Sequence[Paragraph], shortlist: int = SHORTLIST) -> list[Scored]:
    """The eligible sentences most central and best placed, with the sources that corroborate each."""
    sentences = candidates(paragraphs)
    if not sentences:
        return []
    vectors, df = _weights(sentences)
    centroid: dict[str, float] = defaultdict(float)
    for vector in vectors:
        for w, v in vector.items():
            centroid[w] += v / len(vectors)
    norm = math.sqrt(sum(v * v for v in centroid.values())) or 1.0
    centroid = {w: v / norm for w, v in centroid.items()}
    first_ordinal: dict[str, int] = {}
    for p in paragraphs:
        first_ordinal[p.source] = min(first_ordinal.get(p.source, p.ordinal), p.ordinal)
    centrality = [_cosine(vector, centroid) for vector in vectors]
    positions = [
        (1.0 / math.sqrt(1 + s.paragraph.ordinal - first_ordinal[s.paragraph.source]))
        * (1.0 if s.position == 0 else 0.8)
        for s in sentences
    ]
    eligible = sorted(
        (i for i, s in enumerate(sentences) if readable_alone(s.text)), key=lambda i: (-centrality[i] * positions[i], i)
    )[:shortlist]
    limit = max(2, min(COMMON_SHARE * len(sentences), MAX_POSTINGS))
    postings: dict[str, list[int]] = defaultdict(list)
    for index, s in enumerate(sentences):
        for w in s.words:
            if df[w] <= limit:
                postings[w].append(index)
    scored = []
    for index in eligible:
        s = sentences[index]
        others = {j for w in s.words if df[w] <= limit for j in postings[w]}
        sources = sorted(
            {
                sentences[j].paragraph.source
                for j in others
                if sentences[j].paragraph.source != s.paragraph.source
                and _cosine(vectors[index], vectors[j]) >= CORROBORATION_SIMILARITY
            }
        )
        scored.append(Scored(s, vectors[index], centrality[index], tuple(sources), positions[index]))
    return scored


def select_key_points(paragraphs: Sequence[Paragraph], count: int, chapter: str = "") -> tuple[KeyPoint, ...]:
    """Up to ``count`` key points, best first; the same paragraphs always give the same points."""
    scored = score_sentences(paragraphs)
    scored.sort(
        key=lambda s: (-s.score, s.candidate.paragraph.source, s.candidate.paragraph.ordinal, s.candidate.position)
    )
    picked: list[Scored] = []
    for s in scored:
        if len(picked) == count or (len(picked) >= ALWAYS and s.score < WEAKEST_SHARE * scored[0].score):
            break
        if all(_cosine(s.vector, p.vector) < SAME_POINT_SIMILARITY for p in picked):
            picked.append(s)
    return tuple(
        KeyPoint(
            text=s.candidate.text,
            anchor=s.candidate.paragraph.anchor,
            chapter=chapter,
            sources=tuple(
                dict.fromkeys(
                    (
                        s.candidate.paragraph.source,
                        *s.corroborating,
                        *(d.source for d in s.candidate.paragraph.duplicates),
                    )
                )
            ),
            score=s.score,
            centrality=round(s.centrality, 4),
            corroboration=len(s.corroborating),
            position=round(s.position_weight, 4),
        )
        for s in picked
    )
