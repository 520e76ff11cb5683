"""Task engines with worker processes: enqueue cost per request and tasks run per second.

    .venv/bin/python -m benchmarks.task_engines [--tasks 2000] [--requests 1000] [--redis URL]
        [--engines sqlite,celery,taskiq]

For each engine (durable SQLite run by ``fastapi worker``, Celery on Redis run by
``fastapi worker --engine celery``; taskiq once its engine module exists), with one and then
two worker processes running:

1. Enqueue: the time from the start of a request to the end of its response, for an
   endpoint that queues one no-op task (in-process ASGI calls, as ``benchmarks.tasks``),
   one request at a time and 64 in flight; the workers run those tasks meanwhile. Also
   the CPU time this process (all its threads) spends per request, steadier than the
   elapsed time on a loaded machine.
2. Throughput: ``count`` no-op tasks enqueued from this process (``await
   app.tasks.enqueue``, 64 at a time), timed from the first enqueue until the last has
   succeeded: ``run/s``. The enqueue rate alone is ``published/s``; when it is the lower
   one, it bounds ``run/s``.

Without ``--redis`` a redis-server is started here (append-only file, fsync every second:
Redis's durable setting) in a temporary directory; with it, that database is flushed.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib.util import find_spec
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.engine_app import make_app, noop  # noqa: E402
from benchmarks.tasks import enqueue_latency  # noqa: E402
from fastapi.tasks.records import FINISHED, TaskState  # noqa: E402

WARM_UP = 8  # tasks run before measuring: the workers are up and have imported everything


@dataclass
class Engine:
    label: str
    key: str  # what --engines names it by
    setting: Callable[[Path, str], str]
    worker_options: list[str]
    ready: bytes | None = None  # a line each worker logs once it takes tasks
    reset: Callable[[str], None] = field(default=lambda redis_url: None)


def flush(redis_url: str) -> None:
    import redis

    redis.Redis.from_url(redis_url).flushdb()


ENGINES = [
    Engine(
        "durable SQLite",
        "sqlite",
        lambda directory, redis_url: f"sqlite:///{directory / f'tasks-{time.time_ns()}.db'}",
        ["--concurrency", "4"],
    ),
    Engine(
        "Celery (Redis)",
        "celery",
        lambda directory, redis_url: "celery+" + redis_url,
        ["--engine", "celery", "--pool", "prefork", "--concurrency", "2", "--loglevel", "INFO"],
        ready=b"ready.",
        reset=flush,
    ),
]
# The taskiq engine, once fastapi/tasks/engines/taskiq.py exists: the same rows through it.
if find_spec("fastapi.tasks.engines.taskiq") is not None:
    ENGINES.append(
        Engine(
            "taskiq (Redis)",
            "taskiq",
            lambda directory, redis_url: "taskiq+" + redis_url,
            ["--engine", "taskiq", "--workers", "1", "--concurrency", "4"],
            ready=b"Listening started.",
            reset=flush,
        )
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until(
    condition: Callable[[], Any], timeout: float, what: str, interval: float = 0.01
) -> Any:
    deadline = time.monotonic() + timeout
    while not (found := condition()):
        if time.monotonic() > deadline:
            raise TimeoutError(f"gave up waiting for {what}")
        time.sleep(interval)
    return found


@contextmanager
def redis_server(directory: Path) -> Iterator[str]:
    binary = shutil.which("redis-server")
    if binary is None:
        raise SystemExit("redis-server is not installed (apt-get install redis-server)")
    port = free_port()
    argv = [binary, "--port", str(port), "--bind", "127.0.0.1", "--dir", str(directory)]
    argv += ["--save", "", "--appendonly", "yes", "--appendfsync", "everysec"]
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL)
    url = f"redis://127.0.0.1:{port}/0"
    try:
        wait_until(lambda: _answers(url), 10, "redis-server")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def _answers(url: str) -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(url).ping())
    except redis.ConnectionError:
        return False


@contextmanager
def workers(engine: Engine, setting: str, count: int, directory: Path) -> Iterator[None]:
    """``count`` worker processes of ``engine``, each in its own process group."""
    env = {**os.environ, "BENCH_TASKS": setting, "PYTHONPATH": str(ROOT)}
    started: list[tuple[subprocess.Popen[bytes], Path]] = []
    try:
        for number in range(count):
            log = directory / f"worker-{time.time_ns()}-{number}.log"
            argv = [sys.executable, "-m", "fastapi", "worker", "-e", "benchmarks.engine_app:app"]
            argv += engine.worker_options
            if "celery" in engine.worker_options:
                argv += ["--hostname", f"bench{number}@%h"]
            with open(log, "wb") as out:
                process = subprocess.Popen(
                    argv, cwd=ROOT, env=env, stdout=out, stderr=out, start_new_session=True
                )
            started.append((process, log))
        for process, log in started:
            if engine.ready is not None:
                ready = engine.ready
                wait_until(lambda log=log: ready in log.read_bytes(), 120, f"worker ({log})")
        yield
    finally:
        for process, _ in started:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process, _ in started:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)


def finished(app: Any, task_id: str) -> bool:
    found = app.tasks.get(task_id)
    return found is not None and found.state in FINISHED


def drained(app: Any, ids: list[str], timeout: float = 600) -> float:
    """Wait until every task of ``ids`` has finished; when the last of them did (perf_counter).

    The last id is polled (tasks run about in order); then the others are checked, and if
    some had not finished yet, the end is when they all have."""
    wait_until(lambda: finished(app, ids[-1]), timeout, "the last task")
    end = time.perf_counter()
    late = [task_id for task_id in ids[:-1] if not finished(app, task_id)]
    while late:
        late = [task_id for task_id in late if not finished(app, task_id)]
        end = time.perf_counter()
    return end


def settled(app: Any, total: int) -> None:
    """Wait until ``total`` tasks have succeeded (engines that count), or a last task run."""
    if sum(app.tasks.counts().values()) == 0:  # an engine that does not count tasks
        drained(app, [app.tasks.enqueue(noop).id])
        time.sleep(1.0)
        return
    wait_until(
        lambda: app.tasks.counts()[TaskState.succeeded] >= total, 600, "the requests' tasks", 0.2
    )


async def publish(app: Any, count: int, in_flight: int = 64) -> list[str]:
    """Enqueue ``count`` no-op tasks, ``in_flight`` at a time (SQLite commits them together,
    Celery publishes them from that many threads); their ids."""
    ids: list[str] = []
    while len(ids) < count:
        batch = [app.tasks.enqueue(noop) for _ in range(min(in_flight, count - len(ids)))]
        await asyncio.gather(*batch)
        ids += [handle.id for handle in batch]
    return ids


def throughput(app: Any, count: int) -> tuple[float, float]:
    """(published per second, run per second) for ``count`` no-op tasks."""
    start = time.perf_counter()
    ids = asyncio.run(publish(app, count))
    published = time.perf_counter() - start
    return count / published, count / (drained(app, ids) - start)


def measure(engine: Engine, count: int, requests: int, directory: Path, redis_url: str) -> None:
    for processes in (1, 2):
        engine.reset(redis_url)
        setting = engine.setting(directory, redis_url)
        app = make_app(setting)
        with workers(engine, setting, processes, directory):
            drained(app, [app.tasks.enqueue(noop).id for _ in range(WARM_UP)])
            one, one_cpu = asyncio.run(enqueue_latency(app, requests // 4, 1))
            many, many_cpu = asyncio.run(enqueue_latency(app, requests, 64))
            settled(app, WARM_UP + 50 + requests // 4 + 50 + (requests // 64) * 64)
            published, ran = throughput(app, count)
        print(
            f"| {engine.label} | {processes} | {one:,.0f} | {many:,.0f} "
            f"| {one_cpu:,.0f} | {many_cpu:,.0f} | {published:,.0f} | {ran:,.0f} |",
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tasks", type=int, default=2000)
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--redis", help="a Redis to use (its database is flushed)")
    parser.add_argument(
        "--engines", default="sqlite,celery,taskiq", help="which engines, comma-separated"
    )
    options = parser.parse_args()
    directory = Path(tempfile.mkdtemp(prefix="task-engines-"))
    print(f"load average at start: {os.getloadavg()[0]:.2f} ({os.cpu_count()} CPUs)\n")
    print(
        "| engine | worker processes | enqueue µs, 1 at a time | enqueue µs, 64 in flight ", end=""
    )
    print("| CPU µs, 1 at a time | CPU µs, 64 in flight | published/s | run/s |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|", flush=True)
    try:
        if options.redis:
            run_all(options, directory, options.redis)
        else:
            with redis_server(directory) as redis_url:
                run_all(options, directory, redis_url)
    finally:
        shutil.rmtree(directory, ignore_errors=True)


def run_all(options: argparse.Namespace, directory: Path, redis_url: str) -> None:
    chosen = options.engines.lower().split(",")
    for engine in ENGINES:
        if engine.key not in chosen:
            continue
        measure(engine, options.tasks, options.requests, directory, redis_url)


if __name__ == "__main__":
    main()
