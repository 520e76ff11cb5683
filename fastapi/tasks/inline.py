"""Running tasks in this process: the in-memory backend, and what every backend shares.

A response's tasks run in order after it is sent; a failing one is logged and recorded and
the ones after it still run; the first error is re-raised once all have run (so a server,
and ``TestClient``, still see it as with FastAPI).
"""

from __future__ import annotations

import functools
import inspect
import logging
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import anyio
import anyio.to_thread

from fastapi._core.execute.server_errors import mark_logged
from fastapi._core.execute.threads import run_sync
from fastapi.tasks.backend import DONE, Outcome, TaskBackend
from fastapi.tasks.context import RunningTask, reset, running_as
from fastapi.tasks.memory import MemoryRecords
from fastapi.tasks.records import TaskState, TaskStatus

if TYPE_CHECKING:  # pragma: no cover
    from fastapi.background import BackgroundTasks, QueuedTask

logger = logging.getLogger("fastapi")


class MemoryBackend(TaskBackend):
    """Tasks kept in this process only: run right after the response, status in bounded records."""

    durable = False

    def __init__(self, records: MemoryRecords) -> None:
        self.records = records

    async def submit(self, tasks: Sequence[QueuedTask]) -> None:
        for queued in tasks:
            self.records.create(queued.id, queued.name, queued.policy.retry.attempts)
            queued.submitted = True

    async def run(self, queued: QueuedTask) -> Outcome:
        retry = queued.policy.retry
        records = self.records
        while True:
            attempt = records.start(queued.id)
            running = RunningTask(queued.id, queued.name, attempt, records.report)
            try:
                # Starlette's BackgroundTask worked out whether the function is async.
                await call_task(queued.func, queued.args, queued.kwargs, running, queued.is_async)
            except Exception as exc:
                if retry.retries(exc, attempt):
                    wait = retry.wait_before(attempt)
                    records.finish(queued.id, error=error_text(exc), retry_at=time.time() + wait)
                    log_retry(queued.id, queued.name, attempt, wait, exc)
                    await anyio.sleep(wait)
                    continue
                records.finish(queued.id, error=error_text(exc))
                log_failure(queued.id, queued.name, attempt, exc)
                await call_on_failure(queued.policy.on_failure, self.get, queued.id, exc)
                return Outcome(error=exc)
            records.finish(queued.id)
            return DONE

    def get(self, task_id: str, *, arguments: bool = False) -> TaskStatus | None:
        return self.records.get(task_id)

    def list(self, *, state: TaskState | None = None, limit: int = 100) -> list[TaskStatus]:
        return self.records.list(state=state, limit=limit)

    def counts(self) -> dict[TaskState, int]:
        return self.records.counts()


async def run_group(group: BackgroundTasks, lane_of: Callable[[QueuedTask], TaskBackend]) -> None:
    """Run a response's tasks in order, each by its backend; failures are isolated, the first
    is re-raised. Once a durable task is left to the workers, the durable ones after it are
    too (the workers keep a group's order); in-memory ones still run."""
    for index in range(len(group.tasks)):
        queued = group.queued(index)
        if not queued.submitted and not lane_of(queued).durable:
            await lane_of(queued).submit([queued])  # its status shows pending until it runs
    first_error: BaseException | None = None
    durable_deferred = False
    index = 0
    while index < len(group.tasks):  # tasks may queue more tasks while the group runs
        queued = group.queued(index)
        index += 1
        lane = lane_of(queued)
        if lane.durable and durable_deferred:
            continue
        if not queued.submitted:
            await lane.submit([queued])
        outcome = await lane.run(queued)
        if lane.durable:
            durable_deferred = outcome.deferred
        if outcome.error is not None and first_error is None:
            first_error = outcome.error
    if first_error is not None:
        mark_logged(first_error)  # logged with the task already
        raise first_error


_unowned: MemoryBackend | None = None


async def run_unowned(group: BackgroundTasks) -> None:
    """Run a collector no app took over (made by hand, sent outside an API route), in memory.

    Its records (bounded, as every app's) are nobody's to read; the logging is the point.
    """
    global _unowned
    if _unowned is None:
        _unowned = MemoryBackend(MemoryRecords())
    backend = _unowned
    await run_group(group, lambda queued: backend)


async def call_task(
    func: Callable[..., Any],
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
    running: RunningTask,
    is_async: bool | None = None,
) -> Any:
    """Call a task function as ``running`` (what ``current_task()`` answers inside it)."""
    token = running_as(running)
    try:
        if is_async_callable(func) if is_async is None else is_async:
            return await func(*args, **kwargs)
        return await run_sync(func, *args, **kwargs)
    finally:
        reset(token)


def is_async_callable(func: Callable[..., Any]) -> bool:
    while isinstance(func, functools.partial):
        func = func.func
    dunder_call = getattr(type(func), "__call__", None)  # noqa: B004 - the method itself, not callability
    return inspect.iscoroutinefunction(func) or inspect.iscoroutinefunction(dunder_call)


async def call_on_failure(
    hook: Callable[..., Any] | None,
    get: Callable[[str], TaskStatus | None],
    task_id: str,
    exc: BaseException,
) -> None:
    """The task's ``on_failure(status, exc)`` after its last attempt; its own errors are logged."""
    if hook is None:
        return
    try:
        status = await anyio.to_thread.run_sync(get, task_id)
        result = hook(status, exc)
        if inspect.isawaitable(result):
            await result
    except Exception:
        logger.exception("The on_failure hook of background task %s failed", task_id)


def error_text(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"


def log_retry(task_id: str, name: str, attempt: int, wait: float, exc: BaseException) -> None:
    logger.warning(
        "Background task %s (%s) failed on attempt %d (%s); retrying in %.1fs",
        task_id,
        name,
        attempt,
        error_text(exc),
        wait,
    )


def log_failure(task_id: str, name: str, attempt: int, exc: BaseException) -> None:
    logger.error(
        "Background task %s (%s) failed after %d attempt(s)",
        task_id,
        name,
        attempt,
        exc_info=(type(exc), exc, exc.__traceback__),
    )
