"""`malikg crawl`: follow news feeds, sitemaps and URL lists, politely and incrementally (docs/crawl.md).

sources (what to follow) -> fetcher (robots.txt, per-host pace, retries, conditional GET, limits) -> listings (feed
and sitemap entries) -> state (what was seen, SQLite) -> pages (HTML -> Document) -> relevance (French, names Mali)
-> the same unchanged check, extraction and writer as `malikg ingest` (rounds).
"""
