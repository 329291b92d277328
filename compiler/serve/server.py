"""The preview's web server: the pack's pages, its state, and nothing else.

It runs in a process of its own (``python -m briefpack.serve.server``), so the
process that builds stays single-threaded and may fork its stages as a build
does. It answers from files the builder writes into ``OUT/preview/``: the
state (``state.json``) and the page images; and it serves the pack's PDF.
Paths are never joined from the URL: a request is one of a fixed set of
routes, and a page is asked for by number, so ``..``, encoded dots and
absolute paths name nothing it would open.
"""
from __future__ import annotations

import json
import re
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from urllib.parse import urlsplit

_PAGE = re.compile(r"^/pages/([0-9]{1,5})\.png$")
PARENT_CHECK = 1.0  # seconds between checks that the builder is still there


class Preview:
    """Where the builder leaves the files this server may answer with."""

    def __init__(self, out_dir: Path, name: str):
        self.folder = out_dir / "preview"
        self.pdf = out_dir / f"{name}.pdf"

    def state(self) -> dict:
        try:
            return json.loads((self.folder / "state.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {"build": None, "status": "building"}

    def page(self, number: int) -> Path | None:
        if 1 <= number <= int(self.state().get("pages") or 0):
            return self.folder / f"page-{number:03d}.png"
        return None


def handler_for(preview: Preview, page_html):
    class Handler(BaseHTTPRequestHandler):
        server_version = "briefpack"
        sys_version = ""

        def do_GET(self) -> None:
            path = urlsplit(self.path).path
            if path == "/":
                self._send(page_html(preview.state()).encode(), "text/html; charset=utf-8")
            elif path == "/state.json":
                self._send(json.dumps(preview.state()).encode(), "application/json")
            elif path == "/pack.pdf":
                self._file(preview.pdf, "application/pdf")
            elif match := _PAGE.match(path):
                self._file(preview.page(int(match.group(1))), "image/png")
            else:
                self.send_error(HTTPStatus.NOT_FOUND)

        def _file(self, path: Path | None, kind: str) -> None:
            try:
                data = path.read_bytes() if path is not None else None
            except OSError:
                data = None
            if data is None:
                self.send_error(HTTPStatus.NOT_FOUND)
            else:
                self._send(data, kind)

        def _send(self, data: bytes, kind: str) -> None:
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args) -> None:
            pass  # the terminal belongs to the builder's messages

    return Handler
