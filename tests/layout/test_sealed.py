"""Rendering is sealed: source text is shown, never obeyed, and nothing outside the layouts is read.

The hostile pack in tests/cases/hostile/ puts HTML and CSS injection into
source texts and manifest fields. The build must show every string
literally, embed no attachment, and never ask the URL fetcher for any of
the URLs; the fetcher itself is then tested directly.
"""

from __future__ import annotations

import base64
import io
import os
import re
import shutil
from pathlib import Path

import jinja2
import pytest
from harden_support import CASES, run
from pypdf import PdfReader

import briefpack.layout.render
from briefpack.layout.fetcher import MAX_DATA_URL_BYTES, SealedFetcher
from briefpack.layout.render import render_standalone
from briefpack.layout.view import LAYOUTS, environment

HOSTILE_URLS = ("file:///etc/passwd", "file:///dev/urandom", "http://127.0.0.1:9/x")
LITERALS = [
    "<style>@page { size: 1cm } body { display: none }</style>",
    '<img src="file:///etc/passwd">',
    '<link rel=attachment href="file:///etc/passwd">',
    '<object data="file:///dev/urandom"></object>',
    '<iframe src="http://127.0.0.1:9/x"></iframe>',
    "</p></section><script>document.write(1)</script>",
    "{{ 7*7 }} and {% if true %}yes{% endif %}",
    '<p style="background: url(file:///etc/passwd)">x</p>',
    '<div style="background-image: url(http://127.0.0.1:9/x)">y</div>',
    '<style>@import url("file:///etc/passwd");</style>',
    "Hostile <script>alert('title')</script> pack",
]


def _squash(text: str) -> str:
    """Text as extracted from a PDF: line breaks and hyphenation removed."""
    return re.sub(r"[\s\-\u2010\u00ad]+", "", text)


class SpyFetcher(SealedFetcher):
    instances: list[SpyFetcher] = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        SpyFetcher.instances.append(self)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """Build the hostile pack once, with a spy in place of the fetcher."""
    folder = tmp_path_factory.mktemp("hostile")
    shutil.copytree(CASES / "hostile", folder / "pack")
    SpyFetcher.instances.clear()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(briefpack.layout.render, "SealedFetcher", SpyFetcher)
        result = run("build", folder / "pack" / "pack.yaml", "--out", folder / "out")
    assert result.exit_code == 0, result.stderr
    return folder / "out", result, SpyFetcher.instances


@pytest.mark.layout
def test_pdf_shows_the_hostile_strings_literally(hostile):
    out, _, _ = hostile
    text = _squash("".join(page.extract_text() for page in PdfReader(out / "hostile.pdf").pages))
    for literal in LITERALS:
        assert _squash(literal) in text, literal


@pytest.mark.layout
def test_html_escapes_every_hostile_string(hostile):
    out, _, _ = hostile
    html = (out / "hostile.html").read_text(encoding="utf-8")
    body = html.split("</style>", 1)[1]  # the layout's own CSS comes first
    for tag in ("<img", "<link", "<object", "<iframe", "<script", "<style", "<p style", "<div style"):
        assert tag not in body, tag
    assert "&lt;img src=&#34;file:///etc/passwd&#34;&gt;" in body
    assert '<html lang="en&#34;&gt;&lt;link' in html


@pytest.mark.layout
def test_pdf_has_no_attachment(hostile):
    out, _, _ = hostile
    pdf = (out / "hostile.pdf").read_bytes()
    assert PdfReader(io.BytesIO(pdf)).attachments == {}
    assert b"/EmbeddedFile" not in pdf and b"root:x:0:0" not in pdf


@pytest.mark.layout
def test_fetcher_was_never_asked_for_hostile_urls(hostile):
    _, result, fetchers = hostile
    assert fetchers, "render_pdf did not use the sealed fetcher"
    asked = [url for fetcher in fetchers for url in fetcher.asked]
    assert not [url for url in asked if any(h in url for h in ("passwd", "urandom", "127.0.0.1"))], asked
    assert all(fetcher.refused == [] for fetcher in fetchers)
    assert "refused to fetch" not in result.stderr


def test_autoescape_is_on_for_templates_and_strings():
    env = environment()
    assert env.autoescape("pack.html") is True
    assert env.from_string("{{ x }}").render(x="<b>&") == "&lt;b&gt;&amp;"
    with pytest.raises(jinja2.UndefinedError):
        env.from_string("{{ missing }}").render()


@pytest.mark.layout
def test_fetcher_refuses_even_if_markup_slipped_through():
    """Defence in depth: raw hostile HTML handed straight to WeasyPrint still reads nothing."""
    html = (
        '<html><head><link rel="attachment" href="file:///etc/passwd">'
        '<link rel="stylesheet" href="http://127.0.0.1:9/x.css">'
        '<style>@import url("file:///etc/passwd"); p { background: url(http://127.0.0.1:9/x) }</style>'
        '</head><body><p>text</p><img src="file:///etc/passwd"><img src="file:///dev/urandom">'
        '<a rel="attachment" href="file:///etc/passwd">a</a></body></html>'
    )
    rendered = render_standalone(html, variant="ua")
    refused = "\n".join(rendered.warnings)
    for url in ("file:///etc/passwd", "file:///dev/urandom", "http://127.0.0.1:9/x"):
        assert f"refused to fetch {url}" in refused
    assert PdfReader(io.BytesIO(rendered.pdf)).attachments == {}
    assert b"root:x:0:0" not in rendered.pdf


# --- SealedFetcher on its own ---------------------------------------------------


@pytest.fixture
def sealed(tmp_path) -> tuple[SealedFetcher, Path]:
    root = tmp_path / "layouts"
    root.mkdir()
    (root / "style.css").write_text("p { color: red }")
    (tmp_path / "secret.txt").write_text("secret")
    return SealedFetcher([root]), root


def _refuses(fetcher: SealedFetcher, url: str) -> None:
    with pytest.raises(ValueError, match="briefpack refuses to read"):
        fetcher.fetch(url)
    assert fetcher.refused[-1] == (url if len(url) <= 120 else url[:117] + "...")


def test_fetcher_allows_a_file_inside(sealed):
    fetcher, root = sealed
    response = fetcher.fetch((root / "style.css").as_uri())
    assert response.read() == b"p { color: red }"
    assert fetcher.refused == []


def test_fetcher_allows_the_real_layouts():
    fetcher = SealedFetcher([LAYOUTS])
    assert b"{" in fetcher.fetch((LAYOUTS / "base.css").as_uri()).read()


def test_fetcher_allows_small_data_urls(sealed):
    fetcher, _ = sealed
    url = "data:text/plain;base64," + base64.b64encode(b"hello").decode()
    assert fetcher.fetch(url).read() == b"hello"


def test_fetcher_refuses_big_data_urls(sealed):
    fetcher, _ = sealed
    _refuses(fetcher, "data:text/plain;base64," + "A" * MAX_DATA_URL_BYTES)


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "FILE:///etc/passwd",
        "file:///dev/urandom",
        "file://localhost/etc/passwd",
        "file://example.com/etc/passwd",  # urllib would hand this to FTP
        "http://127.0.0.1:9/x",
        "https://example.com/x.css",
        "ftp://example.com/x",
        "gopher://127.0.0.1:70/",
        "javascript:alert(1)",
        "relative/path.css",
    ],
)
def test_fetcher_refuses_outside_and_network(sealed, url):
    fetcher, _ = sealed
    _refuses(fetcher, url)


def test_fetcher_refuses_dot_dot_out_of_the_root(sealed):
    fetcher, root = sealed
    _refuses(fetcher, f"file://{root}/../secret.txt")
    _refuses(fetcher, f"file://{root}/%2e%2e/secret.txt")


def test_fetcher_refuses_symlink_escaping_the_root(sealed, tmp_path):
    fetcher, root = sealed
    (root / "escape.css").symlink_to(tmp_path / "secret.txt")
    (root / "dir").symlink_to(tmp_path)
    _refuses(fetcher, (root / "escape.css").as_uri())
    _refuses(fetcher, f"file://{root}/dir/secret.txt")


def test_fetcher_refuses_sibling_folder_with_shared_prefix(sealed, tmp_path):
    fetcher, _ = sealed
    sibling = tmp_path / "layouts-evil"
    sibling.mkdir()
    (sibling / "x.css").write_text("x")
    _refuses(fetcher, (sibling / "x.css").as_uri())


def test_fetcher_refuses_devices_and_fifos_inside_the_root(sealed):
    fetcher, root = sealed
    (root / "random").symlink_to("/dev/urandom")
    os.mkfifo(root / "pipe")
    _refuses(fetcher, (root / "random").as_uri())
    _refuses(fetcher, (root / "pipe").as_uri())  # would block forever if opened for reading naively
    _refuses(fetcher, root.as_uri())


def test_fetcher_refuses_case_variants_of_the_root(sealed):
    fetcher, root = sealed
    _refuses(fetcher, (root.parent / "LAYOUTS" / "style.css").as_uri())
