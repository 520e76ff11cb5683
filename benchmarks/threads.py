"""The thread hand-off alone: awaiting a no-op function run in a worker thread.

    .venv/bin/python -m benchmarks.threads [--calls 20000] [--rounds 7]

FastAPI 0.116 runs sync endpoints, sync dependencies and sync background tasks through
Starlette's ``run_in_threadpool`` (AnyIO's ``to_thread.run_sync``); this package through
``fastapi._core.execute.threads.run_sync``. Both are timed here on the same event loop, one
call at a time (the latency a request pays) and 32 at once (throughput under load),
alternating over rounds; medians in microseconds per call.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from starlette.concurrency import run_in_threadpool  # noqa: E402

from fastapi._core.execute.threads import run_sync  # noqa: E402


def noop() -> None:
    pass


HandOff = Callable[[Callable[[], Any]], Awaitable[Any]]


async def one_at_a_time(hand_off: HandOff, calls: int) -> float:
    start = time.perf_counter()
    for _ in range(calls):
        await hand_off(noop)
    return (time.perf_counter() - start) / calls * 1e6


async def many_at_once(hand_off: HandOff, calls: int, width: int = 32) -> float:
    start = time.perf_counter()
    for _ in range(calls // width):
        await asyncio.gather(*(hand_off(noop) for _ in range(width)))
    return (time.perf_counter() - start) / calls * 1e6


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--calls", type=int, default=20000)
    parser.add_argument("--rounds", type=int, default=7)
    options = parser.parse_args()
    hand_offs: dict[str, HandOff] = {
        "Starlette run_in_threadpool (FastAPI 0.116)": run_in_threadpool,
        "this package's run_sync": run_sync,
    }
    samples: dict[tuple[str, str], list[float]] = {}
    for name, hand_off in hand_offs.items():  # warm up: start the threads
        await many_at_once(hand_off, 320)
    for round_number in range(options.rounds):
        order = list(hand_offs.items())
        if round_number % 2:
            order.reverse()
        for name, hand_off in order:
            samples.setdefault((name, "one"), []).append(await one_at_a_time(hand_off, options.calls // 4))
            samples.setdefault((name, "many"), []).append(await many_at_once(hand_off, options.calls))
    median = {key: statistics.median(values) for key, values in samples.items()}
    print("| hand-off, µs per call (median) | 1 at a time | 32 at once |")
    print("|---|---:|---:|")
    for name in hand_offs:
        print(f"| {name} | {median[name, 'one']:.1f} | {median[name, 'many']:.1f} |")
    upstream, ours = list(hand_offs)
    print(
        f"| ratio | {median[upstream, 'one'] / median[ours, 'one']:.2f}x"
        f" | {median[upstream, 'many'] / median[ours, 'many']:.2f}x |"
    )


if __name__ == "__main__":
    asyncio.run(main())
