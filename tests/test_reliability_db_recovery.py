"""`malikg db start` on a store Neo4j refuses to recover (what a full disk left behind in issue #19): a clear message
at once, with the way forward, which then works. Before, the start waited for Bolt until its timeout (180 s in the
fault drill) and said only "see the log".

A full disk cuts an append: the transaction log ends in bytes of a transaction that was never acknowledged, and
Neo4j stops at "Unreadable bytes are encountered after last readable position". The first test makes that tail
(after acknowledged writes and a SIGKILL, so recovery has work to do) and follows `malikg db recover`; the second
damages the head of the log, which no recovery can read, and follows the rebuild. `bench/fault_drill.py
--scenarios disk-full` fills a real tmpfs during an ingest and recovers with `malikg db recover`.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import neo4j
import pytest

MALIKG = str(Path(sys.executable).with_name("malikg"))
BOLT, HTTP = "17836", "17837"  # spare ports (the session's test server uses others)


def db(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([MALIKG, "db", *args], capture_output=True, text=True, timeout=300, check=False)


def probes(data_dir: Path) -> list[int]:
    password = (data_dir / "password").read_text(encoding="utf-8").strip()
    with neo4j.GraphDatabase.driver(f"bolt://127.0.0.1:{BOLT}", auth=("neo4j", password)) as driver:
        records, _, _ = driver.execute_query("MATCH (p:Probe) RETURN p.i AS i ORDER BY i")
    return [record["i"] for record in records]


def cut_append(log: Path) -> None:
    """Leave `log` as an append cut by a full disk does: bytes of an unfinished transaction after its last entry."""
    data = log.read_bytes()
    end = len(data.rstrip(b"\0"))  # the log may be preallocated with zeros
    with log.open("r+b") as damaged:
        damaged.seek(end + 8)
        damaged.write(b"\x7f" + os.urandom(4095))


@pytest.mark.slow
def test_a_log_tail_cut_by_a_full_disk_is_recovered_with_every_acknowledged_write(tmp_path: Path) -> None:
    data_dir = tmp_path / "neo4j"
    ports = ["--bolt-port", BOLT, "--http-port", HTTP]
    try:
        assert db("start", "--data-dir", str(data_dir), *ports).returncode == 0
        password = (data_dir / "password").read_text(encoding="utf-8").strip()
        with neo4j.GraphDatabase.driver(f"bolt://127.0.0.1:{BOLT}", auth=("neo4j", password)) as driver:
            for i in range(40):  # each acknowledged on its own; none checkpointed before the crash
                driver.execute_query("CREATE (:Probe {i: $i})", i=i)
        os.kill(int(Path(f"{data_dir}.pid").read_text()), signal.SIGKILL)
        while db("status", "--data-dir", str(data_dir)).returncode == 0:
            time.sleep(0.2)
        cut_append(data_dir / "data" / "transactions" / "neo4j" / "neostore.transaction.db.0")

        failed = db("start", "--data-dir", str(data_dir), *ports, "--timeout", "240")
        assert failed.returncode == 1 and "could not start its database" in failed.stderr
        assert f"malikg db recover --data-dir {data_dir} --bolt-port {BOLT} --http-port {HTTP}" in failed.stderr

        recovered = db("recover", "--data-dir", str(data_dir), *ports)
        assert recovered.returncode == 0, recovered.stderr
        assert "will be truncated" in recovered.stdout and "Neo4j recovered and running" in recovered.stdout
        assert probes(data_dir) == list(range(40))  # every acknowledged write
        with neo4j.GraphDatabase.driver(f"bolt://127.0.0.1:{BOLT}", auth=("neo4j", password)) as driver:
            driver.execute_query("CREATE (:Probe {i: 40})")
        # what runs now is an ordinary start: a restart needs no recovery flag
        assert db("stop", "--data-dir", str(data_dir)).returncode == 0
        assert db("start", "--data-dir", str(data_dir), *ports).returncode == 0
        assert probes(data_dir) == list(range(41))
    finally:
        db("stop", "--data-dir", str(data_dir))


@pytest.mark.slow
def test_an_unrecoverable_store_is_said_at_once_and_the_documented_rebuild_works(tmp_path: Path) -> None:
    data_dir = tmp_path / "neo4j"
    ports = ["--bolt-port", BOLT, "--http-port", HTTP]
    try:
        assert db("start", "--data-dir", str(data_dir), *ports).returncode == 0
        assert db("stop", "--data-dir", str(data_dir)).returncode == 0
        for name in ("checkpoint.0", "neostore.transaction.db.0"):
            with (data_dir / "data" / "transactions" / "neo4j" / name).open("r+b") as damaged:
                damaged.write(b"\xff" * 64)

        started = time.monotonic()
        failed = db("start", "--data-dir", str(data_dir), *ports, "--timeout", "240")
        assert failed.returncode == 1
        assert time.monotonic() - started < 120  # not the whole timeout
        message = failed.stderr
        assert "could not start its database" in message and "Failed to start DatabaseId" in message
        assert f"mv {data_dir} {data_dir}.broken" in message and "malikg db schema" in message
        assert "malikg db recover" in message  # tried first; here it cannot help (the log's head is unreadable)

        # the way forward the message gives
        assert db("stop", "--data-dir", str(data_dir)).returncode == 0
        data_dir.rename(f"{data_dir}.broken")
        assert db("start", "--data-dir", str(data_dir), *ports).returncode == 0
        password = (data_dir / "password").read_text(encoding="utf-8").strip()
        with neo4j.GraphDatabase.driver(f"bolt://127.0.0.1:{BOLT}", auth=("neo4j", password)) as driver:
            driver.execute_query("CREATE (:Probe)")
            records, _, _ = driver.execute_query("MATCH (n:Probe) RETURN count(n) AS n")
        assert records[0]["n"] == 1
    finally:
        db("stop", "--data-dir", str(data_dir))
