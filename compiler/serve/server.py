"""The preview's web server: the pack's pages, its state, its PDF, and nothing else.

It answers from what the builder leaves in ``OUT/preview/``: ``state.json``
and one PNG per page, plus the pack's PDF. No path is ever built from the
URL: a request is one of a fixed set of routes, and a page is asked for by
its number, so ``..``, encoded dots, and absolute paths name nothing it
would open. Run as ``python -m briefpack.serve.server OUT HOST PORT``: it
prints the address it listens on, and ends when the process that started it
does.
"""

from __future__ import annotations

import json
import os
import re
import sys
import threading
import time
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import jinja2

from briefpack.serve.pages import page_file

_PAGE = re.compile(r"/pages/([0-9]{1,5})\.png")
_PDF_NAME = re.compile(r"[\w.-]+\.pdf")
PARENT_CHECK = 0.5  # seconds between checks that the builder is still running
STATE = "state.json"


class Outputs:
    """The files of one pack's preview that the server may read."""

    def __init__(self, out_dir: Path):
        self.out_dir = out_dir
        self.folder = out_dir / "preview"
        environment = jinja2.Environment(
            loader=jinja2.FileSystemLoader(Path(__file__).parent), autoescape=True, undefined=jinja2.StrictUndefined
        )
        self.template = environment.get_template("page.html")

    def state(self) -> dict:
        try:
            state = json.loads((self.folder / STATE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            state = None
        return state if isinstance(state, dict) else {"build": "", "status": "building"}

    def page(self, number: int) -> Path | None:
        pages = self.state().get("pages")
        return page_file(self.folder, number) if isinstance(pages, int) and 1 <= number <= pages else None

    def pdf(self) -> Path | None:
        name = self.state().get("pdf")
        return self.out_dir / name if isinstance(name, str) and _PDF_NAME.fullmatch(name) else None

    def html(self) -> bytes:
        return self.template.render(state=self.state()).encode()


def handler_for(outputs: Outputs) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "briefpack-preview"
        sys_version = ""

        def do_GET(self) -> None:
            path = urlsplit(self.path).path
            if path == "/":
                self._send(outputs.html(), "text/html; charset=utf-8")
            elif path == "/state.json":
                self._send(json.dumps(outputs.state()).encode(), "application/json")
            elif path == "/pack.pdf":
                self._file(outputs.pdf(), "application/pdf")
            elif match := _PAGE.fullmatch(path):
                self._file(outputs.page(int(match.group(1))), "image/png")
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
            self.send_header("X-Content-Type-Options", "nosniff")
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: object) -> None:
            """Quiet: the terminal is the builder's."""

    return Handler


def _end_with_parent(server: ThreadingHTTPServer, parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK)
    server.shutdown()


def main(arguments: list[str]) -> int:
    out_dir, host, port = Path(arguments[0]), arguments[1], int(arguments[2])
    try:
        server = ThreadingHTTPServer((host, port), handler_for(Outputs(out_dir)))
    except OSError as exc:
        print(f"cannot listen on {host}:{port}: {exc.strerror or exc}", file=sys.stderr, flush=True)
        return 2
    server.daemon_threads = True
    shown = f"[{host}]" if ":" in host else host
    print(f"http://{shown}:{server.server_address[1]}/", flush=True)
    threading.Thread(target=_end_with_parent, args=(server, os.getppid()), daemon=True).start()
    with server:
        server.serve_forever(poll_interval=0.2)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
