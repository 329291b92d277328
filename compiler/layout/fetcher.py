"""The only way WeasyPrint may read anything while it renders a pack.

WeasyPrint follows ``file://`` and network URLs by default; a source text
that smuggles in a URL must not make the compiler read a local file or call
out to the network. This fetcher serves regular files from an allow-list of
folders (the layout's own) and small ``data:`` URLs, and refuses everything
else with a warning that names the URL.
"""

from __future__ import annotations

import base64
import os
import stat
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint.urls import URLFetcher, URLFetcherResponse

from briefpack.layout.fonts import woff2_digest

MAX_DATA_URL_BYTES = 256 * 1024
MAX_FILE_BYTES = 16 * 1024 * 1024  # fonts and images a layout ships; nothing bigger is legitimate
_LOCAL_HOSTS = ("", "localhost")
_SHOWN_URL_CHARS = 120
_WOFF2_DATA = "data:font/woff2;base64,"  # how ``view.stylesheet`` inlines the layout's fonts


class SealedFetcher(URLFetcher):
    """Serve files under ``allowed_roots`` and small data: URLs; refuse and record the rest.

    ``asked`` lists every URL WeasyPrint requested and ``refused`` the ones
    turned away, so a build can warn about them and tests can spy on both.
    """

    def __init__(self, allowed_roots: list[Path], decoded_fonts: Mapping[str, bytes] | None = None):
        super().__init__(allowed_protocols=("data",), allow_redirects=False)
        self.allowed_roots = [Path(os.path.realpath(root)) for root in allowed_roots]
        self.decoded_fonts = decoded_fonts or {}
        self.asked: list[str] = []
        self.refused: list[str] = []

    def fetch(self, url, headers=None):
        self.asked.append(url)
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme == "data" and len(url) <= MAX_DATA_URL_BYTES:
            return self._decoded_font(url) or super().fetch(url, headers)
        if scheme == "file" and parts.netloc.lower() in _LOCAL_HOSTS:
            # Read the file here rather than through urllib: urllib hands
            # file://host/... to FTP, and re-opening by URL after the check
            # would let a swapped symlink slip through.
            data = self._read_allowed(unquote(parts.path))
            if data is not None:
                return URLFetcherResponse(url, data, {"Content-Type": _content_type(parts.path)})
        shown = url if len(url) <= _SHOWN_URL_CHARS else url[: _SHOWN_URL_CHARS - 3] + "..."
        self.refused.append(shown)
        raise ValueError(f"briefpack refuses to read {shown}")

    def _decoded_font(self, url: str) -> URLFetcherResponse | None:
        """A WOFF2 font inlined in the layout's CSS, as ``fonts.decoded_fonts`` decoded it; None for others."""
        if not self.decoded_fonts or not url.startswith(_WOFF2_DATA):
            return None
        try:
            font = self.decoded_fonts.get(woff2_digest(base64.b64decode(url[len(_WOFF2_DATA) :], validate=True)))
        except ValueError:  # not base64: WeasyPrint's own fetch reports it
            return None
        return None if font is None else URLFetcherResponse(url, font, {"Content-Type": "font/ttf"})

    def _read_allowed(self, path: str) -> bytes | None:
        """The file's bytes if its real path is a regular file under an allowed root."""
        try:
            real = Path(os.path.realpath(path))  # symlinks and '..' resolved before the check
            if not any(real.is_relative_to(root) for root in self.allowed_roots):
                return None
            # O_NOFOLLOW: a symlink swapped in since realpath() is refused, not followed.
            fd = os.open(real, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
        except (OSError, ValueError):  # ValueError: a NUL byte in the path
            return None
        info = os.fstat(fd)
        # Devices and pipes (/dev/urandom, a FIFO) never end, folders are not files: plain files only.
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_FILE_BYTES:
            os.close(fd)
            return None
        with os.fdopen(fd, "rb") as stream:
            data = stream.read(MAX_FILE_BYTES + 1)
        return data if len(data) <= MAX_FILE_BYTES else None


def _content_type(path: str) -> str:
    suffix = Path(path).suffix.lower()
    return {
        ".css": "text/css",
        ".png": "image/png",
        ".jpg": "image/jpeg",
        ".jpeg": "image/jpeg",
        ".svg": "image/svg+xml",
        ".gif": "image/gif",
        ".woff": "font/woff",
        ".woff2": "font/woff2",
        ".ttf": "font/ttf",
        ".otf": "font/otf",
    }.get(suffix, "application/octet-stream")
