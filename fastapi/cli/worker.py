"""``fastapi worker``: run a durable app's background-task workers, without serving HTTP.

Any number of workers, on any machine that reaches the app's task store, can run beside
(or instead of) the workers inside the web processes: claims are leased, so each task runs
once, and a dead worker's tasks are taken over when its lease expires. The app's lifespan
runs as it does under a server, so tasks find the resources it sets up.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import signal
from pathlib import Path
from typing import Any

from fastapi.cli import output
from fastapi.cli.discover import discover
from fastapi.cli.registry import CLIError, Command

DESCRIPTION = """\
Run the background-task workers of a FastAPI app that stores its tasks
(`FastAPI(tasks="sqlite:///tasks.db")` or a `redis://` URL), without serving HTTP.

Start as many as you like, on this machine or others sharing the store: each task runs
once; the tasks of a worker that dies are retried by the others after its lease expires.
Stop with Ctrl+C (or SIGTERM): running tasks get the app's shutdown grace period to finish,
the rest stay stored.

The app is found as by `fastapi run`: PATH, --app, --entrypoint or pyproject.toml."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", nargs="?", metavar="PATH", help="the file or package of the app")
    parser.add_argument("--app", dest="app_name", help="the name of the app object in the module")
    parser.add_argument("-e", "--entrypoint", help="the app as an import string, module:attribute")
    parser.add_argument(
        "--concurrency", type=int, help="tasks run at once by this worker (default: the app's)"
    )
    parser.add_argument(
        "--verbose", action="store_true", help="log every task's start and end (INFO)"
    )
    parser.add_argument(
        "--engine",
        choices=["store", "celery", "taskiq"],
        default="store",
        help="store: the app's task store (default); celery: a Celery worker for its Celery "
        "app; taskiq: a taskiq worker for its taskiq broker",
    )
    parser.add_argument(
        "--prefetch", type=int, help="celery/taskiq: messages prefetched (per process)"
    )
    parser.add_argument("--loglevel", default="INFO", help="celery/taskiq: the log level")
    parser.add_argument("--workers", type=int, help="taskiq: worker processes (default 1)")
    parser.add_argument(
        "--scheduler",
        action="store_true",
        help="taskiq: run taskiq's scheduler for the app's periodic tasks instead of a worker",
    )
    parser.add_argument("--pool", help="celery: the worker pool (prefork, threads, solo, ...)")
    parser.add_argument("--hostname", help="celery: the worker's node name")
    parser.add_argument(
        "--beat",
        action="store_true",
        help="celery: run Celery beat inside, firing the app's periodic tasks (once per "
        "period however many workers run it)",
    )


async def run_workers(
    app: Any, concurrency: int | None = None, stop: asyncio.Event | None = None
) -> None:
    """Run the app's lifespan with its task workers on, until ``stop`` (or a signal)."""
    runtime = app.tasks
    runtime.enable_workers(concurrency)
    stop = stop or asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(sig, stop.set)
        except (NotImplementedError, RuntimeError):  # pragma: no cover - not the main thread
            pass
    async with app.router.lifespan_context(app):
        await stop.wait()
    logging.getLogger("fastapi").info(shutdown_line(runtime))


def shutdown_line(runtime: Any) -> str:
    """What the workers did, said once they have stopped."""
    backend = getattr(runtime, "backend", None)
    outcomes: dict[str, int] = getattr(backend, "outcomes", {})
    left = len(getattr(backend, "running", ()))
    ended = sum(outcomes.get(kind, 0) for kind in ("succeeded", "failed", "cancelled"))
    return (
        f"Workers stopped: {ended} task(s) ended here ({outcomes.get('succeeded', 0)} succeeded, "
        f"{outcomes.get('failed', 0)} failed, {outcomes.get('cancelled', 0)} cancelled; "
        f"{outcomes.get('retried', 0)} attempt(s) to retry), "
        + (f"{left} released unfinished" if left else "none left running")
    )


def handle(args: argparse.Namespace) -> int:
    verbose = bool(args.verbose or getattr(args, "global_verbose", False))
    target, _ = discover(
        args.path, app_name=args.app_name, entrypoint=args.entrypoint, cwd=Path.cwd()
    )
    runtime = getattr(target.app, "tasks", None)
    if args.engine == "celery":
        from fastapi.cli.celery_worker import run_celery_worker

        return run_celery_worker(target.import_string, runtime, args)
    if args.engine == "taskiq":
        from fastapi.cli.taskiq_worker import run_taskiq_worker

        return run_taskiq_worker(target, runtime, args)
    if runtime is None or not getattr(runtime, "durable", False):
        raise CLIError(
            f"{target.import_string} keeps its background tasks in memory: only apps with a task store have workers",
            hint='Give the app a store, e.g. FastAPI(tasks="sqlite:///tasks.db") or a redis:// URL.',
        )
    if not hasattr(runtime.backend, "run_workers"):  # Celery: a Celery worker runs them
        raise CLIError(
            f"{target.import_string} runs its background tasks on {runtime.backend!r}",
            hint="Start its workers with: fastapi worker --engine celery",
        )
    concurrency = args.concurrency or runtime.settings.concurrency
    if concurrency < 1:
        raise CLIError("--concurrency must be at least 1")
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    # One line per task start and end (INFO) only with --verbose; failures always show.
    logging.getLogger("fastapi.tasks").setLevel(logging.INFO if verbose else logging.WARNING)
    output.say()
    output.say(f"Task workers for {target.import_string}", marker="⚙️")
    where = f"Store: {runtime.store!r}" if runtime.store is not None else repr(runtime.backend)
    output.say(f"{where}, running {concurrency} task(s) at a time", indent=4)
    output.say("Stop with Ctrl+C; running tasks get their grace period.", indent=4)
    output.say()
    asyncio.run(run_workers(target.app, concurrency))
    return 0


COMMAND = Command(
    name="worker",
    help="Run the background-task workers of a durable app (no HTTP).",
    description=DESCRIPTION,
    add_arguments=add_arguments,
    handle=handle,
    order=30,
)
