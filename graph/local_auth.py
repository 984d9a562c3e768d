"""The local Neo4j server's password: generated at first start, kept in one owner-only file, read by the clients.

The file `<data-dir>/password` (mode 0600, its directory 0700) is the one source of truth: the server gives the
user `neo4j` that password at every start (graph/neo4j-local), `malikg db password` replaces it, and every malikg
client on this machine (CLI, API, tests, benches) reads it when `NEO4J_PASSWORD` is not set. See
docs/neo4j-local.md and the threat model in docs/reliability.md.
"""

from __future__ import annotations

import os
import secrets
import stat
from pathlib import Path
from urllib.parse import urlparse

from core.settings import Settings

PASSWORD_FILE = "password"
USER = "neo4j"
MIN_LENGTH = 8  # Neo4j's dbms.security.auth_minimum_password_length
FILE_MODE = 0o600
DIR_MODE = 0o700
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


def password_file(data_dir: Path) -> Path:
    """Where the password of the server whose home is `data_dir` lives."""
    return data_dir / PASSWORD_FILE


def generate_password() -> str:
    """A fresh random password: 32 URL-safe characters (192 bits), nothing to quote in a shell or a URL."""
    return secrets.token_urlsafe(24)


def read_password(data_dir: Path) -> str | None:
    """The stored password, or None when there is no file yet."""
    try:
        return password_file(data_dir).read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None


def write_password(data_dir: Path, password: str) -> Path:
    """Store `password` atomically (a private temporary file renamed over the old one); the file's path.

    The directory is made owner-only first, and the file is created 0600, so the password is never readable by
    another user, not even for a moment."""
    data_dir.mkdir(parents=True, exist_ok=True)
    os.chmod(data_dir, DIR_MODE)
    target = password_file(data_dir)
    temporary = target.with_name(f".{PASSWORD_FILE}.{os.getpid()}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(password + "\n")
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, FILE_MODE)  # O_CREAT's mode does not apply to a leftover file
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return target


def ensure_password(data_dir: Path) -> tuple[str, bool]:
    """The server's password, generating and storing one if there is none; (password, True when new).

    Also tightens the modes of an existing directory and file (e.g. a data dir made before passwords)."""
    existing = read_password(data_dir)
    if existing:
        os.chmod(data_dir, DIR_MODE)
        if stat.S_IMODE(password_file(data_dir).stat().st_mode) != FILE_MODE:
            os.chmod(password_file(data_dir), FILE_MODE)
        return existing, False
    password = generate_password()
    write_password(data_dir, password)
    return password, True


def client_password(settings: Settings) -> str:
    """The password a client sends: `NEO4J_PASSWORD` when set, else, for a server on this machine, the stored
    password of the local server in `$MALIKG_DATA_DIR/neo4j` (never sent to a remote host)."""
    explicit = settings.neo4j_password.get_secret_value()
    if explicit:
        return explicit
    if urlparse(settings.neo4j_uri).hostname in LOOPBACK_HOSTS:
        return read_password(settings.malikg_data_dir / "neo4j") or ""
    return ""
