"""Read a source file into text (placeholder until the full readers land)."""
from __future__ import annotations

from compiler.errors import SourceError
from compiler.model import SourceSpec


def read_source(spec: SourceSpec, *, max_bytes: int) -> tuple[str, list[str]]:
    try:
        data = spec.path.read_bytes()
    except OSError as exc:
        raise SourceError(f"cannot read source: {exc.strerror}", path=spec.path) from None
    return data.decode("utf-8", errors="replace"), []
