"""The pack's pages as images for the preview, and which of them changed."""

from __future__ import annotations

import hashlib
from io import BytesIO
from pathlib import Path

import pypdfium2

from briefpack.outputs import write_atomic

# Fast PNG compression: these images live for one rebuild and never leave the machine.
COMPRESSION = 1


def page_file(folder: Path, number: int) -> Path:
    return folder / f"page-{number:03d}.png"


def render(pdf: Path, folder: Path, dpi: int) -> tuple[int, tuple[int, ...]]:
    """Write every page of ``pdf`` as a PNG into ``folder``; the page count and the pages that changed.

    A page changed when its image differs from the one in the folder, so only
    those are written again; images of pages the pack no longer has are removed.
    """
    document = pypdfium2.PdfDocument(pdf)
    folder.mkdir(parents=True, exist_ok=True)
    changed = []
    try:
        count = len(document)
        for index in range(count):
            buffer = BytesIO()
            document[index].render(scale=dpi / 72).to_pil().save(buffer, format="PNG", compress_level=COMPRESSION)
            data, path = buffer.getvalue(), page_file(folder, index + 1)
            if not path.is_file() or _digest(path.read_bytes()) != _digest(data):
                write_atomic(path, data)
                changed.append(index + 1)
    finally:
        document.close()
    for stale in folder.glob("page-*.png"):
        number = stale.stem.removeprefix("page-")
        if not number.isdigit() or int(number) > count:
            stale.unlink(missing_ok=True)
    return count, tuple(changed)


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
