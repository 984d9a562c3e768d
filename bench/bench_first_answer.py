"""Time to first answer: `malikg serve` start-up and its first POST /documents, and `malikg extract` on one article.

For each round a fresh `malikg serve` is started against the bench Neo4j (`--bolt-port`, default the bench
server's; writes go to that database) and the script measures, from the moment the process is launched:

- start-up: until GET /openapi.json answers (the API accepts requests);
- first POST /documents sent as soon as the API answers (the worst case: the model may still be loading);
- the same first POST sent after the API has been idle for `--idle` seconds (a user who opens the docs first);
  "launch -> first answer" leaves that idle time out;
- a second POST (steady state, for comparison);

each with spaCy loaded on the first POST (MALIKG_EXTRACT_PRELOAD=0, the behaviour before issue 18) and at start-up
(the default), rounds interleaved so both modes share the machine's load.

Then `malikg extract` on the same article (one process, model load included). Each figure is the median of
`--rounds` rounds.

    .venv/bin/python -m bench.bench_first_answer --rounds 3 --bolt-port 61687
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import tempfile
import time
from contextlib import suppress
from pathlib import Path

import httpx

from bench.common import MALIKG, REPO_ROOT, BenchServer

ARTICLE = REPO_ROOT / "tests" / "data" / "seed-articles" / "000_24327a458127128b.txt"
API_KEY = "bench-first-answer"
LOG = REPO_ROOT / "data" / "bench" / "first-answer-serve.log"


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _post(base: str, doc_id: str, text: str) -> float:
    started = time.perf_counter()
    response = httpx.post(
        f"{base}/documents",
        json={"id": doc_id, "text": text, "published": "2024-02-29", "outlet": "bench"},
        headers={"X-API-Key": API_KEY},
        timeout=300.0,
    )
    response.raise_for_status()
    return time.perf_counter() - started


def one_round(server: BenchServer, text: str, idle_s: float, preload: bool, round_no: int) -> dict[str, float]:
    """Start a fresh API, time its start-up and first POSTs, stop it."""
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**server.env(), "MALIKG_API_KEY": API_KEY, "MALIKG_EXTRACT_PRELOAD": "1" if preload else "0"}
    LOG.parent.mkdir(parents=True, exist_ok=True)
    launched = time.perf_counter()
    process = subprocess.Popen(
        [MALIKG, "serve", "--host", "127.0.0.1", "--port", str(port)],
        cwd=REPO_ROOT,
        env=env,
        stdout=LOG.open("ab"),
        stderr=subprocess.STDOUT,
    )
    try:
        while True:
            with suppress(httpx.TransportError):
                httpx.get(f"{base}/openapi.json", timeout=2.0).raise_for_status()
                break
            if process.poll() is not None:
                raise RuntimeError("malikg serve exited early")
            time.sleep(0.05)
        startup = time.perf_counter() - launched
        tag = f"{time.time_ns()}-{round_no}"
        time.sleep(idle_s)
        first = _post(base, f"first-{tag}", text)
        from_launch = time.perf_counter() - launched - idle_s
        second = _post(base, f"second-{tag}", text)
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    return {"startup": startup, "first_post": first, "from_launch": from_launch, "second_post": second}


def extract_once(text: str) -> float:
    """`malikg extract` on one article file, model load included."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "article.txt"
        path.write_text(text, encoding="utf-8")
        started = time.perf_counter()
        subprocess.run([MALIKG, "extract", str(path)], check=True, cwd=REPO_ROOT, stdout=subprocess.DEVNULL)
        return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--idle", type=float, default=20.0, help="seconds the API idles before the 'idle' POST")
    parser.add_argument("--bolt-port", type=int, default=BenchServer().bolt_port)
    parser.add_argument("--data-dir", type=Path, default=BenchServer().data_dir)
    args = parser.parse_args()
    server = BenchServer(bolt_port=args.bolt_port, data_dir=args.data_dir)
    text = ARTICLE.read_text(encoding="utf-8")
    rows: dict[str, list[float]] = {}
    cells = [(preload, idle) for preload in (False, True) for idle in (0.0, args.idle)]
    for n in range(args.rounds):  # interleaved, so both modes see the same machine load
        for preload, idle in cells:
            for key, value in one_round(server, text, idle, preload, n).items():
                rows.setdefault(f"{key}@{preload}@{idle:g}", []).append(value)
    extract = [extract_once(text) for _ in range(args.rounds)]
    med = {k: statistics.median(v) for k, v in rows.items()}
    print(f"article {ARTICLE.name} ({len(text)} chars); median of {args.rounds} rounds, seconds")
    print("spaCy loaded           | POST sent         | start-up | first POST | launch -> first answer | 2nd POST")
    for preload, idle in cells:
        mode = "at start-up (preload)" if preload else "on first POST (lazy)"
        sent = "at once" if idle == 0 else f"after {idle:g} s idle"
        cell = f"{preload}@{idle:g}"
        print(
            f"{mode:<22} | {sent:<17} | {med[f'startup@{cell}']:8.2f} | {med[f'first_post@{cell}']:10.2f} | "
            f"{med[f'from_launch@{cell}']:22.2f} | {med[f'second_post@{cell}']:8.2f}"
        )
    print(f"malikg extract (one article, one process): {statistics.median(extract):.2f}")


if __name__ == "__main__":
    main()
