"""A fetched page -> the Document `malikg ingest` would make of it (main text and metadata by trafilatura).

Reuses `ingest.readers`: `html_main_text` (trafilatura: text, title, site name, date, canonical URL, author
line) and `check_document` (size, binary content, date). The document id and URL are the page's URL after
redirects.
"""

from __future__ import annotations

from crawl.errors import FetchError
from crawl.fetcher import Response
from ingest.models import Document
from ingest.readers import check_document, decode, html_main_text

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def page_document(response: Response, outlet: str | None = None) -> Document:
    """The page's main text as a Document; FetchError when it is not an HTML article."""
    media = response.content_type.split(";")[0].strip().lower()
    if media and media not in _HTML_TYPES:
        raise FetchError(response.url, "not HTML", detail=media)
    try:
        html = decode(response.body)
        return check_document(html_main_text(Document(id=response.url, text=html, url=response.url, outlet=outlet)))
    except ValueError as exc:
        raise FetchError(response.url, "no article text", detail=str(exc)) from None
