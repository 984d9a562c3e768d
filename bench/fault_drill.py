"""Fault drill: stop the real Neo4j in the middle of `malikg ingest`, restart it, re-run, compare with a clean run.

    .venv/bin/python -m bench.fault_drill [--documents 1500] [--batch-size 25] [--bolt-port 18689 --http-port 18476]

Starts its own local Neo4j (graph.local_server, data in data/fault-drill-<bolt port>, deleted before and after)
and runs three scenarios with N synthetic extractions (bench.bench_ingest), each compared with the graph of an
uninterrupted ingest by the keys of every node label and every relationship type (`graph_keys`):

1. crash: SIGKILL the server when about a third of the documents are written; the ingest must exit 3 naming the
   documents it could not confirm; restart the server; re-run; the graph must equal the clean one.
2. clean stop: the same with `local_server.stop` (SIGTERM, checkpoint).
3. short outage: stop and restart the server at once, within the driver's 30 s retry budget; the same ingest
   must finish by itself with exit 0 and the clean graph.
4. disk full (`--scenarios disk-full`; needs root to mount a tmpfs): a second server whose data dir is a 10 MB
   tmpfs; 3000 documents fill it; the ingest must stop with exit 3 at the first failed batch, naming only the
   batch in flight (not one error per remaining document), and GET /health of a `malikg serve` on it must be
   503. Then the tmpfs is enlarged (space freed) and the documented path followed: `malikg db stop`, `malikg db
   start` must refuse the database naming `malikg db recover`, `malikg db recover` must bring it back with every
   article the ingest acknowledged, and a re-run of the ingest must give the graph of a clean ingest.

Too long for the test suite (server restarts); tests/test_reliability_faults.py does the same through a TCP relay.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

import httpx
import neo4j

from bench.bench_ingest import synthetic_extractions
from bench.common import wipe
from core.settings import REPO_ROOT
from graph import local_server

MALIKG = Path(sys.executable).with_name("malikg")
GraphKeys = dict[str, Counter[str]]
# Every node of the model has one of these key properties (WriteLock: key, Sector: name, State: iso3, others: id).
_KEY = "coalesce(n.id, n.iso3, n.key, n.name)"
_NODE_KEYS = f"MATCH (n) UNWIND labels(n) AS label RETURN label, {_KEY} AS key"
_REL_KEYS = (
    "MATCH (a)-[r]->(b) RETURN type(r) AS type, "
    + _KEY.replace("n.", "a.")
    + " AS a, "
    + _KEY.replace("n.", "b.")
    + " AS b"
)


def graph_keys(driver: neo4j.Driver, database: str = "neo4j") -> GraphKeys:
    """Per node label, the multiset of node keys; per relationship type, the multiset of `start->end` keys."""
    keys: GraphKeys = {}
    nodes, _, _ = driver.execute_query(_NODE_KEYS, database_=database)
    for record in nodes:
        keys.setdefault(record["label"], Counter())[str(record["key"])] += 1
    rels, _, _ = driver.execute_query(_REL_KEYS, database_=database)
    for record in rels:
        keys.setdefault(f"[:{record['type']}]", Counter())[f"{record['a']}->{record['b']}"] += 1
    return keys


def key_counts(keys: GraphKeys) -> dict[str, int]:
    """How many nodes per label and relationships per type."""
    return {name: sum(found.values()) for name, found in sorted(keys.items())}


def diff_keys(expected: GraphKeys, actual: GraphKeys, shown: int = 5) -> list[str]:
    """Readable differences (missing and extra keys per label/type); empty when the graphs have the same keys."""
    lines = []
    for name in sorted(set(expected) | set(actual)):
        want, got = expected.get(name, Counter()), actual.get(name, Counter())
        missing, extra = want - got, got - want
        if missing or extra:
            lines.append(
                f"{name}: {sum(want.values())} expected, {sum(got.values())} found; "
                f"missing {sorted(missing)[:shown]}, extra {sorted(extra)[:shown]}"
            )
    return lines


def count_articles(driver: neo4j.Driver, database: str = "neo4j") -> int:
    records, _, _ = driver.execute_query("MATCH (a:Article) RETURN count(a) AS n", database_=database)
    return int(records[0]["n"])


def ingest_command(extractions: Path, batch_size: int) -> list[str]:
    return [str(MALIKG), "ingest", "--from-extractions", str(extractions), "--batch-size", str(batch_size)]


def ingest_env(bolt_uri: str, password: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    env.update(NEO4J_URI=bolt_uri, NEO4J_USER="neo4j", NEO4J_PASSWORD=password, NEO4J_DATABASE="neo4j")
    return env


def wait_for_articles(driver: neo4j.Driver, at_least: int, process: subprocess.Popen[str], timeout_s: float) -> int:
    """Poll until `at_least` Article nodes exist (or the process ended); the count seen."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline and process.poll() is None:
        found = count_articles(driver)
        if found >= at_least:
            return found
        time.sleep(0.05)
    raise RuntimeError(f"the ingest ended or stalled before {at_least} articles were written")


class Drill:
    """One local server and a file of N synthetic extractions."""

    def __init__(self, documents: int, batch_size: int, bolt_port: int, http_port: int, work: Path) -> None:
        self.config = local_server.ServerConfig(
            data_dir=REPO_ROOT / "data" / f"fault-drill-{bolt_port}", bolt_port=bolt_port, http_port=http_port
        )
        self.documents = documents
        self.batch_size = batch_size
        self.extractions = work / "extractions.jsonl"
        docs = synthetic_extractions(documents)
        self.extractions.write_text("".join(d.model_dump_json() + "\n" for d in docs), encoding="utf-8")
        self.uri = f"bolt://127.0.0.1:{bolt_port}"

    def start(self) -> float:
        started = time.monotonic()
        local_server.start(self.config, timeout_s=180)
        return time.monotonic() - started

    def driver(self) -> neo4j.Driver:
        return neo4j.GraphDatabase.driver(self.uri, auth=("neo4j", self.config.password()))

    def run_ingest(self) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ingest_command(self.extractions, self.batch_size),
            env=ingest_env(self.uri, self.config.password()),
            capture_output=True,
            text=True,
            cwd=REPO_ROOT,
            timeout=600,
        )

    def clean_run(self) -> GraphKeys:
        with self.driver() as driver:
            wipe(driver)
        run = self.run_ingest()
        if run.returncode != 0:
            raise RuntimeError(f"the clean ingest failed ({run.returncode}): {run.stderr[-2000:]}")
        with self.driver() as driver:
            return graph_keys(driver)

    def interrupted_run(self, fault: Callable[[], None], recover: Callable[[], None]) -> dict[str, object]:
        """Start the ingest, apply `fault` at a third of the documents, wait for the ingest, `recover`."""
        with self.driver() as driver:
            wipe(driver)
            process = subprocess.Popen(
                ingest_command(self.extractions, self.batch_size),
                env=ingest_env(self.uri, self.config.password()),
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                cwd=REPO_ROOT,
            )
            seen = wait_for_articles(driver, self.documents // 3, process, timeout_s=300)
        fault_at = time.monotonic()
        fault()
        recover()
        out, err = process.communicate(timeout=300)
        return {
            "articles_at_fault": seen,
            "exit": process.returncode,
            "seconds_to_exit": round(time.monotonic() - fault_at, 1),
            "stdout": out.strip(),
            "stderr": err.strip(),
        }


def _kill(drill: Drill) -> Callable[[], None]:
    def fault() -> None:
        info = local_server.status(drill.config)
        if info is None:
            raise RuntimeError("the drill server is not running")
        os.kill(info.pid, signal.SIGKILL)
        while local_server.status(drill.config) is not None:
            time.sleep(0.1)

    return fault


def _report(name: str, outcome: dict[str, object], restart_s: float) -> None:
    stderr = str(outcome["stderr"]).splitlines()
    named = [line for line in stderr if "not confirmed written" in line]
    retries = sum(1 for line in stderr if line.startswith("Transaction failed and will be retried"))
    print(f"== {name}")
    print(
        f"fault after {outcome['articles_at_fault']} articles; ingest exit {outcome['exit']} after "
        f"{outcome['seconds_to_exit']} s ({retries} driver retries logged); server restart {restart_s:.1f} s"
    )
    shown = named if len(named) <= 3 else [*named[:2], f"... ({len(named) - 2} more documents named)"]
    for line in [*shown, *(stderr[-1:] if named else [])]:
        print(f"  stderr| {line}")
    if outcome["stdout"]:
        print(f"  stdout| {outcome['stdout']}")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _health_status(bolt_uri: str, password: str) -> int:
    """GET /health of a `malikg serve` started on `bolt_uri` for the occasion."""
    port = _free_port()
    process = subprocess.Popen(
        [str(MALIKG), "serve", "--port", str(port)],
        env=ingest_env(bolt_uri, password),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=REPO_ROOT,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                return httpx.get(f"http://127.0.0.1:{port}/health", timeout=30).status_code
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.3)
    finally:
        process.terminate()
        process.wait(timeout=30)


def disk_full(batch_size: int, bolt_port: int, http_port: int, work: Path, documents: int = 3000) -> bool:
    """Scenario 4 (see the module doc); True when it passes or cannot run here (said so)."""
    mount = work / "small-disk"
    mount.mkdir()
    size = "10m"
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mount)], capture_output=True)
    print("== disk full: a 10 MB tmpfs data dir")
    if mounted.returncode != 0:
        print(f"  SKIPPED: cannot mount a tmpfs here ({mounted.stderr.decode().strip()}); run the drill as root")
        return True
    drill = Drill(documents, batch_size, bolt_port, http_port, work)
    drill.config = local_server.ServerConfig(data_dir=mount / "neo4j", bolt_port=bolt_port, http_port=http_port)
    try:
        drill.start()
        started = time.monotonic()
        run = drill.run_ingest()
        seconds = time.monotonic() - started
        stderr = run.stderr.strip().splitlines()
        named = [line for line in stderr if "not confirmed written" in line]
        counts = f"{len(named)} documents named, {len(stderr)} stderr lines"
        print(f"  ingest exit {run.returncode} after {seconds:.1f} s (the whole run); {counts}")
        for line in [*named[:1], *stderr[-1:]]:
            print(f"  stderr| {line[:300]}")
        health = _health_status(drill.uri, drill.config.password())
        print(f"  GET /health while the disk is full: {health}")
        ok = run.returncode == 3 and 0 < len(named) <= batch_size and health == 503
        print(f"  {'PASS' if ok else 'FAIL'} (exit 3, only the batch in flight named, /health 503)")
        if not ok:
            return False
        acknowledged = _acknowledged(drill.extractions, named, stderr[-1])
        subprocess.run(["mount", "-o", f"remount,size={RECOVERY_DISK}", str(mount)], check=True)
        return _recover(drill, acknowledged)
    finally:
        info = local_server.status(drill.config)
        if info is not None:
            os.kill(info.pid, signal.SIGKILL)
            time.sleep(2)
        subprocess.run(["umount", "-l", str(mount)], check=False)


RECOVERY_DISK = "300m"  # "space is freed": room for the recovered store, the re-run and a clean run


def _acknowledged(extractions: Path, named: list[str], summary: str) -> set[str]:
    """The document ids the ingest reported written: every document before the last one it named, except those
    named (`summary` says how many were written; checked against that)."""
    ids = [json.loads(line)["id"] for line in extractions.read_text(encoding="utf-8").splitlines()]
    unconfirmed = {line.split(":", 1)[0] for line in named}
    last = max(ids.index(doc) for doc in unconfirmed)
    written = {doc for doc in ids[:last] if doc not in unconfirmed}
    said = int(summary.split(" after ")[1].split()[0])
    if said != len(written):
        raise RuntimeError(f"the ingest said {said} documents were written, its named lines give {len(written)}")
    return written


def _malikg_db(drill: Drill, *args: str) -> tuple[subprocess.CompletedProcess[str], float]:
    config = drill.config
    ports = ["--data-dir", str(config.data_dir), "--bolt-port", str(config.bolt_port)]
    command = [str(MALIKG), "db", *args, *ports, "--http-port", str(config.http_port)]
    started = time.monotonic()
    done = subprocess.run(command, capture_output=True, text=True, cwd=REPO_ROOT, timeout=900)
    return done, time.monotonic() - started


def _recover(drill: Drill, acknowledged: set[str]) -> bool:
    """After space is freed, the documented path: `db stop`, `db start` (refused, naming `db recover`),
    `db recover`; then every acknowledged article is there, a re-run of the ingest succeeds and gives the graph of
    a clean ingest (made afterwards on the same server)."""
    stopped, stop_s = _malikg_db(drill, "stop")
    print(f"  space freed ({RECOVERY_DISK}); `malikg db stop`: exit {stopped.returncode} after {stop_s:.1f} s")
    start, start_s = _malikg_db(drill, "start", "--timeout", "300")
    told = "malikg db recover" in start.stderr
    print(f"  `malikg db start`: exit {start.returncode} after {start_s:.1f} s; names `malikg db recover`: {told}")
    for line in start.stderr.splitlines()[:2]:
        print(f"  stderr| {line[:300]}")
    recovered, recover_s = _malikg_db(drill, "recover", "--timeout", "300")
    print(f"  `malikg db recover`: exit {recovered.returncode} after {recover_s:.1f} s")
    for line in (recovered.stdout + recovered.stderr).strip().splitlines():
        print(f"  recover| {line[:300]}")
    if recovered.returncode != 0:
        for line in _error_lines(drill.config):
            print(f"  log| {line[:300]}")
        return False
    with drill.driver() as driver:
        records, _, _ = driver.execute_query("MATCH (a:Article) RETURN a.document_id AS id")
    stored = {record["id"] for record in records}
    lost = sorted(acknowledged - stored)
    print(f"  articles after recovery: {len(stored)}; acknowledged {len(acknowledged)}, lost {len(lost)} {lost[:5]}")
    rerun = drill.run_ingest()
    print(f"  re-run: exit {rerun.returncode}; {rerun.stdout.strip()}")
    with drill.driver() as driver:
        after = graph_keys(driver)
    clean = drill.clean_run()
    differences = diff_keys(clean, after)
    print(f"  graph equals a clean ingest: {not differences}" + "".join(f"\n  {d}" for d in differences))
    ok = start.returncode == 1 and told and not lost and rerun.returncode == 0 and not differences
    print(f"  {'PASS' if ok else 'FAIL'} (start names recover; no acknowledged write lost; re-run = clean)")
    return ok


def _error_lines(config: local_server.ServerConfig, most: int = 8) -> list[str]:
    """The first ERROR lines of the server's own log and of Neo4j's logs (the drill's data dir is removed after)."""
    files = [config.log_file, *sorted(config.data_dir.glob("**/logs/*.log"))]
    lines = []
    for path in files:
        if path.is_file():
            text = path.read_text(errors="replace").splitlines()
            lines += [f"{path.name}: {line}" for line in text if " ERROR " in line or "malikg-neo4j:" in line]
    return lines[:most]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--documents", type=int, default=1500)
    parser.add_argument("--batch-size", type=int, default=25)
    parser.add_argument("--bolt-port", type=int, default=18689)
    parser.add_argument("--http-port", type=int, default=18476)
    parser.add_argument("--scenarios", choices=["all", "faults", "disk-full"], default="all")
    args = parser.parse_args(argv)
    failures = 0
    if args.scenarios in ("all", "disk-full"):
        with tempfile.TemporaryDirectory() as work:
            failures += not disk_full(args.batch_size, args.bolt_port, args.http_port, Path(work))
        if args.scenarios == "disk-full":
            return 1 if failures else 0
    with tempfile.TemporaryDirectory() as work:
        drill = Drill(args.documents, args.batch_size, args.bolt_port, args.http_port, Path(work))
        shutil.rmtree(drill.config.data_dir, ignore_errors=True)
        print(
            f"server started in {drill.start():.1f} s on {drill.uri}; {args.documents} synthetic documents, "
            f"batch size {args.batch_size}"
        )
        try:
            started = time.monotonic()
            clean = drill.clean_run()
            print(f"clean run: {time.monotonic() - started:.1f} s, {key_counts(clean)}")
            restart: list[float] = []

            def start_again() -> None:
                restart.append(drill.start())

            def stop_clean() -> None:
                local_server.stop(drill.config)

            scenarios: list[tuple[str, Callable[[], None], Callable[[], None], bool]] = [
                ("crash (SIGKILL), restart after the ingest gave up", _kill(drill), lambda: None, False),
                ("clean stop (SIGTERM), restart after the ingest gave up", stop_clean, lambda: None, False),
                ("short outage: stop and restart at once", stop_clean, start_again, True),
            ]
            for name, fault, recover, rides_it_out in scenarios:
                restart.clear()
                outcome = drill.interrupted_run(fault, recover)
                if not restart:
                    start_again()
                _report(name, outcome, restart[0])
                rerun = drill.run_ingest() if outcome["exit"] != 0 else None
                with drill.driver() as driver:
                    differences = diff_keys(clean, graph_keys(driver))
                expected_exit = 0 if rides_it_out else 3
                ok = outcome["exit"] == expected_exit and not differences and (rerun is None or rerun.returncode == 0)
                failures += not ok
                if rerun is not None:
                    print(f"  re-run: exit {rerun.returncode}; {rerun.stdout.strip()}")
                print(f"  graph equals the clean run: {not differences}" + "".join(f"\n  {d}" for d in differences))
                print(f"  {'PASS' if ok else 'FAIL'}")
        finally:
            local_server.stop(drill.config)
            shutil.rmtree(drill.config.data_dir, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
