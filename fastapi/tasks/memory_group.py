"""A response's tasks in an app without a store: every one runs in memory, in order.

One backend, so nothing to sort into lanes. Plain sync tasks that follow one another (no
timeout, retry, failure hook or schedule: what ``add_task`` of a plain function queues) run
back to back in one worker thread, their records begun and finished there: one hand-off to
the thread and one wake-up of the event loop for all of them, where each would otherwise
pay both (in a task thread, ``fastapi.tasks.task_threads``). Each still runs in a copy of the request's context of its own, as if it had its
own thread call, and a failure is logged and recorded and the next one runs.
"""

from __future__ import annotations

import contextvars
import functools
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from fastapi._core.execute.server_errors import mark_logged
from fastapi.tasks.context import RunningTask, TaskCancelled, running_as
from fastapi.tasks.inline import (
    MemoryBackend,
    error_text,
    log_cancelled,
    log_failure,
    shown_result,
)
from fastapi.tasks.memory import MemoryRecords
from fastapi.tasks.task_threads import run_in_task_thread

if TYPE_CHECKING:  # pragma: no cover
    from fastapi.background import BackgroundTasks, QueuedTask


def runs_whole_in_a_thread(queued: QueuedTask) -> bool:
    """A sync task whose one attempt needs nothing of the event loop (no timeout to cut it
    short, no retry to wait for, no hook to await, no time to wait until). Something not
    callable fails as a single call fails (with ``functools.partial``'s error, as FastAPI's)."""
    return queued.plain_sync and queued.not_before is None and not queued.duplicate


async def run_in_memory(group: BackgroundTasks, backend: MemoryBackend) -> None:
    """``run_group`` when every task runs in memory: failures are isolated, the first is
    re-raised once all have run."""
    # Every task is a QueuedTask once adopted (group.queued), as those added meanwhile are.
    tasks = cast("list[QueuedTask]", group.tasks)
    recorded = len(tasks)
    fresh = [queued for queued in map(group.queued, range(recorded)) if not queued.submitted]
    if fresh:
        backend.record(fresh)  # their statuses show pending until they run
    first_error: BaseException | None = None
    index = 0
    while index < len(tasks):  # tasks may queue more tasks while the group runs
        queued = tasks[index] if index < recorded else _recorded(group, index, backend)
        index += 1
        if queued.plain_sync and queued.not_before is None and not queued.duplicate:
            batch = [queued]  # it and the plain sync tasks right after it
            while index < len(tasks):
                following = tasks[index] if index < recorded else _recorded(group, index, backend)
                if not runs_whole_in_a_thread(following):
                    break
                batch.append(following)
                index += 1
            who = functools.partial(_who, batch)
            error = await run_in_task_thread(run_in_this_thread, backend.records, batch, who=who)
        else:
            error = (await backend.run(queued)).error
        if error is not None and first_error is None:
            first_error = error
    if first_error is not None:
        mark_logged(first_error)  # logged with the task already
        raise first_error


def _who(batch: list[QueuedTask]) -> str:
    """The batch's tasks, for a log line."""
    return ", ".join(f"{queued.id} ({queued.name})" for queued in batch)


def _recorded(group: BackgroundTasks, index: int, backend: MemoryBackend) -> QueuedTask:
    """The group's task at ``index``, with its record (one added while the group ran has none)."""
    queued = group.queued(index)
    if not queued.submitted:
        backend.record([queued])
    return queued


def run_in_this_thread(records: MemoryRecords, batch: list[QueuedTask]) -> BaseException | None:
    """Run plain sync tasks one after another in this worker thread (see the module's
    docstring); the first error, each logged and recorded where it happened."""
    first_error: BaseException | None = None
    context = contextvars.copy_context  # each call in a copy of the context run_sync gave
    for queued in batch:
        record = records.begin(queued.id)
        if record is None:
            continue  # cancelled before it began
        started = time.monotonic()
        try:
            result = context().run(_call_as, record, queued.func, queued.args, queued.kwargs)
        except TaskCancelled:
            records.finish(queued.id, cancelled=True)
            log_cancelled(queued.id, queued.name, record.attempt, time.monotonic() - started)
            continue
        except Exception as exc:
            cancelled = records.is_cancelled(queued.id)
            records.finish(queued.id, error=error_text(exc), cancelled=cancelled)
            if not cancelled:
                log_failure(queued.id, queued.name, record.attempt, exc, time.monotonic() - started)
                first_error = first_error or exc
            continue
        if result is not None:
            result = shown_result(queued.id, queued.name, result)
        records.succeed(record, result)
    return first_error


def _call_as(
    running: RunningTask, func: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]
) -> Any:
    running_as(running)  # in the call's own context copy: nothing to reset
    return func(*args, **kwargs)


_unowned: MemoryBackend | None = None


async def run_unowned(group: BackgroundTasks) -> None:
    """Run a collector no app took over (made by hand, sent outside an API route), in memory.

    Its records (bounded, as every app's) are nobody's to read; the logging is the point.
    """
    global _unowned
    if _unowned is None:
        _unowned = MemoryBackend(MemoryRecords())
    await run_in_memory(group, _unowned)
