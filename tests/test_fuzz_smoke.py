"""Keep the fuzzer runnable: a few of its cases, in-process, as part of the normal test run."""

from __future__ import annotations

import importlib.util
from pathlib import Path

FUZZ = Path(__file__).resolve().parent / "fuzz" / "fuzz_build.py"


def test_fuzz_cases_end_in_a_pack_or_a_briefpack_error(tmp_path, monkeypatch):
    spec = importlib.util.spec_from_file_location("fuzz_build", FUZZ)
    fuzz = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(fuzz)
    monkeypatch.setattr(fuzz, "CRASHES", tmp_path / "crashes")
    outcomes = [fuzz.run_case(number, seed=12345, render=False, scratch=tmp_path) for number in range(40)]
    assert [trace for _, trace in outcomes if trace] == []
    assert {outcome for outcome, _ in outcomes} <= {"ok", "refused"}
