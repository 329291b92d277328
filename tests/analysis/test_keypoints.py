from __future__ import annotations

from briefpack.analysis.keypoints import readable_alone, select_key_points
from briefpack.analysis.suggest import log_likelihood, suggest
from briefpack.model import Paragraph


def _p(source: str, ordinal: int, text: str, theme: str = "t") -> Paragraph:
    return Paragraph(source=source, ordinal=ordinal, text=text, themes=(theme,), scores=())


STORY = (
    _p("S1", 1, "The city council approved a new tram line to the airport on Monday, at a cost of 800 million."),
    _p("S1", 2, "The line will open in 2029. “It is about time,” a commuter said."),
    _p("S2", 1, "Councillors voted 31 to 12 on Monday to build the airport tram line, which will cost 800 million."),
    _p("S2", 2, "The old harbour district was rebuilt in the 1990s after the shipyards closed."),
    _p("S3", 1, "Work on the tram line to the airport starts next spring, the council said after Monday's vote."),
    _p("S3", 2, "But opponents said the money would be better spent on buses in the outer suburbs of the city."),
)


def test_key_points_are_corroborated_sentences_cited_to_every_source_that_states_them():
    points = select_key_points(STORY, 3, chapter="t")
    best = points[0]
    assert any(best.text in p.text for p in STORY) and best.anchor.startswith("p-S")
    assert best.corroboration >= 1 and len(best.sources) >= 2
    assert "harbour" not in best.text


def test_past_three_points_filler_far_weaker_than_the_best_is_left_out():
    assert 1 <= len(select_key_points(STORY, 5)) <= 3


def test_key_points_are_deterministic_and_distinct():
    first = select_key_points(STORY, 3)
    assert first == select_key_points(tuple(reversed(STORY)), 3)
    assert len({p.text for p in first}) == len(first)


def test_sentences_that_do_not_read_alone_are_never_key_points():
    assert not readable_alone("But opponents said the money would be better spent on buses in the suburbs.")
    assert not readable_alone("“It is about time,” a commuter said at the station on Monday evening.")
    assert not readable_alone("Will the line ever open on time, given the council's record on big projects?")
    assert not readable_alone("The line will open.")
    assert readable_alone("The city council approved a new tram line to the airport on Monday.")


def test_suggest_ranks_terms_by_log_likelihood_and_skips_known_ones():
    paragraphs = (
        _p("S1", 1, "The tram depot flooded and the depot staff left.", "fallback"),
        _p("S1", 2, "A second depot was closed by the tram operator.", "fallback"),
        _p("S2", 1, "The budget grew by a tenth this year.", "money"),
        _p("S2", 2, "The budget vote was delayed again.", "money"),
    )
    terms = [s.term for s in suggest(paragraphs, "fallback", known={"budget"})]
    assert terms[:2] == ["depot", "tram"]
    assert "budget" not in [s.term for s in suggest(paragraphs, "money", known={"budget"})]
    assert log_likelihood(5, 0, 10, 10) > log_likelihood(5, 4, 10, 10) > 0
