from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner
from conftest import CASES, ROOT

from briefpack.cli import cli


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, list(args), input=input)


@pytest.mark.parametrize("command", ["build", "dates", "explain"])
def test_every_command_has_help(command):
    result = run(command, "--help")
    assert result.exit_code == 0 and "Usage:" in result.output


@pytest.mark.layout
def test_build_prints_a_summary(tmp_path):
    result = run("build", str(CASES / "energy" / "pack.yaml"), "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert "pages" in result.output and "Battery storage: 1 paragraphs" in result.output
    assert "timeline:" in result.output and "sources: 2" in result.output
    assert "kept out: " in result.output and "briefpack explain --excluded" in result.output
    assert (tmp_path / "grid-pack.pdf").exists()


def test_bad_manifest_gives_one_line_per_problem_and_exit_2(write_manifest):
    path = write_manifest("title: T\ntheme: []\nsources: []\nthemes: [{id: a, title: A, terms: [x]}]\nfallback: a\n")
    result = run("build", str(path))
    assert result.exit_code == 2
    assert "unknown key 'theme' in the manifest (did you mean 'themes'?)" in result.output
    assert all(line.startswith("error: ") for line in result.output.splitlines())
    assert "Traceback" not in result.output


def test_missing_manifest_is_a_user_error(tmp_path):
    result = run("build", str(tmp_path / "nope.yaml"))
    assert result.exit_code == 2 and "manifest not found" in result.output


def test_dates_lists_expressions_of_a_file(tmp_path):
    text = tmp_path / "t.txt"
    text.write_text("It rained. On 3 May 2021 the dam failed.", encoding="utf-8")
    result = run("dates", str(text), "--dct", "2021-06", "--json")
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)["expressions"]
    assert {"start": 14, "end": 24, "text": "3 May 2021", "value": "2021-05-03", "mod": None} in found


def test_dates_rejects_a_dct_that_is_not_a_date(tmp_path):
    text = tmp_path / "t.txt"
    text.write_text("x", encoding="utf-8")
    result = run("dates", str(text), "--dct", "soon")
    assert result.exit_code == 2 and "is not a date" in result.output


def test_dates_batch_answers_one_line_per_input_in_order():
    lines = [
        {"id": "a", "dct": "2021-06-10", "text": "On 3 May 2021 the dam failed."},
        {"id": "b", "dct": None, "text": "Nothing dated."},
    ]
    result = run("dates", "--jsonl", input="".join(json.dumps(line) + "\n" for line in lines))
    assert result.exit_code == 0, result.output
    answers = [json.loads(line) for line in result.output.splitlines()]
    assert [a["id"] for a in answers] == ["a", "b"]
    first = answers[0]["expressions"][0]
    assert lines[0]["text"][first["start"] : first["end"]] == first["text"] and first["value"] == "2021-05-03"
    assert answers[1]["expressions"] == []


def test_dates_batch_names_the_bad_line():
    result = run("dates", "--jsonl", input='{"id": 1, "text": "ok"}\nnot json\n')
    assert result.exit_code == 2 and "<stdin>:2:" in result.output


def test_explain_shows_scores_matches_and_exclusions():
    result = run("explain", str(CASES / "energy" / "pack.yaml"), "--source", "S1")
    assert result.exit_code == 0, result.output
    assert "→ Battery storage" in result.output and "lithium" in result.output
    assert "S2" not in result.output.split("\n")[0]


def test_explain_excluded_lists_every_kept_out_block_with_its_reason():
    result = run("explain", str(CASES / "wire" / "pack.yaml"), "--excluded")
    assert result.exit_code == 0, result.output
    out = result.output
    assert "slug — a wire slug" in out and "“BC-Ferry-Fire,0210”" in out
    assert "credit — " in out and "“c.2000 N.Y. Times News Service”" in out
    assert "¶" not in out  # only what was kept out, not the paragraphs
    last = out.strip().split("\n")[-1]
    assert last.startswith("kept out: ") and "slug 2" in last and "end-mark 1" in last


def test_explain_rejects_an_unknown_source():
    result = run("explain", str(CASES / "energy" / "pack.yaml"), "--source", "S9")
    assert result.exit_code == 2 and "no source 'S9'" in result.output


def test_module_entry_point_runs():
    result = subprocess.run([sys.executable, "-m", "briefpack", "--version"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0 and "briefpack" in result.stdout
