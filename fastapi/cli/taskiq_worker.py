"""``fastapi worker --engine taskiq``: a real taskiq worker for the app's taskiq engine.

Taskiq's worker command imports a broker by name in each of its worker processes; the name
given here (``worker_broker`` below) imports the user's app (found by discovery, as
``fastapi run`` finds it) and answers its broker, so the generic task and every task function
are found through the app itself: no second registry to keep in sync.
"""

from __future__ import annotations

import argparse
import importlib
import os
from typing import Any

from fastapi.cli import output
from fastapi.cli.engine_check import engine_backend
from fastapi.cli.registry import CLIError

#: The app's import string and import root, for the worker processes taskiq starts.
APP_VARIABLE = "FASTAPI_TASKIQ_APP"
ROOT_VARIABLE = "FASTAPI_TASKIQ_APP_DIR"


def worker_broker() -> Any:
    """The broker of the app named by ``FASTAPI_TASKIQ_APP`` (taskiq calls this factory)."""
    import sys

    from fastapi.tasks.engines.taskiq import TaskiqBackend

    root = os.environ.get(ROOT_VARIABLE)
    if root and root not in sys.path:
        sys.path.insert(0, root)
    module_name, _, attribute = os.environ[APP_VARIABLE].partition(":")
    app = importlib.import_module(module_name)
    for part in attribute.split("."):
        app = getattr(app, part)
    backend = getattr(getattr(app, "tasks", None), "backend", None)
    if not isinstance(backend, TaskiqBackend):
        raise RuntimeError(f"{os.environ[APP_VARIABLE]} does not run its tasks on taskiq")
    return backend.broker


def taskiq_worker_argv(args: argparse.Namespace) -> list[str]:
    """The options passed through to taskiq's worker."""
    argv = [f"{__name__}:worker_broker", "--log-level", args.loglevel.upper()]
    argv += ["--workers", str(args.workers or 1)]
    if args.concurrency:
        argv += ["--max-async-tasks", str(args.concurrency)]
    if args.prefetch:
        argv += ["--max-prefetch", str(args.prefetch)]
    return argv


def run_taskiq_worker(target: Any, runtime: Any, args: argparse.Namespace) -> int:
    from taskiq.cli.worker.args import WorkerArgs
    from taskiq.cli.worker.run import run_worker

    from fastapi.tasks.engines.taskiq import TaskiqBackend

    backend = engine_backend(runtime, TaskiqBackend, target.import_string, "taskiq", "broker")
    for option in ("concurrency", "workers"):
        value = getattr(args, option)
        if value is not None and value < 1:
            raise CLIError(f"--{option} must be at least 1")
    if args.scheduler:
        return run_scheduler(target, runtime, backend, args)
    os.environ[APP_VARIABLE] = target.import_string
    os.environ[ROOT_VARIABLE] = str(target.import_root)
    output.say()
    output.say(f"taskiq worker for {target.import_string}", marker="⚙️")
    output.say(f"Broker: {backend.broker!r}, {args.workers or 1} process(es)", indent=4)
    output.say()
    return run_worker(WorkerArgs.from_cli(taskiq_worker_argv(args))) or 0


def run_scheduler(target: Any, runtime: Any, backend: Any, args: argparse.Namespace) -> int:
    """Taskiq's scheduler loop over the app's periodic tasks (``--scheduler``), until Ctrl+C."""
    import asyncio
    import contextlib
    import signal

    from taskiq import TaskiqScheduler
    from taskiq.cli.scheduler.args import SchedulerArgs
    from taskiq.cli.scheduler.run import run_scheduler as run_taskiq_scheduler

    from fastapi.tasks import periodic
    from fastapi.tasks.engines.taskiq_schedule import PeriodicSource

    functions = runtime.settings.periodic
    if functions is None:
        functions = periodic.registered()
    source = PeriodicSource(backend, functions)
    output.say()
    output.say(f"taskiq scheduler for {target.import_string}", marker="⏰")
    output.say(f"{len(source.functions)} periodic task(s): {', '.join(source.functions)}", indent=4)
    output.say()
    settings = SchedulerArgs(
        scheduler=TaskiqScheduler(backend.broker, [source]),
        modules=[],
        log_level=args.loglevel.upper(),
        update_interval=1,  # the coming occurrence of each function, re-read every second
        send_timeout=backend.publish_timeout,
    )
    signal.signal(signal.SIGTERM, signal.default_int_handler)  # stops as Ctrl+C does
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(run_taskiq_scheduler(settings))
    return 0
