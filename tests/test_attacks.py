"""The attack catalogue of issue 18: one test per defect a black-box attack on the CLI found.

Each test drives the command line as a separate process, as an attacker or a
careless user would: a hostile out folder, manifest or distribution file, a
FIFO or a device where a file belongs, signals sent to the process, a log
torn by a crash. Every run has a time limit and a memory limit, so a hang is
a failure and a runaway read cannot take the machine down with it.

The promise under test is the same everywhere: a user error is one line
``error: file[:line]: message`` and exit code 2, never a traceback, a hang,
a silent omission, code run from a cache, or markup from a manifest.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import os
import pickle
import random
import re
import resource
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from pypdf import PdfWriter

REPO = Path(__file__).resolve().parent.parent


def _module() -> str:
    """``briefpack`` when that name imports this repository's code, else the flat package ``compiler``."""
    spec = importlib.util.find_spec("briefpack")
    return "briefpack" if spec and spec.origin and Path(spec.origin).resolve().is_relative_to(REPO) else "compiler"


MODULE = _module()
LIMIT_SECONDS = 60  # far above any honest run of these tiny packs: reaching it means a hang
MEMORY_BYTES = 3 * 1024**3

MANIFEST = """\
title: Harbour works
date: 2021-06-30
sources:
  - file: a.txt
    title: The harbour wall
    published: 2021-05
  - file: b.txt
themes:
  - id: harbour
    title: The harbour
    terms: [harbour, quay]
  - id: money
    title: Money
    terms: [budget, cost]
fallback: harbour
distribution: people.yaml
"""
TEXT_A = (
    "The harbour wall was repaired on 3 May 2021 after the winter storms.\n\n"
    "Work on the quay went on for two more weeks, and the budget held.\n"
)
TEXT_B = "The cost of the works was set out on 12 June 2021 in the council's budget.\n"
PEOPLE = """\
recipients:
  - name: Ada Lovelace
    email: ada@example.org
  - name: Grace Hopper
    email: grace@example.org
smtp:
  host: 127.0.0.1
  port: 2525
  sender: packs@example.org
"""


# --- running the command line -------------------------------------------------


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))


def _env(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = dict(os.environ)
    if MODULE == "compiler":  # the flat package imports from the repository root
        env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    env.pop("SOURCE_DATE_EPOCH", None)
    return env | (extra or {})


def start(*args: object, env: dict[str, str] | None = None, stdin=subprocess.DEVNULL) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", MODULE, *map(str, args)],
        stdin=stdin,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_env(env),
        preexec_fn=_limits,
        start_new_session=True,
    )


def cli(
    *args: object, env: dict[str, str] | None = None, input: bytes | None = None, timeout: float = LIMIT_SECONDS
) -> subprocess.CompletedProcess:
    """Run briefpack; a run past ``timeout`` is killed with its whole group and fails the test as a hang."""
    process = start(*args, env=env, stdin=subprocess.PIPE if input is not None else subprocess.DEVNULL)
    try:
        out, err = process.communicate(input, timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        pytest.fail(f"briefpack {' '.join(map(str, args))} hung (killed after {timeout} s)")
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


def text(stream: bytes) -> str:
    return stream.decode("utf-8", "replace")


def assert_user_error(result, where: Path | str, message: str = ".+", *, line: int | None = None) -> None:
    """Exit 2 with exactly one error line naming ``where`` (and ``line``), no traceback."""
    err = text(result.stderr)
    assert "Traceback" not in err, err
    assert result.returncode == 2, (result.returncode, err)
    errors = [e for e in err.splitlines() if e.startswith("error: ")]
    assert len(errors) == 1, err
    name = re.escape(Path(where).name)
    place = rf"\S*{name}:{line}:" if line is not None else rf"\S*{name}:(\d+:)?"
    assert re.fullmatch(rf"error: {place} {message}", errors[0]), errors[0]


def line_of(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


@pytest.fixture
def pack(tmp_path):
    """A two-source pack with a distribution file; returns the manifest's path."""
    folder = tmp_path / "pack"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT_A, encoding="utf-8")
    (folder / "b.txt").write_text(TEXT_B, encoding="utf-8")
    (folder / "people.yaml").write_text(PEOPLE, encoding="utf-8")
    manifest = folder / "pack.yaml"
    manifest.write_text(MANIFEST, encoding="utf-8")
    return manifest


def edit(path: Path, old: str, new: str) -> None:
    content = path.read_text(encoding="utf-8")
    assert old in content, old
    path.write_text(content.replace(old, new, 1), encoding="utf-8")


def build(manifest: Path, *more: object, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return cli("build", manifest, "--out", manifest.parent / "out", *more, env=env)


def outputs(manifest: Path) -> dict[str, bytes]:
    out = manifest.parent / "out"
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file() and not p.name.startswith(".")}


# --- the cache and the stamp: data, never code ---------------------------------


class _Payload:
    """A pickle that, as it loads, creates the file it names."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return open, (str(self.marker), "w")


@pytest.mark.layout
def test_cache_entries_never_run_code(pack):
    assert build(pack).returncode == 0
    cache = pack.parent / "out" / ".cache"
    marker = pack.parent / "owned"
    hostile = pickle.dumps(_Payload(marker))
    entries = [p for p in cache.rglob("*") if p.is_file() and "stamps" not in p.parts]
    assert entries
    for entry in entries:
        entry.write_bytes(hostile)
    for stamp in (cache / "stamps").glob("*"):
        stamp.unlink()  # so the next build reads its cache
    result = build(pack)
    assert result.returncode == 0, text(result.stderr)
    assert not marker.exists()


@pytest.mark.layout
def test_stamp_naming_a_file_the_manifest_does_not_name_is_not_opened(pack):
    assert build(pack).returncode == 0
    fifo = pack.parent / "fifo"
    os.mkfifo(fifo)
    source = str((pack.parent / "a.txt").resolve())
    stamps = list((pack.parent / "out" / ".cache" / "stamps").glob("*"))
    assert stamps
    for stamp in stamps:
        content = stamp.read_text(encoding="utf-8")
        assert json.dumps(source) in content
        stamp.write_text(content.replace(json.dumps(source), json.dumps(str(fifo))), encoding="utf-8")
    result = build(pack)  # opening the FIFO would block for ever
    assert result.returncode == 0, text(result.stderr)
    assert "up to date" not in text(result.stdout)


@pytest.mark.layout
@pytest.mark.parametrize("swap", ["fifo", "device"])
def test_source_swapped_for_a_fifo_or_device_after_a_build(pack, swap):
    assert build(pack).returncode == 0
    source = pack.parent / "a.txt"
    source.unlink()
    if swap == "fifo":
        os.mkfifo(source)
    else:
        source.symlink_to("/dev/zero")
    assert_user_error(build(pack), "", ".*a.txt.*")


@pytest.mark.layout
def test_changing_source_date_epoch_rebuilds(pack):
    edit(pack, "date: 2021-06-30\n", "")
    assert build(pack, env={"SOURCE_DATE_EPOCH": "1600000000"}).returncode == 0
    result = build(pack, env={"SOURCE_DATE_EPOCH": "1700000000"})
    assert result.returncode == 0, text(result.stderr)
    assert "up to date" not in text(result.stdout)


# --- markup from the manifest --------------------------------------------------


def test_source_id_with_markup_is_refused_with_its_line(pack):
    edit(
        pack,
        "    title: The harbour wall\n",
        '    id: \'S1"><style>body{display:none}</style><img src="http://127.0.0.1:9/x">\'\n'
        "    title: The harbour wall\n",
    )
    assert_user_error(cli("explain", pack), pack, ".*id.*", line=line_of(pack, "<style>"))


HOSTILE = '<img src="http://127.0.0.1:9/x"><style>p{display:none}</style><script>x()</script>'


@pytest.mark.layout
def test_hostile_values_in_every_manifest_field_stay_text(pack):
    def elements(html: str) -> dict[str, int]:
        return {tag: len(re.findall(rf"<{tag}\b", html, re.IGNORECASE)) for tag in ("img", "style", "script", "link")}

    assert build(pack).returncode == 0
    plain = elements((pack.parent / "out" / "pack.html").read_text(encoding="utf-8"))
    quoted = json.dumps(HOSTILE)
    manifest = f"""\
title: {quoted}
subtitle: {quoted}
date: 2021-06-30
author: {quoted}
organisation: {quoted}
handling: {quoted}
keywords: [{quoted}]
actors: [{quoted}, Harbour]
sources:
  - file: a.txt
    title: {quoted}
    author: {quoted}
    publisher: {quoted}
    url: {quoted}
    published: 2021-05
  - file: b.txt
themes:
  - id: harbour
    title: {quoted}
    terms: [harbour, quay]
  - id: money
    title: {quoted}
    terms: [budget, cost]
fallback: {{id: other, title: {quoted}}}
"""
    pack.write_text(manifest, encoding="utf-8")
    result = build(pack, "--force")
    assert result.returncode == 0, text(result.stderr)
    assert elements((pack.parent / "out" / "pack.html").read_text(encoding="utf-8")) == plain


# --- manifest and distribution values, validated where they are read -----------


def test_port_out_of_range_is_refused(pack):
    people = pack.parent / "people.yaml"
    edit(people, "port: 2525", "port: 70000")
    assert_user_error(cli("explain", pack), people, ".*port.*", line=line_of(people, "70000"))


@pytest.mark.parametrize(
    "old,new",
    [
        ("name: Grace Hopper", "name: ''"),
        ("email: grace@example.org", "email: ''"),
        ("email: grace@example.org", "email: ~"),
    ],
)
def test_empty_recipient_value_is_an_error_not_an_omission(pack, old, new):
    people = pack.parent / "people.yaml"
    edit(people, old, new)
    assert_user_error(cli("explain", pack), people, ".+", line=line_of(people, new))


@pytest.mark.parametrize("value", ['""', "~"])
def test_empty_source_file_is_an_error_not_an_omission(pack, value):
    edit(pack, "  - file: b.txt", f"  - file: {value}")
    assert_user_error(cli("explain", pack), pack, ".*file.*", line=line_of(pack, f"file: {value}"))


def test_internationalised_address_is_refused_at_load(pack):
    people = pack.parent / "people.yaml"
    edit(people, "grace@example.org", "jürgen@example.org")
    assert_user_error(cli("explain", pack), people, ".*jürgen@example.org.*", line=line_of(people, "jürgen"))


@pytest.mark.parametrize(
    "old,new",
    [
        ("name: Grace Hopper", 'name: "Grace\\r\\nBcc: eve@example.net"'),
        ("sender: packs@example.org", 'sender: "packs@example.org\\r\\nBcc: e@x.net"'),
        ("name: Ada Lovelace", 'name: "Ada\\x1b]0;owned\\x07"'),
    ],
)
def test_control_characters_in_header_values_are_refused(pack, old, new):
    people = pack.parent / "people.yaml"
    edit(people, old, new)
    assert_user_error(cli("explain", pack), people, ".*control character.*", line=line_of(people, new))


def test_very_long_recipient_name_is_refused_at_load(pack):
    people = pack.parent / "people.yaml"
    edit(people, "name: Grace Hopper", "name: " + "Grace " * 600)
    assert_user_error(cli("explain", pack), people, ".*name.*", line=line_of(people, "Grace Grace"))


@pytest.mark.parametrize(
    "key,old,new",
    [
        ("date", "date: 2021-06-30", "date: '0000'"),
        ("published", "published: 2021-05", "published: 0999-05"),
        ("published", "published: 2021-05", "published: '0000'"),
    ],
)
def test_dates_outside_the_supported_years_are_refused_with_their_line(pack, key, old, new):
    edit(pack, old, new)
    edit(pack, "fallback: harbour", "fallback: harbour\npdf_variant: a3b")
    assert_user_error(cli("explain", pack), pack, f".*{key}.*", line=line_of(pack, new))


@pytest.mark.layout
def test_source_date_epoch_beyond_year_9999_is_one_error_line(pack):
    edit(pack, "date: 2021-06-30\n", "")
    result = build(pack, env={"SOURCE_DATE_EPOCH": str(254000000000)})  # in the year 10018
    err = text(result.stderr)
    assert "Traceback" not in err, err
    assert result.returncode == 2, err
    assert [e for e in err.splitlines() if e.startswith("error: ")] == [
        e for e in err.splitlines() if "SOURCE_DATE_EPOCH" in e
    ]


def test_many_plain_themes_are_not_an_alias_bomb(pack):
    themes = "".join(f"  - id: t{n}\n    title: Theme {n}\n    terms: [word{n}, other{n}]\n" for n in range(3000))
    pack.write_text(MANIFEST.split("themes:")[0] + "themes:\n" + themes + "fallback: t0\n", encoding="utf-8")
    result = cli("explain", pack)
    assert result.returncode == 0, text(result.stderr)


def test_values_in_error_lines_are_shown_escaped(pack):
    edit(pack, "title: Harbour works", 'title: Harbour works\n"ti\\e]0;owned\\atle\\0": 1\npaper: "A4\\e[2J\\0"')
    result = cli("explain", pack)
    assert result.returncode == 2
    assert "Traceback" not in text(result.stderr)
    assert not re.search(rb"[\x00-\x08\x0b-\x1f\x7f]", result.stderr), result.stderr
    assert len([e for e in text(result.stderr).splitlines() if e.startswith("error: ")]) == 2


# --- bounded work: every file checked before it is read ------------------------


@pytest.mark.layout
def test_distribution_fifo_is_refused_without_blocking(pack):
    people = pack.parent / "people.yaml"
    people.unlink()
    os.mkfifo(people)
    for command in ("explain", "stamp"):
        assert_user_error(
            cli(command, pack, *(["--out", pack.parent / "out"] if command == "stamp" else [])),
            pack,
            ".*people.yaml.*",
            line=line_of(pack, "distribution:"),
        )


def test_distribution_device_is_refused_without_reading_it(pack):
    edit(pack, "distribution: people.yaml", "distribution: /dev/urandom\nallow_outside: true")
    assert_user_error(cli("explain", pack, timeout=20), pack, ".*/dev/urandom.*", line=line_of(pack, "urandom"))


def test_distribution_symlink_loop_is_one_error_line(pack):
    people = pack.parent / "people.yaml"  # found by the fuzzer, with its new file swaps
    people.unlink()
    people.symlink_to(people.name)
    assert_user_error(cli("explain", pack), pack, ".*people.yaml.*", line=line_of(pack, "distribution:"))


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_dates_refuses_a_fifo_or_a_device(tmp_path, kind):
    target = tmp_path / "input"
    if kind == "fifo":
        os.mkfifo(target)
    else:
        target.symlink_to("/dev/zero")
    assert_user_error(cli("dates", target, "--dct", "2020", timeout=20), target)


def hard_wrapped(size: int) -> str:
    """Ordinary dated prose, wrapped at 72 columns with no blank line: one paragraph of ``size`` characters."""
    rng = random.Random(size)
    words = [
        "the",
        "harbour",
        "board",
        "met",
        "again",
        "and",
        "said",
        "that",
        "council",
        "quay",
        "would",
        "open",
        "soon",
        "after",
        "works",
        "were",
        "finished",
        "by",
        "contractors",
        "in",
        "spite",
        "of",
        "rain",
    ]
    sentences, length, day = [], 0, 0
    while length < size:
        day += 1
        sentence = f"On {1 + day % 28} May 2020 " + " ".join(rng.choices(words, k=rng.randrange(8, 20))) + "."
        sentences.append(sentence)
        length += len(sentence) + 1
    return textwrap.fill(" ".join(sentences), 72) + "\n"


def test_hard_wrapped_source_is_dated_in_linear_time(pack):
    # 236 KB took 78 s when dating was quadratic; linear, 250 KB takes a few seconds. The benchmark
    # (tests/benchmarks/bench_large_inputs.py) measures 10 MB; this only guards against going back.
    (pack.parent / "a.txt").write_text(hard_wrapped(250_000), encoding="utf-8")
    result = cli("explain", pack, timeout=40)
    assert result.returncode == 0, text(result.stderr)


def test_pathological_theme_regex_is_reported_with_its_line(pack):
    edit(pack, "    terms: [budget, cost]", "    terms: [budget, cost]\n    regex:\n      '(a|aa)+$': 1")
    (pack.parent / "b.txt").write_text("The cost " + "a" * 60 + "! was in the budget.\n", encoding="utf-8")
    assert_user_error(cli("explain", pack), pack, r".*\(a\|aa\)\+\$.*", line=line_of(pack, "(a|aa)+$"))


# --- dates --jsonl: one error line per bad record, and on ----------------------


def test_dates_jsonl_reports_each_bad_record_and_goes_on():
    good = {"id": "ok", "dct": "2020-05-01", "text": "They met on 3 May 2020."}
    bad = [
        {"id": 1, "dct": 2020, "text": "x"},
        {"id": 2, "dct": "2020", "text": None},
        {"id": 3, "dct": ["2020"], "text": "x"},
        {"id": 4, "dct": "2020", "text": ["x"]},
        {"id": 5, "dct": "2020", "text": 7},
        [1, 2],
        "just a string",
        None,
    ]
    lines = (
        [json.dumps(good)]
        + [json.dumps(b) for b in bad]
        + ["[" * 100_000 + "]" * 100_000, "{not json", json.dumps(good)]
    )
    result = cli("dates", "--jsonl", input=("\n".join(lines) + "\n").encode())
    err = text(result.stderr)
    assert "Traceback" not in err, err
    answers = [json.loads(line) for line in text(result.stdout).splitlines()]
    assert len(answers) == len(lines)  # one line out per line in, so the answers can be zipped with the input
    assert answers[0]["expressions"] and answers[-1]["expressions"]
    assert all("error" in a for a in answers[1:-1])
    errors = [e for e in err.splitlines() if e.startswith("error: ")]
    assert [int(re.match(r"error: <stdin>:(\d+):", e).group(1)) for e in errors] == list(range(2, len(lines)))
    assert result.returncode == 2


# --- the mail log ----------------------------------------------------------------


@pytest.mark.layout
@pytest.mark.parametrize(
    "tail", [b'{"email": "grace@example.org", "name": "Gr\xc3', b'{"email": 42, "pack_sha256": 7}\n']
)
def test_a_torn_or_malformed_mail_log_line_is_ignored_with_a_warning(pack, tail):
    ledger = pack.parent / "out" / "outbox" / "sent.jsonl"
    ledger.parent.mkdir(parents=True)
    ledger.write_bytes(tail)
    result = cli("send", pack, "--out", pack.parent / "out", "--dry-run", "-q")
    err = text(result.stderr)
    assert result.returncode == 0, err
    assert any(w.startswith("warning: ") and "sent.jsonl" in w for w in err.splitlines()), err
    assert len(list(ledger.parent.glob("*.eml"))) == 2


# --- options ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "option", [["--limit-mb", "nan"], ["--limit-mb", "inf"], ["--host", ""], ["--sender", "not an address"]]
)
@pytest.mark.layout
def test_bad_send_options_are_usage_errors(pack, option):
    result = cli("send", pack, "--out", pack.parent / "out", "--dry-run", *option)
    err = text(result.stderr)
    assert "Traceback" not in err, err
    assert result.returncode == 2, err
    assert option[0] in err


# --- messages --------------------------------------------------------------------


@pytest.mark.layout
def test_a_year_out_of_range_in_a_source_is_a_warning_naming_it(pack):
    (pack.parent / "b.txt").write_text(
        "The plan runs to 3 May 3000, the council said of the budget.\n", encoding="utf-8"
    )
    result = build(pack)
    err = text(result.stderr)
    assert result.returncode == 0, err
    assert any(w.startswith("warning: ") and "b.txt" in w and "3000" in w for w in err.splitlines()), err


def test_third_party_log_lines_are_folded_into_the_error(pack):
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    buffer = io.BytesIO()
    writer.write(buffer)
    data = buffer.getvalue()
    data = data[: data.rfind(b"startxref")] + b"startxref\n99999\n%%EOF\n"  # pypdf logs, then finds no text
    (pack.parent / "b.pdf").write_bytes(data)
    edit(pack, "file: b.txt", "file: b.pdf")
    result = cli("explain", pack)
    lines = text(result.stderr).splitlines()
    assert lines and all(line.startswith(("error: ", "warning: ")) for line in lines), lines
    assert_user_error(result, pack.parent / "b.pdf")


def test_cryptography_is_declared_and_aes_pdfs_with_an_owner_password_are_read(pack):
    import tomllib

    pikepdf = pytest.importorskip("pikepdf")
    declared = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    assert any(re.match(r"cryptography\b|pypdf\[crypto\]", r) for r in declared), declared
    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.pages[0].Contents = pdf.make_stream(b"BT /F1 12 Tf 72 700 Td (The harbour budget was set.) Tj ET")
    pdf.pages[0].Resources = pikepdf.Dictionary(
        Font=pikepdf.Dictionary(
            F1=pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica)
        )
    )
    pdf.save(pack.parent / "b.pdf", encryption=pikepdf.Encryption(owner="secret", user="", aes=True, R=6))
    edit(pack, "file: b.txt", "file: b.pdf")
    result = cli("explain", pack)
    assert result.returncode == 0, text(result.stderr)
    assert "harbour budget" in text(result.stdout)


# --- signals ---------------------------------------------------------------------


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):  # a thread that ended while it was listed
            found.update(int(c) for c in (task / "children").read_text().split())
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _slow_pack(pack: Path) -> None:
    """Enough text that the build's stages run for seconds in their forked child."""
    (pack.parent / "a.txt").write_text(hard_wrapped(3_000_000), encoding="utf-8")
    edit(pack, "fallback: harbour", "fallback: harbour\nmax_source_mb: 50")


@pytest.mark.layout
@pytest.mark.skipif(len(os.sched_getaffinity(0)) < 2, reason="the build forks only with a second core")
@pytest.mark.parametrize("number", [signal.SIGINT, signal.SIGTERM, signal.SIGKILL])
def test_a_signal_to_the_build_ends_its_children_at_once(pack, number):
    assert build(pack).returncode == 0
    before = outputs(pack)
    _slow_pack(pack)
    process = start("build", pack, "--out", pack.parent / "out", "-q")
    children: set[int] = set()
    deadline = time.monotonic() + 30
    while not children and process.poll() is None and time.monotonic() < deadline:
        children = _children(process.pid)
        time.sleep(0.01)
    assert children, "the build forked no child"
    time.sleep(0.5)
    process.send_signal(number)
    try:
        process.communicate(timeout=5)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        pytest.fail("the build did not end on the signal")
    if number != signal.SIGKILL:
        assert process.returncode == 130
    deadline = time.monotonic() + 3
    while any(map(_alive, children)) and time.monotonic() < deadline:
        time.sleep(0.05)
    alive = [c for c in children if _alive(c)]
    for child in alive:
        os.kill(child, signal.SIGKILL)
    assert not alive, "forked children outlived the build"
    assert outputs(pack) == before
