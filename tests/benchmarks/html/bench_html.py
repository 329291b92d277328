"""Web-page reading benchmark: briefpack beside trafilatura, readability-lxml and newspaper4k.

Runs every reader on the pages of the shared article-extraction benchmark in ONE run and scores the
main text with the benchmark's own ``evaluate.py`` (token 4-gram precision/recall/F1 per page,
averaged), imported from the benchmark's folder rather than copied. Titles, authors and dates are
scored against ``metadata-gold.json`` beside this file (hand-checked from the pages; see RESULTS.md).

    python tests/benchmarks/html/bench_html.py [--pages N] [--out tests/benchmarks/html/RESULTS.md]

Run from the repository root. Not part of the test run: it takes about a minute.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
# shared/ sits beside the repository (a clone) or beside the folder of worktrees.
BENCH = next(
    (
        p / "shared" / "benchmarks" / "article-extraction"
        for p in (ROOT.parent, ROOT.parent.parent)
        if (p / "shared" / "benchmarks" / "article-extraction").is_dir()
    ),
    ROOT.parent / "shared" / "benchmarks" / "article-extraction",
)


@dataclass(frozen=True)
class Reading:
    body: str
    title: str | None = None
    author: str | None = None
    published: str | None = None  # YYYY-MM-DD


def _day(value: object) -> str | None:
    if value is None:
        return None
    match = re.search(r"(\d{4})-(\d\d)-(\d\d)", str(value))
    return "-".join(match.groups()) if match else None


# --- the readers ----------------------------------------------------------------------


def briefpack_reader() -> Callable[[str, str], Reading]:
    """What a pack prints: the reader's text after clean-up (body blocks), metadata as settled."""
    from briefpack.model import SourceSpec
    from briefpack.readers.html import read_html
    from briefpack.readers.settle import settle
    from briefpack.text.clean import clean

    spec = SourceSpec(id="page", path=Path("page.html"), rel="page.html", format="html")

    def read(html: str, url: str) -> Reading:
        reading = read_html(html)
        source = settle(spec, clean(reading.text, spec.id), "", reading)
        body = "\n\n".join(block.text for block in source.blocks)
        return Reading(body, source.title, source.author, source.published)

    return read


def briefpack_text_reader() -> Callable[[str, str], Reading]:
    """The reader's main text before clean-up, the figure comparable with the peers' main text: without
    the ``# title`` line the reader puts first for clean-up (the peers give the title apart too)."""
    from briefpack.readers.html import read_html

    def read(html: str, url: str) -> Reading:
        reading = read_html(html)
        body = reading.text.removeprefix(f"# {reading.title}\n\n") if reading.title else reading.text
        return Reading(body, reading.title, reading.author, reading.published)

    return read


def trafilatura_reader() -> Callable[[str, str], Reading]:
    import trafilatura

    def read(html: str, url: str) -> Reading:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True)
        if doc is None:
            return Reading("")
        return Reading(doc.text or "", doc.title, doc.author, _day(doc.date))

    return read


def readability_reader() -> Callable[[str, str], Reading]:
    import lxml.html
    from readability import Document

    def read(html: str, url: str) -> Reading:
        doc = Document(html, url=url)
        summary = doc.summary(html_partial=True)
        tree = lxml.html.fromstring(summary) if summary.strip() else None
        body = (
            "\n\n".join(
                " ".join(el.text_content().split()) for el in tree.iter("p", "h1", "h2", "h3", "h4", "li", "pre", "td")
            )
            if tree is not None
            else ""
        )
        if tree is not None and not body.strip():
            body = tree.text_content()
        return Reading(body, doc.short_title())

    return read


def newspaper_reader() -> Callable[[str, str], Reading]:
    warnings.filterwarnings("ignore", module="newspaper")
    import newspaper

    def read(html: str, url: str) -> Reading:
        article = newspaper.Article(url, fetch_images=False)
        article.download(input_html=html)
        article.parse()
        author = ", ".join(article.authors) or None
        return Reading(article.text, article.title, author, _day(article.publish_date))

    return read


READERS: dict[str, Callable[[], Callable[[str, str], Reading]]] = {
    "briefpack": briefpack_reader,
    "briefpack reader only": briefpack_text_reader,
    "trafilatura": trafilatura_reader,
    "readability-lxml": readability_reader,
    "newspaper4k": newspaper_reader,
}


def _version(name: str) -> str:
    if name.startswith("briefpack"):
        return "worktree"
    from importlib.metadata import version

    return version(name)


# --- scoring --------------------------------------------------------------------------


def _words(text: str | None) -> list[str]:
    return re.findall(r"\w+", (text or "").casefold())


def title_right(predicted: str | None, gold: dict) -> bool:
    wanted = [_words(gold["title"])] + [_words(t) for t in gold["title_also"]]
    return _words(predicted) in wanted


def author_right(predicted: str | None, gold_name: str) -> bool:
    """The gold person's first and last name among at most a dozen predicted words (co-authors allowed)."""
    words = _words(predicted)
    name = _words(gold_name)
    return 0 < len(words) <= 12 and name[0] in words and name[-1] in words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, help="only the first N pages (a quick look)")
    parser.add_argument("--readers", default=",".join(READERS), help="comma-separated subset")
    parser.add_argument("--out", type=Path, default=HERE / "RESULTS.md")
    parser.add_argument("--stages", action="store_true", help="only time briefpack's reader stage by stage")
    args = parser.parse_args()

    sys.path.insert(0, str(BENCH))
    import evaluate  # the benchmark's own scorer

    truth = json.loads((BENCH / "ground-truth.json").read_text(encoding="utf-8"))
    keys = sorted(truth)[: args.pages]
    truth = {k: truth[k] for k in keys}
    meta_gold = json.loads((HERE / "metadata-gold.json").read_text(encoding="utf-8"))
    pages = {k: gzip.decompress((BENCH / "html" / f"{k}.html.gz").read_bytes()).decode("utf-8") for k in keys}

    if args.stages:
        _time_stages(list(pages.values()))
        return
    # Pages without <article> or <main>, where a reader must find the story among the page's own divs.
    unmarked = {k for k, html in pages.items() if not re.search(r"<(?:article|main)\b", html, re.I)}
    rows = []
    for name in args.readers.split(","):
        read = READERS[name]()
        read(pages[keys[0]], truth[keys[0]]["url"])  # imports and caches warm, off the clock
        readings: dict[str, Reading] = {}
        times = []
        cpu_times = []
        failures = 0
        for key in keys:
            start, cpu_start = time.perf_counter(), time.process_time()
            try:
                readings[key] = read(pages[key], truth[key]["url"])
            except Exception:  # a peer's crash on one page scores as an empty reading
                if name.startswith("briefpack"):
                    raise
                failures += 1
                readings[key] = Reading("")
            times.append(time.perf_counter() - start)
            cpu_times.append(time.process_time() - cpu_start)
        prediction = {k: {"articleBody": r.body} for k, r in readings.items()}
        metrics = evaluate.evaluate(truth, prediction, n_bootstrap=200)
        f1s = []
        shingles = {}
        for key in keys:
            tp, fp, fn = shingles[key] = evaluate.string_shingle_matching(truth[key]["articleBody"], readings[key].body)
            f1s.append(0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn))
        bare = evaluate.metrics_from_tp_fp_fns([shingles[k] for k in keys if k in unmarked])
        with_author = [k for k in keys if meta_gold[k]["author"]]
        with_date = [k for k in keys if meta_gold[k]["published"]]
        rows.append(
            {
                "name": name,
                "version": _version(name),
                "f1": metrics["f1"],
                "f1_std": metrics["f1_std"],
                "precision": metrics["precision"],
                "recall": metrics["recall"],
                "zero": sum(f < 0.1 for f in f1s),
                "bare_f1": bare["f1"],
                "bare_precision": bare["precision"],
                "failures": failures,
                "title": sum(title_right(readings[k].title, meta_gold[k]) for k in keys),
                "author": sum(author_right(readings[k].author, meta_gold[k]["author"]) for k in with_author),
                "date": sum(readings[k].published in meta_gold[k]["published"] for k in with_date),
                "n_author": len(with_author),
                "n_date": len(with_date),
                "ms_mean": 1000 * statistics.mean(times),
                "ms_median": 1000 * statistics.median(times),
                "cpu_ms_mean": 1000 * statistics.mean(cpu_times),
            }
        )
        print(f"{name}: F1 {rows[-1]['f1']:.3f}, titles {rows[-1]['title']}/{len(keys)}", file=sys.stderr)

    table = _table(rows, len(keys), len(unmarked))
    args.out.write_text(PREAMBLE + table + NOTES, encoding="utf-8")
    print(table)


def _time_stages(pages: list[str]) -> None:
    """CPU milliseconds per page of each stage of ``read_html``, in its order."""
    import trafilatura

    from briefpack.readers import html as reader
    from briefpack.readers.page_meta import page_meta

    spent: dict[str, float] = {}
    reader.read_html(pages[0])
    for html in pages:
        clock = time.process_time()

        def lap(stage: str) -> None:
            nonlocal clock
            now = time.process_time()
            spent[stage] = spent.get(stage, 0.0) + now - clock
            clock = now

        tree = trafilatura.load_html(html)
        lap("parse")
        meta = page_meta(tree)
        lap("metadata")
        body = reader._main_text(tree)
        lap("trafilatura")
        page = reader._Page(tree)
        lap("page runs")
        blocks = page.without_elsewhere(reader._blocks(body) if body is not None else [])
        blocks[:0] = page.standfirst(blocks, meta.title)
        lap("blocks")
        page.left_out("\n\n".join(blocks), meta)
        lap("left out")
    for stage, seconds in spent.items():
        print(f"{stage:12} {1000 * seconds / len(pages):5.1f} ms/page")
    print(f"{'total':12} {1000 * sum(spent.values()) / len(pages):5.1f} ms/page")


PREAMBLE = """# Web pages: briefpack beside its peers

Produced by `python tests/benchmarks/html/bench_html.py` (from the repository root; all readers in one
run, on the article-extraction benchmark's development pages in `../shared/benchmarks/article-extraction/`).

"""

NOTES = """
- **F1, precision, recall**: the benchmark's own `evaluate.py` (token 4-gram shingles per page, averaged
  over pages; ± is its bootstrap standard deviation). The `briefpack` row is what a pack prints: the
  reader's text after clean-up, body blocks only (clean-up keeps section headings out of the chapters,
  which the gold counts as body). `briefpack reader only` is the reader's main text before clean-up,
  without the `# title` line it puts first: the figure comparable with the peers' main text.
- **without article or main**: the same figures on the pages that have neither element, where a reader
  must find the story among the page's own `<div>`s.
- **pages F1 < 0.1**: pages where the story was essentially missed. **crashes**: pages where the reader raised
  (scored as an empty reading).
- **title right**: the predicted title has the same words (case and punctuation aside) as the page's
  headline or one of its editor-written variants in `metadata-gold.json` (og:title, JSON-LD headline or
  `<title>` without the site's name). Where the page's `<h1>` and `og:title` agree, that is the gold; the
  43 pages where they disagree or are missing were read by hand.
- **author right**: on the pages whose metadata names a person who also appears in the visible byline, the
  gold person's first and last name among at most twelve predicted words. Organisations as authors
  (agencies, "Staff") are not scored.
- **date right**: the predicted publication day equals the day the page's metadata states (its first
  `article:published_time`/JSON-LD `datePublished`, else the day in its URL, else its first
  `<time datetime>`); the same instant's day in another time zone (a UTC stamp beside the newsroom's
  local day) also counts.
- **Before this reader** (commit b7af9eb, the standard-library reader that took the largest `<article>`,
  else `<main>`, else `<body>`, measured in the same way): F1 0.861 (precision 0.780, recall 0.960),
  2 pages F1 < 0.1, titles right on 39 of 121 (32%), authors 24/57, dates 44/107, 10.7 ms/page; on the
  34 pages without `<article>` or `<main>` it kept the page's navigation and footers: F1 0.779,
  precision 0.644.
- **ms/page**: wall time of one page's reading (decoded text in, reading out), after one warm-up page;
  **CPU ms/page** is the process's CPU time for the same, less disturbed by other work on a shared machine.
  briefpack's first row includes clean-up and settling; "reader only" is the reader alone.
"""


def _table(rows: list[dict], n: int, n_unmarked: int) -> str:
    lines = [
        (
            f"| reader | version | F1 | precision | recall | F1 / precision without article or main "
            f"({n_unmarked} pages) | pages F1 < 0.1 | crashes | title right (of {n}) "
            "| author right | date right | ms/page mean | ms/page median | CPU ms/page mean |"
        ),
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r['name']} | {r['version']} | {r['f1']:.3f} ± {r['f1_std']:.3f} | {r['precision']:.3f} "
            f"| {r['recall']:.3f} | {r['bare_f1']:.3f} / {r['bare_precision']:.3f} | {r['zero']} | {r['failures']} | {r['title']} ({r['title'] / n:.0%}) "
            f"| {r['author']}/{r['n_author']} | {r['date']}/{r['n_date']} "
            f"| {r['ms_mean']:.1f} | {r['ms_median']:.1f} | {r['cpu_ms_mean']:.1f} |"
        )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
