"""Read and clean each source, and settle its metadata.

The manifest's word wins; where it is silent, what clean-up found in the
text fills in (a byline, a credit line, a title line). What neither says
stays empty and is reported as a warning, never guessed.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import replace

from briefpack.manifest.checker import YEARS
from briefpack.model import Cleaned, Excluded, Source, SourceSpec
from briefpack.readers import read_bytes, read_source
from briefpack.text.clean import clean
from briefpack.text.sentences import first_sentence

_WORD = re.compile(r"\w+(?:[’'-]\w+)*")


def load_source(spec: SourceSpec, *, max_bytes: int) -> tuple[Source, list[str]]:
    text, warnings = read_source(spec, max_bytes=max_bytes)
    digest = hashlib.sha256(read_bytes(spec.path, max_bytes)).hexdigest()
    cleaned = clean(text, spec.id)
    if cleaned.published is not None and int(cleaned.published[:4]) not in YEARS:
        # A date in an untrusted text must not fail the build: it just cannot date the source.
        warnings = [*warnings, f"{spec.rel}: the date {cleaned.published} in its text is outside the years "
                               f"{YEARS[0]}-{YEARS[-1]}; it is not taken as the source's date"]
        cleaned = replace(cleaned, published=None)
    source = settle(spec, cleaned, digest)
    return source, warnings + missing_metadata(source)


def settle(spec: SourceSpec, cleaned: Cleaned, digest: str) -> Source:
    title = spec.title or cleaned.title
    excluded = cleaned.excluded
    if title is None and cleaned.blocks:
        title = first_sentence(cleaned.blocks[0].text)
    published_inferred = spec.published is None and cleaned.published is not None
    return Source(
        id=spec.id,
        rel=spec.rel,
        format=spec.format,
        sha256=digest,
        words=sum(len(_WORD.findall(b.text)) for b in cleaned.blocks),
        title=title,
        author=spec.author or cleaned.author,
        publisher=spec.publisher or cleaned.publisher,
        published=spec.published or cleaned.published,
        published_inferred=published_inferred,
        url=spec.url,
        summary=cleaned.summary,
        rights=cleaned.rights,
        blocks=cleaned.blocks,
        excluded=tuple(Excluded(source=spec.id, text=e.text, reason=e.reason) for e in excluded),
    )


def missing_metadata(source: Source) -> list[str]:
    missing = [name for name in ("author", "publisher", "published") if getattr(source, name) is None]
    if not missing:
        return []
    return [f"{source.rel}: {', '.join(missing)} not stated in the manifest or the text; left empty"]
