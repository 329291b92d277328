"""Benchmark ``briefpack build`` against WeasyPrint alone, on the seed pack and synthetic corpora.

    python tests/benchmarks/bench_build.py              # print the tables
    python tests/benchmarks/bench_build.py --write      # and write tests/benchmarks/RESULTS.md

Every build is a fresh ``python -m briefpack build --force`` into an empty
folder (no cache), timed from outside; stage times come from the build's own
``--timings`` file, peak memory from the child's rusage (``os.wait4``). The
reference is ``python -m weasyprint --base-url layouts/`` on the HTML that build emitted, both
bare and with the PDF/UA options the build itself uses. Then the same
build again (it must answer "up to date"), and once more after one source
changed, to show what the cache saves. Medians of
``--repeat`` runs; the machine is shared, so read single runs with care.
"""

from __future__ import annotations

import argparse
import compileall
import datetime
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synth

ROOT = synth.ROOT
RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
BENCH_DIR = ROOT / "out" / "bench"
# The build's stages as its progress reports them, grouped as the benchmark reports them.
# The first four run in a forked child while the build starts WeasyPrint (compiler/overlap.py).
STAGES = {
    "read+clean": ("reading and cleaning sources",),
    "theme": ("theming paragraphs", "saying each fact once"),
    "timeline": ("dating events", "choosing key points", "collecting the glossary"),
    "view": ("building the view",),
    "WeasyPrint start": ("starting WeasyPrint",),
    "wait": ("waiting for the sources",),
    # The template is rendered inside layout, once per layout pass (render.lay_out).
    "template+layout": ("laying out pages",),
    "PDF write": ("writing PDF",),
    "outputs": ("writing outputs",),
}
OUTSIDE_WEASYPRINT = ("read+clean", "theme", "timeline", "view", "outputs")
# The layout folder as base URL, as the build has it, so fonts or images the layout links load the same.
WEASYPRINT = (sys.executable, "-m", "weasyprint", "--base-url", str(ROOT / "layouts") + "/")
UA_OPTIONS = ("--pdf-variant", "pdf/ua-1", "--pdf-tags")
BUILD = (sys.executable, "-m", "briefpack", "build")


@dataclass(frozen=True)
class Run:
    seconds: float
    cpu_seconds: float  # user + system: what the child itself used, less disturbed by other work than wall time
    peak_rss_kb: int
    stdout: str


def run(command: list[str]) -> Run:
    """Wall time and peak RSS of one child process, measured for that child alone."""
    started = time.perf_counter()
    child = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    stdout, stderr = child.stdout.read(), child.stderr.read()
    child.stdout.close()
    child.stderr.close()
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        raise SystemExit(f"{' '.join(command)} failed ({child.returncode}):\n{stderr}")
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, stdout)


@dataclass(frozen=True)
class Case:
    name: str
    manifest: Path
    sources: int


@dataclass(frozen=True)
class Measure:
    case: Case
    build: float
    build_cpu: float
    peak_rss_kb: int
    pages: int
    stages: dict[str, float]
    stages_cpu: dict[str, float]
    stage_rss_kb: dict[str, int]
    weasyprint: float
    weasyprint_cpu: float
    weasyprint_ua: float
    weasyprint_ua_cpu: float
    weasyprint_rss_kb: int
    up_to_date: float
    one_changed: float  # a build after one source changed, with the cache of the build before
    one_changed_compile: float  # its read+clean, theme and timeline stages
    compile: float  # the same stages in a build without the cache


def measure(case: Case, repeat: int) -> Measure:
    builds, timings, weasy, weasy_ua = [], [], [], []
    with tempfile.TemporaryDirectory(prefix="briefpack-bench-") as tmp:
        # A private copy of the corpus, so that one of its sources can be changed for the incremental run.
        corpus = Path(tmp) / "corpus"
        shutil.copytree(case.manifest.parent, corpus)
        manifest = corpus / case.manifest.name
        for attempt in range(repeat):
            out = Path(tmp) / f"out-{attempt}"
            stages_file = Path(tmp) / f"timings-{attempt}.json"
            builds.append(
                run([*BUILD, str(manifest), "--out", str(out), "--force", "--quiet", "--timings", str(stages_file)])
            )
            timings.append(json.loads(stages_file.read_text()))
        html = next(out.glob("*.html"))
        pages = json.loads(next(p for p in out.glob("*.json") if not p.name.startswith(".")).read_text())["pages"]
        for _ in range(repeat):
            weasy.append(run([*WEASYPRINT, str(html), str(Path(tmp) / "bare.pdf")]))
            weasy_ua.append(run([*WEASYPRINT, *UA_OPTIONS, str(html), str(Path(tmp) / "ua.pdf")]))
        checks = [run([*BUILD, str(manifest), "--out", str(out)]) for _ in range(max(repeat, 3))]
        if not all(c.stdout.startswith("up to date") for c in checks):
            raise SystemExit(f"{case.name}: the rebuild with nothing changed was not up to date: {checks[0].stdout}")
        changed = sorted(corpus.glob("*.txt"))[0]
        changed.write_text(
            changed.read_text(encoding="utf-8") + "\nOn 3 March 2020 one more thing happened.\n", encoding="utf-8"
        )
        incremental_file = Path(tmp) / "timings-incremental.json"
        incremental = run([*BUILD, str(manifest), "--out", str(out), "--quiet", "--timings", str(incremental_file)])
        incremental_timings = json.loads(incremental_file.read_text())

    def stage_seconds(record: list[dict], group: tuple[str, ...], clock: str = "seconds") -> float:
        return sum(s[clock] for s in record if s["stage"] in group)

    def stage_rss(record: list[dict], group: tuple[str, ...]) -> int:
        return max((s["peak_rss_kb"] for s in record if s["stage"] in group), default=0)

    return Measure(
        case=case,
        build=statistics.median(r.seconds for r in builds),
        build_cpu=statistics.median(r.cpu_seconds for r in builds),
        peak_rss_kb=max(r.peak_rss_kb for r in builds),
        pages=pages,
        stages={name: statistics.median(stage_seconds(t, group) for t in timings) for name, group in STAGES.items()},
        stages_cpu={
            name: statistics.median(stage_seconds(t, group, "cpu_seconds") for t in timings)
            for name, group in STAGES.items()
        },
        stage_rss_kb={name: max(stage_rss(t, group) for t in timings) for name, group in STAGES.items()},
        weasyprint=statistics.median(r.seconds for r in weasy),
        weasyprint_cpu=statistics.median(r.cpu_seconds for r in weasy),
        weasyprint_ua=statistics.median(r.seconds for r in weasy_ua),
        weasyprint_ua_cpu=statistics.median(r.cpu_seconds for r in weasy_ua),
        weasyprint_rss_kb=max(r.peak_rss_kb for r in weasy),
        up_to_date=statistics.median(c.seconds for c in checks),
        one_changed=incremental.seconds,
        one_changed_compile=sum(stage_seconds(incremental_timings, STAGES[s]) for s in OUTSIDE_WEASYPRINT[:3]),
        compile=statistics.median(sum(stage_seconds(t, STAGES[s]) for s in OUTSIDE_WEASYPRINT[:3]) for t in timings),
    )


def machine() -> list[str]:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor() or "unknown",
    )
    memory = next(
        (
            int(line.split()[1])
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        ),
        0,
    )
    weasyprint = subprocess.run(
        [sys.executable, "-c", "import weasyprint; print(weasyprint.__version__)"], capture_output=True, text=True
    ).stdout.strip()
    load = os.getloadavg()
    return [
        f"- platform: {platform.platform()}",
        f"- CPU: {cpu}; nproc: {os.cpu_count()} (shared with other work while measured; load average "
        f"at the end {load[0]:.2f} / {load[1]:.2f} / {load[2]:.2f})",
        f"- RAM: {memory / 1024 / 1024:.1f} GiB",
        f"- Python {platform.python_version()}, WeasyPrint {weasyprint}; `compiler/` byte-compiled before "
        f"measuring, as WeasyPrint is by its installation",
    ]


def tables(results: list[Measure]) -> list[str]:
    lines = [
        "Wall time (medians) and the ratio to WeasyPrint alone on the same HTML, bare and with the "
        "PDF/UA options the build uses; CPU time (user + system of the child) in brackets:",
        "",
        "| pack | sources | pages | build s | weasyprint s | build / weasyprint | weasyprint PDF/UA s "
        "| build / weasyprint PDF/UA | pages/s | peak RSS MB build / weasyprint | up-to-date s |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for m in results:
        lines.append(
            f"| {m.case.name} | {m.case.sources} | {m.pages} | {m.build:.2f} ({m.build_cpu:.2f}) "
            f"| {m.weasyprint:.2f} ({m.weasyprint_cpu:.2f}) "
            f"| **{m.build / m.weasyprint:.2f}** ({m.build_cpu / m.weasyprint_cpu:.2f}) "
            f"| {m.weasyprint_ua:.2f} ({m.weasyprint_ua_cpu:.2f}) "
            f"| **{m.build / m.weasyprint_ua:.2f}** ({m.build_cpu / m.weasyprint_ua_cpu:.2f}) "
            f"| {m.pages / m.build:.1f} | {m.peak_rss_kb / 1024:.0f} / {m.weasyprint_rss_kb / 1024:.0f} "
            f"| {m.up_to_date:.3f} |"
        )
    lines += [
        "",
        "A build after one source changed (the first, alphabetically), with the cache of the build before: "
        "wall time, and its read+clean, theme and timeline stages against the same stages uncached:",
        "",
        "| pack | one source changed s | its read+clean+theme+timeline s | uncached s |",
        "|---|---:|---:|---:|",
    ]
    for m in results:
        lines.append(f"| {m.case.name} | {m.one_changed:.2f} | {m.one_changed_compile:.3f} | {m.compile:.3f} |")
    lines += [
        "",
        "Stage wall times in seconds (medians, from the build's `--timings`), and the process's "
        "peak RSS in MB when layout and PDF writing ended. Read+clean to view run in a forked child "
        "beside WeasyPrint's start, so the stages add up to more than the build's wall time:",
        "",
        "| pack | " + " | ".join(STAGES) + " | peak RSS MB after layout / PDF write |",
        "|---|" + "---:|" * (len(STAGES) + 1),
    ]
    for m in results:
        lines.append(
            f"| {m.case.name} | "
            + " | ".join(f"{m.stages[s]:.3f}" for s in STAGES)
            + f" | {m.stage_rss_kb['template+layout'] / 1024:.0f} / {m.stage_rss_kb['PDF write'] / 1024:.0f} |"
        )
    lines += [
        "",
        "Milliseconds per source for the stages outside WeasyPrint, wall (CPU):",
        "",
        "| pack | " + " | ".join(OUTSIDE_WEASYPRINT) + " | together |",
        "|---|" + "---:|" * (len(OUTSIDE_WEASYPRINT) + 1),
    ]
    for m in results:
        wall = [m.stages[s] / m.case.sources * 1000 for s in OUTSIDE_WEASYPRINT]
        cpu = [m.stages_cpu[s] / m.case.sources * 1000 for s in OUTSIDE_WEASYPRINT]
        lines.append(
            f"| {m.case.name} | "
            + " | ".join(f"{w:.2f} ({c:.2f})" for w, c in zip(wall, cpu))
            + f" | {sum(wall):.2f} ({sum(cpu):.2f}) |"
        )
    return lines


def verdicts(results: list[Measure]) -> list[str]:
    by_name = {m.case.name: m for m in results}
    lines = []
    # The target compares like with like: WeasyPrint writing the PDF the build writes (tagged,
    # PDF/UA). The untagged run writes less, and is shown beside it.
    for name in ("seed", "synth-100"):
        if name in by_name:
            m = by_name[name]
            ua, bare = m.build / m.weasyprint_ua, m.build / m.weasyprint
            lines.append(
                f"- build ≤ 1.10 × weasyprint on the same HTML with the same PDF options, {name}: "
                f"wall {ua:.2f} × ({'met' if ua <= 1.10 else 'not met'}), "
                f"CPU {m.build_cpu / m.weasyprint_ua_cpu:.2f} ×; against the untagged run "
                f"{bare:.2f} × wall, {m.build_cpu / m.weasyprint_cpu:.2f} × CPU"
            )
    if "synth-20" in by_name and "synth-400" in by_name:
        small, large = by_name["synth-20"], by_name["synth-400"]
        for stage in (*OUTSIDE_WEASYPRINT, "together"):
            group = OUTSIDE_WEASYPRINT if stage == "together" else (stage,)
            ratios = []
            for clock in ("stages", "stages_cpu"):
                a = sum(getattr(small, clock)[s] for s in group) / small.case.sources
                b = sum(getattr(large, clock)[s] for s in group) / large.case.sources
                ratios.append(b / a)
            lines.append(
                f"- linear, {stage}: per source at 400 is {ratios[0]:.2f} × that at 20 by wall time "
                f"({'met' if ratios[0] <= 1.3 else 'not met'}), {ratios[1]:.2f} × by CPU time "
                f"({'met' if ratios[1] <= 1.3 else 'not met'}) (target ≤ 1.3)"
            )
        lines.append(
            f"- peak memory at 400 sources: {large.peak_rss_kb / 1024:.0f} MB — "
            f"{'met' if large.peak_rss_kb < 1.5 * 1024 * 1024 else 'not met'} (< 1.5 GB)"
        )
    slowest = max(results, key=lambda m: m.up_to_date)
    lines.append(
        f"- up to date in < 0.5 s: slowest median {slowest.up_to_date:.3f} s ({slowest.case.name}) — "
        f"{'met' if slowest.up_to_date < 0.5 else 'not met'}"
    )
    return lines


def cases(names: list[str]) -> list[Case]:
    found = []
    for name in names:
        if name == "seed":
            found.append(Case("seed", ROOT / "seeds" / "pack.yaml", len(list((ROOT / "seeds").glob("*.txt")))))
        else:
            size = int(name)
            found.append(Case(f"synth-{size}", synth.generate(size, BENCH_DIR / f"synth-{size}"), size))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "packs",
        nargs="*",
        default=["seed", "20", "100", "400"],
        help="seed and/or synthetic sizes (default: seed 20 100 400)",
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (default 3)")
    parser.add_argument("--repeat-large", type=int, default=2, help="runs at 400 sources and more (default 2)")
    parser.add_argument("--write", action="store_true", help=f"write {RESULTS.relative_to(ROOT)}")
    args = parser.parse_args()
    command = "python tests/benchmarks/bench_build.py " + " ".join(sys.argv[1:])
    # An installed package has its bytecode compiled, as pip did for WeasyPrint; an editable install
    # under PYTHONDONTWRITEBYTECODE (as on these machines) never has, and would compile on every run.
    compileall.compile_dir(ROOT / "compiler", quiet=1)
    results = []
    for case in cases(args.packs):
        print(f"measuring {case.name} …", file=sys.stderr, flush=True)
        results.append(measure(case, args.repeat if case.sources < 400 else args.repeat_large))
    report = [
        "# Build benchmark",
        "",
        f"Measured {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC with `{command.strip()}`.",
        "",
        *machine(),
        "",
        *tables(results),
        "",
        "## Targets",
        "",
        *verdicts(results),
        "",
    ]
    print("\n".join(report))
    if args.write:
        RESULTS.write_text("\n".join(report), encoding="utf-8")
        print(f"wrote {RESULTS}", file=sys.stderr)


if __name__ == "__main__":
    main()
