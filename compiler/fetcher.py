"""The only way WeasyPrint may read anything while it renders a pack.

WeasyPrint follows ``file://`` and network URLs by default; a source text
that smuggles in a URL must not make the compiler read a local file or call
out to the network. This fetcher serves files from an allow-list of folders
(the layout's own) and small ``data:`` URLs, and refuses everything else
with a warning that names the URL.
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint.urls import URLFetcher

MAX_DATA_URL_BYTES = 256 * 1024


class SealedFetcher(URLFetcher):
    def __init__(self, allowed_roots: list[Path]):
        super().__init__(allowed_protocols=("file", "data"), allow_redirects=False)
        self.allowed_roots = [root.resolve() for root in allowed_roots]
        self.refused: list[str] = []

    def fetch(self, url, headers=None):
        scheme = urlsplit(url).scheme.lower()
        if scheme == "data" and len(url) <= MAX_DATA_URL_BYTES:
            return super().fetch(url, headers)
        if scheme == "file" and self._inside_allowed(url):
            return super().fetch(url, headers)
        self.refused.append(url if len(url) <= 120 else url[:117] + "...")
        raise ValueError(f"briefpack refuses to read {url[:120]}")

    def _inside_allowed(self, url: str) -> bool:
        path = Path(unquote(urlsplit(url).path)).resolve()
        return path.is_file() and any(path.is_relative_to(root) for root in self.allowed_roots)
