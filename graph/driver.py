"""Create the process's Neo4j driver from the settings; the caller owns it and closes it."""

from __future__ import annotations

from typing import Any

import neo4j

from core.settings import Settings
from graph.local_auth import client_password


def open_driver(settings: Settings, **config: Any) -> neo4j.Driver:
    """A driver for `settings.neo4j_uri` with basic auth; connects lazily, so nothing happens until first use.

    The password is `NEO4J_PASSWORD`, else the local server's stored one (graph/local_auth.py). `config` passes
    driver options through (the API bounds retries and connection timeouts with it).

    Server notifications are off unless `config` asks for them: every query is the project's own and tested, and
    on a young graph Neo4j warns that a label or relationship type it reads (`REPOST_OF`, `REPORTED_IN`) "does not
    exist" yet. The driver logged those warnings on stderr, where a CLI run that failed some documents showed them
    among its real error lines.
    """
    config.setdefault("notifications_min_severity", "OFF")
    auth = neo4j.basic_auth(settings.neo4j_user, client_password(settings))
    return neo4j.GraphDatabase.driver(settings.neo4j_uri, auth=auth, **config)
