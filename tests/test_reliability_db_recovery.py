"""`malikg db start` on a store Neo4j cannot recover (what a full disk left behind in issue #19): a clear message at
once, with the way forward, which then works. Before, the start waited for Bolt until its timeout (180 s in the
fault drill) and said only "see the log".

The unrecoverable store is made by overwriting the head of the stopped database's transaction log and checkpoint
file, as a write cut by a full disk leaves them; `bench/fault_drill.py --scenarios disk-full` fills a real tmpfs.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import neo4j
import pytest

MALIKG = str(Path(sys.executable).with_name("malikg"))
BOLT, HTTP = "17858", "17859"  # this session's spare ports (the test server uses others)


def db(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([MALIKG, "db", *args], capture_output=True, text=True, timeout=300, check=False)


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
