"""docker-compose.yml, Dockerfile, .dockerignore and .env.example, checked without a Docker engine.

The Neo4j settings passed to the neo4j container as NEO4J_* variables are checked against the real Neo4j 5.26
server: the image refuses to start on a setting name it does not know (strict config validation).
"""

from __future__ import annotations

import fnmatch
import re
import tomllib
from pathlib import Path
from typing import Any

import neo4j
import yaml

from core.settings import REPO_ROOT

COMPOSE = REPO_ROOT / "docker-compose.yml"
DOCKERFILE = REPO_ROOT / "Dockerfile"
VARIABLE = re.compile(r"\$\{(?P<name>[A-Z0-9_]+)(?P<op>:?[-?])?(?P<arg>[^}]*)\}")
# NEO4J_* variables the neo4j image consumes itself instead of turning them into settings.
IMAGE_VARIABLES = {"NEO4J_AUTH"}


def compose() -> dict[str, Any]:
    loaded = yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def setting_name(variable: str) -> str:
    """The Neo4j setting a NEO4J_* variable sets in the official image: `_` is `.`, `__` is `_`."""
    return variable.removeprefix("NEO4J_").replace("__", "\0").replace("_", ".").replace("\0", "_")


def test_neo4j_service_needs_a_password_and_stays_on_loopback() -> None:
    neo4j_service = compose()["services"]["neo4j"]
    assert neo4j_service["image"] == "neo4j:5.26-community"
    auth = VARIABLE.search(neo4j_service["environment"]["NEO4J_AUTH"])
    assert auth is not None and auth["name"] == "NEO4J_PASSWORD" and auth["op"] == ":?", "no default password"
    assert neo4j_service["environment"]["NEO4J_AUTH"].startswith("neo4j/")
    assert sorted(port.rsplit(":", 1)[1] for port in neo4j_service["ports"]) == ["7474", "7687"]
    assert {"neo4j-data:/data"} <= set(neo4j_service["volumes"])
    assert neo4j_service["healthcheck"]["test"][0] == "CMD-SHELL"


def test_every_published_port_is_on_127_0_0_1() -> None:
    for name, service in compose()["services"].items():
        for port in service.get("ports", []):
            assert port.startswith("127.0.0.1:"), f"{name}: {port}"


def test_api_service_waits_for_a_healthy_neo4j() -> None:
    document = compose()
    api = document["services"]["api"]
    assert api["build"]["dockerfile"] == "Dockerfile"
    assert api["depends_on"] == {"neo4j": {"condition": "service_healthy"}}
    assert api["environment"]["NEO4J_URI"] == "bolt://neo4j:7687"
    for secret in ("NEO4J_PASSWORD", "MALIKG_API_KEY"):
        match = VARIABLE.fullmatch(api["environment"][secret])
        assert match is not None and match["name"] == secret and match["op"] == ":?", secret
    assert "/health" in " ".join(api["healthcheck"]["test"])
    assert set(document["volumes"]) == {"neo4j-data", "neo4j-logs", "malikg-data"}


def test_env_example_lists_every_variable_compose_reads() -> None:
    used = {match["name"] for match in VARIABLE.finditer(COMPOSE.read_text(encoding="utf-8"))}
    example = (REPO_ROOT / ".env.example").read_text(encoding="utf-8")
    listed = set(re.findall(r"^#? ?([A-Z0-9_]+)=", example, re.M))
    assert used <= listed, used - listed
    required = set(re.findall(r"^([A-Z0-9_]+)=", example, re.M))
    assert required == {"NEO4J_PASSWORD", "MALIKG_API_KEY"}


def test_dockerfile_installs_the_project_and_runs_unprivileged() -> None:
    text = DOCKERFILE.read_text(encoding="utf-8")
    assert re.findall(r"^FROM (\S+)", text, re.M) == ["python:3.11-slim"]
    assert "pip install --no-deps ." in text and "pip install -e" not in text
    users = re.findall(r"^USER (\S+)$", text, re.M)
    assert users and users[-1] not in {"root", "0"}
    assert re.search(r'^CMD \["malikg", "serve", "--host", "0.0.0.0", "--port", "8000"\]$', text, re.M)


def test_dockerfile_sources_exist_and_are_not_docker_ignored() -> None:
    ignored = [
        line.strip()
        for line in (REPO_ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith(("#", "!"))
    ]
    assert {".git", ".env", ".venv", "data", "**/target"} <= set(ignored)
    sources = [
        source
        for line in re.findall(r"^COPY (.+) \S+$", DOCKERFILE.read_text(encoding="utf-8"), re.M)
        for source in line.split()
    ]
    for source in sources:
        if "*" not in source:
            assert (REPO_ROOT / source).exists(), source
        assert not any(fnmatch.fnmatch(source, pattern) for pattern in ignored), source


def test_neo4j_settings_in_compose_exist_in_neo4j_5_26(driver: neo4j.Driver) -> None:
    variables = set(compose()["services"]["neo4j"]["environment"]) - IMAGE_VARIABLES
    records, _, _ = driver.execute_query("CALL dbms.listConfig() YIELD name RETURN collect(name) AS names")
    known = set(records[0]["names"])
    assert {variable: setting_name(variable) for variable in variables if setting_name(variable) not in known} == {}


def test_dockerfile_copies_every_package_the_wheel_ships() -> None:
    """`pip install .` in the image sees only what was copied: every package of pyproject.toml (queries and
    browser included: they are package data, read with importlib.resources, never copied into site-packages)."""
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    packages = [pattern.rstrip("*") for pattern in project["tool"]["setuptools"]["packages"]["find"]["include"]]
    assert {"queries", "browser", "core"} <= set(packages)
    text = DOCKERFILE.read_text(encoding="utf-8")
    copied = {source for source, _ in re.findall(r"^COPY (\S+) (\S+)$", text, re.M)}
    assert {"pyproject.toml", *packages} <= copied, set(packages) - copied
    assert "site-packages" not in text and "purelib" not in text, "assets come from the wheel, not a copy"


def test_every_ingest_example_mounts_the_folder_it_reads() -> None:
    """The image holds no corpus (.dockerignore), so each `docker compose run ... malikg ingest PATH` example
    mounts a folder of this repository read-only at a directory holding PATH."""
    ignored = (REPO_ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines()
    assert "corpus" in ignored
    examples = [
        line
        for path in (COMPOSE, REPO_ROOT / "docs" / "docker.md")
        for line in path.read_text(encoding="utf-8").splitlines()
        if "docker compose run" in line and "malikg ingest" in line
    ]
    assert len(examples) >= 2
    for example in examples:
        command = example.lstrip("# ").split("#", 1)[0]
        read = command.split("malikg ingest", 1)[1].split()[0]
        mounts = re.findall(r'-v "\$PWD/([^:"]+):([^:"]+):ro"', command)
        assert any(read == target or read.startswith(target + "/") for _, target in mounts), example
        for source, target in mounts:
            assert (REPO_ROOT / source / Path(read).relative_to(target)).is_dir(), example
