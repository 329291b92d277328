from __future__ import annotations

from briefpack.analysis.theme import score, theme_block, theme_sources
from briefpack.model import Block, Rule, Source, ThemeSpec

RIVERS = ThemeSpec("rivers", "Rivers", (Rule("river", 2), Rule("flood", 1), Rule("EPA", 1)), threshold=2)
MONEY = ThemeSpec("money", "Money", (Rule("budget", 2), Rule(r"\bbonds?\b", 1, regex=True)), threshold=2)
OTHER = ThemeSpec("other", "Other", ())
THEMES = (RIVERS, MONEY, OTHER)


def test_terms_match_whole_words_case_insensitively_and_acronyms_exactly():
    result = score("The River rose; riverside homes stayed dry. The EPA and the epa-style board met.", RIVERS)
    # "River" counts (lead sentence, x1.5), "riverside" does not, "EPA" once, "epa" not.
    assert result.score == 2 * 1.5 + 1
    assert result.matched == ("river", "EPA")


def test_terms_find_regular_inflections():
    result = score("Floods came. Two rivers flooded; the river's banks broke.", RIVERS)
    assert result.matched == ("river", "flood")
    assert result.score == 2 + 2 + 1.5 + 1


def test_lead_sentence_matches_weigh_more():
    lead = score("The budget was cut. Nothing else.", MONEY).score
    later = score("Nothing else. The budget was cut.", MONEY).score
    assert lead > later


def test_primary_is_best_score_and_secondary_needs_half_of_it():
    paragraph = theme_block(
        Block(1, "The river budget: the river flooded and the budget for river works was cut."), "S1", THEMES, "other"
    )
    assert paragraph.themes == ("rivers", "money")
    assert {s.theme: s.matched for s in paragraph.scores}["rivers"] == ("river", "flood")


def test_weak_secondary_is_dropped():
    paragraph = theme_block(
        Block(1, "The river, the river, the river and the river again; a budget too."), "S1", THEMES, "other"
    )
    assert paragraph.themes == ("rivers",)


def test_unclaimed_paragraph_goes_to_fallback():
    paragraph = theme_block(Block(1, "Nothing relevant happened."), "S1", THEMES, "other")
    assert paragraph.themes == ("other",)


def test_below_threshold_does_not_qualify():
    paragraph = theme_block(Block(1, "Some said flood."), "S1", THEMES, "other")
    assert paragraph.themes == ("other",)


def _source(id_: str, published: str | None, *texts: str) -> Source:
    return Source(
        id=id_,
        rel=f"{id_}.txt",
        format="txt",
        sha256="0",
        words=1,
        title=id_,
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


def test_chapters_keep_every_paragraph_once_grouped_by_source_oldest_first():
    newer = _source("S1", "2021-05", "The river flooded again.", "The budget grew.", "Nothing here.")
    older = _source("S2", "2020", "The river budget and the river plan.", "A river story.")
    theming = theme_sources((newer, older), THEMES, "other")
    placed = [(p.source, p.ordinal) for c in theming.chapters for p in c.paragraphs]
    assert sorted(placed) == [("S1", 1), ("S1", 2), ("S1", 3), ("S2", 1), ("S2", 2)]
    rivers = theming.chapters[0]
    assert [(p.source, p.ordinal) for p in rivers.paragraphs] == [("S2", 1), ("S2", 2), ("S1", 1)]
    money = theming.chapters[1]
    assert [(p.source, p.ordinal) for p in money.see_also] == [("S2", 1)]
