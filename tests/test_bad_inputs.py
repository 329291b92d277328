"""Bad input gets one clear line and exit code 2, never a traceback.

Each case goes through the CLI (``briefpack build``) and checks the exact
shape ``error: file:line: message``.
"""

from __future__ import annotations

import errno
import io
import os
import time
from pathlib import Path

import pytest
from harden_support import MINIMAL, TEXT, assert_one_error, error_lines, run, write_pack
from pypdf import PdfWriter

from briefpack.errors import SourceError
from briefpack.manifest.checker import MAX_NODES
from briefpack.model import SourceSpec
from briefpack.readers import read_source


def build(manifest: Path, tmp_path: Path):
    return run("build", manifest, "--out", tmp_path / "out", "-q")


# --- the manifest -----------------------------------------------------------


def test_manifest_not_found(tmp_path):
    missing = tmp_path / "nope.yaml"
    assert_one_error(build(missing, tmp_path), missing, "manifest not found")


def test_manifest_is_a_directory(tmp_path):
    # A folder is looked into for its pack.yaml or briefpack.yaml; without one, the error says what was looked for.
    assert_one_error(
        build(tmp_path, tmp_path),
        tmp_path,
        r"a folder without a manifest: looked for pack\.yaml "
        r"and briefpack\.yaml in it; `briefpack new .+` writes one for the sources there",
    )


def test_manifest_is_empty(tmp_path):
    manifest = write_pack(tmp_path, "# nothing here\n")
    assert_one_error(build(manifest, tmp_path), manifest, "manifest is empty")


def test_manifest_not_utf8(tmp_path):
    manifest = write_pack(tmp_path, MINIMAL.replace("Test pack", "Caf\xe9").encode("latin-1"))
    assert_one_error(
        build(manifest, tmp_path),
        manifest,
        r"manifest is not UTF-8 text \(byte 0xe9 at column 11\); save it as UTF-8",
        line=1,
    )


def test_manifest_not_a_mapping(tmp_path):
    manifest = write_pack(tmp_path, "- just\n- a list\n")
    assert_one_error(build(manifest, tmp_path), manifest, "the manifest must be a mapping of keys to values", line=1)


def test_sources_not_a_list(tmp_path):
    manifest = write_pack(tmp_path, MINIMAL.replace("sources:\n  - file: a.txt", "sources: a.txt"))
    assert_one_error(build(manifest, tmp_path), manifest, "'sources' must be a list", line=2)


def test_invalid_yaml_names_line_and_column(tmp_path):
    manifest = write_pack(tmp_path, MINIMAL.replace("  - file: a.txt", "  - file: [a.txt"))
    assert_one_error(build(manifest, tmp_path), manifest, r"invalid YAML, column \d+: .+", line=4)


def test_control_character_in_yaml(tmp_path):
    manifest = write_pack(tmp_path, MINIMAL.replace("Test pack", "Test\x00pack"))
    assert_one_error(
        build(manifest, tmp_path), manifest, r"invalid YAML: character #x0000 is not allowed in a manifest", line=1
    )


def test_yaml_nested_too_deeply(tmp_path):
    manifest = write_pack(tmp_path, "title: " + "[" * 5000 + "]" * 5000 + "\n")
    assert_one_error(build(manifest, tmp_path), manifest, "invalid YAML: nested too deeply")


def test_billion_laughs_is_refused_quickly(tmp_path):
    bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in "bcdefghi":
        previous = chr(ord(level) - 1)
        bomb.append(f"{level}: &{level} [" + ",".join([f"*{previous}"] * 9) + "]")
    manifest = write_pack(tmp_path, "\n".join(bomb) + "\n" + MINIMAL)
    started = time.monotonic()
    result = build(manifest, tmp_path)
    assert time.monotonic() - started < 5
    assert_one_error(result, manifest, rf"manifest expands to more than {MAX_NODES} values \(alias bomb\?\)")


def test_recursive_alias_is_refused(tmp_path):
    manifest = write_pack(tmp_path, "loop: &a [*a]\n" + MINIMAL)
    result = build(manifest, tmp_path)
    assert result.exit_code == 2 and "Traceback" not in result.stderr, result.stderr


def test_manifest_too_large(tmp_path):
    manifest = write_pack(tmp_path, MINIMAL + "#" * (2 * 1024 * 1024) + "\n")
    assert_one_error(build(manifest, tmp_path), manifest, "manifest is larger than 1024 KB")


def test_unknown_key_suggests_nearest(tmp_path):
    manifest = write_pack(tmp_path, MINIMAL + "layot: compact\n")
    assert_one_error(
        build(manifest, tmp_path), manifest, r"unknown key 'layot' in the manifest \(did you mean 'layout'\?\)", line=9
    )


def test_unknown_key_theme_for_themes(tmp_path):
    manifest = write_pack(tmp_path, MINIMAL.replace("themes:", "theme:"))
    result = build(manifest, tmp_path)
    assert result.exit_code == 2
    assert f"error: {manifest}:4: unknown key 'theme' in the manifest (did you mean 'themes'?)" in error_lines(result)


def test_duplicate_source_ids(tmp_path):
    manifest = write_pack(
        tmp_path,
        MINIMAL.replace("  - file: a.txt", "  - file: a.txt\n    id: A\n  - file: b.txt\n    id: A"),
        {"a.txt": TEXT, "b.txt": TEXT},
    )
    assert_one_error(build(manifest, tmp_path), manifest, r"duplicate source id 'A' \(also on line 3\)", line=6)


@pytest.mark.parametrize("terms", ["", "\n    terms: []", "\n    terms: {}"])
def test_theme_without_rules(tmp_path, terms):
    manifest = write_pack(tmp_path, MINIMAL.replace("\n    terms: [alpha]", terms))
    assert_one_error(
        build(manifest, tmp_path), manifest, r"theme 'alpha' has no rules: give it 'terms' or 'regex'", line=5
    )


@pytest.mark.parametrize("value", ["2020-13-45", "2020-02-30", "yesterday", "'٢٠٢٠'"])
def test_date_that_is_not_a_date(tmp_path, value):
    manifest = write_pack(tmp_path, MINIMAL + f"date: {value}\n")
    shown = value.strip("'")
    assert_one_error(
        build(manifest, tmp_path),
        manifest,
        rf"'date' is not a date: '{shown}' \(write 2020, 2020-05 or 2020-05-28\)",
        line=9,
    )


def test_published_that_is_not_a_date(tmp_path):
    manifest = write_pack(tmp_path, MINIMAL.replace("  - file: a.txt", "  - file: a.txt\n    published: May"))
    assert_one_error(build(manifest, tmp_path), manifest, r"'published' is not a date: 'May' .*", line=4)


@pytest.mark.parametrize("value", ["nan", "inf", "1e999", "-1", "huge"])
def test_max_source_mb_must_be_a_sane_number(tmp_path, value):
    manifest = write_pack(tmp_path, MINIMAL + f"max_source_mb: {value}\n")
    assert_one_error(build(manifest, tmp_path), manifest, r"'max_source_mb' must be .+", line=9)


def test_source_outside_the_folder(tmp_path):
    (tmp_path / "secret.txt").write_text(TEXT)
    manifest = write_pack(tmp_path / "pack", MINIMAL.replace("a.txt", "../secret.txt"), {})
    assert_one_error(
        build(manifest, tmp_path),
        manifest,
        r"source '../secret.txt' lies outside the manifest's folder "
        r"\(set 'allow_outside: true' to allow it\)",
        line=3,
    )


def test_symlink_out_of_the_folder_counts_as_outside(tmp_path):
    (tmp_path / "secret.txt").write_text(TEXT)
    manifest = write_pack(tmp_path / "pack", MINIMAL, {})
    (tmp_path / "pack" / "a.txt").symlink_to(tmp_path / "secret.txt")
    assert_one_error(
        build(manifest, tmp_path), manifest, r"source 'a.txt' lies outside the manifest's folder .*", line=3
    )


def test_absolute_source_path_counts_as_outside(tmp_path):
    manifest = write_pack(tmp_path, MINIMAL.replace("a.txt", "/etc/passwd"))
    assert_one_error(build(manifest, tmp_path), manifest, r"source '/etc/passwd' lies outside .*", line=3)


@pytest.mark.layout
def test_allow_outside_lets_it_through(tmp_path):
    (tmp_path / "secret.txt").write_text(TEXT)
    manifest = write_pack(tmp_path / "pack", MINIMAL.replace("a.txt", "../secret.txt") + "allow_outside: true\n", {})
    result = build(manifest, tmp_path)
    assert result.exit_code == 0, result.stderr


@pytest.mark.parametrize("name", ["a\\x00b.txt", "x" * 5000 + ".txt"])
def test_unusable_source_path(tmp_path, name):
    manifest = write_pack(tmp_path, MINIMAL.replace("file: a.txt", f'file: "{name}"'))
    assert_one_error(
        build(manifest, tmp_path),
        manifest,
        r"(source file cannot be used: |'file' holds a control character).+",
        line=3,
    )


def test_every_problem_reported_at_once(tmp_path):
    manifest = write_pack(tmp_path, MINIMAL.replace("a.txt", "missing.txt") + "date: soon\npaper: A5\n")
    result = build(manifest, tmp_path)
    assert result.exit_code == 2
    assert [line.split(": ", 2)[1] for line in error_lines(result)] == [
        f"{manifest}:3",
        f"{manifest}:9",
        f"{manifest}:10",
    ]


# --- the sources ------------------------------------------------------------


def test_missing_source(tmp_path):
    manifest = write_pack(tmp_path, MINIMAL.replace("a.txt", "missing.txt"))
    assert_one_error(build(manifest, tmp_path), manifest, r"source file not found: 'missing.txt'", line=3)


def _deny(monkeypatch, denied: Path) -> None:
    """Make ``denied`` unreadable even to root, whose chmod 000 does not stop it."""

    def refuse(original):
        def opener(file, *args, **kwargs):
            if isinstance(file, (str, bytes, os.PathLike)) and Path(os.fsdecode(file)).resolve() == denied.resolve():
                raise PermissionError(errno.EACCES, "Permission denied", os.fsdecode(file))
            return original(file, *args, **kwargs)

        return opener

    monkeypatch.setattr(io, "open", refuse(io.open))
    monkeypatch.setattr("builtins.open", refuse(open))
    monkeypatch.setattr(os, "open", refuse(os.open))


def test_unreadable_source(tmp_path, monkeypatch):
    manifest = write_pack(tmp_path)
    source = tmp_path / "a.txt"
    if os.geteuid() == 0:
        _deny(monkeypatch, source)
    else:
        source.chmod(0)
    result = build(manifest, tmp_path)
    assert_one_error(result, source.resolve(), r".*(Permission denied|cannot read).*")


def test_empty_source(tmp_path):
    manifest = write_pack(tmp_path, files={"a.txt": ""})
    assert_one_error(build(manifest, tmp_path), (tmp_path / "a.txt").resolve(), r".*empty.*")


def test_whitespace_only_source(tmp_path):
    manifest = write_pack(tmp_path, files={"a.txt": " \n\n\t\n"})
    assert_one_error(build(manifest, tmp_path), (tmp_path / "a.txt").resolve(), r".*empty.*")


def test_binary_source(tmp_path):
    manifest = write_pack(tmp_path, files={"a.txt": bytes(range(256)) * 40})
    assert_one_error(build(manifest, tmp_path), (tmp_path / "a.txt").resolve(), r".*binary.*")


@pytest.mark.layout
def test_windows_1252_source_is_decoded_with_a_warning(tmp_path):
    text = "Alpha said the café costs 5 € — “quite” a lot.\n"
    manifest = write_pack(tmp_path, files={"a.txt": text.encode("cp1252")})
    result = build(manifest, tmp_path)
    assert result.exit_code == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning: ") and "a.txt" in line]
    assert warnings, result.stderr
    assert "café costs 5 €" in (tmp_path / "out" / "pack.html").read_text(encoding="utf-8")


def test_latin_1_source_is_decoded(tmp_path):
    spec = _spec(tmp_path, "Alpha à Zürich, señor.\n".encode("latin-1"))
    text, warnings = read_source(spec, max_bytes=1 << 20)
    assert "Zürich" in text and "señor" in text
    assert any("a.txt" in w for w in warnings)


def test_source_over_the_size_limit(tmp_path):
    manifest = write_pack(tmp_path, MINIMAL + "max_source_mb: 0.001\n", {"a.txt": TEXT * 200})
    assert_one_error(build(manifest, tmp_path), (tmp_path / "a.txt").resolve(), r".*(MB|KB|bytes|large|limit).*")


def test_default_size_limit_is_20_mb(tmp_path):
    from briefpack.manifest import load_manifest

    assert load_manifest(write_pack(tmp_path)).max_source_bytes == 20 * 1024 * 1024
    manifest = write_pack(tmp_path, MINIMAL + "max_source_mb: 2\n")
    assert load_manifest(manifest).max_source_bytes == 2 * 1024 * 1024


def _pdf(*, encrypt: bool) -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    if encrypt:
        writer.encrypt(user_password="secret", owner_password="owner")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_encrypted_pdf(tmp_path):
    manifest = write_pack(tmp_path, MINIMAL.replace("a.txt", "a.pdf"), {"a.pdf": _pdf(encrypt=True)})
    assert_one_error(build(manifest, tmp_path), (tmp_path / "a.pdf").resolve(), r".*(encrypt|password).*")


def test_pdf_without_text_layer(tmp_path):
    manifest = write_pack(tmp_path, MINIMAL.replace("a.txt", "a.pdf"), {"a.pdf": _pdf(encrypt=False)})
    assert_one_error(build(manifest, tmp_path), (tmp_path / "a.pdf").resolve(), r".*(text|scanned|OCR).*")


# --- read_source's documented API, for whatever reader lands --------------


def _spec(folder: Path, data: bytes, name: str = "a.txt", fmt: str = "txt") -> SourceSpec:
    path = folder / name
    path.write_bytes(data)
    return SourceSpec(id="S1", path=path.resolve(), rel=name, format=fmt)


def test_read_source_reads_utf8(tmp_path):
    text, _warnings = read_source(_spec(tmp_path, TEXT.encode()), max_bytes=1 << 20)
    assert "Alpha met beta" in text


def test_read_source_missing_file_is_a_source_error(tmp_path):
    spec = SourceSpec(id="S1", path=tmp_path / "gone.txt", rel="gone.txt", format="txt")
    with pytest.raises(SourceError):
        read_source(spec, max_bytes=1 << 20)


@pytest.mark.parametrize(
    "data, name, fmt",
    [
        (b"", "a.txt", "txt"),
        (bytes(range(256)) * 8, "a.txt", "txt"),
        (TEXT.encode() * 100, "a.txt", "txt"),  # over the max_bytes below
        (_pdf(encrypt=True), "a.pdf", "pdf"),
        (_pdf(encrypt=False), "a.pdf", "pdf"),
    ],
    ids=["empty", "binary", "too-large", "encrypted-pdf", "textless-pdf"],
)
def test_read_source_refuses(tmp_path, data, name, fmt):
    with pytest.raises(SourceError) as raised:
        read_source(_spec(tmp_path, data, name, fmt), max_bytes=1000)
    assert "\n" not in str(raised.value)


# --- the machine's own refusals ---------------------------------------------


def test_out_dir_that_cannot_be_created(tmp_path):
    manifest = write_pack(tmp_path)
    (tmp_path / "blocker").write_text("a file, not a folder")
    result = run("build", manifest, "--out", tmp_path / "blocker" / "out", "-q")
    assert result.exit_code == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert len(error_lines(result)) == 1 and "Not a directory" in result.stderr


@pytest.mark.layout
def test_disk_full_is_one_line_and_keeps_old_outputs(tmp_path, monkeypatch):
    manifest = write_pack(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    for suffix in ("pdf", "html", "json"):
        (out / f"pack.{suffix}").write_text(f"old {suffix}")

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    result = build(manifest, tmp_path)
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    assert len(error_lines(result)) == 1 and "No space left on device" in result.stderr
    assert {p.name: p.read_text() for p in out.glob("pack.*")} == {
        "pack.pdf": "old pdf",
        "pack.html": "old html",
        "pack.json": "old json",
    }
    assert not list(out.glob("*.part"))


def test_oserror_anywhere_is_one_line(tmp_path, monkeypatch):
    import briefpack.layout.render

    def unreadable(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", "/layouts/pack.html")

    monkeypatch.setattr(briefpack.layout.render, "lay_out", unreadable)
    result = build(write_pack(tmp_path), tmp_path)
    assert result.exit_code == 2
    assert error_lines(result) == ["error: /layouts/pack.html: Permission denied"]


def test_a_real_bug_is_one_line_that_says_so_and_exit_1(tmp_path, monkeypatch):
    import briefpack.layout.render

    def buggy(*args, **kwargs):
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(briefpack.layout.render, "lay_out", buggy)
    result = build(write_pack(tmp_path), tmp_path)
    assert result.exit_code == 1
    [line] = error_lines(result)
    assert "internal error in briefpack" in line and "ZeroDivisionError: a bug" in line and "--debug" in line
    assert "Traceback" not in result.stderr


def test_debug_shows_a_bug_with_its_traceback(tmp_path, monkeypatch):
    import briefpack.layout.render

    def buggy(*args, **kwargs):
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(briefpack.layout.render, "lay_out", buggy)
    result = run("--debug", "build", write_pack(tmp_path), "--out", tmp_path / "out", "-q")
    assert isinstance(result.exception, ZeroDivisionError)
    assert result.exit_code == 1


def test_a_missing_file_of_briefpack_itself_is_a_bug_not_a_user_error(tmp_path, monkeypatch):
    import briefpack.layout.render
    from briefpack.paths import LAYOUTS

    def missing_template(*args, **kwargs):
        raise FileNotFoundError(errno.ENOENT, "No such file or directory", str(LAYOUTS / "pack.html"))

    monkeypatch.setattr(briefpack.layout.render, "lay_out", missing_template)
    result = build(write_pack(tmp_path), tmp_path)
    assert result.exit_code == 1
    assert "internal error in briefpack" in result.stderr
