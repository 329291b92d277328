"""Property-based tests (Hypothesis) for clean-up, the date tagger, the manifest loader and the fetcher.

They state the documented contracts only, so they hold for any correct
implementation of ``briefpack.text.clean.clean`` and ``briefpack.dating.timex.tag``:
neither ever raises, every expression's span lies inside the text and
matches it, and clean-up never drops a sentence it did not list as excluded.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from harden_support import MINIMAL
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefpack.dating.timex import tag
from briefpack.errors import BriefpackError
from briefpack.layout.fetcher import SealedFetcher
from briefpack.manifest import load_manifest
from briefpack.model import Cleaned, Manifest
from briefpack.text.clean import clean

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Words that carry no hint of page furniture (bylines, captions, share buttons),
# so a correct clean-up has no reason to set any of these sentences aside unlisted.
VOCABULARY = (
    "alpha river council talks forces city north agreement the of and in on was were ministers "
    "port supply week new report officials group coast line rebuilt quietly after before east "
    "west harbour grain trade route envoy meeting plan"
).split()

sentences = st.lists(st.sampled_from(VOCABULARY), min_size=4, max_size=14).map(
    lambda words: " ".join(words).capitalize() + "."
)
paragraphs = st.lists(sentences, min_size=1, max_size=5)
documents = st.lists(paragraphs, min_size=1, max_size=8)


def _normalise(text: str) -> str:
    return " ".join(text.split())


def _wrap(paragraph: str, width: int) -> str:
    """Hard-wrap a paragraph the way plain-text sources often are."""
    lines, line = [], ""
    for word in paragraph.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "\n".join(lines + [line])


@SETTINGS
@given(st.text(), st.sampled_from(["S1", "S2", "x"]))
def test_clean_never_raises_and_numbers_blocks(raw, source_id):
    cleaned = clean(raw, source_id)
    assert isinstance(cleaned, Cleaned)
    assert [b.ordinal for b in cleaned.blocks] == list(range(1, len(cleaned.blocks) + 1))
    assert all(isinstance(b.text, str) and b.text.strip() for b in cleaned.blocks)
    assert all(isinstance(x.reason, str) and x.reason for x in cleaned.excluded)


@SETTINGS
@given(documents, st.sampled_from([None, 40, 72]), st.sampled_from(["\n\n", "\n\n\n", "\n \n"]))
def test_clean_never_drops_a_sentence_it_did_not_exclude(document, width, separator):
    texts = [" ".join(p) for p in document]
    raw = separator.join(_wrap(t, width) if width else t for t in texts) + "\n"
    cleaned = clean(raw, "S1")
    kept = [b.text for b in cleaned.blocks] + [x.text for x in cleaned.excluded]
    kept += [v for v in (cleaned.title, cleaned.summary, cleaned.author, cleaned.publisher, cleaned.rights) if v]
    accounted = _normalise("\n".join(kept))
    for paragraph in document:
        for sentence in paragraph:
            assert _normalise(sentence) in accounted, sentence


DCTS = st.sampled_from([None, "2020", "2020-05", "2020-05-28", "1999-12-31"])
DATE_FRAGMENTS = (
    "1 2 12 13 28 29 30 31 32 99 2019 2020 1990s 0 00 May June January Sept. Sep spring summer "
    "winter autumn Q1 Q4 H2 week 53 W23 mid- early late end of the in on / - . , 05/06/2020 "
    "31/12/2019 2020-05-28 2020-13-45 yesterday today last next year month decade ago "
    "10,000 BC AD 1st 2nd 3rd 21st"
).split()
date_texts = st.lists(st.sampled_from(DATE_FRAGMENTS), max_size=40).map(" ".join)


def _check_spans(text: str, found) -> None:
    for t in found:
        assert 0 <= t.start < t.end <= len(text), t
        assert text[t.start : t.end] == t.text, t
        assert isinstance(t.value, str) and t.value, t
        assert t.mod in (None, "START", "MID", "END"), t


@SETTINGS
@given(st.text(), DCTS, st.booleans())
def test_tag_never_raises_on_any_text(text, dct, day_first):
    _check_spans(text, tag(text, dct, day_first=day_first))


@SETTINGS
@given(date_texts, DCTS, st.booleans())
def test_tag_spans_lie_inside_date_heavy_text(text, dct, day_first):
    _check_spans(text, tag(text, dct, day_first=day_first))


# --- files owned by the hardening work: the manifest loader and the fetcher --------

yaml_fragments = st.sampled_from(
    MINIMAL.splitlines()
    + [
        "date: 2020-13-45",
        "max_source_mb: nan",
        "a: &a [*a]",
        "- x",
        "[",
        "{",
        "'",
        '"',
        "!!python/object:os.system",
        "sources: a.txt",
        "themes: []",
        "fallback: {id: x}",
        "  terms: {alpha: inf}",
        "  regex: ['(']",
        "allow_outside: 1",
        "output: ../x",
        "title: ~",
        "\t",
        "\x00",
        "\ufeff",
        "é: 1",
    ]
)


@SETTINGS
@given(st.lists(yaml_fragments, max_size=20).map("\n".join) | st.text())
def test_manifest_loader_answers_with_a_manifest_or_a_briefpack_error(text):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "pack.yaml"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        (Path(folder) / "a.txt").write_text("Alpha.\n")
        try:
            assert isinstance(load_manifest(path), Manifest)
        except BriefpackError as error:
            assert str(error).strip()
            assert all(re.match(r"^\S.*\S$|^\S$", line) for line in str(error).splitlines())


@SETTINGS
@given(st.text(max_size=200) | st.builds(lambda tail: "file:///" + tail, st.text(max_size=80)))
def test_fetcher_only_ever_serves_the_allowed_folder(url):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "layouts"
        root.mkdir()
        (root / "a.css").write_text("p {}")
        fetcher = SealedFetcher([root])
        try:
            response = fetcher.fetch(url)
        except ValueError:
            assert fetcher.refused
            return
        assert url.lower().startswith("data:") or response.read() == b"p {}"
