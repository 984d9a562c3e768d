"""Create the process's Neo4j driver from the settings; the caller owns it and closes it."""

from __future__ import annotations

from typing import Any

import neo4j

from core.settings import Settings


def open_driver(settings: Settings, **config: Any) -> neo4j.Driver:
    """A driver for `settings.neo4j_uri` with basic auth; connects lazily, so nothing happens until first use.

    The local server runs without authentication and accepts any basic-auth credentials, so the same settings
    work against it and against a password-protected Neo4j. `config` passes driver options through (the API
    bounds retries and connection timeouts with it).
    """
    auth = neo4j.basic_auth(settings.neo4j_user, settings.neo4j_password.get_secret_value())
    return neo4j.GraphDatabase.driver(settings.neo4j_uri, auth=auth, **config)
