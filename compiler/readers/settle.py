"""Read and clean each source, and settle its metadata.

The manifest's word wins; where it is silent, what the file states about
itself (a web page's metadata) fills in, then what clean-up found in the text
(a byline, a credit line, a title line). What neither says
stays empty and is reported as a warning, never guessed.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from briefpack.manifest.checker import YEARS
from briefpack.model import Cleaned, Excluded, Exclusion, Reading, Source, SourceSpec
from briefpack.readers import read_bytes, read_file
from briefpack.text.clean import clean
from briefpack.text.sentences import first_sentence
from briefpack.text.shapes import FUNCTION_WORDS
from briefpack.text.typography import typographic

_WORD = re.compile(r"\w+(?:[’'-]\w+)*")
_TITLE_FROM_LEDE = 90  # characters: a heading's worth
LONG_EXCLUSION_WORDS = 25  # a kept-out block longer than this is named in a warning


def load_source(spec: SourceSpec, *, max_bytes: int, language: str = "en") -> tuple[Source, list[str]]:
    reading = read_file(spec, max_bytes=max_bytes)
    digest = hashlib.sha256(read_bytes(spec.path, max_bytes)).hexdigest()
    cleaned = clean(reading.text, spec.id, language)
    warnings = list(reading.warnings)
    # A date in an untrusted text or page (a byline's) must not fail the build: it just cannot date the source.
    if cleaned.published is not None and int(cleaned.published[:4]) not in YEARS:
        warnings.append(_outside_years(spec, cleaned.published, "in its text"))
        cleaned = replace(cleaned, published=None)
    if reading.published is not None and int(reading.published[:4]) not in YEARS:
        warnings.append(_outside_years(spec, reading.published, "its page states"))
        reading = replace(reading, published=None)
    if reading.title:  # the page's own title reads with the same quotes and dashes as its text
        reading = replace(reading, title=typographic(reading.title, language))
    source = settle(spec, cleaned, digest, reading)
    return source, warnings + missing_metadata(source, spec.absent) + long_exclusions(source)


def _outside_years(spec: SourceSpec, date: str, where: str) -> str:
    return (
        f"{spec.rel}: the date {date} {where} is outside the years {YEARS[0]}-{YEARS[-1]}; "
        "it is not taken as the source's date"
    )


def settle(spec: SourceSpec, cleaned: Cleaned, digest: str, stated: Reading) -> Source:
    title = spec.title or stated.title or cleaned.title
    excluded = stated.excluded + cleaned.excluded
    if title is None and cleaned.blocks:
        title = title_from_lede(cleaned.blocks[0].text)
    published = spec.published or stated.published
    published_inferred = published is None and cleaned.published is not None
    return Source(
        id=spec.id,
        rel=spec.rel,
        format=spec.format,
        sha256=digest,
        words=sum(len(_WORD.findall(b.text)) for b in cleaned.blocks),
        title=title,
        author=None if "author" in spec.absent else spec.author or stated.author or cleaned.author,
        publisher=None if "publisher" in spec.absent else spec.publisher or stated.publisher or cleaned.publisher,
        published=None if "published" in spec.absent else published or cleaned.published,
        published_inferred=published_inferred and "published" not in spec.absent,
        url=spec.url,
        summary=cleaned.summary,
        rights=cleaned.rights,
        blocks=cleaned.blocks,
        excluded=tuple(Excluded(source=spec.id, text=e.text, reason=e.reason) for e in excluded),
        place=cleaned.place,
        agency=cleaned.agency,
    )


def title_from_lede(text: str) -> str:
    """A stand-in title: the opening sentence, shortened at a word (not after a small word) if long."""
    sentence = first_sentence(text.split("\n")[0])
    if len(sentence) <= _TITLE_FROM_LEDE:
        return sentence
    words = sentence[: _TITLE_FROM_LEDE + 1].split()[:-1]
    while len(words) > 3 and words[-1].lower().strip(",;:") in FUNCTION_WORDS:
        words.pop()
    return " ".join(words).rstrip(",;:–—-") + "…"


def long_exclusions(source: Source) -> list[str]:
    """A warning for each block of real length kept out, so nothing long goes unseen."""
    return [
        f"{source.rel}: kept out {n} words as {item.reason}: “{_opening(item.text)}” (briefpack explain --excluded)"
        for item in source.excluded
        if (n := len(_WORD.findall(item.text))) > LONG_EXCLUSION_WORDS
    ]


def kept_out(sources: Iterable[Source]) -> dict[Exclusion, tuple[int, int]]:
    """Blocks and words kept out of the chapters, by reason, most words first."""
    tally: Counter[Exclusion] = Counter()
    words: Counter[Exclusion] = Counter()
    for item in (x for s in sources for x in s.excluded):
        tally[item.reason] += 1
        words[item.reason] += len(_WORD.findall(item.text))
    return {reason: (tally[reason], words[reason]) for reason, _ in words.most_common()}


def _opening(text: str, words: int = 8) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def missing_metadata(source: Source, absent: tuple[str, ...] = ()) -> list[str]:
    """A warning for what neither the manifest nor the text states, unless the manifest says there is none."""
    missing = [
        name for name in ("author", "publisher", "published") if getattr(source, name) is None and name not in absent
    ]
    if not missing:
        return []
    return [f"{source.rel}: {', '.join(missing)} not stated in the manifest or the text; left empty"]
