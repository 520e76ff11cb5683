"""Memory per request: does serving requests make a process grow?

    python benchmarks/memory.py --app scenarios.app [--cycles N]

One cycle sends every HTTP scenario of ``scenarios/requests.py`` once. After a warm-up
(caches filled, worker threads started; for this package also more than 10,000 background
tasks run, the bounded history of finished tasks' statuses it keeps), the script measures the resident set size before
and after ``cycles`` more cycles, then, with ``tracemalloc`` on, the Python memory still held
after another ``cycles`` cycles (garbage collected before each reading). It prints JSON;
``report_memory`` prints one row per peer.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import importlib
import json
import os
import sys
import tracemalloc
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

WARM_UP_CYCLES = 200
TASK_HISTORY = 10_200  # background tasks run first: this package keeps the last 10,000 statuses


def resident_bytes() -> int:
    """The current resident set size (not the peak), from ``/proc``."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


async def settle() -> None:
    """Let finished background work and worker threads hand back what they hold."""
    for _ in range(10):
        await asyncio.sleep(0)
    gc.collect()


async def measure(app: Any, cycles: int, task_history: int) -> dict[str, float]:
    from inprocess import http_call
    from scenarios.requests import REQUESTS

    calls = [http_call(app, *request[:5]) for request in REQUESTS.values() if request[0] != "WS"]

    async def run(count: int) -> None:
        for _ in range(count):
            for call in calls:
                await call()

    background = http_call(app, *REQUESTS["background task"][:5])

    async def warm_up(cycles: int) -> None:
        await run(cycles)
        for _ in range(task_history):
            await background()
        await settle()

    await warm_up(WARM_UP_CYCLES)
    before = resident_bytes()
    await run(cycles)
    await settle()
    grown = resident_bytes() - before
    # tracemalloc sees only what is allocated once it runs: a bounded cache whose old entries
    # predate it would read as growth, so the warm-up runs again under it first.
    tracemalloc.start()
    await warm_up(WARM_UP_CYCLES // 10)
    traced_before = tracemalloc.get_traced_memory()[0]
    await run(cycles)
    await settle()
    traced_grown = tracemalloc.get_traced_memory()[0] - traced_before
    tracemalloc.stop()
    requests = cycles * len(calls)
    return {
        "requests per reading": requests,
        "RSS after warm-up (MB)": before / 2**20,
        "RSS growth (KB)": grown / 1024,
        "traced growth (bytes per request)": traced_grown / requests,
    }


def report_memory(peers: dict[str, Any], cycles: int) -> dict:
    from peers import OURS, OURS_047, measure_in

    found = {}
    for name, peer in peers.items():
        history = TASK_HISTORY if name in (OURS, OURS_047) else 0
        arguments = ["--app", peer.module, "--cycles", cycles, "--task-history", history]
        found[name] = measure_in(peer.python, Path(__file__), *arguments)
    metrics = [metric for metric in next(iter(found.values())) if metric != "requests per reading"]
    requests = next(iter(found.values()))["requests per reading"]
    lines = [
        f"| {requests:,} requests per reading (every HTTP scenario in turn) | " + " | ".join(metrics) + " |",
        "|---|" + "---:|" * len(metrics),
    ]
    for name, values in found.items():
        lines.append(f"| {peers[name].label or name} | " + " | ".join(f"{values[metric]:.1f}" for metric in metrics) + " |")
    return {"medians": found, "table": "\n".join(lines)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--app", required=True)
    parser.add_argument("--cycles", type=int, default=200)
    parser.add_argument("--task-history", type=int, default=0)
    options = parser.parse_args()
    app = importlib.import_module(options.app).app
    print(json.dumps(asyncio.run(measure(app, options.cycles, options.task_history))))


if __name__ == "__main__":
    main()
