"""The sources file: politeness settings and the feeds, sitemaps and pages to follow (YAML, see docs/crawl.md).

The shipped starting list is `crawl/sources.yaml` (package data); users pass their own copy with `--sources`.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from crawl.errors import SourcesError

Kind = Literal["feed", "sitemap", "page"]


class Politeness(BaseModel):
    """How the crawler treats the sites it reads."""

    model_config = ConfigDict(extra="forbid")

    user_agent: str = (
        "malikg-crawler/0.1 (research knowledge graph of Mali's foreign relations; polite, honours robots.txt)"
    )
    delay_s: float = Field(default=2.0, ge=0, description="seconds between two requests to one host (at least)")
    per_host: int = Field(default=1, ge=1, description="requests in flight to one host")
    workers: int = Field(default=8, ge=1, description="requests in flight overall")
    timeout_s: float = Field(default=20.0, gt=0, description="connect and read timeout of one request")
    max_bytes: int = Field(default=4_000_000, gt=0, description="a larger body is abandoned while it downloads")
    max_redirects: int = Field(default=5, ge=0)
    retries: int = Field(default=2, ge=0, description="more tries after a timeout, a 429 or a 5xx")
    backoff_s: float = Field(default=2.0, ge=0, description="wait before retry n: backoff_s * 2**n (or Retry-After)")
    max_pages: int = Field(default=500, ge=1, description="pages fetched per round at most (the rest wait)")


class Source(BaseModel):
    """One thing to follow: exactly one of `feed`, `sitemap`, `page`, and the outlet's name if known."""

    model_config = ConfigDict(extra="forbid")

    feed: str | None = None
    sitemap: str | None = None
    page: str | None = None
    outlet: str | None = None

    @model_validator(mode="after")
    def _one_url(self) -> Source:
        given = [k for k in ("feed", "sitemap", "page") if getattr(self, k)]
        if len(given) != 1:
            raise ValueError("give exactly one of feed, sitemap or page")
        url = self.url
        if not url.startswith(("http://", "https://")):
            raise ValueError(f"not an http(s) URL: {url!r}")
        return self

    @property
    def kind(self) -> Kind:
        return "feed" if self.feed else "sitemap" if self.sitemap else "page"

    @property
    def url(self) -> str:
        return self.feed or self.sitemap or self.page or ""


class SourcesFile(BaseModel):
    """The whole file."""

    model_config = ConfigDict(extra="forbid")

    politeness: Politeness = Politeness()
    sources: list[Source] = []


def shipped_sources_path() -> Path:
    """The starting list shipped with the package."""
    return Path(str(files("crawl").joinpath("sources.yaml")))


def load_sources(path: Path | None = None) -> SourcesFile:
    """The sources file at `path` (default: the shipped list); SourcesError says what is wrong and where."""
    path = path or shipped_sources_path()
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise SourcesError(f"{path}: cannot read the sources file ({exc})") from None
    try:
        return SourcesFile.model_validate(raw or {})
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise SourcesError(f"{path}: {problems}") from None


def url_list(path: Path) -> list[Source]:
    """Pages from a text file: one URL a line; blank lines and lines starting with # are ignored."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise SourcesError(f"{path}: cannot read the URL list ({exc})") from None
    out = []
    for number, line in enumerate(lines, start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        try:
            out.append(Source(page=line))
        except ValidationError:
            raise SourcesError(f"{path}:{number}: not an http(s) URL: {line!r}") from None
    return out
