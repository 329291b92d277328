"""The layout-aware PDF reader: PDFs laid out here from text written here, read back."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefpack.model import Exclusion
from briefpack.readers.pdf import read_pdf
from briefpack.readers.pdfwords import join_block, repair_split_words
from briefpack.text.clean import clean

_SECTIONS = {
    "Harbour works": [
        "The harbour board approved the dredging contract after a long delay. Work on the northern quay "
        "will start in the spring and last about eighteen months, according to the board's own schedule.",
        "Fishing cooperatives asked for compensation while the channel is closed. The board said it would "
        "consider a temporary berth at the old ferry terminal instead of cash payments.",
        "Engineers warned that the breakwater needs attention within five years. Its concrete blocks have "
        "shifted during the last three winters and several are cracked along their upper edges.",
    ],
    "Water supply": [
        "The reservoir held less water this autumn than in any year since records began. Officials blamed a "
        "dry summer and leaks in the older mains that run beneath the market district.",
        "A programme to replace the mains was announced with an initial budget of twelve million. The first "
        "streets to be dug up are those with the most reported bursts over the past decade.",
        "Households were asked to cut their use by a tenth until the rains return. Hosepipes are banned and "
        "public fountains have been switched off in every district of the city.",
    ],
}
_NOTE = "Figures supplied by the harbour board and not independently checked."


def pdf_text(data: bytes, path: Path) -> str:
    reading = read_pdf(data, path)
    assert reading.warnings == ()
    return reading.text


def _paragraphs() -> list[tuple[str, str]]:
    return [(heading, text) for heading, texts in _SECTIONS.items() for text in texts]


def _report_pdf(*, columns: int) -> bytes:
    """A report in ``columns`` columns with alternating running heads, page numbers and one footnote."""
    weasyprint = pytest.importorskip("weasyprint")
    body = ["<h1>City Works Bulletin</h1>"]
    for heading, texts in _SECTIONS.items():
        body.append(f"<h2>{heading}</h2>")
        for i, text in enumerate(texts):
            if heading == "Harbour works" and i == 0:
                cut = text.index(". ") + 1
                text = f'{text[:cut]}<span class="fn">{_NOTE}</span>{text[cut:]}'
            body.append(f"<p>{text}</p>")
    css = f"""
        @page {{ size: A5; margin: 20mm 14mm; }}
        @page :right {{ @top-right {{ content: string(section); font-size: 7pt }}
                       @bottom-right {{ content: counter(page); font-size: 7pt }} }}
        @page :left {{ @top-left {{ content: "City Works Bulletin"; font-size: 7pt }}
                      @bottom-left {{ content: counter(page); font-size: 7pt }} }}
        body {{ font: 9pt/1.3 serif; columns: {columns}; column-gap: 6mm; text-align: justify; hyphens: auto }}
        h1 {{ font-size: 16pt; column-span: all }} h2 {{ font-size: 11pt; string-set: section content() }}
        p {{ margin: 0 0 5pt }} .fn {{ float: footnote; font-size: 7pt }}
        ::footnote-call {{ font-size: 6pt; vertical-align: super }}"""
    html = f'<html lang="en"><head><style>{css}</style></head><body>{"".join(body)}</body></html>'
    return weasyprint.HTML(string=html).write_pdf()


@pytest.mark.layout
@pytest.mark.parametrize("columns", [1, 2])
def test_report_reads_back_paragraph_for_paragraph(columns):
    text = pdf_text(_report_pdf(columns=columns), Path("report.pdf"))
    blocks = text.split("\n\n")
    for heading, paragraph in _paragraphs():
        assert f"## {heading}" in blocks
        assert paragraph in [b.replace("[^1]", "") for b in blocks], paragraph
    assert "\u2010" not in text and "\u00ad" not in text  # hyphenated line ends are rejoined


@pytest.mark.layout
def test_running_heads_and_page_numbers_stay_out_of_the_body():
    text = pdf_text(_report_pdf(columns=2), Path("report.pdf"))
    body = [b for b in text.split("\n\n") if not b.startswith(("#", "[^"))]
    assert not any("City Works Bulletin" in b for b in body)
    assert not any(b.strip().isdigit() for b in body)
    assert text.count("City Works Bulletin") == 1  # the title, once


@pytest.mark.layout
def test_running_head_and_page_numbers_listed_as_excluded_once_with_their_pages():
    weasyprint = pytest.importorskip("weasyprint")
    paragraphs = [text for _, text in _paragraphs()] * 3
    css = """@page { size: A6; margin: 18mm 12mm;
                     @top-center { content: "Quarterly Port Review"; font-size: 7pt }
                     @bottom-center { content: counter(page); font-size: 7pt } }
             body { font: 9pt/1.3 serif } p { margin: 0 0 5pt }"""
    html = f"<html><head><style>{css}</style></head><body>{''.join(f'<p>{p}</p>' for p in paragraphs)}</body></html>"
    document = weasyprint.HTML(string=html).render()
    pages = len(document.pages)
    assert pages >= 3
    reading = read_pdf(document.write_pdf(), Path("review.pdf"))
    assert "Quarterly Port Review" not in reading.text
    assert [(e.reason, e.text) for e in reading.excluded] == [
        (Exclusion.RUNNING_HEAD, f"Quarterly Port Review (on {pages} pages)"),
        (Exclusion.PAGE_NUMBER, f"1–{pages} (on {pages} pages)"),
    ]


@pytest.mark.layout
def test_page_foot_note_attached_to_its_call():
    text = pdf_text(_report_pdf(columns=2), Path("report.pdf"))
    first = _SECTIONS["Harbour works"][0]
    cut = first.index(". ") + 1
    assert f"{first[:cut]}[^1]{first[cut:]}" in text.split("\n\n")
    assert text.rstrip().endswith(f"[^1]: {_NOTE}")
    cleaned = clean(text, "report")
    noted = [b for b in cleaned.blocks if b.footnotes]
    assert [n.text for b in noted for n in b.footnotes] == [_NOTE]
    assert all(_NOTE not in b.text for b in cleaned.blocks)


@pytest.mark.layout
def test_press_release_first_paragraph_handed_through_whole():
    weasyprint = pytest.importorskip("weasyprint")
    lede = (
        "LAKEVILLE, Minn. – March 3, 2025 – Ferrous Dynamics Inc. today reported first-quarter revenue of "
        "$88 million, up nine per cent from a year earlier, on stronger demand for replacement parts."
    )
    rest = "The company expects demand to ease in the second half as distributors work through their stock."
    html = f"<h1>Ferrous Dynamics Reports First-Quarter Results</h1><p>{lede}</p><p>{rest}</p>"
    text = pdf_text(weasyprint.HTML(string=html).write_pdf(), Path("release.pdf"))
    assert text.split("\n\n") == ["# Ferrous Dynamics Reports First-Quarter Results", lede, rest]


def test_line_end_hyphens_join_by_the_documents_own_spelling():
    vocab = frozenset({"well-known", "reconstruction"})
    assert join_block(["the recon\u2010", "struction plan"], vocab) == "the reconstruction plan"
    assert join_block(["a well\u2010", "known case"], vocab) == "a well-known case"
    assert join_block(["soft\u00ad", "ly"], vocab) == "softly"


def test_ligatures_decomposed():
    assert join_block(["\ufb01nal \ufb02ows and e\ufb00orts"], frozenset()) == "final flows and efforts"


def test_split_words_rejoined_only_where_the_document_spells_them_whole():
    text = "The claim is UNRESOL VED. Three UNRESOLVED claims remain. Read a new report, not anew one."
    assert repair_split_words(text) == (
        "The claim is UNRESOLVED. Three UNRESOLVED claims remain. Read a new report, not anew one."
    )


@pytest.mark.layout
def test_table_comes_out_as_rows_not_prose():
    weasyprint = pytest.importorskip("weasyprint")
    rows = [
        ("Port", "Ships", "Tonnes"),
        ("Northgate", "41", "1,250"),
        ("Eastmoor", "27", "980"),
        ("Southby", "40", "1,105"),
    ]
    cells = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    intro = "Traffic through the three ports changed little over the year, as the table shows."
    css = "td { padding: 1mm 8mm; font-size: 9pt } p { font-size: 9pt }"
    html = f"<html><head><style>{css}</style></head><body><p>{intro}</p><table>{cells}</table></body></html>"
    text = pdf_text(weasyprint.HTML(string=html).write_pdf(), Path("ports.pdf"))
    blocks = text.split("\n\n")
    assert blocks[0] == intro
    table = [line.split() for line in blocks[1].split("\n")]
    assert table == [list(row) for row in rows]


@pytest.mark.layout
def test_page_turned_for_display_reads_as_set():
    import io

    from pypdf import PdfReader, PdfWriter

    upright = _report_pdf(columns=2)
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(upright)))
    for page in writer.pages:
        page.rotate(90)
    turned = io.BytesIO()
    writer.write(turned)
    assert pdf_text(turned.getvalue(), Path("turned.pdf")) == pdf_text(upright, Path("report.pdf"))


@pytest.mark.layout
def test_call_set_at_a_line_start_and_note_pushed_to_the_next_page():
    weasyprint = pytest.importorskip("weasyprint")
    first = "The ferry service resumed in May after repairs."
    rest = "Passenger numbers recovered by the end of summer, the operator said in its report."
    second = "A second vessel is due next year if the council approves the loan for its purchase and refit."
    note = "Repairs were paid for by the regional fund."
    css = """@page { size: A6; margin: 15mm 12mm } body { font: 9pt serif }
        .fn { float: footnote; font-size: 7pt } ::footnote-call { font-size: 6pt; vertical-align: super }
        ::footnote-marker { content: counter(footnote); vertical-align: super; font-size: 5pt }"""
    html = (
        f"<html><head><style>{css}</style></head><body>"
        f'<p>{first}<span class="fn">{note}</span> {rest}</p><p>{second}</p></body></html>'
    )
    text = pdf_text(weasyprint.HTML(string=html).write_pdf(), Path("ferry.pdf"))
    assert text.split("\n\n") == [f"{first}[^1] {rest}", second, f"[^1]: {note}"]


@pytest.mark.layout
def test_note_at_the_foot_of_one_column_while_the_next_runs_on():
    weasyprint = pytest.importorskip("weasyprint")
    left = " ".join(_SECTIONS["Water supply"])
    called = "The tariff rose by four per cent in April."
    after = "Most households will pay the increase from the summer bills onwards."
    note = "Figures from the utility's published tariff schedule."
    css = """@page { size: A4; margin: 20mm } body { font: 9pt/1.3 serif; text-align: justify }
        .cols { display: flex; gap: 8mm } .cols > div { flex: 1 } .left { padding-top: 120mm }
        sup { font-size: 6pt; vertical-align: super; line-height: 0 } .note { font-size: 7pt; margin-top: 4mm }"""
    html = (
        f'<html><head><style>{css}</style></head><body><div class="cols">'
        f'<div class="left"><p>{left}</p><p>{left}</p></div>'
        f'<div><p style="margin-top: 130mm">{called}<sup>1</sup> {after}</p>'
        f'<p class="note">1 {note}</p></div></div></body></html>'
    )
    text = pdf_text(weasyprint.HTML(string=html).write_pdf(), Path("tariff.pdf"))
    blocks = text.split("\n\n")
    assert f"{called}[^1] {after}" in blocks
    assert blocks[-1] == f"[^1]: {note}"
