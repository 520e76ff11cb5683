"""Measure one implementation in-process: ASGI calls straight into the app, no sockets.

    python benchmarks/inprocess.py --app scenarios.app [--iterations N] [--only NAME] [--clock cpu]
    python benchmarks/inprocess.py --app scenarios.app --serve [--only NAME]

Prints JSON: scenario -> microseconds per request (best of a few inner repeats). Run by
``run.py`` once per round and implementation; it is started with this folder (not the
repository) first on ``sys.path``, so ``import fastapi`` finds the interpreter's own one.
With ``--serve`` it warms every scenario up, says so with a JSON line (the scenario names),
then answers each line it reads, ``{"scenario": NAME, "batches": N}``, with the CPU time per
request of the best of N batches (``{"best": µs}``), until its input ends: ``interleave.py``
drives all peers so, a few batches at a time each.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import importlib
import json
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from scenarios.requests import REQUESTS  # noqa: E402


def http_scope(method: str, path: str, query: bytes, headers: list[tuple[bytes, bytes]], body: bytes) -> dict[str, Any]:
    all_headers = [(b"host", b"bench"), *headers]
    if body:
        all_headers.append((b"content-length", str(len(body)).encode()))
    return {
        "type": "http",
        "asgi": {"version": "3.0", "spec_version": "2.3"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": query,
        "root_path": "",
        "headers": all_headers,
        "client": ("127.0.0.1", 50000),
        "server": ("bench", 80),
        "extensions": {},
    }


def http_call(app: Any, method: str, path: str, query: bytes, headers: list[tuple[bytes, bytes]], body: bytes):
    template = http_scope(method, path, query, headers, body)
    request_message = {"type": "http.request", "body": body, "more_body": False}
    disconnect = {"type": "http.disconnect"}

    async def call() -> int:
        scope = dict(template)
        scope["headers"] = list(template["headers"])
        received = False
        status = 0

        async def receive() -> dict[str, Any]:
            nonlocal received
            if received:
                return disconnect
            received = True
            return request_message

        async def send(message: dict[str, Any]) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]

        await app(scope, receive, send)
        return status

    return call


def websocket_call(app: Any, path: str, text: bytes):
    template = {
        "type": "websocket",
        "asgi": {"version": "3.0"},
        "scheme": "ws",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"bench")],
        "client": ("127.0.0.1", 50000),
        "server": ("bench", 80),
        "subprotocols": [],
        "extensions": {},
    }
    payload = text.decode()

    async def call() -> int:
        scope = dict(template)
        incoming = [
            {"type": "websocket.connect"},
            {"type": "websocket.receive", "text": payload},
            {"type": "websocket.disconnect", "code": 1000},
        ]
        echoed = 0

        async def receive() -> dict[str, Any]:
            return incoming.pop(0)

        async def send(message: dict[str, Any]) -> None:
            nonlocal echoed
            if message["type"] == "websocket.send" and message.get("text") == payload:
                echoed = 1

        await app(scope, receive, send)
        return echoed

    return call


# Requests per batch when measuring CPU time: short batches (half a millisecond for a 25 µs
# request) are the ones a neighbour's burst on the machine (a context switch, caches
# flushed) most often leaves alone, so their best is steady under load.
CPU_BATCH = 20


async def measure(call: Any, expected: int, iterations: int, clock: str = "wall") -> float:
    await warm_up(call, expected, iterations)
    if clock == "cpu":
        return await measure_cpu(call, iterations)
    best = float("inf")
    for _ in range(3):
        gc.collect()
        start = time.perf_counter()
        for _ in range(iterations):
            await call()
        best = min(best, (time.perf_counter() - start) / iterations)
    return best * 1e6


async def measure_cpu(call: Any, iterations: int) -> float:
    """CPU time of this thread per request, the best of many short batches (three times
    ``iterations`` requests in all). Time the machine gives other processes is not counted,
    and a batch that a busy neighbour slowed anyway (caches, memory bandwidth) is outvoted,
    so this clock stays comparable between peers on a loaded machine, where wall time
    does not."""
    gc.collect()
    return await best_batches(call, max(10, 3 * iterations // CPU_BATCH))


async def best_batches(call: Any, batches: int) -> float:
    """The CPU time per request of the best of ``batches`` batches, in µs."""
    best = float("inf")
    for _ in range(batches):
        start = time.thread_time()
        for _ in range(CPU_BATCH):
            await call()
        best = min(best, (time.thread_time() - start) / CPU_BATCH)
    return best * 1e6


def scenario_calls(app: Any, only: list[str] | None) -> dict[str, tuple[Any, int]]:
    """Each scenario's call (or the ones in ``only``) and the status it must answer."""
    calls: dict[str, tuple[Any, int]] = {}
    for name, (method, path, query, headers, body, expected) in REQUESTS.items():
        if only and name not in only:
            continue
        if method == "WS":
            calls[name] = websocket_call(app, path, body), 1
        else:
            calls[name] = http_call(app, method, path, query, headers, body), expected
    return calls


async def serve(calls: dict[str, tuple[Any, int]]) -> None:
    """Warm every scenario up, then measure batches as the driver asks (see the module doc)."""
    loop = asyncio.get_running_loop()
    for call, expected in calls.values():
        await warm_up(call, expected, 500)
    gc.collect()
    print(json.dumps(list(calls)), flush=True)
    while line := await loop.run_in_executor(None, sys.stdin.readline):
        asked = json.loads(line)
        best = await best_batches(calls[asked["scenario"]][0], asked["batches"])
        print(json.dumps({"best": best}), flush=True)


async def warm_up(call: Any, expected: int, iterations: int) -> None:
    status = await call()
    if status != expected:
        raise SystemExit(f"unexpected status {status} (wanted {expected})")
    for _ in range(min(500, iterations)):
        await call()


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--app", required=True)
    parser.add_argument("--iterations", type=int, default=2000)
    parser.add_argument("--only", action="append")
    parser.add_argument("--clock", choices=["wall", "cpu"], default="wall")
    parser.add_argument("--serve", action="store_true", help="measure batches as asked on stdin")
    options = parser.parse_args()
    app = importlib.import_module(options.app).app
    calls = scenario_calls(app, options.only)
    if options.serve:
        await serve(calls)
        return
    results: dict[str, float] = {}
    for name, (call, expected) in calls.items():
        results[name] = await measure(call, expected, options.iterations, options.clock)
    print(json.dumps(results))


if __name__ == "__main__":
    asyncio.run(main())
