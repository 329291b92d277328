"""The README's tutorial, run as written on a folder of test sources.

Every ``sh`` block of the tutorial runs in bash, in a temporary folder that
holds only the sources, with ``briefpack`` being this checkout's. Three
blocks cannot run as they stand, and each is handled as close to the reader's
experience as a test allows: the installation (the test runs inside an
installed briefpack already); ``briefpack serve``, which runs until Ctrl-C
(the test starts it, reads a page over HTTP and stops it); and the real
``briefpack send``, which the test points at its own SMTP server by adding
``--host`` and ``--port`` after the command as written.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import time
import urllib.request

import pytest
from conftest import CASES, ROOT


def tutorial_blocks() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Tutorial", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.*?)```", section, re.S)


def wrapper(smtp_port: int) -> str:
    return (
        f'briefpack() {{ if [ "$1" = send ] && [[ " $* " != *" --dry-run "* ]]; then '
        f'"{sys.executable}" -m briefpack "$@" --host 127.0.0.1 --port {smtp_port}; '
        f'else "{sys.executable}" -m briefpack "$@"; fi; }}\nset -euo pipefail\n'
    )


@pytest.mark.layout
def test_the_tutorials_commands_work_in_a_folder_of_sources(tmp_path, server):
    folder = tmp_path / "tramline"
    shutil.copytree(CASES / "tramline", folder)
    blocks = tutorial_blocks()
    assert any("briefpack new ." in b for b in blocks) and any(b.strip() == "briefpack serve" for b in blocks)
    for block in blocks:
        if "pip install" in block:
            continue
        if block.strip() == "briefpack serve":
            _serve_once(folder)
            continue
        done = subprocess.run(
            ["bash", "-c", wrapper(server.port) + block], cwd=folder, capture_output=True, text=True, timeout=900
        )
        assert done.returncode == 0, (block, done.stdout, done.stderr)
    assert (folder / "out" / "tramline.pdf").stat().st_size > 0
    assert len(list((folder / "out" / "copies").glob("*.pdf"))) == 1
    assert len(list((folder / "out" / "outbox").glob("*.eml"))) == 1
    sent = server.received()["ada@example.org"]
    assert len(sent) == 1 and sent[0]["Reply-To"] == "analyst@example.org"
    assert "Here is this week's pack" in sent[0].get_body(("plain",)).get_content()


def _serve_once(folder) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "briefpack", "serve", "--port", "0"],
        cwd=folder,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        address = next(line.split()[1] for line in process.stdout if line.startswith("serving http://"))
        deadline = time.monotonic() + 300
        while json.loads(urllib.request.urlopen(address + "state.json").read())["status"] != "ok":
            assert time.monotonic() < deadline
            time.sleep(0.2)
        assert urllib.request.urlopen(address + "pages/1.png").status == 200
    finally:
        process.terminate()
        process.wait(timeout=30)
