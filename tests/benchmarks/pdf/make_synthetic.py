"""PDFs laid out by WeasyPrint from text written here, with their exact gold.

Each document is built from paragraphs composed by a seeded generator over a
small vocabulary written for this benchmark (no corpus text), so the gold is
known word for word.  The layouts carry what real reports carry and readers
get wrong: two and three columns, page-foot footnotes with superscript calls,
running heads that alternate between left and right pages and change with the
section, page numbers, automatic hyphenation (WeasyPrint prints U+2010 at line
ends), fi/fl words, a figure caption, a small table, paragraphs marked by
indent instead of a gap, and a press release whose first paragraph starts with
a dateline.

    python tests/benchmarks/pdf/make_synthetic.py OUT_DIR

writes ``<name>.pdf`` and ``<name>.json`` (gold in the same shape as
``gold/*.json``) for every document.
"""

from __future__ import annotations

import html
import json
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

_SUBJECTS = (
    "the regional water authority",
    "the harbour commission",
    "the provincial transport office",
    "the northern grid operator",
    "the inspection team",
    "the steering committee",
    "the finance directorate",
    "the field office",
)
_VERBS = (
    "reviewed",
    "financed",
    "postponed",
    "flagged",
    "reconfigured",
    "published",
    "strengthened",
    "questioned",
)
_OBJECTS = (
    "the maintenance backlog",
    "the reconstruction programme",
    "the infrastructure modernisation plan",
    "the environmental monitoring contracts",
    "the telecommunications procurement",
    "the flood defence schedule",
    "the administrative responsibilities",
    "the fleet replacement budget",
    "the certification requirements",
)
_TAILS = (
    "after a difficult winter",
    "despite significant uncertainties",
    "with support from international organisations",
    "in line with the long-term strategy",
    "following a well-publicised dispute",
    "because the official figures were incomplete",
    "at the request of the affected municipalities",
    "without a final decision on its financing",
    "as the flow of applications increased",
)
_CONNECT = (
    "Meanwhile,",
    "In addition,",
    "However,",
    "Subsequently,",
    "By contrast,",
    "Overall,",
)
_NOTES = (
    "Figures are provisional and will be revised in the next edition.",
    "The comparison excludes two districts that reported late.",
    "Amounts are stated in current prices without adjustment for inflation.",
    "The survey covered 412 facilities; the response rate was 71 per cent.",
    "See the annex for the definitions used in the classification.",
)
_HEADINGS = (
    "Background",
    "Financing and procurement",
    "Operational findings",
    "Outlook for the coming year",
    "Regional differences",
    "Method",
)


@dataclass
class Doc:
    """A document being written: its HTML body and its gold, in reading order."""

    name: str
    blocks: list[dict[str, str]] = field(default_factory=list)
    furniture: list[dict[str, str]] = field(default_factory=list)
    html_parts: list[str] = field(default_factory=list)
    notes: int = 0

    def heading(self, text: str, level: int = 2) -> None:
        self.blocks.append({"kind": "heading", "text": text})
        self.html_parts.append(f"<h{level}>{html.escape(text)}</h{level}>")

    def paragraph(self, text: str, note: str | None = None) -> None:
        """A body paragraph; ``note`` becomes a page-foot footnote called after its first sentence."""
        if note is None:
            self.blocks.append({"kind": "body", "text": text})
            self.html_parts.append(f"<p>{html.escape(text)}</p>")
            return
        cut = text.index(". ") + 1
        self.blocks.append({"kind": "body", "text": text})
        self.blocks.append({"kind": "footnote", "text": note})
        self.notes += 1
        self.html_parts.append(
            f'<p>{html.escape(text[:cut])}<span class="fn">{html.escape(note)}</span>{html.escape(text[cut:])}</p>'
        )

    def figure(self, caption: str) -> None:
        self.furniture.append({"kind": "caption", "text": caption})
        self.html_parts.append(
            f'<figure><div class="chart"></div><figcaption>{html.escape(caption)}</figcaption></figure>'
        )

    def table(self, rows: list[list[str]]) -> None:
        for row in rows[1:]:
            self.furniture.append({"kind": "table", "text": " ".join(row)})
        cells = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows)
        self.html_parts.append(f"<table>{cells}</table>")


def _sentence(rng: random.Random, first: bool) -> str:
    lead = "" if first or rng.random() < 0.6 else rng.choice(_CONNECT) + " "
    subject = rng.choice(_SUBJECTS)
    if lead:
        words = f"{lead}{subject}"
    else:
        words = subject[0].upper() + subject[1:]
    return f"{words} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)} {rng.choice(_TAILS)}."


def _paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(_sentence(rng, i == 0) for i in range(sentences))


_CSS = """
@page { size: A4; margin: 22mm 18mm 24mm 18mm; }
@page :right { @top-right { content: string(section); font: 8pt sans-serif; }
               @bottom-right { content: counter(page); font: 8pt sans-serif; } }
@page :left { @top-left { content: "%(title)s"; font: 8pt sans-serif; }
              @bottom-left { content: counter(page); font: 8pt sans-serif; } }
body { font: 10pt/1.35 serif; hyphens: auto; text-align: justify; columns: %(columns)s; column-gap: 7mm; }
h1 { font: bold 18pt sans-serif; column-span: all; hyphens: manual; text-align: left; }
h2 { font: bold 12pt sans-serif; string-set: section content(); hyphens: manual; text-align: left;
     break-after: avoid; }
p { margin: 0 0 %(gap)s 0; text-indent: %(indent)s; orphans: 2; widows: 2; }
.fn { float: footnote; font-size: 7.5pt; text-indent: 0; }
::footnote-call { font-size: 6.5pt; vertical-align: super; }
::footnote-marker { font-size: 7.5pt; }
figure { margin: 4mm 0; break-inside: avoid; }
.chart { height: 28mm; background: #ccd; }
figcaption { font: italic 8pt sans-serif; margin-top: 1mm; }
table { border-collapse: collapse; font: 8pt sans-serif; margin: 3mm 0; break-inside: avoid; }
td { border: 0.5pt solid #555; padding: 1mm 2mm; }
"""


def _render(doc: Doc, title: str, *, columns: int, indent: bool, out: Path) -> None:
    from weasyprint import HTML  # only the generator lays out pages

    css = _CSS % {
        "title": title,
        "columns": columns,
        "gap": "0" if indent else "2.5mm",
        "indent": "1.5em" if indent else "0",
    }
    page = f'<html lang="en"><head><style>{css}</style></head><body>{"".join(doc.html_parts)}</body></html>'
    pdf = out / f"{doc.name}.pdf"
    HTML(string=page).write_pdf(pdf)
    pages = _page_count(pdf)
    doc.furniture.append({"kind": "running_head", "text": title})
    for number in range(1, pages + 1):
        doc.furniture.append({"kind": "page_number", "text": str(number)})
    for block in doc.blocks:
        if block["kind"] == "heading" and block["text"] != title:
            doc.furniture.append({"kind": "running_head_section", "text": block["text"]})
    gold = {
        "file": pdf.name,
        "source": "synthetic",
        "note": f"Generated by make_synthetic.py: {columns} column(s), {'indented' if indent else 'spaced'} paragraphs, "
        f"{doc.notes} footnotes, running heads (title on left pages, section on right pages), page numbers.",
        "blocks": doc.blocks,
        "furniture": doc.furniture,
    }
    (out / f"{doc.name}.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8")


def _page_count(pdf: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(pdf).pages)


def _report(name: str, seed: int, *, columns: int, indent: bool, out: Path) -> None:
    rng = random.Random(seed)
    title = f"Annual Infrastructure Review {2020 + seed}"
    doc = Doc(name)
    doc.heading(title, level=1)
    for section, heading in enumerate(rng.sample(_HEADINGS, 4)):
        doc.heading(heading)
        for i in range(rng.randint(3, 5)):
            note = rng.choice(_NOTES) if rng.random() < 0.3 else None
            doc.paragraph(_paragraph(rng, rng.randint(3, 6)), note)
            if section == 1 and i == 0:
                doc.figure(
                    f"Figure {seed}. Flow of applications by quarter, fiscal years {2018 + seed} to {2021 + seed}"
                )
            if section == 2 and i == 1:
                doc.table(
                    [
                        ["District", "Sites", "Share"],
                        ["North", "41", "38%"],
                        ["Coast", "27", "25%"],
                        ["Upland", "40", "37%"],
                    ]
                )
    _render(doc, title, columns=columns, indent=indent, out=out)


def _press_release(name: str, seed: int, out: Path) -> None:
    rng = random.Random(seed)
    title = "Northwind Analytics Reports Second Quarter Results"
    doc = Doc(name)
    doc.heading(title, level=1)
    doc.paragraph(
        "SPRINGFIELD, Ore. – August 4, 2025 – Northwind Analytics, Inc. today reported financial results for the "
        "second quarter ended June 30, 2025. Revenue was $412 million, an increase of 11 per cent from a year earlier."
    )
    for _ in range(5):
        doc.paragraph(
            _paragraph(rng, rng.randint(3, 5)),
            rng.choice(_NOTES) if rng.random() < 0.3 else None,
        )
    doc.heading("Forward-looking statements")
    for _ in range(6):
        doc.paragraph(_paragraph(rng, rng.randint(3, 5)))
    _render(doc, title, columns=1, indent=False, out=out)


def make_all(out: Path) -> list[Path]:
    """Write every synthetic PDF and its gold into ``out``; return the PDFs."""
    out.mkdir(parents=True, exist_ok=True)
    _report("synthetic-two-column", 1, columns=2, indent=False, out=out)
    _report("synthetic-three-column", 2, columns=3, indent=False, out=out)
    _report("synthetic-indented", 3, columns=1, indent=True, out=out)
    _report("synthetic-two-column-indented", 4, columns=2, indent=True, out=out)
    _press_release("synthetic-press-release", 5, out=out)
    return sorted(out.glob("synthetic-*.pdf"))


if __name__ == "__main__":
    for path in make_all(Path(sys.argv[1] if len(sys.argv) > 1 else "tests/benchmarks/pdf/synthetic")):
        print(path)
