"""A local news site for the crawler's tests, benchmark and docs: feeds, sitemaps and article pages built from
article texts, served on 127.0.0.1 by the standard library's HTTP server (no network).

Besides the articles it serves what real sites do to crawlers: a robots.txt disallowing /private/, a 404, a slow
page, a redirect and a redirect loop, a page larger than the crawler's limit, an English page, a French page about
something else, an image, a malformed feed and a malformed sitemap. Pages answer conditional GETs (ETag,
Last-Modified) with 304; `set_article` changes a page and its sitemap <lastmod>. Every request is logged.

    .venv/bin/python -m bench.crawl_site [--port N]    # serve the seed articles (tests/data/seed-articles) until Ctrl-C
"""

from __future__ import annotations

import argparse
import hashlib
import html
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
SEEDS = REPO_ROOT / "tests" / "data" / "seed-articles"
SITE_NAME = "Le Quotidien de Test"
AUTHOR = "Aminata Traoré"  # the author line of every article page (<meta name="author">)
START = datetime(2026, 1, 1, tzinfo=UTC)
SLOW_S = 3.0
HUGE_BYTES = 3_000_000
DISALLOWED = "/private/"

ENGLISH = (
    "Mali's foreign minister met the Russian ambassador in New York on Wednesday. The talks were about the "
    "partnership between the two countries, which have been close since 2021, and about security in the Sahel. "
)
OFF_TOPIC = (
    "Le président de la République française a reçu le chancelier allemand à Paris pour des échanges sur la "
    "situation en Ukraine et la défense européenne, selon un communiqué de l'Élysée publié dans la soirée. "
)


@dataclass
class Page:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    modified: datetime = START
    status: int = 200

    @property
    def etag(self) -> str:
        return '"' + hashlib.sha1(self.body).hexdigest()[:16] + '"'


def article_html(title: str, paragraphs: list[str], url: str, author: str | None = None) -> str:
    """A news page as sites serve them: head metadata (with the author line, if any), a menu, the article, a
    footer."""
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    byline = "" if author is None else f'<meta name="author" content="{html.escape(author)}">'
    return (
        '<!DOCTYPE html>\n<html lang="fr"><head><meta charset="utf-8">'
        f'<title>{html.escape(title)}</title><link rel="canonical" href="{url}">{byline}'
        f'<meta property="og:site_name" content="{SITE_NAME}"></head><body>'
        '<nav><a href="/">Accueil</a> <a href="/politique">Politique</a> <a href="/sport">Sport</a></nav>'
        f"<article><h1>{html.escape(title)}</h1>\n{body}\n</article>"
        "<footer>© Le Quotidien de Test. Tous droits réservés.</footer></body></html>"
    )


def text_page(text: str, url: str) -> bytes:
    """The page of an article text: its first paragraph is the title; AUTHOR signs it."""
    paragraphs = [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]
    return article_html(paragraphs[0], paragraphs[1:], url, AUTHOR).encode("utf-8")


def seed_articles() -> dict[str, str]:
    """The seed articles of tests/data/seed-articles: slug -> text."""
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}


@dataclass
class Site:
    """The site's content, its request log, and the server once started."""

    articles: dict[str, str]
    pages: dict[str, Page] = field(default_factory=dict)
    redirects: dict[str, str] = field(default_factory=dict)  # path -> Location of a 301
    log: list[tuple[str, str, int]] = field(default_factory=list)  # (path, user agent, 0) per request
    port: int = 0
    _server: ThreadingHTTPServer | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def start(self, port: int = 0) -> Site:
        site = self

        class Handler(_Handler):
            served = site

        self._server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        self._build()
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    def __enter__(self) -> Site:
        return self.start() if self._server is None else self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def article_path(self, slug: str) -> str:
        return f"/articles/{slug}.html"

    def set_article(self, slug: str, text: str, when: datetime | None = None) -> None:
        """Publish `text` as article `slug` (new or changed), modified at `when` (default: a day later)."""
        with self._lock:
            self.articles[slug] = text
            path = self.article_path(slug)
            old = self.pages.get(path)
            modified = when or ((old.modified if old else START) + timedelta(days=1))
            self.pages[path] = Page(text_page(text, self.url(path)), modified=modified)
            self._listings()

    def requests_for(self, path: str) -> int:
        with self._lock:
            return sum(1 for p, _, _ in self.log if p == path)

    def _build(self) -> None:
        for slug, text in self.articles.items():
            path = self.article_path(slug)
            self.pages[path] = Page(text_page(text, self.url(path)))
        self.pages["/robots.txt"] = Page(f"User-agent: *\nDisallow: {DISALLOWED}\n".encode(), "text/plain")
        self.pages["/private/secret.html"] = Page(article_html("Secret", ["Le Mali. " * 50], "x").encode())
        self.pages["/english.html"] = Page(article_html("Mali news", [ENGLISH * 4], self.url("/english.html")).encode())
        self.pages["/offtopic.html"] = Page(
            article_html("Diplomatie européenne", [OFF_TOPIC * 3], self.url("/offtopic.html")).encode()
        )
        self.pages["/image.png"] = Page(b"\x89PNG\r\n\x1a\n" + bytes(2000), "image/png")
        self.pages["/bad-feed.xml"] = Page(b"<?xml version='1.0'?><rss><channel><item><link>x</lin", "application/xml")
        self.pages["/broken-sitemap.xml"] = Page(b"<urlset><url><loc>http://x/</loc></url>", "application/xml")
        self._listings()

    def _listings(self) -> None:
        """Feed of everything; sitemap index -> article sitemap (with lastmod) and a broken sitemap."""
        slugs = sorted(self.articles)
        extra = [
            "/missing.html",
            "/slow.html",
            "/moved.html",
            "/loop.html",
            "/huge.html",
            "/english.html",
            "/offtopic.html",
            "/image.png",
            "/private/secret.html",
        ]
        items = "".join(
            f"<item><title>{slug}</title><link>{self.url(self.article_path(slug))}</link>"
            f"<pubDate>{format_datetime(START)}</pubDate></item>"
            for slug in slugs
        ) + "".join(f"<item><link>{self.url(path)}</link></item>" for path in extra)
        channel = f"<channel><title>{SITE_NAME}</title>{items}</channel>"
        feed = f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'>{channel}</rss>"
        self.pages["/feed.xml"] = Page(feed.encode(), "application/rss+xml")
        urls = "".join(
            f"<url><loc>{self.url(self.article_path(slug))}</loc>"
            f"<lastmod>{self.pages[self.article_path(slug)].modified.isoformat()}</lastmod></url>"
            for slug in slugs
        )
        ns = "http://www.sitemaps.org/schemas/sitemap/0.9"
        self.pages["/sitemap-articles.xml"] = Page(
            f"<?xml version='1.0'?><urlset xmlns='{ns}'>{urls}</urlset>".encode(), "application/xml"
        )
        index = "".join(
            f"<sitemap><loc>{self.url(p)}</loc></sitemap>" for p in ("/sitemap-articles.xml", "/broken-sitemap.xml")
        )
        self.pages["/sitemap.xml"] = Page(
            f"<?xml version='1.0'?><sitemapindex xmlns='{ns}'>{index}</sitemapindex>".encode(), "application/xml"
        )


class _Handler(BaseHTTPRequestHandler):
    served: Site
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass

    def _send(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        if "Content-Length" not in (headers or {}) and status != 304:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout, size limit)
            self.close_connection = True

    def do_GET(self) -> None:
        path = self.path.split("?")[0]
        with self.served._lock:
            self.served.log.append((path, self.headers.get("User-Agent", ""), 0))
        if path == "/slow.html":
            time.sleep(SLOW_S)
            return self._send(
                200, article_html("Lent", ["Le Mali. " * 30], "x").encode(), {"Content-Type": "text/html"}
            )
        if path in self.served.redirects:
            return self._send(301, headers={"Location": self.served.redirects[path]})
        if path == "/moved.html":
            first = sorted(self.served.articles)[0]
            return self._send(301, headers={"Location": self.served.article_path(first)})
        if path == "/loop.html":
            return self._send(302, headers={"Location": "/loop.html"})
        if path == "/huge.html":  # no Content-Length: the crawler must stop reading by itself
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Connection", "close")
            self.end_headers()
            chunk = b"<p>" + b"Le Mali et la Russie. " * 400 + b"</p>\n"
            try:
                self.wfile.write(b"<!DOCTYPE html><html><body>")
                for _ in range(HUGE_BYTES // len(chunk) + 1):
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
            self.close_connection = True
            return None
        with self.served._lock:
            page = self.served.pages.get(path)
        if page is None:
            return self._send(404, b"not found", {"Content-Type": "text/plain"})
        validators = {"ETag": page.etag, "Last-Modified": format_datetime(page.modified, usegmt=True)}
        if self.headers.get("If-None-Match") == page.etag:
            return self._send(304, headers=validators)
        return self._send(page.status, page.body, {"Content-Type": page.content_type, **validators})


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--port", type=int, default=0)
    args = ap.parse_args()
    site = Site(seed_articles()).start(args.port)
    print(f"serving {len(site.articles)} articles: feed {site.url('/feed.xml')}, sitemap {site.url('/sitemap.xml')}")
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        site.stop()


if __name__ == "__main__":
    main()
