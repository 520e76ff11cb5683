"""``fastapi worker --engine celery``: a real Celery worker for the app's Celery engine.

The worker imports the user's app (already done by discovery), so the generic task and
every task function are found through the app itself: no second registry to keep in sync.
"""

from __future__ import annotations

import argparse
from typing import Any

from fastapi.cli import output
from fastapi.cli.engine_check import engine_backend
from fastapi.cli.registry import CLIError
from fastapi.tasks import periodic


def celery_worker_argv(args: argparse.Namespace) -> list[str]:
    """The options passed through to ``celery worker``."""
    argv = ["worker", "--loglevel", args.loglevel]
    if args.concurrency:
        argv += ["--concurrency", str(args.concurrency)]
    if args.prefetch:
        argv += ["--prefetch-multiplier", str(args.prefetch)]
    if args.pool:
        argv += ["--pool", args.pool]
    if args.hostname:
        argv += ["--hostname", args.hostname]
    if getattr(args, "beat", False):
        from fastapi.tasks.engines.celery_beat import SCHEDULER

        argv += ["--beat", "--scheduler", SCHEDULER]
    return argv


def run_celery_worker(import_string: str, runtime: Any, args: argparse.Namespace) -> int:
    from fastapi.tasks.engines.celery import CeleryBackend

    backend = engine_backend(runtime, CeleryBackend, import_string, "Celery", "celery_app")
    if args.concurrency is not None and args.concurrency < 1:
        raise CLIError("--concurrency must be at least 1")
    output.say()
    output.say(f"Celery worker for {import_string}", marker="⚙️")
    output.say(f"Broker: {backend.app.conf.broker_url}", indent=4)
    if getattr(args, "beat", False):
        functions = runtime.settings.periodic
        backend.periodic = list(periodic.registered() if functions is None else functions)
        backend.runtime = runtime
        names = ", ".join(periodic.task_name(func) for func in backend.periodic) or "none"
        output.say(f"Celery beat inside, periodic tasks: {names}", indent=4)
    output.say()
    # In the worker only: the records it writes (started, progress, outcome) wait for a
    # result backend that is down, with Celery's own backoff, instead of being lost; the
    # web processes' status reads keep failing fast.
    backend.app.conf.result_backend_always_retry = True
    backend.app.worker_main(celery_worker_argv(args))
    return 0
