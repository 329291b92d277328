"""Fuzz the whole build over mutated seed texts and manifests.

Every case copies the seed pack into a scratch folder, mutates one or more
source texts or the manifest (byte flips, line shuffles, truncation, random
Unicode, hostile markup, YAML key and value mutations, a file swapped for a
FIFO, a device, a folder or a symlink loop), and builds it in a child
process limited to CASE_SECONDS of time and CASE_MEMORY of address space.
The only acceptable outcomes are a pack or a BriefpackError. Any other
exception, a child killed by a signal, or a limit hit is a finding, saved
with its inputs and traceback under ``tests/fuzz/crashes/<case>/``.

Most cases run ``load_manifest`` + ``compile_pack`` (everything but
WeasyPrint's layout, which costs seconds a case); every ``--render-every``-th
case runs the full ``build`` including the PDF.

    python tests/fuzz/fuzz_build.py --cases 10000            # the documented run, on a new seed
    python tests/fuzz/fuzz_build.py --cases 200 --seed 7     # a quick look at a known seed
    python tests/fuzz/fuzz_build.py --replay 4711 --seed 1   # rerun one case by number

Not collected by pytest (no ``test_`` prefix): it takes minutes, not seconds.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import resource
import select
import shutil
import signal
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from briefpack.build import build  # noqa: E402
from briefpack.errors import BriefpackError  # noqa: E402
from briefpack.manifest import SOURCE_KEYS, THEME_KEYS, TOP_KEYS, load_manifest  # noqa: E402
from briefpack.stages import compile_pack  # noqa: E402

SEEDS = REPO / "seeds"
CRASHES = Path(__file__).resolve().parent / "crashes"
# CPU seconds a case may use (a full build with its PDF three times as many): counted in CPU time, so
# a case waiting for a core on a busy machine is not taken for a hang. A case blocked without using
# the CPU (on a FIFO, say) is caught by the wall-clock limit, WALL_FACTOR times as long.
CASE_SECONDS = 60
WALL_FACTOR = 10
CASE_MEMORY = 3 << 30  # bytes of address space a case may take; WeasyPrint's layout needs about 1 GB

HOSTILE = [
    "<style>body{display:none}</style>",
    '<img src="file:///etc/passwd">',
    '<link rel=attachment href="file:///etc/passwd">',
    "url(file:///etc/passwd)",
    "url(http://127.0.0.1:9/x)",
    "file:///dev/urandom",
    "<script>alert(1)</script>",
    "{{ 7*7 }}",
    "{% raw %}",
    "[^1]",
    "[^x]: note",
    "&amp;&lt;",
    "\\",
    "\"'",
    "\x00",
    "\x0c",
    "\u202e",
    "\ufeff",
]
UNICODE_POOL = (
    "\u0000\u0001\u0008\u000b\u000c\u001b\u007f\u0085\u00a0\u00ad\u200b\u200d\u2028\u2029"
    "\u202e\ufeff\ufffd\ufffe\U0001f600\u0301\u0663\u4e2d\u05d0\u0627€£«»“”‘’–—…ﬁ"
)
YAML_VALUES = [
    "",
    "~",
    "null",
    "[]",
    "{}",
    "[a, b]",
    "{a: 1}",
    "nan",
    ".nan",
    "inf",
    "-inf",
    "1e999",
    "-1",
    "0",
    "0.0000001",
    "99999999999999999999",
    "true",
    "yes",
    "2020-13-45",
    "2020-02-30",
    "٢٠٢٠",
    "'\\x00'",
    '"\\x00"',
    "*nope",
    "&a x",
    "!!python/object:os.system",
    "|",
    ">",
    "'",
    '"',
    "a" * 5000,
    "../../etc/passwd",
    "/etc/passwd",
    "/dev/urandom",
    "..",
    "(a+)+$",
    "[",
    "(?P<",
    "\\",
    "#",
    ":",
    "- - -",
    "{{x}}",
    "<b>",
    "é",
    "\ud7ff",
]
ALL_KEYS = sorted(set(TOP_KEYS) | set(SOURCE_KEYS) | set(THEME_KEYS))


def mutate_bytes(rng: random.Random, data: bytes) -> bytes:
    if not data:
        return bytes(rng.randrange(256) for _ in range(rng.randrange(1, 64)))
    buf = bytearray(data)
    kind = rng.choice(["flip", "flip", "truncate", "insert", "delete", "duplicate", "bytes_noise"])
    if kind == "flip":
        for _ in range(rng.randrange(1, 20)):
            buf[rng.randrange(len(buf))] ^= 1 << rng.randrange(8)
    elif kind == "truncate":
        del buf[rng.randrange(len(buf) + 1) :]
    elif kind == "insert":
        at = rng.randrange(len(buf) + 1)
        buf[at:at] = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 200)))
    elif kind == "delete":
        at = rng.randrange(len(buf))
        del buf[at : at + rng.randrange(1, 2000)]
    elif kind == "duplicate":
        at = rng.randrange(len(buf))
        chunk = buf[at : at + rng.randrange(1, 4000)]
        buf[at:at] = chunk * rng.randrange(1, 20)
    else:
        buf = bytearray(rng.randrange(256) for _ in range(rng.randrange(0, 4096)))
    return bytes(buf)


def mutate_text(rng: random.Random, text: str) -> str:
    lines = text.split("\n")
    kind = rng.choice(["shuffle", "unicode", "hostile", "truncate", "join", "blank", "long_line", "dates"])
    if kind == "shuffle":
        rng.shuffle(lines)
    elif kind == "unicode":
        chars = list(text)
        for _ in range(rng.randrange(1, 50)):
            chars.insert(rng.randrange(len(chars) + 1), rng.choice(UNICODE_POOL))
        return "".join(chars)
    elif kind == "hostile":
        for _ in range(rng.randrange(1, 6)):
            lines.insert(rng.randrange(len(lines) + 1), rng.choice(HOSTILE))
    elif kind == "truncate":
        return text[: rng.randrange(len(text) + 1)]
    elif kind == "join":
        return " ".join(lines)
    elif kind == "blank":
        return "\n" * rng.randrange(0, 50) + " \t" * rng.randrange(0, 3)
    elif kind == "long_line":
        return text + "\n" + ("word " * rng.randrange(1000, 20000))
    else:
        pool = [
            "1 May 2020",
            "31/02/2020",
            "2020-13-01",
            "spring 2019",
            "Q3 2020",
            "the 1990s",
            "32 May",
            "9999",
            "0000-00-00",
            "1 January 10000",
            "mid-2019",
            "late 2020",
            "yesterday",
            "week 53 2020",
        ]
        for _ in range(rng.randrange(1, 20)):
            at = rng.randrange(len(lines) + 1)
            lines.insert(at, f"On {rng.choice(pool)} something happened.")
    return "\n".join(lines)


def mutate_manifest(rng: random.Random, text: str) -> str:
    lines = text.split("\n")
    kind = rng.choice(
        [
            "value",
            "value",
            "value",
            "key",
            "key",
            "delete_line",
            "shuffle",
            "indent",
            "duplicate_line",
            "alias",
            "bytes",
        ]
    )
    content = [i for i, line in enumerate(lines) if line.strip() and not line.lstrip().startswith("#")]
    i = rng.choice(content or range(len(lines)))  # an earlier mutation may have left no content lines
    line = lines[i]
    if kind == "value" and ":" in line:
        head = line.split(":", 1)[0]
        lines[i] = f"{head}: {rng.choice(YAML_VALUES)}"
    elif kind == "value":
        indent = line[: len(line) - len(line.lstrip())]
        lines[i] = f"{indent}- {rng.choice(YAML_VALUES)}"
    elif kind == "key":
        indent = line[: len(line) - len(line.lstrip())]
        key = rng.choice(ALL_KEYS)
        if rng.random() < 0.5:  # a near miss, to exercise the suggestions
            key = key[:-1] if rng.random() < 0.5 else key + "s"
        value = line.split(":", 1)[1] if ":" in line else " x"
        lines[i] = f"{indent}{'- ' if line.lstrip().startswith('- ') else ''}{key}:{value}"
    elif kind == "delete_line":
        del lines[i]
    elif kind == "shuffle":
        rng.shuffle(lines)
    elif kind == "indent":
        lines[i] = " " * rng.randrange(0, 9) + line.lstrip()
    elif kind == "duplicate_line":
        lines.insert(i, line)
    elif kind == "alias":  # a billion-laughs ladder of random height
        names = "abcdefgh"
        lines.insert(0, "a: &a [x, x, x, x, x, x, x, x, x, x]")
        for level in range(1, rng.randrange(2, 9)):
            aliases = ", ".join([f"*{names[level - 1]}"] * 10)
            lines.insert(level, f"{names[level]}: &{names[level]} [{aliases}]")
    else:
        return mutate_bytes(rng, text.encode("utf-8", "surrogateescape")).decode("utf-8", "surrogateescape")
    return "\n".join(lines)


def make_case(rng: random.Random, folder: Path) -> None:
    """Copy the seed pack into ``folder`` and mutate it."""
    for seed in SEEDS.iterdir():
        shutil.copyfile(seed, folder / seed.name)
    texts = sorted(p for p in folder.iterdir() if p.suffix == ".txt")
    manifest = folder / "pack.yaml"
    extra = "\n".join(
        rng.sample(
            ["max_source_mb: 0.005", "day_first: false", "layout: compact", "pdf_variant: a3b", "allow_outside: true"],
            rng.randrange(0, 3),
        )
    )
    manifest.write_text(manifest.read_text(encoding="utf-8") + "\n" + extra + "\n", encoding="utf-8")
    swapped = None
    for _ in range(rng.choice([1, 1, 1, 2, 3])):
        target = rng.random()
        if target < 0.03:
            swapped = rng.choice([*texts, *sorted(folder.glob("*.yaml"))])
        elif target < 0.3:
            text = manifest.read_text(encoding="utf-8", errors="surrogateescape")
            manifest.write_bytes(mutate_manifest(rng, text).encode("utf-8", "surrogateescape"))
        else:
            path = rng.choice(texts)
            if rng.random() < 0.4:
                path.write_bytes(mutate_bytes(rng, path.read_bytes()))
            else:
                text = mutate_text(rng, path.read_text(encoding="utf-8", errors="replace"))
                path.write_bytes(text.encode("utf-8", "surrogatepass"))
    if swapped is not None:  # last, so no other mutation reads a FIFO or a device
        special_file(rng, swapped)


def special_file(rng: random.Random, path: Path) -> None:
    """Swap a file the build reads for one that never ends or never answers."""
    path.unlink(missing_ok=True)
    kind = rng.choice(["fifo", "zero", "urandom", "folder", "loop"])
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    elif kind == "loop":
        path.symlink_to(path.name)
    else:
        path.symlink_to(f"/dev/{kind}")


def run_case(number: int, seed: int, render: bool, scratch: Path) -> tuple[str, str | None]:
    """Build one mutated case in a child process with a memory and a time limit; return (outcome, detail).

    Outcomes: ok, refused (a BriefpackError), crash (any other exception, or
    the child killed by a signal), limit (over CASE_SECONDS or CASE_MEMORY;
    as much a finding as a crash), harness (the mutation itself failed;
    nothing built). A crash or a limit hit has its inputs saved.
    """
    rng = random.Random(f"{seed}:{number}")
    folder = scratch / f"case-{number}"
    folder.mkdir()
    try:
        make_case(rng, folder)
    except Exception:  # a bug in the fuzzer's own mutations, not in briefpack: counted apart
        shutil.rmtree(folder, ignore_errors=True)
        return "harness", traceback.format_exc()
    try:
        outcome, detail = _in_child(folder, render)
        if outcome in ("crash", "limit"):
            target = CRASHES / f"seed{seed}-case{number}"
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(
                folder,
                target,
                ignore=shutil.ignore_patterns("out"),
                symlinks=True,
                ignore_dangling_symlinks=True,
                copy_function=_copy_regular,
            )
            (target / "traceback.txt").write_text(detail or "", encoding="utf-8")
        return outcome, detail
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _copy_regular(source: str, target: str) -> None:
    if Path(source).is_fifo():
        os.mkfifo(target)  # copying a FIFO's contents would block
    else:
        shutil.copy2(source, target)


def _in_child(folder: Path, render: bool) -> tuple[str, str | None]:
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: build, say how it went, and leave without running the parent's code
        os.close(read)
        code = 1
        try:
            resource.setrlimit(resource.RLIMIT_AS, (CASE_MEMORY, CASE_MEMORY))
            seconds = CASE_SECONDS * (3 if render else 1)
            resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + 5))
            result = _build(folder, render)
            with os.fdopen(write, "w", encoding="utf-8") as stream:
                json.dump(result, stream)
            code = 0
        finally:
            os._exit(code)
    os.close(write)
    with os.fdopen(read, encoding="utf-8") as stream:
        seconds = CASE_SECONDS * (3 if render else 1) * WALL_FACTOR
        ready, _, _ = select.select([stream], [], [], seconds)
        if not ready:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            return "limit", f"ran longer than {seconds} s by the clock (blocked?)"
        answer = stream.read()
    _, status = os.waitpid(pid, 0)
    if os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGXCPU:
        return "limit", f"used more than {CASE_SECONDS * (3 if render else 1)} s of CPU"
    if os.WIFSIGNALED(status):
        return "crash", f"killed by signal {os.WTERMSIG(status)}"
    outcome, detail = json.loads(answer) if answer else ("crash", "the child ended without a word")
    return outcome, detail


def _build(folder: Path, render: bool) -> tuple[str, str | None]:
    try:
        if render:
            build(folder / "pack.yaml", folder / "out")
        else:
            compile_pack(load_manifest(folder / "pack.yaml"))
        return "ok", None
    except BriefpackError:
        return "refused", None
    except MemoryError:
        return "limit", f"over {CASE_MEMORY >> 20} MB of memory:\n{traceback.format_exc()}"
    except Exception:  # anything else is exactly what the fuzzer is looking for
        return "crash", traceback.format_exc()


def _renders(number: int, every: int) -> bool:
    return every > 0 and number % every == every - 1


def _run_case(case: tuple[int, int, bool, Path]) -> tuple[str, str | None]:
    return run_case(*case)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument(
        "--seed",
        type=int,
        default=None,
        help="random seed (default: a new one each run, printed so the run can be repeated)",
    )
    parser.add_argument("--render-every", type=int, default=200, help="full PDF build every N-th case")
    parser.add_argument("--replay", type=int, help="run only this case number, and show its traceback")
    parser.add_argument("--jobs", type=int, default=1, help="cases run at once (each in its own child)")
    args = parser.parse_args()
    if args.seed is None:
        args.seed = int.from_bytes(os.urandom(4), "little")
    print(f"seed {args.seed}", flush=True)
    numbers = [args.replay] if args.replay is not None else range(args.cases)
    outcomes: Counter[str] = Counter()
    crash_kinds: Counter[str] = Counter()
    started = time.monotonic()
    renders = sum(_renders(number, args.render_every) for number in numbers)
    with (
        tempfile.TemporaryDirectory(prefix="briefpack-fuzz-") as scratch,
        multiprocessing.get_context("fork").Pool(args.jobs) as pool,
    ):
        cases = [(number, args.seed, _renders(number, args.render_every), Path(scratch)) for number in numbers]
        for outcome, trace in pool.imap_unordered(_run_case, cases):
            outcomes[outcome] += 1
            if trace:
                crash_kinds[f"{outcome}: {trace.strip().splitlines()[-1][:160]}"] += 1
                if args.replay is not None:
                    print(trace)
            done = sum(outcomes.values())
            if done % 500 == 0 or args.replay is not None:
                print(f"{done} cases, {time.monotonic() - started:.0f} s: {dict(outcomes)}", flush=True)
    elapsed = time.monotonic() - started
    print(
        f"cases: {sum(outcomes.values())} (full renders: {renders}), seed {args.seed}, "
        f"{elapsed:.0f} s ({sum(outcomes.values()) / max(elapsed, 1e-9):.1f} cases/s)"
    )
    print(
        f"outcomes: ok {outcomes['ok']}, refused with BriefpackError {outcomes['refused']}, "
        f"crashes {outcomes['crash']}, limit hits {outcomes['limit']}, fuzzer errors {outcomes['harness']}"
    )
    for kind, count in crash_kinds.most_common():
        print(f"  {count} × {kind}")
    return 1 if outcomes["crash"] or outcomes["limit"] or outcomes["harness"] else 0


if __name__ == "__main__":
    sys.exit(main())
