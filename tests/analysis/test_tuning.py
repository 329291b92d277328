"""Rules that are quick to tune: negative terms, compounds, names, dead terms, pins."""

from __future__ import annotations

from briefpack.analysis.theme import ThemeSettings, score, theme_source
from briefpack.analysis.tuning import dead_term_warnings, term_hits
from briefpack.model import Block, Paragraph, Rule, Source, ThemeScore, ThemeSpec

CUBA = ThemeSpec(
    "cuba",
    "Cuba",
    (Rule("Castro", 2), Rule("Havana", 1), Rule("march", 1)),
    threshold=1,
    excludes=(Rule("Little Havana"),),
)


def test_a_term_does_not_reach_into_a_hyphenated_compound_unless_written_with_the_hyphen():
    assert score("An anti-Castro group met.", CUBA).score == 0
    assert score("A Castro-era law stands.", CUBA).score == 0
    compounds = ThemeSpec("c", "C", (Rule("anti-", 1), Rule("-era", 1)))
    assert score("An anti-Castro group and a Castro-era law.", compounds).matched == ("anti-", "-era")


def test_excluded_terms_cancel_the_matches_inside_them():
    result = score("Exiles in Little Havana cheered. Havana was silent.", CUBA)
    assert result.score == 1 and result.matched == ("Havana",)


def test_a_capitalised_term_is_a_name_and_a_lower_case_term_inflects():
    marches = ThemeSpec("m", "M", (Rule("March", 1),))
    assert score("They marched in the march.", marches).score == 0
    assert score("In March, Castro's allies marched.", CUBA).matched == ("Castro", "march")


def _source(*texts: str) -> Source:
    return Source(
        id="S1",
        rel="s.txt",
        format="txt",
        sha256="0",
        words=1,
        title="t",
        author=None,
        publisher=None,
        published=None,
        published_inferred=False,
        url=None,
        summary=None,
        rights=None,
        blocks=tuple(Block(i, t) for i, t in enumerate(texts, 1)),
        excluded=(),
    )


def test_a_pin_places_a_paragraph_and_the_paragraphs_that_lean_on_it():
    source = _source("Castro spoke in Havana.", "The harbour was rebuilt.", "It took ten years.")
    themes = (CUBA, ThemeSpec("other", "Other", ()))
    unpinned = theme_source(source, themes, "other")
    assert {p.primary for p in unpinned} == {"cuba"}  # the harbour scores nothing: it joins the passage
    pinned = theme_source(source, themes, "other", ThemeSettings(pins=((2, "other"),)))
    assert [p.primary for p in pinned] == ["cuba", "other", "other"]


def _paragraph(primary: str, matched: tuple[str, ...]) -> Paragraph:
    return Paragraph("S1", 1, "text", (primary,), (ThemeScore("cuba", float(len(matched)), matched),))


def test_every_term_that_matches_nothing_is_warned_about_and_the_hit_table_counts_paragraphs():
    paragraphs = [_paragraph("cuba", ("Castro",)), _paragraph("other", ("Castro", "Havana"))]
    rows = {row.pattern: row for row in term_hits(paragraphs, (CUBA,))}
    assert (rows["Castro"].paragraphs, rows["Castro"].primary, rows["Havana"].paragraphs) == (2, 1, 1)
    assert dead_term_warnings(paragraphs, (CUBA,)) == ("theme 'cuba': term 'march' matches no paragraph",)
