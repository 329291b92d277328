"""The test packs written for passages and near-duplicates, compiled end to end (no layout)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from briefpack.export import pack_to_dict
from briefpack.manifest import load_manifest
from briefpack.model import Pack
from briefpack.stages import compile_pack

CASES = Path(__file__).resolve().parents[1] / "cases"
GOLD = yaml.safe_load((CASES.parent / "benchmarks" / "duplicates" / "gold.yaml").read_text(encoding="utf-8"))
PACKS = ("rewrite", "background", "quotes", "pronouns")


def _compile(name: str) -> Pack:
    return compile_pack(load_manifest(CASES / name / "pack.yaml"))


def _printed(pack: Pack) -> dict[tuple[str, int], str]:
    return {(p.source, p.ordinal): c.id for c in pack.chapters for p in c.paragraphs}


@pytest.mark.parametrize("name", PACKS)
def test_nothing_is_lost_every_paragraph_is_printed_or_stands_behind_one_that_is(name):
    pack = _compile(name)
    exported = pack_to_dict(pack, pages=0)
    printed = {(p["source"], p["ordinal"]) for c in exported["chapters"] for p in c["paragraphs"]}
    behind = {
        (d["source"], d["ordinal"]): (d["printed"]["source"], d["printed"]["ordinal"]) for d in exported["duplicates"]
    }
    every = {(s.id, b.ordinal) for s in pack.sources for b in s.blocks}
    assert printed | set(behind) == every and not printed & set(behind)
    assert set(behind.values()) <= printed
    listed = {
        (d["source"], d["ordinal"]) for c in exported["chapters"] for p in c["paragraphs"] for d in p["duplicates"]
    }
    assert listed == set(behind)


@pytest.mark.parametrize("name", PACKS)
def test_no_dependent_paragraph_is_printed_apart_from_the_one_it_leans_on(name):
    pack = _compile(name)
    printed = _printed(pack)
    joined = [p for c in pack.chapters for p in c.paragraphs if p.joined]
    assert joined, "the pack is written to have dependent paragraphs"
    for p in joined:
        assert printed.get((p.source, p.ordinal - 1)) == printed[p.source, p.ordinal], (p.source, p.ordinal, p.joined)


@pytest.mark.parametrize("name", PACKS)
def test_no_near_duplicate_group_is_printed_twice(name):
    pack = _compile(name)
    paths = {s.rel: s.id for s in pack.sources}
    printed = _printed(pack)
    for group in GOLD[name]:
        members = [(paths[item.split("#")[0]], int(item.split("#")[1])) for item in group]
        assert sum(member in printed for member in members) == 1, group


def test_a_repeated_background_paragraph_is_printed_once_citing_every_source():
    pack = _compile("background")
    printed = [p for c in pack.chapters for p in c.paragraphs if p.duplicates]
    assert len(printed) == 1
    sources = {printed[0].source, *(d.source for d in printed[0].duplicates)}
    assert sources == {"S1", "S2", "S3", "S4"}


def test_a_rewrite_supersedes_the_earlier_version():
    pack = _compile("rewrite")
    assert [(x.newer, x.older) for x in pack.supersessions] == [("S2", "S1")]
    exported = pack_to_dict(pack, pages=0)
    assert exported["sources"][0]["superseded_by"] == "S2" and exported["sources"][1]["supersedes"] == ["S1"]


def test_a_quote_over_two_paragraphs_and_a_bare_quote_stay_with_what_they_follow():
    pack = _compile("quotes")
    by_ref = {(p.source, p.ordinal): p for c in pack.chapters for p in c.paragraphs}
    assert by_ref["S1", 3].joined == "continues a quotation" and by_ref["S1", 3].passage == 2
    assert by_ref["S1", 5].joined == "bare attributed quote"
    assert by_ref["S2", 3].joined == "continues a quotation"


def test_passages_paragraph_restores_paragraph_by_paragraph_theming(tmp_path):
    text = (CASES / "pronouns" / "pack.yaml").read_text(encoding="utf-8") + "passages: paragraph\n"
    for file in (CASES / "pronouns").glob("*.txt"):
        (tmp_path / file.name).write_text(file.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "pack.yaml").write_text(text, encoding="utf-8")
    pack = compile_pack(load_manifest(tmp_path / "pack.yaml"))
    paragraphs = [p for c in pack.chapters for p in c.paragraphs]
    assert all(p.joined is None for p in paragraphs)
    assert len({p.primary for p in paragraphs if p.source == "S1"}) > 1


@pytest.mark.parametrize("name", (*PACKS, "energy"))
def test_every_chapter_opens_with_key_points_taken_word_for_word_from_its_paragraphs(name):
    pack = _compile(name)
    exported = pack_to_dict(pack, pages=0)
    for chapter, data in zip(pack.chapters, exported["chapters"]):
        if not chapter.paragraphs:
            continue
        assert 1 <= len(chapter.key_points) <= 5
        texts = {p.anchor: p.text for p in chapter.paragraphs}
        for point, point_data in zip(chapter.key_points, data["key_points"]):
            assert point.text in texts[point.anchor]
            assert point_data["sources"][0] == point.anchor.split("-")[1]
    assert exported["summary"] and all(item["chapter"] in {c.id for c in pack.chapters} for item in exported["summary"])
