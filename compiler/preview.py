"""Render a pack's pages to PNG images with pypdfium2 (no system dependency)."""
from __future__ import annotations

from pathlib import Path

import pypdfium2

from compiler.outputs import write_atomic


def render_pages(pdf: Path | bytes, out_dir: Path, *, dpi: int = 60, prefix: str = "page") -> list[Path]:
    document = pypdfium2.PdfDocument(pdf)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    try:
        for index in range(len(document)):
            image = document[index].render(scale=dpi / 72).to_pil()
            path = out_dir / f"{prefix}-{index + 1:03d}.png"
            from io import BytesIO
            buffer = BytesIO()
            image.save(buffer, format="PNG", optimize=True)
            write_atomic(path, buffer.getvalue())
            written.append(path)
    finally:
        document.close()
    return written


def contact_sheet(pages: list[Path], target: Path, *, columns: int = 5) -> Path:
    """All pages side by side in one image, for a quick look at the whole pack."""
    from PIL import Image

    images = [Image.open(p) for p in pages]
    width, height = images[0].size
    rows = (len(images) + columns - 1) // columns
    sheet = Image.new("RGB", (width * columns, height * rows), "white")
    for index, image in enumerate(images):
        sheet.paste(image, ((index % columns) * width, (index // columns) * height))
    sheet.save(target)
    return target
