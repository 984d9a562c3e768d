"""One settings object, read from the environment (and an optional .env file)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from urllib.parse import urlparse

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

# The checkout's root in a source checkout (editable install); in an installed malikg, its site-packages. Only
# checkout-only things (the Maven module graph/neo4j-local, tests) use it; package assets use importlib.resources.
REPO_ROOT = Path(__file__).resolve().parents[1]
BOLT_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


def _default_data_dir() -> Path:
    """`data/` of the checkout when malikg runs from one, else `./data` (never site-packages)."""
    if (REPO_ROOT / "pyproject.toml").is_file():
        return REPO_ROOT / "data"
    return Path.cwd() / "data"


class Settings(BaseSettings):
    """Connection and runtime settings. Environment variables win over `.env`."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    neo4j_uri: str = "bolt://127.0.0.1:7687"
    neo4j_user: str = "neo4j"
    neo4j_password: SecretStr = SecretStr("")
    neo4j_database: str = "neo4j"
    neo4j_http_port: int = 7474
    malikg_data_dir: Path = Field(default_factory=_default_data_dir)
    malikg_api_key: SecretStr = SecretStr("")
    malikg_api_port: int = 8000  # where `malikg serve` listens in the demo; Neo4j Browser loads guide and style there
    malikg_query_timeout_s: float = 10.0
    malikg_max_document_bytes: int = 1_000_000  # larger articles fail with "document too large" (docs/reliability.md)
    malikg_extract_workers: int = 1  # POST /documents: extraction worker processes = concurrent extractions
    malikg_extract_timeout_s: float = 120.0  # POST /documents: time limit of one extraction (docs/reliability.md)
    malikg_extract_preload: bool = True  # POST /documents: load spaCy at API start-up (when writes are enabled)
    malikg_read_cache_mb: int = 64  # GET answers kept by graph version (api/read_cache.py); 0 turns the cache off
    malikg_slow_request_ms: float = 0.0  # log requests at least this slow, with their phases (api/slow_log.py); 0 = off
    malikg_neo4j_heap: str = "1g"  # -Xmx of the local Neo4j JVM (`malikg db start`)
    malikg_neo4j_pagecache: str = "128m"  # page cache of the local Neo4j (`malikg db start`); size it to the store

    @field_validator("neo4j_uri")
    @classmethod
    def _bolt_scheme(cls, uri: str) -> str:
        """The driver speaks Bolt; an http:// URI (the Browser's port) otherwise fails deep inside it."""
        scheme = urlparse(uri).scheme
        if scheme not in BOLT_SCHEMES:
            raise ValueError(
                f"{uri!r} is not a Bolt URI (scheme {scheme or 'missing'!r}); use e.g. bolt://127.0.0.1:7687 "
                f"(schemes: {', '.join(BOLT_SCHEMES)}); the HTTP port is NEO4J_HTTP_PORT"
            )
        return uri


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings; tests call `get_settings.cache_clear()` after changing the environment."""
    return Settings()
