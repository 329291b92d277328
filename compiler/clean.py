"""Split raw text into body paragraphs (placeholder until the full clean-up lands)."""
from __future__ import annotations

import re

from compiler.model import Block, Cleaned


def clean(raw: str, source_id: str) -> Cleaned:
    parts = [re.sub(r"\s+", " ", p).strip() for p in re.split(r"\n\s*\n|\n", raw)]
    blocks = tuple(Block(ordinal=i, text=t) for i, t in enumerate((p for p in parts if p), start=1))
    return Cleaned(blocks=blocks, excluded=())
