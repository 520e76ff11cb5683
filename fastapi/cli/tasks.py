"""``fastapi tasks``: look at and act on the tasks of a durable app's store, from a shell.

The store is the app's own (found as ``fastapi run`` finds the app) or named with
``--store URL``, which needs no import of the app: an operator can list failures, read one
task, cancel or retry it on a machine that only reaches the store.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from fastapi.cli import output
from fastapi.cli.discover import discover
from fastapi.cli.registry import CLIError, Command

DESCRIPTION = """\
List, show, cancel and retry the background tasks of a durable app.

  fastapi tasks list [--state failed] [--limit 20]
  fastapi tasks show ID [--arguments]
  fastapi tasks cancel ID [ID ...]
  fastapi tasks retry ID [ID ...]
  fastapi tasks counts

The store is the app's (found as by `fastapi run`: --path, --app, --entrypoint or
pyproject.toml), or the one given with --store URL (then the app is not imported)."""

_STATES = ("pending", "running", "succeeded", "failed", "cancelled")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=("list", "show", "cancel", "retry", "counts"))
    parser.add_argument("ids", nargs="*", metavar="ID", help="task ids (show, cancel, retry)")
    parser.add_argument(
        "--store", help="the store's or engine's URL, e.g. sqlite:///tasks.db or redis://host/0"
    )
    parser.add_argument("--path", help="the file or package of the app")
    parser.add_argument("--app", dest="app_name", help="the name of the app object in the module")
    parser.add_argument("-e", "--entrypoint", help="the app as an import string, module:attribute")
    parser.add_argument("--state", choices=_STATES, help="list: only tasks in this state")
    parser.add_argument("--limit", type=int, default=20, help="list: how many (newest first)")
    parser.add_argument(
        "--arguments", action="store_true", help="show: include the task's call arguments"
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")


def open_target_store(args: argparse.Namespace) -> Any:
    """The store named by ``--store``, else the discovered app's tasks (``app.tasks``,
    whatever backend keeps them): both answer ``list``, ``get``, ``cancel``, ``retry`` and
    ``counts``."""
    if args.store:
        from fastapi.tasks import engines
        from fastapi.tasks.store import open_store

        try:
            if engines.names_engine(args.store):  # redis://, taskiq+ or celery+: its engine
                return engines.open_backend(args.store)
            return open_store(args.store)
        except (ValueError, ImportError) as exc:
            raise CLIError(str(exc)) from None
    target, _ = discover(
        args.path, app_name=args.app_name, entrypoint=args.entrypoint, cwd=Path.cwd()
    )
    runtime = getattr(target.app, "tasks", None)
    if runtime is None or not getattr(runtime, "durable", False):
        raise CLIError(
            f"{target.import_string} keeps its background tasks in memory: no other process can see them",
            hint='Give the app a store, e.g. FastAPI(tasks="sqlite:///tasks.db"), or pass --store URL.',
        )
    return runtime


def _where(source: Any) -> str:
    store = getattr(source, "store", None)  # the app's runtime names its store
    return repr(store if store is not None else source)


def _when(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M:%S") if value is not None else "-"


def _detail(status: Any) -> str:
    if status.reason:  # its worker vanished: say which, and when
        return str(status.reason)
    if status.error:
        return str(status.error)
    if status.progress is not None:
        total = f"/{status.progress.total}" if status.progress.total is not None else ""
        message = f" {status.progress.message}" if status.progress.message else ""
        return f"{status.progress.done}{total}{message}"
    if status.scheduled_for is not None and status.state.value == "pending":
        return f"scheduled for {_when(status.scheduled_for)}"
    return ""


def _tries(status: Any) -> str:
    """Attempts out of the allowed ones; takeovers (a vanished worker's attempts) apart."""
    tries = f"{status.attempts}/{status.max_attempts}"
    takeovers = getattr(status, "takeovers", 0)
    return f"{tries} ({takeovers} taken over)" if takeovers else tries


def _list(store: Any, args: argparse.Namespace) -> int:
    from fastapi.tasks.records import TaskState

    if args.limit < 1:
        raise CLIError("--limit must be at least 1")
    state = TaskState(args.state) if args.state else None
    found = store.list(state=state, limit=args.limit)
    if args.json:
        for status in found:
            print(status.model_dump_json())
        return 0
    if not found:
        output.say("No tasks" + (f" in state {args.state}" if args.state else ""), indent=0)
        return 0
    rows = [
        (
            s.id,
            s.state.value,
            _tries(s),
            _when(s.created_at),
            s.name,
            _detail(s),
        )
        for s in found
    ]
    header = ("ID", "STATE", "TRIES", "CREATED", "NAME", "DETAIL")
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(5)]
    for row in [header, *rows]:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        output.say("  ".join([*cells, row[5]]).rstrip(), indent=0)
    return 0


def _one_by_one(
    store: Any, args: argparse.Namespace, act: Callable[[Any, str, argparse.Namespace], str | None]
) -> int:
    if not args.ids:
        raise CLIError(f"fastapi tasks {args.action} needs at least one task id")
    failures = 0
    for task_id in args.ids:
        problem = act(store, task_id, args)
        if problem is not None:
            output.error(problem)
            failures += 1
    return 1 if failures else 0


def _show(store: Any, task_id: str, args: argparse.Namespace) -> str | None:
    status = store.get(task_id, arguments=bool(args.arguments))
    if status is None:
        return f"No task {task_id} in {_where(store)}"
    print(json.dumps(status.model_dump(mode="json", exclude_none=True), indent=2))
    return None


def _refused(store: Any, task_id: str, why: str) -> str:
    """Why an action did nothing: the task is unknown, or its state does not allow it."""
    status = store.get(task_id)
    if status is None:
        return f"No task {task_id} in {_where(store)}"
    return f"Task {task_id} is {status.state.value}: {why}"


def _cancel(store: Any, task_id: str, args: argparse.Namespace) -> str | None:
    if not store.cancel(task_id):
        return _refused(store, task_id, "there is nothing to cancel")
    status = store.get(task_id)
    if status is not None and status.state.value == "running":
        output.say(f"{task_id}: cancellation requested (its worker stops it)", indent=0)
    else:
        output.say(f"{task_id}: cancelled", indent=0)
    return None


def _retry(store: Any, task_id: str, args: argparse.Namespace) -> str | None:
    if not store.retry(task_id):
        return _refused(store, task_id, "only failed or cancelled tasks are retried")
    output.say(f"{task_id}: pending again, runs as soon as a worker is free", indent=0)
    return None


def _counts(store: Any, args: argparse.Namespace) -> int:
    found = {state.value: count for state, count in store.counts().items()}
    if args.json:
        print(json.dumps(found))
    else:
        for state, count in found.items():
            output.say(f"{state:<10} {count}", indent=0)
    return 0


def handle(args: argparse.Namespace) -> int:
    store = open_target_store(args)
    try:
        if args.action == "list":
            return _list(store, args)
        if args.action == "counts":
            return _counts(store, args)
        act = {"show": _show, "cancel": _cancel, "retry": _retry}[args.action]
        return _one_by_one(store, args, act)
    finally:
        close = getattr(store, "close", None)
        if close is not None:
            close()


COMMAND = Command(
    name="tasks",
    help="List, show, cancel and retry the background tasks of a durable app.",
    description=DESCRIPTION,
    add_arguments=add_arguments,
    handle=handle,
    order=40,
)
