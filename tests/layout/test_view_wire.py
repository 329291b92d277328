"""The view prints a wire lede's dateline before it and keeps a list block's lines."""

from __future__ import annotations

import re
from pathlib import Path

from briefpack.layout.view import build_view
from briefpack.manifest import load_manifest
from briefpack.stages import compile_pack

CASES = Path(__file__).resolve().parent.parent / "cases" / "wire"


def test_dateline_leads_the_lede_and_list_lines_are_broken() -> None:
    pack = compile_pack(load_manifest(CASES / "pack.yaml"))
    view = build_view(pack, "")
    html = {p.anchor: str(view.paragraph_html(p)) for c in pack.chapters for p in c.paragraphs}
    ferry = next(text for anchor, text in html.items() if "passenger ferry" in text)
    assert ferry.startswith('<span class="dateline">TALLINN, Estonia (AP) —</span> A passenger ferry')
    # Index names are anchored inside the text; the lines are what is checked here.
    tally = re.sub(r'<span class="name"[^>]*>([^<]*)</span>', r"\1", next(t for t in html.values() if "DISTRICT" in t))
    assert "district by district:<br>\nNORTH DISTRICT:<br>\nDead: 31<br>\nMissing: 12" in tally
    # A text that is not wire copy has no dateline.
    assert not any("dateline" in text for text in html.values() if "This review covers" in text)
