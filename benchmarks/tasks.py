"""Background-task costs: enqueueing per request, and no-op tasks run per second.

    .venv/bin/python -m benchmarks.tasks [--requests 2000] [--tasks 2000] [--redis URL] [--steps]

1. Enqueue: the time from the start of a request to the end of its response (what the client
   waits for), for an endpoint that queues one task, in memory and durable (SQLite, synced to
   disk on commit). Measured one request at a time, and with 64 requests in flight, where
   durable mode commits the tasks of concurrent requests together (one disk sync for many).
2. Throughput: no-op tasks executed per second by one process: in memory (a response with N
   tasks), and durable (N stored tasks drained by the worker pool). Async and sync (thread)
   no-op tasks.
3. Steps (``--steps`` prints only these): the CPU time of each step an in-memory task takes,
   in this thread (``time.thread_time``, the best of several rounds of N): the collector a
   request gets, ``add_task``, the hand-over as the response is ready, the records' creation,
   the run of an async and of a sync no-op (begin, call, finish), the run with the
   records at their bound (each finish drops the oldest record), and a response's tasks
   handed over and run as a response runs them (one async, one sync no-op), with the
   process's CPU time beside (a worker thread's share of a sync task is not this thread's).

Each row also reports the process's CPU time (all its threads) per request or per task: on a
machine shared with other work, wall-clock figures follow the load, CPU time much less.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fastapi import BackgroundTasks, FastAPI  # noqa: E402
from fastapi.tasks import TaskSettings  # noqa: E402

FINISHED: list[None] = []  # one entry per task run (list.append is atomic across threads)


async def async_noop() -> None:
    FINISHED.append(None)


def sync_noop() -> None:
    FINISHED.append(None)


def make_app(store: str | None, *, workers: bool = True) -> FastAPI:
    settings = TaskSettings(store=store, workers=workers, handoff=3600.0) if store else None
    app = FastAPI(tasks=settings)

    @app.post("/enqueue")
    async def enqueue(background_tasks: BackgroundTasks) -> dict[str, bool]:
        background_tasks.add_task(async_noop)
        return {"queued": True}

    return app


def response_latency(app: Any) -> Any:
    """A call that returns the seconds until the response body was sent (tasks excluded)."""
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/enqueue",
        "raw_path": b"/enqueue",
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"bench")],
        "client": ("127.0.0.1", 1),
        "server": ("bench", 80),
    }

    async def call() -> float:
        sent_at = 0.0

        async def receive() -> dict[str, Any]:
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(message: dict[str, Any]) -> None:
            nonlocal sent_at
            if message["type"] == "http.response.body" and not message.get("more_body"):
                sent_at = time.perf_counter()

        start = time.perf_counter()
        await app(dict(scope), receive, send)
        return sent_at - start

    return call


async def enqueue_latency(app: Any, requests: int, in_flight: int) -> tuple[float, float]:
    """Median µs until the response is sent, and CPU µs per request."""
    call = response_latency(app)
    for _ in range(50):
        await call()
    samples: list[float] = []
    cpu = time.process_time()
    for _ in range(requests // in_flight):
        samples.extend(await asyncio.gather(*(call() for _ in range(in_flight))))
    cpu = time.process_time() - cpu
    return statistics.median(samples) * 1e6, cpu / len(samples) * 1e6


async def memory_throughput(count: int, task: Any) -> tuple[float, float]:
    """Tasks per second, and per CPU-second."""
    tasks = BackgroundTasks()
    for _ in range(count):
        tasks.add_task(task)
    start, cpu = time.perf_counter(), time.process_time()
    await tasks()
    return count / (time.perf_counter() - start), count / (time.process_time() - cpu)


async def durable_throughput(
    url: str, count: int, task: Any, concurrency: int = 4
) -> tuple[float, float]:
    """Tasks per second, and per CPU-second (the worker threads' included)."""
    app = FastAPI(tasks=TaskSettings(store=url, workers=False, handoff=0.0))
    runtime = app.tasks
    batch = runtime.collector()
    for _ in range(count):
        batch.add_task(task)
    # Independent tasks (one per group), as from many requests, so that workers run them in parallel.
    for index, queued in enumerate(batch.tasks):
        queued.stored_form.group_id = f"g{index}"  # type: ignore[attr-defined]
    await runtime.hand_over(batch)
    runtime.enable_workers(concurrency)
    stop = asyncio.Event()
    FINISHED.clear()
    start, cpu = time.perf_counter(), time.process_time()
    worker = asyncio.create_task(runtime.work(stop))  # type: ignore[arg-type]
    while len(FINISHED) < count or runtime.backend.running:  # type: ignore[attr-defined]  # ran, and their outcome written
        await asyncio.sleep(0.001)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    stop.set()
    await worker
    return count / elapsed, count / cpu


STEP_ROUNDS = 7


async def best_cpu(prepare: Any, step: Any, count: int, awaited: bool) -> tuple[float, float]:
    """CPU µs per call of ``step(item)`` (awaited if ``awaited``) of this thread and of the
    whole process (a worker thread's share included), each the best of ``STEP_ROUNDS``
    rounds over ``count`` fresh items from ``prepare(count)``."""
    best = best_process = float("inf")
    for _ in range(STEP_ROUNDS):
        items = prepare(count)
        start, process = time.thread_time(), time.process_time()
        if awaited:
            for item in items:
                await step(item)
        else:
            for item in items:
                step(item)
        best = min(best, time.thread_time() - start)
        best_process = min(best_process, time.process_time() - process)
    return best / count * 1e6, best_process / count * 1e6


async def step_costs(count: int) -> list[tuple[str, tuple[float, float]]]:
    """What each step of one in-memory task costs (see the module's docstring)."""
    app = FastAPI()
    runtime = app.tasks
    memory = runtime.memory

    def collectors(n: int) -> list[Any]:
        return [None] * n

    def queued(n: int, task: Any = async_noop) -> list[Any]:
        groups = [runtime.collector() for _ in range(n)]
        for group in groups:
            group.add_task(task)
        return groups

    def recorded(n: int, task: Any = async_noop) -> list[Any]:
        groups = queued(n, task)
        for group in groups:
            memory.record(group.tasks)
        return [group.tasks[0] for group in groups]

    def run_at_bound(n: int) -> list[Any]:
        runtime.records.max_records = 1_000  # full after the first round: each finish drops one
        return recorded(n)

    def empty(n: int) -> list[Any]:
        return [runtime.collector() for _ in range(n)]

    async def response_run(group: Any) -> None:
        await (await runtime.hand_over(group))()  # what a response runs once it is sent

    steps = [  # (label, its items, the step, awaited)
        ("the collector a request gets", collectors, lambda _: runtime.collector(), False),
        ("add_task (one async no-op)", empty, lambda group: group.add_task(async_noop), False),
        ("hand-over as the response is ready", queued, runtime.hand_over, True),
        ("its record made, pending", queued, lambda group: memory.record(group.tasks), False),
        ("run: async no-op (begin, call, finish)", recorded, memory.run, True),
        ("run: sync no-op, in a worker thread", lambda n: recorded(n, sync_noop), memory.run, True),
        ("run: async no-op, records at their bound", run_at_bound, memory.run, True),
        ("a response's tasks handed over and run (one async no-op)", queued, response_run, True),
        (
            "a response's tasks handed over and run (one sync no-op)",
            lambda n: queued(n, sync_noop),
            response_run,
            True,
        ),
    ]
    found = []
    for label, prepare, step, awaited in steps:
        runtime.records.max_records = 1_000_000  # nothing dropped but where asked for
        found.append((label, await best_cpu(prepare, step, count, awaited)))
    return found


async def print_steps(count: int) -> None:
    print(f"## One in-memory task, step by step: CPU µs in this thread (best of {STEP_ROUNDS} x {count:,})\n")
    print("| step | CPU µs, this thread | the process |")
    print("|---|---:|---:|")
    for label, (cost, process) in await step_costs(count):
        print(f"| {label} | {cost:.2f} | {process:.2f} |")


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--tasks", type=int, default=2000)
    parser.add_argument(
        "--redis",
        help="also measure enqueueing on redis:// (the taskiq engine; its database is flushed); "
        "the engines' throughput is benchmarks.task_engines'",
    )
    parser.add_argument("--steps", action="store_true", help="only the in-memory task's steps")
    options = parser.parse_args()
    await print_steps(options.tasks)
    if options.steps:
        return
    print()
    directory = Path(tempfile.mkdtemp(prefix="task-bench-"))

    print("## Enqueueing one task: time until the response is sent (median µs)\n")
    print("| mode | 1 request at a time | 64 requests in flight | CPU µs per request, its task run included (1 / 64) |")
    print("|---|---:|---:|---:|")
    apps = [
        ("in memory", make_app(None)),
        (
            "durable (SQLite, synced)",
            make_app(f"sqlite:///{directory / 'enqueue.db'}", workers=False),
        ),
    ]
    if options.redis:
        apps.append(("taskiq engine (redis://)", make_app(flushed(options.redis), workers=False)))
    for label, app in apps:
        one, one_cpu = await enqueue_latency(app, options.requests // 4, 1)
        many, many_cpu = await enqueue_latency(app, options.requests, 64)
        print(f"| {label} | {one:,.0f} | {many:,.0f} | {one_cpu:,.0f} / {many_cpu:,.0f} |")

    print("\n## No-op tasks executed per second by one process\n")
    print("| mode | async no-op | sync no-op (worker thread) | per CPU-second (async / sync) |")
    print("|---|---:|---:|---:|")
    row = [
        await memory_throughput(options.tasks, async_noop),
        await memory_throughput(options.tasks, sync_noop),
    ]
    print(f"| in memory (one response, N tasks) | {_rates(row)} |")
    stores = [("SQLite", lambda name: f"sqlite:///{directory / name}.db")]
    for label, url_for in stores:
        for concurrency in (4, 32):
            row = [
                await durable_throughput(
                    url_for(f"{kind}-{concurrency}"), options.tasks, task, concurrency
                )
                for kind, task in (("async", async_noop), ("sync", sync_noop))
            ]
            print(f"| durable ({label}, {concurrency} at a time) | {_rates(row)} |")


def _rates(row: list[tuple[float, float]]) -> str:
    """Async and sync tasks per second, then both per CPU-second."""
    (wall_async, cpu_async), (wall_sync, cpu_sync) = row
    return f"{wall_async:,.0f} | {wall_sync:,.0f} | {cpu_async:,.0f} / {cpu_sync:,.0f}"


def flushed(url: str) -> str:
    import redis

    redis.Redis.from_url(url).flushdb()
    return url


if __name__ == "__main__":
    # Run the importable copy of this module: that is where workers, which import durable
    # tasks by name, find the no-op functions and the FINISHED list they append to.
    from benchmarks import tasks

    asyncio.run(tasks.main())
