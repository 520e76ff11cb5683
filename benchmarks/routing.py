"""Routing cost against route count: the 1st, 300th and 3,000th of 3,000 alike routes.

    .venv/bin/python benchmarks/routing.py [--rounds 5] [--requests 3000]

The routes all live under one prefix, as in most real apps (``/api/v1/r{n}/{item_id}``),
and answer the same small JSON. Each FastAPI-API peer of ``peers.py`` (FastAPI 0.116.1, the
newest FastAPI, this package on Starlette 1.x and 0.47.3) runs in its own interpreter; rounds alternate
them; the table shows medians in µs per request, and each later route's cost relative to
the first.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROUTES = 3000
TARGETS = {"1st": 0, "300th": 299, "3,000th": ROUTES - 1}

MEASURE = """
import asyncio, json, sys, time
from fastapi import FastAPI

app = FastAPI()
for n in range(%(routes)d):
    async def endpoint(item_id: int, n: int = n):
        return {"route": n, "item_id": item_id}
    endpoint.__name__ = f"route{n}"
    app.get(f"/api/v1/r{n}/{{item_id}}")(endpoint)
app.router.routes  # every route registered before timing

async def measure(path: str, requests: int) -> float:
    scope = {"type": "http", "method": "GET", "path": path, "raw_path": path.encode(),
             "query_string": b"", "headers": [(b"host", b"bench")], "scheme": "http",
             "server": ("bench", 80), "root_path": "", "asgi": {"version": "3.0"},
             "http_version": "1.1", "client": ("127.0.0.1", 1)}
    status = []
    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}
    async def send(message):
        if message["type"] == "http.response.start":
            status.append(message["status"])
    for _ in range(200):
        await app(dict(scope), receive, send)
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for _ in range(requests):
            await app(dict(scope), receive, send)
        best = min(best, (time.perf_counter() - start) / requests * 1e6)
    assert set(status) == {200}, set(status)
    return best

async def main():
    targets = json.loads(sys.argv[1])
    requests = int(sys.argv[2])
    print(json.dumps({name: await measure(f"/api/v1/r{n}/7", requests) for name, n in targets.items()}))

asyncio.run(main())
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--requests", type=int, default=3000)
    options = parser.parse_args()
    sys.path.insert(0, str(HERE))
    from peers import measure_in, peers

    impls = {peer.name: peer.python for peer in peers().values() if peer.family == "fastapi"}
    samples: dict[str, dict[str, list[float]]] = {name: {} for name in impls}
    source = MEASURE % {"routes": ROUTES}
    for round_number in range(options.rounds):
        order = list(impls.items()) if round_number % 2 == 0 else list(reversed(impls.items()))
        for name, python in order:
            output = measure_in(python, "-c", source, json.dumps(TARGETS), options.requests)
            for target, micros in output.items():
                samples[name].setdefault(target, []).append(micros)
    print(f"| {ROUTES:,} routes under /api/v1, µs per request | " + " | ".join(TARGETS) + " | 3,000th / 1st |")
    print("|---|" + "---:|" * (len(TARGETS) + 1))
    for name, found in samples.items():
        medians = {target: statistics.median(values) for target, values in found.items()}
        cells = " | ".join(f"{medians[target]:.1f}" for target in TARGETS)
        print(f"| {name} | {cells} | {medians['3,000th'] / medians['1st']:.2f} |")


if __name__ == "__main__":
    main()
