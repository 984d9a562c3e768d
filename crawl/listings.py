"""Feed and sitemap bodies -> the page URLs they list, with the date each says the page last changed.

RSS 2.0 (`item/link`, `pubDate`), Atom (`entry/link@href`, `updated`) and XML sitemaps (`url/loc`, `lastmod`;
a sitemap index lists further sitemaps). Parsed with lxml without entities or network access; a body that is
not well-formed XML, or is XML of another kind, raises FetchError naming the URL.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin

from lxml import etree

from crawl.errors import FetchError

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True)


@dataclass(frozen=True)
class Entry:
    """A listed page and, when the listing says it, when it last changed (UTC, ISO 8601)."""

    url: str
    changed: str | None = None


@dataclass
class Listing:
    """What one feed or sitemap lists: pages, and (sitemap index) further sitemaps."""

    entries: list[Entry] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)


def _local(tag: object) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _children(node: etree._Element, name: str) -> list[etree._Element]:
    return [c for c in node if _local(c.tag) == name]


def _text(node: etree._Element, *names: str) -> str | None:
    for name in names:
        for child in _children(node, name):
            if child.text and child.text.strip():
                return str(child.text).strip()
    return None


def when(value: str | None) -> str | None:
    """An RFC 822 or ISO 8601 date as UTC ISO 8601 text (comparable as a string); None if unreadable."""
    if not value:
        return None
    parsed: datetime | None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            parsed = parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC).isoformat(timespec="seconds")


def parse_listing(url: str, body: bytes) -> Listing:
    """The pages (and sitemaps) `body` lists; relative links are resolved against `url`."""
    try:
        root = etree.fromstring(body, parser=_PARSER)
    except etree.XMLSyntaxError as exc:
        raise FetchError(url, "malformed XML", detail=str(exc).splitlines()[0][:120]) from None
    if root is None:
        raise FetchError(url, "malformed XML", detail="empty document")
    kind = _local(root.tag)
    listing = Listing()
    if kind == "rss" or kind == "RDF":
        channel = _children(root, "channel")
        items = _children(channel[0], "item") if channel else []
        items += _children(root, "item")  # RSS 1.0 puts items beside the channel
        for item in items:
            link = _text(item, "link", "guid")
            if link:
                listing.entries.append(Entry(urljoin(url, link), when(_text(item, "updated", "date", "pubDate"))))
    elif kind == "feed":
        for entry in _children(root, "entry"):
            links = [ln for ln in _children(entry, "link") if ln.get("rel", "alternate") == "alternate"]
            href = links[0].get("href") if links else None
            if href:
                listing.entries.append(Entry(urljoin(url, href), when(_text(entry, "updated", "published"))))
    elif kind == "urlset":
        for node in _children(root, "url"):
            loc = _text(node, "loc")
            if loc:
                listing.entries.append(Entry(urljoin(url, loc), when(_text(node, "lastmod"))))
    elif kind == "sitemapindex":
        listing.sitemaps = [urljoin(url, loc) for node in _children(root, "sitemap") if (loc := _text(node, "loc"))]
    else:
        raise FetchError(url, "not a feed or sitemap", detail=f"root element <{kind}>")
    return listing
