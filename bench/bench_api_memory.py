"""RSS of the API (and of its extraction worker) while `POST /documents` receives texts with ever new words.

    .venv/bin/python -m bench.bench_api_memory --posts 900 [--every 100] [--bolt-port 17850]

Issue #19 measured the API at 755 MB, then 851 MB after 900 posted texts: spaCy's string store kept every new
word. This starts `malikg serve` (writes enabled with a throwaway key) against the Neo4j at `--bolt-port` (a local
server of graph/neo4j-local, its password read from `--data-dir`; its graph receives the posted articles), posts
`--posts` short French articles, each with a meeting and 150 words no earlier post used, and prints the RSS of
the API process and of its worker(s) every `--every` posts. The worker is replaced after 200 documents
(`api.extraction.MAX_TASKS_PER_WORKER`), so the worker column drops at each replacement; the number that
matters is the API process, and the worker's growth between two replacements.
"""

from __future__ import annotations

import argparse
import os
import random
import string
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import httpx
import psutil

if __package__ in (None, ""):  # run as a script: make the repository root importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import MALIKG, mib
from core.settings import REPO_ROOT

KEY = "bench-memory-key"
TEMPLATE = (
    "Le ministre des Affaires étrangères, Abdoulaye Diop, a reçu ce mardi {day} mars à Bamako l'ambassadeur "
    "de Chine. Les deux hommes ont évoqué la coopération bilatérale. {words}."
)


def new_words(rng: random.Random, count: int) -> str:
    """`count` invented words (capitalised half of the time, as names), almost surely never seen before."""
    words = []
    for _ in range(count):
        word = "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(6, 11)))
        words.append(word.capitalize() if rng.random() < 0.5 else word)
    return " ".join(words)


def rss(pid: int) -> tuple[int, int]:
    """Resident bytes of the process and of all its children."""
    process = psutil.Process(pid)
    children = 0
    for child in process.children(recursive=True):
        try:
            children += child.memory_info().rss
        except psutil.NoSuchProcess:
            continue
    return process.memory_info().rss, children


def serve(port: int, bolt_port: int, data_dir: Path, log: Path) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    env.update(
        NEO4J_URI=f"bolt://127.0.0.1:{bolt_port}",
        NEO4J_USER="neo4j",
        NEO4J_PASSWORD=(data_dir / "password").read_text().strip(),
        MALIKG_API_KEY=KEY,
    )
    with log.open("wb") as out:
        return subprocess.Popen(
            [str(MALIKG), "serve", "--host", "127.0.0.1", "--port", str(port)],
            cwd=REPO_ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=900)
    parser.add_argument("--every", type=int, default=100)
    parser.add_argument("--bolt-port", type=int, default=17850)
    parser.add_argument("--data-dir", type=Path, help="the local server's data dir (default data/test-neo4j-PORT)")
    parser.add_argument("--port", type=int, default=17855, help="API port")
    args = parser.parse_args(argv)
    data_dir = args.data_dir or REPO_ROOT / "data" / f"test-neo4j-{args.bolt_port}"
    base = f"http://127.0.0.1:{args.port}"
    process = serve(args.port, args.bolt_port, data_dir, Path("/tmp") / f"bench-api-memory-{args.port}.log")
    rng = random.Random(19)
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                httpx.get(f"{base}/health", timeout=2).raise_for_status()
                break
            except httpx.HTTPError:
                if time.monotonic() > deadline or process.poll() is not None:
                    print("the API did not start", file=sys.stderr)
                    return 1
                time.sleep(0.5)
        api, worker = rss(process.pid)
        print(f"{'posts':>6} {'API MiB':>8} {'worker MiB':>10} {'s/post':>7}")
        print(f"{0:>6} {mib(api):>8.0f} {mib(worker):>10.0f} {'':>7}", flush=True)
        started = time.perf_counter()
        with httpx.Client(base_url=base, headers={"X-API-Key": KEY}, timeout=300) as client:
            for i in range(1, args.posts + 1):
                text = TEMPLATE.format(day=1 + i % 28, words=new_words(rng, 150))
                response = client.post("/documents", json={"id": f"mem-{i}", "text": text})
                if response.status_code != 201:
                    print(f"post {i}: {response.status_code} {response.text[:200]}", file=sys.stderr)
                    return 1
                if i % args.every == 0:
                    api, worker = rss(process.pid)
                    rate = (time.perf_counter() - started) / i
                    print(f"{i:>6} {mib(api):>8.0f} {mib(worker):>10.0f} {rate:>7.2f}", flush=True)
    finally:
        process.terminate()
        process.wait(timeout=30)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
