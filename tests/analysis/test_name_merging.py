"""Index names that are names: aliases, surnames, offices, fragments, codes, stops."""

from __future__ import annotations

from briefpack.analysis.glossary import build_glossary
from briefpack.analysis.names import find_names, merge_names, occurrences

TEXTS = [
    "Good for Attorney General Janet Reno, said the statement. It was good news for the family.",
    "The anti-Castro Cuban American National Foundation met INS Commissioner Doris Meissner on Monday.",
    "Fidel Castro spoke for four hours. Nothing was decided, and nothing will be, said Castro later.",
    "The boy's relatives met Judge J.L. King in Miami. Rep. Dan Burton wrote to the judge; Burton said the U.S. must act.",
    "The Immigration and Naturalization Service said the U.S. would wait. Clinton agreed with Reno.\nLR UR",
    "Clinton spoke later. Castro replied. LR",
]


def test_offices_honorifics_fragments_and_wire_codes_are_not_names():
    names = find_names(TEXTS)
    assert {
        "Janet Reno",
        "Doris Meissner",
        "J.L. King",
        "Dan Burton",
        "Cuban American National Foundation",
        "Immigration and Naturalization Service",
        "U.S.",
    } <= set(names)
    for fragment in (
        "Good",
        "Nothing",
        "Immigration",
        "Naturalization Service",
        "U.S",
        "LR",
        "UR",
        "LR UR",
        "Castro Cuban American National Foundation",
        "INS Commissioner Doris Meissner",
        "Good for Attorney General Janet Reno",
        "Judge J.L",
    ):
        assert fragment not in names


def test_a_surname_alone_merges_with_the_one_full_name_that_carries_it_and_actors_with_their_aliases():
    names = find_names(TEXTS, actors=("Bill Clinton",))
    entries, variants = merge_names(
        names,
        ("Bill Clinton", "Cuban American National Foundation"),
        (("CANF", "Cuban American National Foundation"),),
        "\n".join(TEXTS),
    )
    assert {"Fidel Castro", "Dan Burton", "Bill Clinton"} <= set(entries)
    assert "Castro" not in entries and "Burton" not in entries
    assert variants["Castro"] == "Fidel Castro" and variants["Clinton"] == "Bill Clinton"
    assert [o.name for o in occurrences("Castro met Clinton.", entries, variants)] == ["Fidel Castro", "Bill Clinton"]


def test_a_surname_two_people_share_stays_apart():
    names = ("Anna Berg", "Tomas Berg", "Berg")
    entries, variants = merge_names(names, text="Anna Berg and Tomas Berg met. Berg spoke.")
    assert "Berg" in entries and "Berg" not in variants


def test_glossary_expands_only_where_the_definition_pattern_holds():
    entries = build_glossary(
        [("S1", "The USA answered. The United States on April 3 said no. The World Health Organization (WHO) met.")]
    )
    assert {(g.short, g.long) for g in entries} == {("WHO", "World Health Organization")}


def test_adjectives_and_plurals_made_from_a_name_are_not_entries():
    texts = [
        "Officials in Turkey said Turkish drones flew, and officials in Russia said the Russians left.",
        "Talks in Turkey went on while Turkish ships sailed; envoys from Russia met the Russians there, "
        "and envoys from Jordan met the Jordanian king in Jordan.",
    ]
    names = find_names(texts)
    assert {"Turkey", "Russia", "Jordan"} <= set(names)
    assert "Turkish" not in names and "Russians" not in names
