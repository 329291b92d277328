"""Read and clean each source, and settle its metadata.

The manifest's word wins; where it is silent, what the file states about
itself (a web page's metadata) fills in, then what clean-up found in the text
(a byline, a credit line, a title line). What neither says
stays empty and is reported as a warning, never guessed.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace

from briefpack.manifest.checker import YEARS
from briefpack.model import Cleaned, Excluded, Reading, Source, SourceSpec
from briefpack.readers import read_bytes, read_file
from briefpack.text.clean import clean
from briefpack.text.sentences import first_sentence

_WORD = re.compile(r"\w+(?:[’'-]\w+)*")


def load_source(spec: SourceSpec, *, max_bytes: int) -> tuple[Source, list[str]]:
    reading = read_file(spec, max_bytes=max_bytes)
    digest = hashlib.sha256(read_bytes(spec.path, max_bytes)).hexdigest()
    cleaned = clean(reading.text, spec.id)
    warnings = list(reading.warnings)
    # A date in an untrusted text or page (a byline's) must not fail the build: it just cannot date the source.
    if cleaned.published is not None and int(cleaned.published[:4]) not in YEARS:
        warnings.append(_outside_years(spec, cleaned.published, "in its text"))
        cleaned = replace(cleaned, published=None)
    if reading.published is not None and int(reading.published[:4]) not in YEARS:
        warnings.append(_outside_years(spec, reading.published, "its page states"))
        reading = replace(reading, published=None)
    source = settle(spec, cleaned, digest, reading)
    return source, warnings + missing_metadata(source, spec.absent)


def _outside_years(spec: SourceSpec, date: str, where: str) -> str:
    return (
        f"{spec.rel}: the date {date} {where} is outside the years {YEARS[0]}-{YEARS[-1]}; "
        "it is not taken as the source's date"
    )


def settle(spec: SourceSpec, cleaned: Cleaned, digest: str, stated: Reading) -> Source:
    title = spec.title or stated.title or cleaned.title
    excluded = stated.excluded + cleaned.excluded
    if title is None and cleaned.blocks:
        title = first_sentence(cleaned.blocks[0].text)
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
    )


def missing_metadata(source: Source, absent: tuple[str, ...] = ()) -> list[str]:
    """A warning for what neither the manifest nor the text states, unless the manifest says there is none."""
    missing = [name for name in ("author", "publisher", "published")
               if getattr(source, name) is None and name not in absent]
    if not missing:
        return []
    return [f"{source.rel}: {', '.join(missing)} not stated in the manifest or the text; left empty"]
