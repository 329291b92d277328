from __future__ import annotations

import textwrap

import pytest

from briefpack.errors import BriefpackError, ManifestError
from briefpack.manifest import load_manifest

TEXT = {"a.txt": "Some text.\n"}


def manifest(body: str) -> str:
    return textwrap.dedent(body).lstrip()


VALID = manifest("""
    title: A pack
    date: 2021-04
    sources:
      - file: a.txt
        published: 2021-03-02
      - b/c.md
    themes:
      - id: water
        title: Water
        terms: [river, {flood: 2}]
        threshold: 2
      - id: money
        title: Money
        terms: {budget: 2, tax: 1}
        regex: ["\\\\bbonds?\\\\b"]
    fallback: {id: other, title: Other matters}
""")


def test_valid_manifest_is_read_into_typed_values(write_manifest):
    path = write_manifest(VALID, {"a.txt": "x", "b/c.md": "y"})
    m = load_manifest(path)
    assert m.title == "A pack" and m.date == "2021-04" and m.name == "pack"
    assert [s.id for s in m.sources] == ["S1", "S2"]
    assert m.sources[0].published == "2021-03-02" and m.sources[0].format == "txt"
    assert m.sources[1].format == "md" and m.sources[1].rel == "b/c.md"
    water, money, other = m.themes
    assert water.threshold == 2 and next((r.pattern, r.weight) for r in water.rules) == ("river", 1.0)
    assert any(r.regex for r in money.rules)
    assert other.id == "other" and other.rules == () and m.fallback == "other"
    assert m.layout == "default" and m.paper == "A4" and m.pdf_variant == "ua"


def test_every_problem_is_reported_at_once_with_its_line(write_manifest):
    path = write_manifest(
        manifest("""
        title: A pack
        theme: []
        sources:
          - file: missing.txt
            published: 2020-13
        themes:
          - id: water
            title: Water
        fallback: watr
    """)
    )
    with pytest.raises(ManifestError) as caught:
        load_manifest(path)
    lines = str(caught.value).splitlines()
    assert any(line.endswith(":2: unknown key 'theme' in the manifest (did you mean 'themes'?)") for line in lines)
    assert any(":4: source file not found: 'missing.txt'" in line for line in lines)
    assert any(":5: 'published' is not a date: '2020-13'" in line for line in lines)
    assert any(":7: theme 'water' has no rules" in line for line in lines)
    assert any(":9: fallback 'watr' is not a theme id (did you mean 'water'?)" in line for line in lines)
    assert len(lines) == 5


def test_duplicate_source_ids_are_refused(write_manifest):
    path = write_manifest(
        manifest("""
        title: T
        sources:
          - {file: a.txt, id: X}
          - {file: a.txt, id: X}
        themes: [{id: t, title: T, terms: [x]}]
        fallback: t
    """),
        TEXT,
    )
    with pytest.raises(ManifestError, match=r":4: duplicate source id 'X' \(also on line 3\)"):
        load_manifest(path)


def test_sources_outside_the_manifest_folder_need_permission(tmp_path, write_manifest):
    (tmp_path.parent / "outside.txt").write_text("x")
    body = """
        title: T
        sources: [../outside.txt]
        themes: [{id: t, title: T, terms: [x]}]
        fallback: t
    """
    with pytest.raises(ManifestError, match="lies outside the manifest's folder"):
        load_manifest(write_manifest(manifest(body)))
    assert load_manifest(write_manifest(manifest(body) + "allow_outside: true\n")).sources[0].rel == "../outside.txt"


def test_invalid_yaml_names_line_and_column(write_manifest):
    path = write_manifest("title: [unclosed\nsources: x\n")
    with pytest.raises(BriefpackError, match=r"pack.yaml:\d+: invalid YAML, column \d+"):
        load_manifest(path)


def test_alias_bomb_is_refused_before_expansion(write_manifest):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join(['*a' + str(i - 1)] * 10)}]" for i in range(1, 9)]
    path = write_manifest("\n".join(lines) + "\ntitle: T\n")
    with pytest.raises(BriefpackError, match="alias bomb"):
        load_manifest(path)


@pytest.mark.parametrize(
    "key, value, message",
    [
        ("layout", "fancy", "'layout' must be one of default, compact"),
        ("paper", "A3", "'paper' must be one of A4, Letter"),
        ("pdf_variant", "x", "'pdf_variant' must be one of ua, a3b"),
        ("day_first", "maybe", "'day_first' must be true or false"),
        ("date", "yesterday", "'date' is not a date"),
        ("output", "../evil", "'output' must be a plain file name"),
    ],
)
def test_bad_values_are_named(write_manifest, key, value, message):
    path = write_manifest(
        manifest(f"""
        title: T
        {key}: {value}
        sources: [a.txt]
        themes: [{{id: t, title: T, terms: [x]}}]
        fallback: t
    """),
        TEXT,
    )
    with pytest.raises(ManifestError, match=f":2: {message}"):
        load_manifest(path)


def test_recipient_addresses_are_validated(write_manifest):
    path = write_manifest(
        manifest("""
        title: T
        sources: [a.txt]
        themes: [{id: t, title: T, terms: [x]}]
        fallback: t
        recipients:
          - {name: Ann, email: ann@example.org}
          - {name: Bob, email: bob-at-example}
    """),
        TEXT,
    )
    with pytest.raises(ManifestError, match=r":7: recipient 2 \(Bob\): 'bob-at-example' is not an email address"):
        load_manifest(path)
