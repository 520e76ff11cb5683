"""``fastapi worker --engine celery``: a real Celery worker for the app's Celery engine.

The worker imports the user's app (already done by discovery), so the generic task and
every task function are found through the app itself: no second registry to keep in sync.
It is configured to outlast broker and result-backend outages, and started again if it ends
anyway without being asked to (``worker_restart``).
"""

from __future__ import annotations

import argparse
from typing import Any

import click

from fastapi.cli import output
from fastapi.cli.engine_check import engine_backend
from fastapi.cli.registry import CLIError
from fastapi.cli.worker_restart import WorkerLife, restart
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
    outlast_outages(backend.app.conf)
    life = WorkerLife(f"Celery worker {args.hostname or 'celery'}")
    watch_life(life)
    try:
        exit_code = backend.app.start(celery_worker_argv(args)) or 0
    except click.ClickException as exc:  # an option Celery refuses
        raise CLIError(f"celery worker: {exc.format_message()}") from None
    if life.ended_unasked():
        restart(life, exit_code)
    return exit_code


def outlast_outages(conf: Any) -> None:
    """In the worker only (the web processes' reads and publications keep failing fast):
    the records it writes (started, progress, outcome) wait for a result backend that is
    down, with Celery's own backoff, instead of being lost; its consumer waits for the
    broker however long it is away, at start-up too; running tasks are left to finish
    when the connection drops (their outcome waits, their message is given back unacked)."""
    conf.result_backend_always_retry = True
    conf.broker_connection_retry_on_startup = True
    conf.broker_connection_max_retries = None
    conf.worker_cancel_long_running_tasks_on_connection_loss = False


def watch_life(life: WorkerLife) -> None:
    """Tell ``life`` when the worker is ready and when a shutdown signal reached it."""
    from celery import signals

    signals.worker_ready.connect(lambda **_: life.ready(), weak=False)
    signals.worker_shutting_down.connect(lambda **_: life.asked_to_stop(), weak=False)
