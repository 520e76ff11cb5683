"""Concurrent connections against uvicorn: errors, p99 latency, RSS and descriptors per round.

    .venv/bin/python benchmarks/load.py [--rounds 3] [--connections 50,200,1000]

FastAPI 0.116.1 (a throwaway virtualenv, as ``run.py`` makes it) and this package (the
project's ``.venv``) serve the same scenario app (``scenarios/app.py``) with uvicorn on
loopback; each level of concurrency opens that many keep-alive connections at once, each
alternating ``GET /hello`` and ``POST /items``. RSS and open descriptors are read from the
server's ``/proc/<pid>`` after every round: flat means no growth per request.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from e2e import free_port  # noqa: E402
from peers import SERVER, ensure_venv, local_python  # noqa: E402
from scenarios.common import ITEM_BODY  # noqa: E402

from tests.robustness import load  # noqa: E402

load.REQUESTS["items"] = (
    b"POST /items HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: %d\r\n\r\n%s"
    % (len(ITEM_BODY), ITEM_BODY)
)
MiB = 1024 * 1024


def serve(python: Path) -> tuple[subprocess.Popen[bytes], int]:
    port = free_port()
    command = [python, "-m", "uvicorn", "scenarios.app:app", "--port", str(port)]
    command += ["--log-level", "warning", "--no-access-log", "--backlog", "4096"]
    process = subprocess.Popen(command, cwd=HERE)
    deadline = time.monotonic() + 30
    while True:
        try:
            httpx.get(f"http://127.0.0.1:{port}/hello", timeout=1)
            return process, port
        except httpx.TransportError:
            if time.monotonic() > deadline:
                process.kill()
                raise
            time.sleep(0.1)


def footprint(pid: int) -> tuple[int, int]:
    """RSS in bytes and open descriptors of a process."""
    pages = int(Path(f"/proc/{pid}/statm").read_text().split()[1])
    return pages * resource.getpagesize(), len(list(Path(f"/proc/{pid}/fd").iterdir()))


def measure(python: Path, connections: int, rounds: int) -> dict[str, object]:
    process, port = serve(python)
    requests = max(5, 4000 // connections)
    try:
        load.load_round(port, connections, 2)  # warm-up
        errors, p99s, rates, rss, fds = 0, [], [], [], []
        for _ in range(rounds):
            started = time.perf_counter()
            outcome = load.load_round(port, connections, requests)
            rates.append((outcome.ok + outcome.errors) / (time.perf_counter() - started))
            errors += outcome.errors
            p99s.append(outcome.p99_ms())
            time.sleep(0.5)  # connections closing
            size, descriptors = footprint(process.pid)
            rss.append(size // MiB)
            fds.append(descriptors)
        return {
            "requests": rounds * connections * requests,
            "errors": errors,
            "p99_ms": statistics.median(p99s),
            "rate": statistics.median(rates),
            "rss": rss,
            "fds": fds,
        }
    finally:
        process.terminate()
        process.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", default="50,200,1000")
    options = parser.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, 8192), hard))
    implementations = {
        "FastAPI 0.116.1": ensure_venv("upstream-0.116.1", ["fastapi==0.116.1", *SERVER]),
        "ours": local_python(),
    }
    print("| connections | implementation | requests | errors | req/s | p99 ms | RSS MiB per round | fds per round |")
    print("|---:|---|---:|---:|---:|---:|---|---|")
    for connections in [int(part) for part in options.connections.split(",")]:
        for name, python in implementations.items():
            result = measure(python, connections, options.rounds)
            print(
                f"| {connections} | {name} | {result['requests']} | {result['errors']} | {result['rate']:.0f} "
                f"| {result['p99_ms']:.1f} | {result['rss']} | {result['fds']} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
