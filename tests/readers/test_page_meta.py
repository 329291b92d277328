"""A page's own metadata, ranked so that a sidebar, a comment or an embedded post never wins."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from briefpack.readers.page_meta import PageMeta, page_meta

CASES = Path(__file__).resolve().parents[1] / "cases" / "html"


def _meta(html: str) -> PageMeta:
    return page_meta(lxml.html.document_fromstring(html))


def test_json_ld_gives_headline_people_day_and_publisher():
    meta = _meta((CASES / "json_ld.html").read_text(encoding="utf-8"))
    # The JSON-LD article's people win over a <meta name=author> naming the posting account.
    assert meta == PageMeta(
        "Wind farm approved off the east coast", "Ines Kowalski, David Osei", "Coastal Energy News", "2023-06-21"
    )


def test_the_story_date_wins_over_a_sidebar_a_tweet_and_comments():
    meta = _meta((CASES / "comment_and_tweet_dates.html").read_text(encoding="utf-8"))
    assert (meta.published, meta.author) == ("2024-03-05", "Maria Lindqvist")


def test_dates_only_in_a_comment_or_an_embedded_post_give_no_date():
    page = """<html><body><article><h1>Quiet day at the port</h1><p>Nothing happened.</p>
    <blockquote class="twitter-tweet"><a><time datetime="2024-01-02">Jan 2</time></a></blockquote></article>
    <div id="comments"><div class="comment"><time datetime="2024-01-05">5 Jan</time></div></div></body></html>"""
    assert _meta(page).published is None


@pytest.mark.parametrize(
    "head, body, title",
    [
        # The shown headline agrees with the declared title less the site's name.
        (
            "<title>Dam opens - Valley News</title><meta property='og:site_name' content='Valley News'>",
            "<h1>Dam opens</h1>",
            "Dam opens",
        ),
        # A section label before the headline.
        (
            "<meta property='og:title' content='Opinion | Why the dam matters'>",
            "<h1>Why the dam matters</h1>",
            "Why the dam matters",
        ),
        # An <h1> that is the site's name, with the headline only declared.
        (
            "<title>Dam opens | Valley News</title><link rel='canonical' href='https://www.valleynews.example/a'>",
            "<h1>Valley News</h1>",
            "Dam opens",
        ),
        # An <h1> in a sidebar never wins; the declared title does.
        (
            "<meta property='og:title' content='Dam opens on time'>",
            "<aside><h1>Most read today</h1></aside>",
            "Dam opens on time",
        ),
        # A one-word <title> is a label; the page's headline wins.
        ("<title>News</title>", "<article><h1>Dam opens after ten years</h1></article>", "Dam opens after ten years"),
    ],
)
def test_title_ranking(head, body, title):
    assert _meta(f"<html><head>{head}</head><body>{body}</body></html>").title == title


def test_an_author_the_page_shows_wins_over_a_login():
    page = """<html><head><meta name="author" content="webdesk"><meta name="sailthru.author" content="By Lena Park">
    <script type="application/ld+json">{"@type": "NewsArticle", "author": {"@type": "Person", "name": "Kim Ode"}}
    </script></head><body><p class="byline">By Lena Park</p><p>Story.</p></body></html>"""
    assert _meta(page).author == "Lena Park"


def test_publication_tags_and_an_english_date():
    page = """<html><head><meta property="article:published_time" content="November 20, 2019 12:32">
    </head><body><p>Story.</p></body></html>"""
    assert _meta(page).published == "2019-11-20"
    in_address = """<html><head><link rel="canonical" href="https://example.org/2021/04/09/story/"></head>
    <body><p>Story.</p></body></html>"""
    assert _meta(in_address).published == "2021-04-09"
