"""How long an edit takes to reach the page ``briefpack serve`` shows, on the seed pack.

Starts ``briefpack serve`` on a copy of the seeds, then edits a source again and
again (adding a sentence, then taking it away) and times, for each edit, from the
moment the file is written to the moment the server hands out the new image of a
page that changed: what a browser polling the state every 250 ms would show, less
up to 250 ms of polling. Run: ``python tests/benchmarks/bench_serve.py [--edits N] [--write]``.
"""

from __future__ import annotations

import argparse
import http.client
import json
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCE = "003_c8d55afc72788183.txt"
ADDED = "\n\nA delegation from Moscow met Turkish officials in Ankara to discuss a ceasefire in Libya.\n"


def get(port: int, path: str) -> bytes:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path)
        return connection.getresponse().read()
    finally:
        connection.close()


def state(port: int) -> dict:
    return json.loads(get(port, "/state.json"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=6)
    parser.add_argument("--write", action="store_true", help="write tests/benchmarks/SERVE.md")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        pack = Path(scratch) / "seeds"
        shutil.copytree(ROOT / "seeds", pack)
        server = subprocess.Popen(
            [sys.executable, "-m", "briefpack", "serve", "--port", "0", "--out", str(Path(scratch) / "out")],
            cwd=pack,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert server.stdout is not None
        port = int(next(line for line in server.stdout if "http://" in line).split(":")[2].split("/")[0])
        try:
            while state(port).get("status") != "ok":
                time.sleep(0.05)
            rows = []
            original = (pack / SOURCE).read_text(encoding="utf-8")
            for edit in range(options.edits):
                before = state(port)
                text = original + ADDED if edit % 2 == 0 else original
                started = time.perf_counter()
                (pack / SOURCE).write_text(text, encoding="utf-8")
                while (now := state(port))["build"] == before["build"] or now["status"] != "ok":
                    time.sleep(0.01)
                page = now["changed_pages"][0]
                get(port, f"/pages/{page}.png?build={now['build']}")
                rows.append((time.perf_counter() - started, now["seconds"], page))
                time.sleep(0.5)
        finally:
            server.terminate()
            server.wait()
    latencies = [r[0] for r in rows]
    lines = [
        "| edit | edit to new page image (s) | of which the build (s) | first changed page |",
        "|---:|---:|---:|---:|",
    ]
    lines += [f"| {i + 1} | {t:.2f} | {b:.1f} | {p} |" for i, (t, b, p) in enumerate(rows)]
    summary = (
        f"median {statistics.median(latencies):.2f} s, min {min(latencies):.2f} s, "
        f"max {max(latencies):.2f} s over {len(rows)} edits"
    )
    print("\n".join(lines) + "\n\n" + summary)
    if options.write:
        (ROOT / "tests" / "benchmarks" / "SERVE.md").write_text(
            "# `briefpack serve`: edit to page change, seed pack\n\n"
            f"`python tests/benchmarks/bench_serve.py --edits {options.edits} --write` on {platform.node()} "
            f"({platform.machine()}, {platform.python_version()}), {time.strftime('%Y-%m-%d %H:%M')}.\n\n"
            + "\n".join(lines)
            + f"\n\n{summary}. A browser polls the state every 250 ms, so it shows "
            "the page up to 0.25 s after the figure here.\n",
            encoding="utf-8",
        )


if __name__ == "__main__":
    main()
