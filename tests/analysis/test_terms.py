"""Distinctive terms (log-likelihood) and the themes ``briefpack new`` suggests from them."""

from __future__ import annotations

import math

from briefpack.analysis.grouping import suggest_themes
from briefpack.analysis.terms import Vocabulary, distinctive_terms, log_likelihood


def test_log_likelihood_is_zero_for_equal_rates_and_grows_with_the_difference():
    assert math.isclose(log_likelihood(5, 10, 10, 20), 0.0, abs_tol=1e-9)
    assert log_likelihood(8, 2, 10, 20) > log_likelihood(6, 4, 10, 20) > 0
    assert log_likelihood(3, 0, 3, 0) == 0.0  # a term in every paragraph tells nothing apart


def test_words_fold_to_one_term_and_keep_the_form_the_texts_use():
    vocabulary = Vocabulary(
        [
            "Floods closed the road.",
            "The flood rose; flooding went on.",
            "Ankara's reply came.",
            "Ankara said no.",
            "NATO met in Brussels.",
        ]
    )
    assert vocabulary.keys("Floods and flooding") == {"flood"}
    assert vocabulary.keys("Ankara's envoy") == {"ankara", "envoy"}
    assert vocabulary.form("ankara") == "Ankara" and vocabulary.form("nato") == "NATO"
    assert vocabulary.form("flood") == "flood"


def test_distinctive_terms_are_those_over_represented_in_the_group():
    texts = [
        "the harvest of apples",
        "apples and the orchard harvest",
        "frost in the orchard",
        "cider prices rose",
        "the cider mill",
        "prices at the mill",
    ]
    vocabulary = Vocabulary(texts)
    keys = [vocabulary.keys(t) for t in texts]
    found = [t.form for t in distinctive_terms(keys[:3], keys[3:], vocabulary)]
    assert set(found) == {"harvest", "apples", "orchard"}
    assert not {"cider", "mill", "price"} & set(found)


def test_suggested_themes_follow_the_topics_that_run_across_sources():
    rail = [
        "The rail strike halted trains across the network.",
        "Rail unions called the strike over pay.",
        "Trains ran again when the strike ended.",
        "Commuters waited for trains during the strike.",
    ]
    flood = [
        "Flood water covered the valley farms.",
        "The river flood destroyed crops on farms.",
        "Farms lost cattle in the flood.",
        "Flood defences failed near the river.",
    ]
    paragraphs = [(f"S{i % 3 + 1}", text) for i, text in enumerate(rail + flood)]
    suggestion = suggest_themes(paragraphs)
    openings = {theme.terms[0].form for theme in suggestion.themes}
    assert {"strike", "flood"} <= openings
    assert suggestion.unsorted < len(paragraphs) / 2


def test_too_few_paragraphs_for_groups_give_one_theme_of_the_commonest_words():
    suggestion = suggest_themes(
        [("S1", "The auction of battery storage opened."), ("S2", "Battery storage won the auction.")]
    )
    (theme,) = suggestion.themes
    assert {"auction", "battery", "storage"} <= {t.form for t in theme.terms}
    assert theme.paragraphs == 2 and suggestion.unsorted == 0
