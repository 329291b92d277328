"""Manifest keys for passages, pins, excluded terms, key points and actors' aliases."""

from __future__ import annotations

import textwrap

import pytest

from briefpack.errors import ManifestError
from briefpack.manifest import load_manifest
from briefpack.model import Pin, Rule

BASE = textwrap.dedent("""
    title: A pack
    sources: [a.txt]
    themes:
      - id: cuba
        title: Cuba
        terms: [Castro, Havana]
        exclude: [Little Havana]
        not: [anti-Castro]
        key_points: 4
    fallback: {id: other, title: Other, key_points: 0}
""").lstrip()


def test_excludes_key_points_passages_pins_and_aliases_are_read(write_manifest):
    extra = textwrap.dedent("""
        passages: paragraph
        summary: false
        pins: [{source: S1, paragraph: 3, theme: other}]
        actors:
          - {name: Fidel Castro, aliases: [Castro, El Comandante]}
          - Havana
    """)
    m = load_manifest(write_manifest(BASE + extra, {"a.txt": "x"}))
    cuba, other = m.themes
    assert cuba.excludes == (Rule("Little Havana"), Rule("anti-Castro")) and cuba.key_points == 4
    assert other.key_points == 0
    assert m.passages is False and m.summary is False
    assert m.pins == (Pin("S1", 3, "other"),)
    assert m.actors == ("Fidel Castro", "Havana")
    assert m.aliases == (("Castro", "Fidel Castro"), ("El Comandante", "Fidel Castro"))


def test_defaults_theme_passages_with_a_summary_and_sized_key_points(write_manifest):
    m = load_manifest(write_manifest(BASE.replace("    key_points: 4\n", ""), {"a.txt": "x"}))
    assert m.passages is True and m.summary is True and m.pins == () and m.themes[0].key_points is None


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ("passages: sentence\n", "passages"),
        ("pins: [{source: S9, paragraph: 1, theme: cuba}]\n", "no source 'S9'"),
        ("pins: [{source: S1, paragraph: 1, theme: nope}]\n", "no theme 'nope'"),
        ("pins: [{source: S1, paragraph: 0, theme: cuba}]\n", "paragraph"),
        ("actors: [{aliases: [X]}]\n", "name"),
    ],
)
def test_bad_settings_are_one_line_each_with_the_line(write_manifest, extra, message):
    with pytest.raises(ManifestError) as error:
        load_manifest(write_manifest(BASE + extra, {"a.txt": "x"}))
    assert message in str(error.value) and "pack.yaml:" in str(error.value)


def test_key_points_above_five_are_refused(write_manifest):
    with pytest.raises(ManifestError, match="key_points"):
        load_manifest(write_manifest(BASE.replace("key_points: 4", "key_points: 9"), {"a.txt": "x"}))
