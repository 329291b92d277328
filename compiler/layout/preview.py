"""Render a pack's pages to PNG images with pypdfium2 (no system dependency)."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pypdfium2

from briefpack.outputs import write_atomic


def render_pages(pdf: Path | bytes, out_dir: Path, *, dpi: int = 60, prefix: str = "page") -> list[Path]:
    document = pypdfium2.PdfDocument(pdf)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    try:
        for index in range(len(document)):
            image = document[index].render(scale=dpi / 72).to_pil()
            path = out_dir / f"{prefix}-{index + 1:03d}.png"
            buffer = BytesIO()
            image.save(buffer, format="PNG", optimize=True)
            write_atomic(path, buffer.getvalue())
            written.append(path)
    finally:
        document.close()
    return written
