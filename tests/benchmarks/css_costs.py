"""What each costly CSS feature costs WeasyPrint, measured on one fixed HTML file.

    python tests/benchmarks/css_costs.py                 # the 100-source synthetic pack
    python tests/benchmarks/css_costs.py out/x.html --repeat 3 --write

Each variant rewrites the pack's own stylesheet with a regular expression
(so it keeps working while the layout changes), lays the HTML out and writes
a plain PDF in a fresh process, and reports the median wall time, the peak
RSS and the page count next to the unchanged stylesheet's. ``--write`` puts
the table between the markers in CSS_COSTS.md, leaving the findings alone.
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_build
import synth

COSTS = Path(__file__).resolve().parent / "CSS_COSTS.md"
BEGIN, END = "<!-- measured: begin -->", "<!-- measured: end -->"
_TARGET_COUNTER = r"target-counters?\((?:[^()]|\([^()]*\))*\)"
# name: (what is switched off, [(pattern, replacement)] applied to the stylesheet, or a rule appended)
VARIANTS: dict[str, tuple[str, list[tuple[str, str]]]] = {
    "footnotes": (
        "`float: footnote` becomes `float: none` (the note stays inline, same text)",
        [(r"float\s*:\s*footnote", "float: none")],
    ),
    "leader()": ("`leader(...)` removed from `content`", [(r"leader\((?:[^()]|\([^()]*\))*\)", '""')]),
    "target-counter()": ("`target-counter(...)` replaced by a constant", [(_TARGET_COUNTER, '"0"')]),
    "counter(pages)": ("`counter(pages)` (page X of Y) replaced by a constant", [(r"counter\(\s*pages\s*\)", '"0"')]),
    "hyphenation": ("`hyphens: auto` becomes `hyphens: manual`", [(r"hyphens\s*:\s*auto", "hyphens: manual")]),
    "grid": ("`display: grid` becomes `display: block`", [(r"display\s*:\s*grid", "display: block")]),
    "auto tables": ("tables get `table-layout: fixed`", [(r"$", "\ntable { table-layout: fixed; }\n")]),
    "break-inside: avoid": (
        "`break-inside: avoid` becomes `auto`",
        [(r"break-inside\s*:\s*avoid", "break-inside: auto")],
    ),
    "string-set": ("running heads' `string-set` removed", [(r"string-set\s*:[^;}]*;?", "")]),
}
# The layout folder as base URL, as the build has it, so fonts or images it links still load.
RENDER = (
    "import sys, weasyprint\n"
    "document = weasyprint.HTML(filename=sys.argv[1], base_url=sys.argv[3]).render()\n"
    "document.write_pdf(sys.argv[2])\n"
    "print(len(document.pages))\n"
)


def variant(html: str, changes: list[tuple[str, str]]) -> str:
    """The HTML with its <style> rewritten; the rest of the document is untouched."""

    def restyle(match: re.Match) -> str:
        css = match.group(2)
        for pattern, replacement in changes:
            css = re.sub(pattern, replacement, css)
        return match.group(1) + css + match.group(3)

    return re.sub(r"(<style[^>]*>)(.*?)(</style>)", restyle, html, flags=re.S)


def measure(paths: dict[str, Path], repeat: int) -> dict[str, tuple[float, float, int, int]]:
    """Median wall and CPU seconds, peak RSS and pages per variant, taken round-robin so load drifts hit all alike."""
    runs: dict[str, list[bench_build.Run]] = {name: [] for name in paths}
    for attempt in range(repeat):
        for name, path in paths.items():
            print(f"run {attempt + 1}/{repeat}: {name} …", file=sys.stderr, flush=True)
            runs[name].append(
                bench_build.run(
                    [
                        sys.executable,
                        "-c",
                        RENDER,
                        str(path),
                        str(path.with_suffix(".pdf")),
                        str(bench_build.ROOT / "layouts") + "/",
                    ]
                )
            )
    return {
        name: (
            statistics.median(r.seconds for r in found),
            statistics.median(r.cpu_seconds for r in found),
            max(r.peak_rss_kb for r in found),
            int(found[0].stdout.strip()),
        )
        for name, found in runs.items()
    }


def default_html() -> Path:
    manifest = synth.generate(100, bench_build.BENCH_DIR / "synth-100")
    out = bench_build.BENCH_DIR / "synth-100-out"
    subprocess.run(
        [sys.executable, "-m", "briefpack", "build", str(manifest), "--out", str(out), "--quiet"],
        cwd=bench_build.ROOT,
        check=True,
    )
    return out / "synth-100.html"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("html", nargs="?", type=Path, help="default: the 100-source synthetic pack, built first")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", nargs="*", help="measure only these variants")
    parser.add_argument("--write", action="store_true", help=f"write the table into {COSTS.name}")
    args = parser.parse_args()
    source = args.html or default_html()
    html = source.read_text(encoding="utf-8")
    chosen = {name: VARIANTS[name] for name in (args.only or VARIANTS)}
    chosen["all of the above"] = ("every variant at once", [c for _, cs in chosen.values() for c in cs])
    rows = []
    with tempfile.TemporaryDirectory(prefix="briefpack-css-") as tmp:
        paths = {"unchanged": Path(tmp) / "unchanged.html"}
        paths["unchanged"].write_text(html, encoding="utf-8")
        for name, (_, changes) in chosen.items():
            paths[name] = Path(tmp) / (re.sub(r"\W+", "-", name) + ".html")
            paths[name].write_text(variant(html, changes), encoding="utf-8")
        results = measure(paths, args.repeat)
    base_seconds, base_cpu, base_rss, base_pages = results.pop("unchanged")
    for name, (what, _) in chosen.items():
        seconds, cpu, rss, pages = results[name]
        rows.append(
            f"| {name} | {what} | {seconds:.2f} | {cpu:.2f} | {base_cpu - cpu:+.2f} "
            f"({(base_cpu - cpu) / base_cpu:+.0%}) | {rss / 1024:.0f} | {pages} |"
        )
    command = " ".join(["python tests/benchmarks/css_costs.py", *sys.argv[1:]])
    table = [
        f"Measured on `{source}` ({base_pages} pages), median of {args.repeat} fresh WeasyPrint runs "
        f"(layout + plain PDF write) per variant, taken round-robin, on a shared 2-core machine, with `{command}`.",
        "",
        f"Unchanged stylesheet: **{base_seconds:.2f} s** wall, **{base_cpu:.2f} s** CPU, peak RSS "
        f"{base_rss / 1024:.0f} MB. CPU time (user + system) is the column to trust: other work on "
        "the machine moves wall time far more.",
        "",
        "| feature switched off | how | wall s | CPU s | CPU saved | peak RSS MB | pages |",
        "|---|---|---:|---:|---:|---:|---:|",
        *rows,
    ]
    print("\n".join(table))
    if args.write:
        text = COSTS.read_text(encoding="utf-8")
        start, end = text.index(BEGIN) + len(BEGIN), text.index(END)
        COSTS.write_text(text[:start] + "\n" + "\n".join(table) + "\n" + text[end:], encoding="utf-8")


if __name__ == "__main__":
    main()
