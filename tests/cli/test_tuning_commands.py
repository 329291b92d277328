"""``briefpack explain`` filters and ``briefpack suggest`` on the seed pack and a test pack."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from briefpack.cli import cli
from briefpack.manifest import load_manifest
from briefpack.stages import compile_pack

ROOT = Path(__file__).resolve().parents[2]
SEED = str(ROOT / "seeds" / "pack.yaml")
PRONOUNS = str(ROOT / "tests" / "cases" / "pronouns" / "pack.yaml")


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_explain_theme_keeps_one_themes_paragraphs():
    output = run("explain", SEED, "--theme", "turkey")
    placed = [line for line in output.splitlines() if line.startswith("  ¶")]
    assert placed and all("Turkish involvement" in line for line in placed)


def test_explain_unscored_lists_only_paragraphs_no_rule_matched_and_counts_them():
    output = run("explain", SEED, "--unscored")
    assert "paragraphs match no rule" in output
    blocks = output.split("  ¶")[1:]
    assert blocks and not any(f"{score}  " in block for block in blocks for score in ("2.0", "3.0"))


def test_explain_terms_tables_every_rule_and_flags_the_dead_ones():
    output = run("explain", SEED, "--terms")
    assert "Wagner" in output and "talks" in output
    talks = next(line for line in output.splitlines() if line.split()[1:2] == ["talks"])
    assert "matches nothing" in talks


def test_explain_shows_why_a_paragraph_joined_and_the_key_point_scores():
    assert "joined to ¶1 (passage from ¶1): opens with “it”" in run("explain", PRONOUNS, "--source", "S1")
    output = run("explain", SEED, "--key-points")
    assert "centrality" in output and "corroborating" in output and "#p-S" in output


def test_explain_rejects_an_unknown_theme():
    result = CliRunner().invoke(cli, ["explain", SEED, "--theme", "nope"])
    assert result.exit_code == 2 and "no theme 'nope'" in result.output


def test_suggest_lists_terms_for_every_theme_and_the_fallback():
    output = run("suggest", SEED, "--count", "5")
    assert "diplomacy (fallback)" in output and "G²" in output
    assert "hostilities" in output  # the fallback's paragraphs are about a cessation of hostilities


def test_a_dead_term_warns_on_build():
    warnings = compile_pack(load_manifest(SEED)).warnings
    assert "theme 'diplomacy': term 'talks' matches no paragraph" in warnings
