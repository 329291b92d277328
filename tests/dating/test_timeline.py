from __future__ import annotations

from briefpack.dating.timeline import actors, build_timeline, merge, sentence_around
from briefpack.model import Event, Mention, Paragraph, Source


def _event(date: str, text: str, source: str, mod: str | None = None, precision: str = "day") -> Event:
    return Event(date=date, mod=mod, precision=precision, text=text, mentions=(Mention(source, f"p-{source}-1", "ch"),))


def test_event_text_is_the_sentence_that_holds_the_date():
    text = "Nothing happened early on. On 3 May 2021 the dam failed. Rescue began."
    start = text.index("3 May 2021")
    assert sentence_around(text, start, start + 10) == "On 3 May 2021 the dam failed."


def test_long_sentences_are_narrowed_to_the_clause():
    text = (
        "The committee, which had been meeting for months in several capitals and had heard from dozens of "
        "witnesses about the state of the reservoirs and the pumping stations of the northern valleys, "
        "reported its findings; on 9 June 2021 the minister resigned, while the opposition called for new "
        "elections and a full public inquiry into the affair and the spending that surrounded it."
    )
    start = text.index("9 June 2021")
    assert sentence_around(text, start, start + 11) == "on 9 June 2021 the minister resigned"


def test_actors_are_name_words_without_sentence_openers_or_date_words():
    assert actors("On Monday the Prime Minister met Angela Merkel in Berlin's centre.") == {
        "prime",
        "minister",
        "angela",
        "merkel",
        "berlin",
    }


def test_same_day_same_actors_from_two_sources_merge_and_cite_both():
    a = _event("2020-05-19", "Stephanie Williams briefed the Security Council", "S1")
    b = _event("2020-05-19", "UN envoy Stephanie Williams told the Security Council of her concern", "S2")
    c = _event("2020-05-19", "A storm hit Oslo", "S3")
    merged = merge([a, b, c])
    assert [e.sources for e in merged] == [("S1", "S2"), ("S3",)]


def test_coarse_dates_merge_only_on_two_shared_names_and_sort_first():
    a = _event("2020-05", "Erdogan and Putin held talks", "S1", precision="month")
    b = _event("2020-05", "In May Putin and Erdogan met", "S2", precision="month")
    c = _event("2020-05", "Erdogan sent drones", "S3", precision="month")
    d = _event("2020-05-02", "Turkey and Russia signed", "S4")
    merged = merge([d, a, b, c])
    assert [(e.date, e.sources) for e in merged] == [
        ("2020-05", ("S1", "S2")),
        ("2020-05", ("S3",)),
        ("2020-05-02", ("S4",)),
    ]


def test_names_most_events_share_do_not_make_events_the_same():
    events = [
        _event("2020-05-19", "Libya talks with Williams", "S1"),
        _event("2020-05-19", "Libya storm hits Benghazi", "S2"),
        _event("2020-05-20", "Libya votes", "S3"),
    ]
    assert len(merge(events)) == 3


def test_one_source_never_merges_with_itself():
    a = _event("2020-05-19", "Williams briefed the Security Council", "S1")
    b = _event("2020-05-19", "Williams also briefed the Security Council", "S1")
    assert len(merge([a, b])) == 2


def test_timeline_is_built_from_chapter_paragraphs_with_their_source_and_anchor():
    source = Source(
        id="S1",
        rel="a.txt",
        format="txt",
        sha256="0",
        words=1,
        title="A",
        author=None,
        publisher=None,
        published="2021-06",
        published_inferred=False,
        url=None,
        summary=None,
        rights=None,
        blocks=(),
        excluded=(),
    )
    paragraphs = (
        Paragraph("S1", 1, "Heavy rain fell. On 3 May 2021 the dam failed.", ("water",), ()),
        Paragraph("S1", 2, "On 9 June 2021 the minister resigned.[^1]", ("politics",), ()),
    )
    timeline = build_timeline((source,), paragraphs, day_first=True)
    assert [(e.date, e.text, e.chapter, e.mentions[0].paragraph) for e in timeline] == [
        ("2021-05-03", "On 3 May 2021 the dam failed.", "water", "p-S1-1"),
        ("2021-06-09", "On 9 June 2021 the minister resigned.", "politics", "p-S1-2"),
    ]


def test_a_clause_opening_on_which_keeps_what_it_leans_on():
    text = (
        "The committee, which had been meeting for months in several capitals and had heard from dozens of "
        "witnesses about the state of the reservoirs and the pumping stations of the northern valleys, "
        "reported its findings, which the minister accepted on 9 June 2021 after a long debate in the "
        "chamber about the costs."
    )
    start = text.index("9 June 2021")
    assert sentence_around(text, start, start + 11) == (
        "reported its findings, which the minister accepted on 9 June 2021 after a long debate in the "
        "chamber about the costs."
    )
