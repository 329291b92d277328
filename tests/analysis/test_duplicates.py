from __future__ import annotations

from pathlib import Path

from briefpack.analysis.duplicates import CONTAINMENT, containment, find_groups, say_once, shingles
from briefpack.model import Block, Paragraph, ParagraphRef, Source

CASES = Path(__file__).resolve().parents[1] / "cases"


def _paragraph(source: str, ordinal: int, text: str, joined: str | None = None) -> Paragraph:
    return Paragraph(source=source, ordinal=ordinal, text=text, themes=("t",), scores=(), joined=joined)


def _source(id_: str, published: str, title: str, *texts: str) -> Source:
    return Source(
        id=id_,
        rel=f"{id_}.txt",
        format="txt",
        sha256="0",
        words=1,
        title=title,
        author=None,
        publisher=None,
        published=published,
        published_inferred=False,
        url=None,
        summary=None,
        rights=None,
        blocks=tuple(Block(i, t) for i, t in enumerate(texts, 1)),
        excluded=(),
    )


BACKGROUND = "The museum, which opened in 1911, holds about 40,000 objects and was last renovated in 1987."
EDITED = "The museum opened in 1911, holds about 40,000 objects and was last renovated in 1987, records show."
PARAPHRASE = "Founded in 1911, the collection now numbers some forty thousand pieces; its last refit was in 1987."


def test_copies_and_light_edits_contain_each_other_but_a_paraphrase_does_not():
    assert containment(shingles(BACKGROUND), shingles(EDITED)) >= CONTAINMENT
    assert containment(shingles(BACKGROUND), shingles(PARAPHRASE)) < CONTAINMENT


def test_groups_keep_the_latest_source_and_ignore_copies_within_one_source():
    paragraphs = [
        _paragraph("S1", 2, BACKGROUND),
        _paragraph("S2", 5, EDITED),
        _paragraph("S3", 1, PARAPHRASE),
        _paragraph("S3", 4, BACKGROUND),
    ]
    groups = find_groups(paragraphs, {"S1": 0, "S2": 1, "S3": 2})
    assert len(groups) == 1
    assert groups[0].kept == ParagraphRef("S3", 4)
    assert groups[0].others == (ParagraphRef("S1", 2), ParagraphRef("S2", 5))


def test_a_copy_that_a_later_paragraph_leans_on_stays_printed():
    sources = [_source("S1", "2024-01", "A"), _source("S2", "2024-02", "B")]
    paragraphs = [
        _paragraph("S1", 1, BACKGROUND),
        _paragraph("S1", 2, "It closed for a year in 2003.", joined="opens with “it”"),
        _paragraph("S2", 1, EDITED),
    ]
    said = say_once(paragraphs, sources)
    assert [(p.source, p.ordinal) for p in said.printed] == [("S1", 1), ("S1", 2), ("S2", 1)]
    assert said.duplicates == ()


def test_nothing_is_lost_every_dropped_paragraph_names_the_one_printed_for_it():
    sources = [
        _source("S1", "2024-01", "Museum reopens"),
        _source("S2", "2024-01", "Museum reopens"),
        _source("S3", "2024-03", "Other"),
    ]
    paragraphs = [
        _paragraph("S1", 1, BACKGROUND),
        _paragraph("S2", 1, EDITED),
        _paragraph("S3", 1, BACKGROUND),
        _paragraph("S3", 2, PARAPHRASE),
    ]
    said = say_once(paragraphs, sources)
    printed = {(p.source, p.ordinal): p for p in said.printed}
    assert set(printed) == {("S3", 1), ("S3", 2)}
    assert printed["S3", 1].duplicates == (ParagraphRef("S1", 1), ParagraphRef("S2", 1))
    assert {(d.paragraph.source, d.printed.source) for d in said.duplicates} == {("S1", "S3"), ("S2", "S3")}
    # the same title and a shared paragraph: the later version supersedes the earlier
    assert [(s.newer, s.older) for s in said.supersessions] == [("S2", "S1"), ("S3", "S1"), ("S3", "S2")]


def test_two_reports_that_share_a_sentence_but_add_one_each_are_both_printed():
    shared = "The agency decided the boat should sail home by the end of May, its director told reporters on Monday."
    first = _paragraph(
        "S1", 1, shared + " A lawyer for the crew called the decision a gift from the minister's office."
    )
    second = _paragraph("S2", 1, shared + " If the appeal fails, the crew will leave in June.")
    sources = [_source("S1", "2024-01", "A"), _source("S2", "2024-01", "B")]
    said = say_once([first, second], sources)
    assert said.duplicates == () and len(said.printed) == 2
