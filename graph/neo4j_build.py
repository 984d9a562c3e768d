"""Build the Maven module graph/neo4j-local (a real Neo4j server on the JVM) and locate its classpath."""

from __future__ import annotations

import re
import shutil
import subprocess

from core.settings import REPO_ROOT
from graph.local_errors import BuildError, ToolMissingError

MODULE_DIR = REPO_ROOT / "graph" / "neo4j-local"
TARGET_DIR = MODULE_DIR / "target"
MAIN_CLASS = "org.malikg.neo4jlocal.LocalNeo4j"
_STAMP = TARGET_DIR / ".malikg-built"
MIN_JAVA = 17


def require_tool(name: str) -> str:
    """The path of `java` or `mvn`, or a ToolMissingError saying what to install."""
    path = shutil.which(name)
    if path is None:
        what = {
            "java": "a Java 17+ JDK (e.g. `apt-get install openjdk-17-jdk-headless`)",
            "mvn": "Apache Maven 3.6+ (e.g. `apt-get install maven`)",
        }[name]
        raise ToolMissingError(f"`{name}` is not on PATH and the local Neo4j server needs it: install {what}")
    return path


def java_major_version(java: str) -> int:
    """The major version of that `java` (17 for `openjdk version "17.0.15"`)."""
    result = subprocess.run([java, "-version"], capture_output=True, text=True, check=False)
    match = re.search(r'version "(\d+)(?:\.(\d+))?', result.stderr + result.stdout)
    if match is None:
        raise ToolMissingError(f"could not read the version of {java}: {result.stderr.strip()[:200]}")
    major = int(match.group(1))
    return int(match.group(2) or 0) if major == 1 else major  # "1.8" is Java 8


def require_java() -> str:
    """The `java` to run the server with; Neo4j 5 needs 17 or newer."""
    java = require_tool("java")
    version = java_major_version(java)
    if version < MIN_JAVA:
        raise ToolMissingError(f"{java} is Java {version}; Neo4j 5 needs Java {MIN_JAVA}+: install a newer JDK")
    return java


def _newest_source_mtime() -> float:
    sources = [MODULE_DIR / "pom.xml", *(p for p in (MODULE_DIR / "src").rglob("*") if p.is_file())]
    return max(p.stat().st_mtime for p in sources)


def is_built() -> bool:
    """True when the last successful build is newer than pom.xml and every source file."""
    return _STAMP.is_file() and (TARGET_DIR / "lib").is_dir() and _STAMP.stat().st_mtime >= _newest_source_mtime()


def build(*, force: bool = False) -> bool:
    """Compile the module and copy its runtime jars to target/lib; False when it was already up to date.

    Tries Maven offline first (fast when ~/.m2 already holds everything), then online.
    """
    require_java()
    if not (MODULE_DIR / "pom.xml").is_file():
        raise BuildError(
            f"the local Neo4j server is built from a source checkout ({MODULE_DIR} is missing): run `malikg db` "
            "from a clone of malikg, or point NEO4J_URI at a running Neo4j 5 (e.g. `docker compose up neo4j`)"
        )
    if not force and is_built():
        return False
    mvn = require_tool("mvn")
    base = [mvn, "-B", "-q", "-f", str(MODULE_DIR / "pom.xml"), "package", "-DskipTests"]
    result = subprocess.run([*base, "-o"], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        result = subprocess.run(base, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        tail = "\n".join((result.stdout + result.stderr).strip().splitlines()[-20:])
        raise BuildError(f"Maven could not build {MODULE_DIR} (exit {result.returncode}):\n{tail}")
    _STAMP.touch()
    return True


def classpath() -> str:
    """The JVM classpath of the built server: compiled classes plus every runtime jar (as a wildcard)."""
    return f"{TARGET_DIR / 'classes'}:{TARGET_DIR / 'lib'}/*"
