"""``briefpack serve``: the server shows the pack's outputs and nothing else; an edit reaches the page."""

from __future__ import annotations

import http.client
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import CASES

from briefpack.serve.changes import compare, page_ranges

SECRET = "this-file-must-never-be-served"


def start(*command: str, cwd: Path) -> tuple[subprocess.Popen, str]:
    process = subprocess.Popen(
        [sys.executable, "-m", *command], cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    for line in process.stdout:
        if "http://" in line:
            return process, line[line.index("http://") :].split()[0]
    raise AssertionError(f"no address: {process.stderr.read() if process.stderr else ''}")


def get(address: str, path: str) -> tuple[int, bytes]:
    """A GET with the path sent exactly as given (no client-side clean-up of '..')."""
    host, port = address.removeprefix("http://").strip("/").rsplit(":", 1)
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


@pytest.fixture
def served(tmp_path):
    """A server on a free port over an output folder, with a file beside and inside it that it must not show."""
    out = tmp_path / "pack" / "out"
    (out / "preview").mkdir(parents=True)
    (tmp_path / "pack" / "pack.yaml").write_text(SECRET)
    (out / "pack.json").write_text(SECRET)
    (out / "preview" / "page-001.png").write_bytes(b"\x89PNG page one")
    (out / "pack.pdf").write_bytes(b"%PDF-1.7 the pack")
    state = {
        "build": "7",
        "status": "ok",
        "title": "T",
        "pdf": "pack.pdf",
        "pages": 1,
        "changed_pages": [1],
        "changes": ["S1: 1 paragraph added"],
        "warnings": ["a.txt: </script><script>alert(1)</script>"],
        "error": None,
        "seconds": 1.0,
        "finished": "12:00:00",
    }
    (out / "preview" / "state.json").write_text(json.dumps(state))
    process, address = start("briefpack.serve.server", str(out), "127.0.0.1", "0", cwd=tmp_path)
    yield address, out, state
    process.terminate()
    process.wait(timeout=10)


def test_the_server_shows_the_page_its_state_the_page_images_and_the_pdf(served):
    address = served[0]
    status, page = get(address, "/")
    assert status == 200 and b"S1: 1 paragraph added" in page and b'src="/pages/1.png?build=7"' in page
    assert b"<script>alert(1)</script>" not in page  # source text reaches the page escaped
    assert get(address, "/pages/1.png") == (200, b"\x89PNG page one")
    assert get(address, "/pack.pdf") == (200, b"%PDF-1.7 the pack")
    assert json.loads(get(address, "/state.json")[1])["build"] == "7"
    assert get(address, "/pages/2.png")[0] == 404  # the pack has one page


@pytest.mark.parametrize(
    "path",
    [
        "/../pack.yaml",
        "/..%2fpack.yaml",
        "/%2e%2e/pack.yaml",
        "/%2E%2E/%2E%2E/pack.yaml",
        "/pages/../pack.json",
        "/pages/..%2f..%2fpack.yaml",
        "/pages/%2e%2e/%2e%2e/pack.yaml",
        "/pack.json",
        "/preview/state.json",
        "//etc/passwd",
        "/etc/passwd",
        "http://127.0.0.1/../pack.yaml",
        "/pages/1.png/../../pack.json",
        "/pages/-1.png",
        "/pages/0.png",
        "/pages/1.png%00.yaml",
        "/.cache/stamps",
    ],
)
def test_nothing_outside_the_packs_outputs_is_served(served, path):
    status, body = get(served[0], path)
    assert status == 404 and SECRET.encode() not in body and b"root:" not in body


def test_a_pdf_name_in_the_state_cannot_lead_outside_the_output_folder(served):
    address, out, state = served
    (out / "preview" / "state.json").write_text(json.dumps({**state, "pdf": "../pack.yaml"}))
    assert get(address, "/pack.pdf")[0] == 404


def test_what_moved_is_said_in_explains_terms():
    before = {
        "pages": 8,
        "chapters": [
            {"title": "Harvest", "paragraphs": [{"source": "S1", "ordinal": 1}, {"source": "S2", "ordinal": 1}]},
            {"title": "Trade", "paragraphs": [{"source": "S2", "ordinal": 2}]},
        ],
    }
    after = {
        "pages": 9,
        "chapters": [
            {"title": "Harvest", "paragraphs": [{"source": "S1", "ordinal": 1}]},
            {
                "title": "Trade",
                "paragraphs": [
                    {"source": "S2", "ordinal": 1},
                    {"source": "S2", "ordinal": 2},
                    {"source": "S2", "ordinal": 3},
                ],
            },
        ],
    }
    assert compare(before, after, [2, 3, 4, 9]).lines() == (
        "S2 ¶1: Harvest → Trade",
        "S2: 1 paragraph added",
        "Harvest: 2 → 1 paragraphs",
        "Trade: 1 → 3 paragraphs",
        "8 → 9 pages",
        "pages that look different: 2–4, 9",
    )
    assert page_ranges([1]) == "1"


def _state(address: str) -> dict:
    return json.loads(get(address, "/state.json")[1])


def _wait(address: str, ready, timeout: float = 120) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        state = _state(address)
        if ready(state):
            return state
        time.sleep(0.1)
    raise AssertionError(f"timed out; last state {_state(address)}")


@pytest.mark.layout
def test_an_edit_reaches_the_page_and_a_failed_rebuild_keeps_the_last_good_pack(tmp_path):
    pack = tmp_path / "vale"
    shutil.copytree(CASES / "serve", pack)
    process, address = start("briefpack", "serve", "--port", "0", cwd=pack)
    try:
        first = _wait(address, lambda s: s["status"] == "ok")
        assert address.startswith("http://127.0.0.1:")
        images = {n: get(address, f"/pages/{n}.png")[1] for n in range(1, first["pages"] + 1)}
        with (pack / "orchard.txt").open("a") as source:
            source.write("\nGrowers in the high orchards lit straw bales against the frost and kept the blossom.\n")
        second = _wait(address, lambda s: s["build"] != first["build"] and s["status"] == "ok")
        assert "S1: 1 paragraph added" in second["changes"]
        changed = [n for n in images if get(address, f"/pages/{n}.png")[1] != images[n]]
        assert changed and set(changed) <= set(second["changed_pages"])
        assert b"S1: 1 paragraph added" in get(address, "/")[1]

        good = (pack / "pack.yaml").read_text()
        (pack / "pack.yaml").write_text(good.replace("themes:", "themes: [", 1))
        failed = _wait(address, lambda s: s["status"] == "failed")
        assert any("pack.yaml" in line and "invalid YAML" in line for line in failed["error"])
        assert get(address, "/pages/1.png")[0] == 200 and b"The last rebuild failed" in get(address, "/")[1]
        (pack / "pack.yaml").write_text(good)
        _wait(address, lambda s: s["status"] == "ok" and s["build"] != failed["build"])
    finally:
        process.terminate()
        process.wait(timeout=20)
