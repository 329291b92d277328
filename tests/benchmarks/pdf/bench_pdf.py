"""PDF reading benchmark: briefpack's reader beside pdfminer.six, pypdfium2 and pypdf.

    python tests/benchmarks/pdf/bench_pdf.py [--pdfs DIR] [--out FILE]

Every reader's text goes through the same briefpack clean-up, so the numbers
say what a user gets in the chapters when that reader feeds the pipeline.
Documents: the real PDFs in ``--pdfs`` (default ``../shared/benchmarks/pdf``
beside the repository) with the hand-made gold in ``gold/``, and the
WeasyPrint-made set in ``synthetic/`` (exact gold; ``make_synthetic.py``
rebuilds it).  Measures, per reader and per set:

* **whole**: gold paragraphs (body, heading, footnote) that come out as one
  unit (body block, footnote, or kept-out item) with exactly the gold words;
* **boundaries lost**: neighbouring gold paragraphs glued into one unit;
* **notes placed / spliced**: page-foot footnotes attached as footnotes, and
  footnotes whose words run inside a body paragraph;
* **furniture leaked**: occurrences of running heads, page and line numbers
  (first figure) in the body, and of table cells, captions and navigation
  (second) in body paragraphs of running prose (a block that kept its lines,
  a table kept as rows, does not count), beyond what the gold itself contains;
* **first dropped**: documents whose first gold body paragraph is absent
  from the body (a lede is scored with the dateline printed before it);
* **ms/page**: reading time only (clean-up excluded), CPU time of the
  process (the machine is shared; wall time moves with other people's work),
  median of 3 runs.

Results go to RESULTS.md beside this file.
"""

from __future__ import annotations

import argparse
import importlib
import io
import itertools
import json
import re
import statistics
import sys
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))

_HEADS = {
    "running_head",
    "running_head_section",
    "running_foot",
    "page_number",
    "line_number",
    "margin",
}


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    text = re.sub(r"\[\^\d+\]", "", text)
    text = text.replace("\u00ad", "").replace("\ufffe", "").replace("\u2010", "-").replace("\u2011", "-")
    text = re.sub(r"[’‘`´]", "'", text)
    return " ".join(re.sub(r"[^\w']+|_", " ", text).split())


# --- readers --------------------------------------------------------------------


def _package() -> str:
    """``briefpack`` once the package is restructured (it must be this checkout's), else the old flat ``compiler``."""
    if not (ROOT / "compiler" / "readers").is_dir():
        return "compiler"
    import briefpack

    if not Path(briefpack.__file__).resolve().is_relative_to(ROOT):
        raise SystemExit(f"briefpack is imported from {briefpack.__file__}, not {ROOT}: install this checkout")
    return "briefpack"


def _briefpack(path: Path) -> str:
    package = _package()
    SourceSpec = importlib.import_module(f"{package}.model").SourceSpec
    read_source = importlib.import_module(f"{package}.readers").read_source
    spec = SourceSpec(id=path.stem, path=path, rel=path.name, format="pdf")
    return read_source(spec, max_bytes=50_000_000)[0]


def _pdfminer(path: Path) -> str:
    from pdfminer.high_level import extract_text

    return extract_text(str(path))


def _pypdfium2(path: Path) -> str:
    import pypdfium2

    doc = pypdfium2.PdfDocument(str(path))
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in doc)
    finally:
        doc.close()


def _pypdf(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(path.read_bytes())).pages)


READERS: dict[str, Callable[[Path], str]] = {
    "briefpack": _briefpack,
    "pdfminer.six": _pdfminer,
    "pypdfium2": _pypdfium2,
    "pypdf": _pypdf,
}


def _clean(raw: str, source_id: str):  # type: ignore[no-untyped-def]
    module = "briefpack.text.clean" if _package() == "briefpack" else "compiler.clean"
    return importlib.import_module(module).clean(raw, source_id)


# --- scoring --------------------------------------------------------------------


@dataclass
class Score:
    paragraphs: int = 0
    whole: int = 0
    boundaries: int = 0
    lost: int = 0
    notes: int = 0
    placed: int = 0
    spliced: int = 0
    heads_leaked: int = 0
    other_leaked: int = 0
    docs: int = 0
    first_dropped: int = 0
    pages: int = 0
    seconds: float = 0.0
    slowest: float = 0.0  # the highest ms/page of any one document

    def add(self, other: Score) -> None:
        self.slowest = max(self.slowest, other.slowest, 1000 * other.seconds / max(1, other.pages))
        for name in self.__dataclass_fields__:
            if name == "slowest":
                continue
            setattr(self, name, getattr(self, name) + getattr(other, name))


def _count(haystack: str, needle: str) -> int:
    if not needle:
        return 0
    return len(re.findall(rf"(?<!\w){re.escape(needle)}(?!\w)", haystack))


def score_document(gold: dict, cleaned) -> Score:  # type: ignore[no-untyped-def]
    # A lede is printed after its dateline (layout/view.py), so the reader sees both as one paragraph.
    body = [_norm(f"{b.dateline or ''} {b.text}") for b in cleaned.blocks]
    notes = [_norm(n.text) for b in cleaned.blocks for n in b.footnotes]
    kept_out = [_norm(e.text) for e in cleaned.excluded]
    units = set(body) | set(notes) | set(kept_out)
    scored = [b for b in gold["blocks"] if b["kind"] in ("body", "heading", "footnote")]
    s = Score(docs=1, paragraphs=len(scored))
    s.whole = sum(_norm(b["text"]) in units for b in scored)
    flow = [_norm(b["text"]) for b in gold["blocks"] if b["kind"] in ("body", "heading")]
    everything = body + kept_out + notes
    for first, second in itertools.pairwise(flow):
        s.boundaries += 1
        joint = " ".join(first.split()[-5:] + second.split()[:5])
        s.lost += any(joint in unit for unit in everything)
    for note in (b for b in gold["blocks"] if b["kind"] == "footnote"):
        text = _norm(note["text"])
        s.notes += 1
        s.placed += text in notes
        opening = " ".join(text.split()[:6])
        s.spliced += any(opening in para and para != text for para in body)
    body_text = "\n".join(body)
    # A block that kept its lines (a table or list typed as rows) is a table kept, not a table turned prose.
    prose_text = "\n".join(_norm(b.text) for b in cleaned.blocks if "\n" not in b.text.strip())
    gold_text = "\n".join(_norm(b["text"]) for b in gold["blocks"])
    for item in {(f["kind"], _norm(f["text"])) for f in gold["furniture"]}:
        if item[0] in _HEADS:
            s.heads_leaked += max(0, _count(body_text, item[1]) - _count(gold_text, item[1]))
        else:
            s.other_leaked += max(0, _count(prose_text, item[1]) - _count(gold_text, item[1]))
    first = next((b for b in gold["blocks"] if b["kind"] == "body"), None)
    if first is not None:
        opening = " ".join(_norm(first["text"]).split()[:8])
        s.first_dropped += not any(opening in para for para in body)
    return s


def _pages(path: Path) -> int:
    import pypdfium2

    doc = pypdfium2.PdfDocument(str(path))
    try:
        return len(doc)
    finally:
        doc.close()


def run(sets: dict[str, list[tuple[Path, dict]]]) -> dict[str, dict[str, Score]]:
    results: dict[str, dict[str, Score]] = {}
    for set_name, docs in sets.items():
        results[set_name] = {}
        for reader_name, reader in READERS.items():
            total = Score()
            for pdf, gold in docs:
                times = []
                for _ in range(3):
                    start = time.process_time()
                    raw = reader(pdf)
                    times.append(time.process_time() - start)
                s = score_document(gold, _clean(raw, pdf.stem))
                s.pages, s.seconds = _pages(pdf), statistics.median(times)
                total.add(s)
            results[set_name][reader_name] = total
    return results


def table(scores: dict[str, Score]) -> str:
    lines = [
        "| reader | whole | boundaries lost | notes placed | notes spliced | heads/numbers leaked"
        + " | tables/captions leaked | first dropped | ms/page | slowest doc ms/page |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, s in scores.items():
        lines.append(
            f"| {name} | {s.whole}/{s.paragraphs} ({100 * s.whole / max(1, s.paragraphs):.0f}%) | "
            f"{s.lost}/{s.boundaries} | {s.placed}/{s.notes} | {s.spliced} | {s.heads_leaked} | {s.other_leaked} | "
            f"{s.first_dropped}/{s.docs} | {1000 * s.seconds / max(1, s.pages):.1f} | {s.slowest:.1f} |"
        )
    return "\n".join(lines)


def load_sets(pdf_dir: Path) -> dict[str, list[tuple[Path, dict]]]:
    real = []
    for gold_path in sorted((HERE / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        real.append((pdf_dir / gold["file"], gold))
    synthetic = []
    for gold_path in sorted((HERE / "synthetic").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        synthetic.append((gold_path.with_name(gold["file"]), gold))
    return {"real": real, "synthetic": synthetic}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    shared = [up / "shared" / "benchmarks" / "pdf" for up in ROOT.parents]
    parser.add_argument("--pdfs", type=Path, default=next((p for p in shared if p.is_dir()), shared[0]))
    parser.add_argument("--out", type=Path, default=HERE / "RESULTS.md")
    args = parser.parse_args()
    sets = load_sets(args.pdfs)
    results = run(sets)
    parts = [
        "# PDF reading benchmark",
        "",
        "`python tests/benchmarks/pdf/bench_pdf.py` (measures: the script's docstring; gold: README.md here).",
        "",
    ]
    for set_name, scores in results.items():
        pages = next(iter(scores.values())).pages
        parts += [
            f"## {set_name}: {len(sets[set_name])} documents, {pages} pages",
            "",
            table(scores),
            "",
        ]
    text = "\n".join(parts)
    args.out.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
