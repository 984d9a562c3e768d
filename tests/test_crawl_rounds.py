"""`malikg crawl` end to end: a subprocess against the local site (bench/crawl_site.py) and the real Neo4j.

Two rounds and a change: what is fetched, skipped, refused and reported; the graph after the rounds equals the
graph of one `malikg ingest` of the final pages.
"""

from __future__ import annotations

import re
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import neo4j
import pytest
from crawl_graph import MALIKG, canonical_graph, diff, run_crawl, sources_file

from bench.crawl_site import AUTHOR, DISALLOWED, Site, seed_articles
from core.settings import REPO_ROOT

pytestmark = pytest.mark.slow


@pytest.fixture
def site() -> Iterator[Site]:
    with Site(seed_articles()) as served:
        yield served


def _summary_number(out: str, pattern: str) -> int:
    match = re.search(pattern, out)
    assert match is not None, (pattern, out)
    return int(match[1])


def _ingest_final_pages(site: Site, folder: Path, env: dict[str, str]) -> None:
    folder.mkdir()
    for slug in site.articles:
        (folder / f"{slug}.html").write_bytes(site.pages[site.article_path(slug)].body)
    run = subprocess.run([MALIKG, "ingest", str(folder)], env=env, capture_output=True, text=True, cwd=REPO_ROOT)
    assert run.returncode == 0, run.stderr


def test_first_round_ingests_the_articles_and_reports_every_bad_url_without_stopping(
    driver: neo4j.Driver, neo4j_env: dict[str, str], site: Site, tmp_path: Path
) -> None:
    state = tmp_path / "state.sqlite"
    run = run_crawl(neo4j_env, "--sources", str(sources_file(site, tmp_path / "s.yaml")), "--state", str(state))
    assert run.returncode == 1, run.stderr  # pages failed: named on stderr, counted in the summary
    assert "Traceback" not in run.stderr
    err = run.stderr
    for path, reason in [
        ("/missing.html", "404 Not Found"),
        ("/slow.html", "timeout"),
        ("/loop.html", "too many redirects"),
        ("/huge.html", "too large"),
        ("/image.png", "not HTML"),
        ("/bad-feed.xml", "malformed XML"),
        ("/broken-sitemap.xml", "malformed XML"),
        ("/private/secret.html", "disallowed by robots.txt"),
    ]:
        assert f"{site.url(path)}: {reason}" in err, (path, err)
    out = run.stdout
    assert _summary_number(out, r"(\d+) written") == len(site.articles)
    assert "1 not French" in out and "1 does not name Mali" in out
    assert _summary_number(out, r"meetings: (\d+) created") > 0
    # the author line of each page (<meta name="author">, read by trafilatura) is stored on its Article
    records, _, _ = driver.execute_query("MATCH (a:Article) RETURN a.url AS url, a.author AS author ORDER BY url")
    assert {r["url"]: r["author"] for r in records} == {site.url(site.article_path(s)): AUTHOR for s in site.articles}
    # robots.txt is honoured, every request carries the user agent, the slow page was tried twice (1 retry)
    assert not [p for p, _, _ in site.log if p.startswith(DISALLOWED)]
    assert {ua for _, ua, _ in site.log} == {"malikg-crawler-test/1.0"}
    assert site.requests_for("/slow.html") == 2
    assert site.requests_for("/robots.txt") == 1

    before = len(site.log)
    again = run_crawl(neo4j_env, "--sources", str(sources_file(site, tmp_path / "s.yaml")), "--state", str(state))
    assert "Traceback" not in again.stderr
    requested = [p for p, _, _ in site.log[before:]]
    # unchanged listings (304) and dates: no article is requested again; a 404 is not retried, a timeout is
    assert sorted(set(requested)) == sorted(
        [
            "/robots.txt",
            "/feed.xml",
            "/sitemap.xml",
            "/sitemap-articles.xml",
            "/broken-sitemap.xml",
            "/bad-feed.xml",
            "/slow.html",
        ]
    ), requested
    assert "0 written" in again.stdout
    assert "listings: 0 read, 3 not modified" in again.stdout  # the feed, the sitemap index and its sitemap
    assert "meetings: 0 created, 0 merged" in again.stdout


def test_a_changed_article_is_fetched_again_alone_and_the_graph_equals_one_ingest_of_the_final_pages(
    driver: neo4j.Driver, neo4j_env: dict[str, str], neo4j_server: object, site: Site, tmp_path: Path
) -> None:
    sources = str(sources_file(site, tmp_path / "s.yaml"))
    state = str(tmp_path / "state.sqlite")
    first = run_crawl(neo4j_env, "--sources", sources, "--state", state)
    assert first.returncode == 1, first.stderr
    slug = sorted(site.articles)[1]
    # A correction that adds a sentence to the story but states the same facts.
    title, rest = site.articles[slug].split("\n\n", 1)
    site.set_article(slug, f"{title}\n\nCet article a été complété après sa première publication.\n\n{rest}")
    before = len(site.log)
    second = run_crawl(neo4j_env, "--sources", sources, "--state", state)
    fetched_articles = [p for p, _, _ in site.log[before:] if p.startswith("/articles/")]
    assert fetched_articles == [site.article_path(slug)], fetched_articles
    assert "1 written" in second.stdout, second.stdout
    crawled = canonical_graph(driver)

    neo4j_server.reset()  # type: ignore[attr-defined]
    _ingest_final_pages(site, tmp_path / "final", neo4j_env)
    assert diff(crawled, canonical_graph(driver)) == []


def test_an_unchanged_page_fetched_again_is_skipped_before_the_nlp(
    driver: neo4j.Driver, neo4j_env: dict[str, str], site: Site, tmp_path: Path
) -> None:
    """A page the sitemap dates anew but whose text is the same: fetched (its ETag changed with a new menu), then
    recognised by its text hash in the graph and not extracted again."""
    sources = str(sources_file(site, tmp_path / "s.yaml"))
    state = str(tmp_path / "state.sqlite")
    assert run_crawl(neo4j_env, "--sources", sources, "--state", state).returncode == 1
    slug = sorted(site.articles)[2]
    page = site.pages[site.article_path(slug)]
    site.set_article(slug, site.articles[slug])
    site.pages[site.article_path(slug)].body = page.body.replace(b"Sport</a>", b"Sports</a>")
    second = run_crawl(neo4j_env, "--sources", sources, "--state", state)
    assert "1 fetched, 0 not modified, 1 unchanged (skipped before the NLP)" in second.stdout, second.stdout
    assert "0 written" in second.stdout


def test_an_article_whose_facts_change_replaces_its_earlier_version(
    driver: neo4j.Driver, neo4j_env: dict[str, str], neo4j_server: object, site: Site, tmp_path: Path
) -> None:
    sources = str(sources_file(site, tmp_path / "s.yaml"))
    state = str(tmp_path / "state.sqlite")
    run_crawl(neo4j_env, "--sources", sources, "--state", state)
    slug = sorted(site.articles)[0]
    corrected = site.articles[slug].replace("mercredi 14 juin", "jeudi 15 juin")
    assert corrected != site.articles[slug]
    site.set_article(slug, corrected)
    second = run_crawl(neo4j_env, "--sources", sources, "--state", state)
    assert "1 written" in second.stdout, second.stdout
    crawled = canonical_graph(driver)
    neo4j_server.reset()  # type: ignore[attr-defined]
    _ingest_final_pages(site, tmp_path / "final", neo4j_env)
    assert diff(crawled, canonical_graph(driver)) == []


def test_every_stops_cleanly_on_sigterm(
    driver: neo4j.Driver, neo4j_env: dict[str, str], site: Site, tmp_path: Path
) -> None:
    sources = str(sources_file(site, tmp_path / "s.yaml"))
    process = subprocess.Popen(
        [MALIKG, "crawl", "--sources", sources, "--state", str(tmp_path / "state.sqlite"), "--every", "1h"],
        env=neo4j_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO_ROOT,
    )
    try:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline and not any(p.startswith("/articles/") for p, _, _ in site.log):
            time.sleep(0.05)
        process.send_signal(signal.SIGTERM)
        out, err = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 0, err
    assert "Traceback" not in err
    assert "stopping after the batch in hand" in err
    assert "round 1" in out and "round 2" not in out
    written = _summary_number(out, r"(\d+) written")
    records, _, _ = driver.execute_query("MATCH (a:Article) RETURN count(a) AS n")
    assert records[0]["n"] == written  # what the summary counts is exactly what was committed
