from __future__ import annotations

from briefpack.analysis.glossary import best_long_form, build_glossary


def test_schwartz_hearst_long_form_before_short_form():
    entries = build_glossary(
        [("S1", "The Government of National Accord (GNA) met the World Health Organization (WHO).")]
    )
    assert {(e.short, e.long) for e in entries} == {
        ("GNA", "Government of National Accord"),
        ("WHO", "World Health Organization"),
    }


def test_short_form_before_long_form():
    entries = build_glossary([("S1", "Officials of the IAEA (International Atomic Energy Agency) arrived.")])
    assert [(e.short, e.long) for e in entries] == [("IAEA", "International Atomic Energy Agency")]


def test_long_form_is_trimmed_to_the_matching_words():
    assert best_long_form("HoR", "proposed by House of Representatives") == "House of Representatives"
    assert best_long_form("UAE", "the United Arab Emirates") == "United Arab Emirates"


def test_bare_acronym_is_expanded_from_a_capitalised_phrase_elsewhere():
    entries = build_glossary(
        [
            ("S1", "Haftar and his Libyan Arab Armed Forces advanced."),
            ("S2", "The aerial superiority of the LAAF has not yet achieved a breakthrough."),
        ]
    )
    assert [(e.short, e.long, e.sources) for e in entries] == [("LAAF", "Libyan Arab Armed Forces", ("S2",))]


def test_parentheses_that_are_not_abbreviations_are_ignored():
    entries = build_glossary([("S1", "The talks (held in secret) failed (see below). He was 56 (or 57).")])
    assert entries == ()


def test_sources_are_collected_and_first_expansion_wins():
    entries = build_glossary([("S1", "the United Nations (UN) said"), ("S2", "the United Nations (UN) again")])
    assert [(e.short, e.sources) for e in entries] == [("UN", ("S1", "S2"))]
