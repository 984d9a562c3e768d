"""The crawler's parts on their own (no Neo4j): sources file, listings, relevance, fetcher against the local
site (bench/crawl_site.py), state."""

from __future__ import annotations

import os
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from crawl_graph import MALIKG

from bench.crawl_site import AUTHOR, SLOW_S, Site, seed_articles, text_page
from core.settings import REPO_ROOT
from crawl.errors import FetchError, SourcesError
from crawl.fetcher import Fetcher, Response
from crawl.listings import Entry, Listing, parse_listing, when
from crawl.pages import page_document
from crawl.relevance import NO_MALI, NOT_FRENCH, off_topic
from crawl.sources import Politeness, load_sources, shipped_sources_path, url_list
from crawl.state import CrawlState, due

FAST = Politeness(
    user_agent="ua-test/1",
    delay_s=0,
    per_host=4,
    timeout_s=1.0,
    max_bytes=1_000_000,
    retries=1,
    backoff_s=0.05,
    max_redirects=3,
)


@pytest.fixture(scope="module")
def site() -> Iterator[Site]:
    with Site(seed_articles()) as served:
        yield served


# -- sources ----------------------------------------------------------------------------------------------------


def test_the_shipped_sources_file_is_valid_and_lists_french_feeds() -> None:
    config = load_sources(shipped_sources_path())
    assert len(config.sources) >= 8
    assert all(s.kind == "feed" and s.url.startswith("https://") and s.outlet for s in config.sources)
    assert config.politeness.delay_s >= 1 and config.politeness.per_host == 1


def test_a_bad_sources_file_names_the_file_and_the_problem(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text("sources:\n  - {feed: 'ftp://x/feed', outlet: X}\n  - {page: 'https://x/a', feed: 'https://x/f'}\n")
    with pytest.raises(SourcesError) as error:
        load_sources(path)
    assert str(path) in str(error.value)
    assert "not an http(s) URL" in str(error.value) and "exactly one of" in str(error.value)


def test_url_lists_skip_comments_and_name_a_bad_line(tmp_path: Path) -> None:
    good = tmp_path / "u.txt"
    good.write_text("# pages\nhttps://a.ml/1\n\nhttps://a.ml/2\n")
    assert [s.url for s in url_list(good)] == ["https://a.ml/1", "https://a.ml/2"]
    bad = tmp_path / "bad.txt"
    bad.write_text("https://a.ml/1\nnot a url\n")
    with pytest.raises(SourcesError, match=r"bad.txt:2: not an http"):
        url_list(bad)


# -- listings ---------------------------------------------------------------------------------------------------


def test_rss_atom_and_sitemaps_list_their_pages_with_change_dates() -> None:
    rss = b"""<rss version="2.0"><channel><item><link>/a/1</link><pubDate>Mon, 02 Jun 2025 10:00:00 +0200</pubDate>
              </item><item><guid>https://x.ml/a/2</guid></item></channel></rss>"""
    assert parse_listing("https://x.ml/feed", rss).entries == [
        Entry("https://x.ml/a/1", "2025-06-02T08:00:00+00:00"),
        Entry("https://x.ml/a/2", None),
    ]
    atom = b"""<feed xmlns="http://www.w3.org/2005/Atom"><entry><link rel="alternate" href="https://x.ml/b"/>
               <link rel="edit" href="https://x.ml/edit"/><updated>2025-06-02T10:00:00Z</updated></entry></feed>"""
    assert parse_listing("https://x.ml/atom", atom).entries == [Entry("https://x.ml/b", "2025-06-02T10:00:00+00:00")]
    ns = "http://www.sitemaps.org/schemas/sitemap/0.9"
    urlset = f"<urlset xmlns='{ns}'><url><loc>https://x.ml/c</loc><lastmod>2025-06-03</lastmod></url></urlset>"
    assert parse_listing("https://x.ml/s", urlset.encode()).entries == [
        Entry("https://x.ml/c", "2025-06-03T00:00:00+00:00")
    ]
    index = f"<sitemapindex xmlns='{ns}'><sitemap><loc>https://x.ml/s1.xml</loc></sitemap></sitemapindex>"
    assert parse_listing("https://x.ml/i", index.encode()) == Listing([], ["https://x.ml/s1.xml"])


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"<rss><channel><item><link>x</lin", "malformed XML"),
        (b"", "malformed XML"),
        (b"<!DOCTYPE html><html><body>page</body></html>", "not a feed or sitemap"),
        (b"<html><body>page</body></html>", "not a feed or sitemap"),
        (
            b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY e SYSTEM "file:///etc/passwd">]><rss><channel><item>'
            b"<link>&e;</link></item></channel></rss>",
            None,
        ),
    ],
)
def test_bad_listings_raise_a_fetch_error_naming_the_url(body: bytes, reason: str | None) -> None:
    if reason is None:  # external entities are never resolved
        assert all("root:" not in e.url for e in parse_listing("https://x.ml/f", body).entries)
        return
    with pytest.raises(FetchError) as error:
        parse_listing("https://x.ml/f", body)
    assert error.value.reason == reason and error.value.url == "https://x.ml/f"


def test_dates_compare_as_text_in_utc() -> None:
    assert when("Tue, 03 Jun 2025 01:00:00 +0200") == "2025-06-02T23:00:00+00:00"
    assert str(when("2025-06-02T23:30:00Z")) > str(when("Tue, 03 Jun 2025 01:00:00 +0200"))
    assert when("hier") is None and when(None) is None


# -- relevance --------------------------------------------------------------------------------------------------


def test_relevance_keeps_french_pages_naming_mali_or_a_malian_office_holder() -> None:
    for text in seed_articles().values():
        assert off_topic(text) is None
    sentence = "Le ministre {} a reçu à Paris son homologue pour des échanges sur la coopération et la sécurité. "
    assert off_topic(sentence.format("Abdoulaye Diop") * 4) is None  # a Malian office holder, Mali not named
    assert off_topic(sentence.format("Jean-Noël Barrot") * 4) == NO_MALI
    english = "The minister of Mali met his counterpart in Paris and said that the talks were useful for both. "
    assert off_topic(english * 4) == NOT_FRENCH
    malin = "Malick Diop est le plus malin des animaux de la ferme et de la forêt, dit-on dans le village. "
    assert off_topic(malin * 3) == NO_MALI  # whole words only: "Malick", "malin" do not name Mali


# -- fetcher ----------------------------------------------------------------------------------------------------


def _get(site: Site, path: str, politeness: Politeness = FAST, **validators: str) -> Response:
    with Fetcher(politeness) as fetcher:
        return fetcher.get(site.url(path), **validators)


@pytest.mark.parametrize(
    ("path", "reason", "transient"),
    [
        ("/missing.html", "404 Not Found", False),
        ("/loop.html", "too many redirects", False),
        ("/huge.html", "too large", False),
        ("/private/secret.html", "disallowed by robots.txt", False),
        ("/slow.html", "timeout", True),
    ],
)
def test_fetch_failures_are_named_with_a_short_reason(site: Site, path: str, reason: str, transient: bool) -> None:
    before = site.requests_for(path)
    started = time.monotonic()
    with pytest.raises(FetchError) as error:
        _get(site, path)
    assert (error.value.url, error.value.reason, error.value.transient) == (site.url(path), reason, transient)
    assert time.monotonic() - started < 2 * SLOW_S
    expected = {"/private/secret.html": 0, "/slow.html": 2, "/loop.html": 4}.get(path, 1)  # 1 retry; 3 redirects
    assert site.requests_for(path) - before == expected


def test_a_redirected_robots_txt_is_followed_and_honoured() -> None:
    with Site(seed_articles()) as moved:
        moved.redirects["/robots.txt"] = "/robots-real.txt"
        moved.pages["/robots-real.txt"] = moved.pages.pop("/robots.txt")
        with pytest.raises(FetchError, match="disallowed by robots.txt"):
            _get(moved, "/private/secret.html")
        assert moved.requests_for("/robots-real.txt") == 1 and moved.requests_for("/private/secret.html") == 0


def test_redirects_are_followed_and_conditional_gets_answer_304(site: Site) -> None:
    first = sorted(site.articles)[0]
    moved = _get(site, "/moved.html")
    assert moved.status == 200 and moved.url == site.url(site.article_path(first))
    assert moved.etag is not None and moved.last_modified is not None
    again = _get(site, site.article_path(first), etag=moved.etag)
    assert again.not_modified and again.body == b""


def test_requests_to_one_host_keep_the_delay_and_carry_the_user_agent(site: Site) -> None:
    paced = FAST.model_copy(update={"delay_s": 0.3, "per_host": 1})
    before = len(site.log)
    with Fetcher(paced) as fetcher:
        started = time.monotonic()
        threads = [threading.Thread(target=fetcher.get, args=(site.url("/feed.xml"),)) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.monotonic() - started
    assert elapsed >= 0.3 * 4  # robots.txt and 4 feeds, one every 0.3 s
    assert {ua for _, ua, _ in site.log[before:]} == {"ua-test/1"}


def test_pages_become_documents_and_non_articles_are_refused(site: Site) -> None:
    first = sorted(site.articles)[0]
    doc = page_document(_get(site, site.article_path(first)), outlet="L'Essor")
    assert doc.id == doc.url == site.url(site.article_path(first))
    assert doc.outlet == "L'Essor" and doc.title and "Abdoulaye Diop" in doc.text and "<p>" not in doc.text
    assert doc.author == AUTHOR  # the page's <meta name="author">
    with pytest.raises(FetchError, match="not HTML"):
        page_document(_get(site, "/image.png"))
    empty = Response("https://x.ml/e", 200, text_page("Titre\n\n ", "https://x.ml/e")[:60], "text/html", None, None)
    with pytest.raises(FetchError, match="no article text"):
        page_document(empty)


# -- state ------------------------------------------------------------------------------------------------------


def test_state_survives_reopening_and_decides_what_is_due(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite"
    with CrawlState(path) as state:
        state.record_page("https://x.ml/a", "written", etag='"e1"', changed="2025-06-01T00:00:00+00:00")
        state.record_page("https://x.ml/b", "retry", reason="timeout")
        state.record_listing("https://x.ml/feed", '"f"', None, Listing([Entry("https://x.ml/a", None)], []))
    with CrawlState(path) as state:
        a = state.page("https://x.ml/a")
        assert a is not None and a.etag == '"e1"'
        state.record_page("https://x.ml/a", "not-modified")  # keeps the validators it had
        a = state.page("https://x.ml/a")
        assert a is not None and a.etag == '"e1"' and a.changed == "2025-06-01T00:00:00+00:00"
        assert state.listing("https://x.ml/feed") == ('"f"', None, Listing([Entry("https://x.ml/a", None)], []))
        assert not due(None, a) and not due("2025-06-01T00:00:00+00:00", a)
        assert due("2025-06-02T00:00:00+00:00", a)
        assert due(None, state.page("https://x.ml/b")) and due(None, state.page("https://x.ml/new"))


# -- command line -----------------------------------------------------------------------------------------------


def _crawl_cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([MALIKG, "crawl", *args], env=env, capture_output=True, text=True, timeout=300, cwd=REPO_ROOT)


def test_a_bad_sources_file_is_exit_2_with_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "s.yaml"
    bad.write_text("sources:\n  - {rss: 'https://x.ml/feed'}\n")
    run = _crawl_cli(dict(os.environ), "--sources", str(bad), "--state", str(tmp_path / "st.sqlite"))
    assert run.returncode == 2
    assert run.stderr.strip().splitlines() == [f"malikg crawl: {bad}: sources.0.rss: Extra inputs are not permitted"]
    assert _crawl_cli(dict(os.environ), "--every", "soon", "--feed", "https://x.ml/f").returncode == 2


def test_unreachable_neo4j_is_one_clear_line_and_exit_3(site: Site, tmp_path: Path) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed = s.getsockname()[1]
    env = {**os.environ, "NEO4J_URI": f"bolt://127.0.0.1:{closed}"}
    before = len(site.log)
    run = _crawl_cli(env, "--feed", site.url("/feed.xml"), "--state", str(tmp_path / "st.sqlite"))
    assert run.returncode == 3, run.stderr
    assert run.stderr.startswith(f"malikg crawl: round 1: cannot reach Neo4j at bolt://127.0.0.1:{closed}")
    assert "Traceback" not in run.stderr and run.stdout == ""
    assert len(site.log) == before  # nothing is fetched for a graph that cannot take it
