"""Running tasks in this process: the in-memory backend, and what every backend shares.

A response's tasks run in order after it is sent; a failing one is logged and recorded and
the ones after it still run; the first error is re-raised once all have run (so a server,
and ``TestClient``, still see it as with FastAPI).
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import anyio
import anyio.to_thread

from fastapi._core.execute.server_errors import mark_logged
from fastapi.tasks import codec
from fastapi.tasks.backend import DONE, Outcome, TaskBackend
from fastapi.tasks.context import RunningTask, TaskCancelled, reset, running_as
from fastapi.tasks.functions import facts_of
from fastapi.tasks.memory import MemoryRecords, MemoryTask
from fastapi.tasks.records import TaskState, TaskStatus
from fastapi.tasks.task_threads import run_attempt, run_attempt_within

if TYPE_CHECKING:  # pragma: no cover
    from fastapi.background import BackgroundTasks, QueuedTask

logger = logging.getLogger("fastapi")
#: One line per attempt's start and end (INFO): ``fastapi worker --verbose`` shows them.
task_logger = logging.getLogger("fastapi.tasks")


class MemoryBackend(TaskBackend):
    """Tasks kept in this process only: run right after the response, status in bounded records."""

    durable = False

    def __init__(self, records: MemoryRecords) -> None:
        self.records = records
        self.later: set[asyncio.Task[None]] = set()

    async def submit(self, tasks: Sequence[QueuedTask]) -> None:
        self.record(tasks)

    def record(self, tasks: Sequence[QueuedTask]) -> None:
        """Their records, pending (``submit`` without a coroutine to await)."""
        records = self.records
        now = time.time()
        report = records.report
        made: list[MemoryTask] = []
        for queued in tasks:
            queued.submitted = True
            task_id = queued.id
            if queued.dedupe_key is not None and (
                task_id in records or any(record.id == task_id for record in made)
            ):
                queued.duplicate = True  # the task stored under that key runs, not this one
                continue
            made.append(
                MemoryTask(
                    task_id,
                    queued.name,
                    queued.policy.retry.attempts,
                    now,
                    queued.not_before,
                    report,
                )
            )
        records.add(made)

    async def run(self, queued: QueuedTask) -> Outcome:
        """Its attempts, in this coroutine (the one cost every in-memory task pays)."""
        if queued.duplicate:
            return DONE
        if queued.not_before is not None and queued.not_before > time.time():
            # Due later: it runs on its own then, without holding the response's tasks.
            later = asyncio.get_running_loop().create_task(self._run_later(queued))
            self.later.add(later)
            later.add_done_callback(self.later.discard)
            return DONE
        records = self.records
        timeout = queued.policy.timeout
        while True:
            record = records.begin(queued.id)
            if record is None:
                return DONE  # cancelled before (this attempt) began
            running = record.handle()
            started = time.monotonic()
            try:
                # Whether the function is async was worked out once, when it was queued.
                if queued.is_async and timeout is None:
                    result = await call_async(queued.func, queued.args, queued.kwargs, running)
                else:
                    result = await call_task(
                        queued.func,
                        queued.args,
                        queued.kwargs,
                        running,
                        queued.is_async,
                        timeout=timeout,
                    )
            except TaskCancelled:
                records.finish(queued.id, cancelled=True)
                log_cancelled(queued.id, queued.name, record.attempt, time.monotonic() - started)
                return DONE
            except Exception as exc:
                outcome = await self._failed(queued, record.attempt, exc, started)
                if outcome is None:
                    continue  # its next attempt is due
                return outcome
            if result is not None:
                result = shown_result(queued.id, queued.name, result)
            records.succeed(record, result)
            return DONE

    async def _failed(
        self, queued: QueuedTask, attempt: int, exc: Exception, started: float
    ) -> Outcome | None:
        """Record a failed attempt: None once the wait before a retry is over, else how the
        task ended (failures are logged here, and its ``on_failure`` hook called)."""
        records = self.records
        if records.is_cancelled(queued.id):
            records.finish(queued.id, error=error_text(exc), cancelled=True)
            return DONE
        retry = queued.policy.retry
        if retry.retries(exc, attempt):
            wait = retry.wait_before(attempt)
            records.finish(queued.id, error=error_text(exc), retry_at=time.time() + wait)
            log_retry(queued.id, queued.name, attempt, wait, exc)
            await anyio.sleep(wait)
            return None
        records.finish(queued.id, error=error_text(exc))
        log_failure(queued.id, queued.name, attempt, exc, time.monotonic() - started)
        await call_on_failure(queued.policy.on_failure, self.get, queued.id, exc)
        return Outcome(error=exc)

    async def _run_later(self, queued: QueuedTask) -> None:
        await anyio.sleep(max(0.0, (queued.not_before or 0.0) - time.time()))
        await self.run(queued)  # due now

    def cancel(self, task_id: str) -> bool:
        """A pending task never runs; a running one is told (and an async one cancelled)."""
        found = self.records.cancel(task_id)
        running = self.records.running(task_id)
        if found and running is not None:
            running.cancel()
        return found

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
    lanes: list[TaskBackend] = []
    waiting: dict[TaskBackend, list[QueuedTask]] = {}
    for index in range(len(group.tasks)):
        queued = group.queued(index)
        lane = lane_of(queued)
        lanes.append(lane)
        if not queued.submitted and not lane.durable:
            waiting.setdefault(lane, []).append(queued)
    for lane, batch in waiting.items():
        await lane.submit(batch)  # their statuses show pending until they run
    first_error: BaseException | None = None
    durable_deferred = False
    index = 0
    tasks = group.tasks
    while index < len(tasks):  # tasks may queue more tasks while the group runs
        if index < len(lanes):  # seen above: adopted already
            queued, lane = tasks[index], lanes[index]  # type: ignore[assignment]
        else:
            queued = group.queued(index)
            lane = lane_of(queued)
        index += 1
        durable = lane.durable
        if durable and durable_deferred:
            continue
        if not queued.submitted:
            await lane.submit([queued])
        outcome = await lane.run(queued)
        if durable:
            durable_deferred = outcome.deferred
        if outcome.error is not None and first_error is None:
            first_error = outcome.error
    if first_error is not None:
        mark_logged(first_error)  # logged with the task already
        raise first_error


async def call_task(
    func: Callable[..., Any],
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
    running: RunningTask,
    is_async: bool | None = None,
    *,
    timeout: float | None = None,
) -> Any:
    """Call a task function as ``running`` (what ``current_task()`` answers inside it); its
    return value.

    ``running.cancel()`` cancels an async call at its next ``await`` (``TaskCancelled``); a
    sync one only sees ``current_task().cancelled``. Past ``timeout`` the attempt fails
    with ``TimeoutError``: an async call is cancelled, a sync one is told and left to end in
    its thread while the task moves on (Python cannot stop a thread). Sync calls run in the
    task threads (``fastapi.tasks.task_threads``), never in the request path's.
    """
    if is_async is None:
        is_async = facts_of(func).is_async
    if is_async and timeout is None:
        return await call_async(func, args, kwargs, running)
    token = running_as(running)
    try:
        if is_async:
            return await _call_in_scope(func, args, kwargs, running, timeout)
        if timeout is None:  # the common case: no scope to set up
            return await run_attempt(func, args, kwargs, running)
        return await run_attempt_within(func, args, kwargs, running, timeout)
    finally:
        reset(token)


async def call_async(
    func: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any], running: RunningTask
) -> Any:
    """``call_task`` of an async function without a timeout: cancelled through the asyncio
    task awaiting it, while (and only while) it awaits the call, with no scope or wrapper
    around it; the cancellation it got is taken back once caught here."""
    token = running_as(running)
    try:
        try:
            loop = asyncio.get_running_loop()
            task = asyncio.current_task(loop)
        except RuntimeError:  # not asyncio (trio): through a cancel scope
            task = None
        if task is None:
            return await _call_in_scope(func, args, kwargs, running, None)
        running.attach_task(task, loop)
        try:
            result = await func(*args, **kwargs)
        except asyncio.CancelledError:
            if not running.detach():
                raise  # not ours: the server is shutting down, say
            _uncancel(task)
            raise TaskCancelled() from None
        except BaseException:
            if running.detach():
                _uncancel(task)
            raise
        if running.detach():
            _uncancel(task)  # it caught the cancellation and returned
        return result
    finally:
        reset(token)


async def _call_in_scope(
    func: Callable[..., Any],
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
    running: RunningTask,
    timeout: float | None,
) -> Any:
    """An async call in a cancel scope: what ``cancel()`` cancels, and the timeout's deadline."""
    deadline = float("inf") if timeout is None else anyio.current_time() + timeout
    with anyio.CancelScope(deadline=deadline) as scope:
        running.attach(scope)
        try:
            return await func(*args, **kwargs)
        finally:
            running.detach()
    if running.cancelled:
        raise TaskCancelled()
    raise TimeoutError(f"the task took longer than its timeout of {timeout:g}s")


def _uncancel(task: asyncio.Task[Any]) -> None:
    uncancel = getattr(task, "uncancel", None)  # Python 3.11+ counts cancellations
    if uncancel is not None:
        uncancel()


def shown_result(task_id: str, name: str, value: Any) -> Any:
    """A return value as an in-memory status shows it (JSON), or None if it has none."""
    if value is None:
        return None
    try:
        return codec.jsonable_result(value)
    except TypeError as exc:
        log_unstorable_result(task_id, name, exc)
        return None


def log_unstorable_result(task_id: str, name: str, exc: Exception) -> None:
    logger.warning("Background task %s (%s) succeeded, but %s", task_id, name, exc)


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


def log_failure(
    task_id: str, name: str, attempt: int, exc: BaseException, duration: float | None = None
) -> None:
    took = f" (the last took {duration:.3f}s)" if duration is not None else ""
    logger.error(
        "Background task %s (%s) failed after %d attempt(s)%s",
        task_id,
        name,
        attempt,
        took,
        exc_info=(type(exc), exc, exc.__traceback__),
    )


def log_start(task_id: str, name: str, attempt: int, max_attempts: int) -> None:
    task_logger.info("Task %s (%s) attempt %d/%d started", task_id, name, attempt, max_attempts)


def log_success(task_id: str, name: str, attempt: int, max_attempts: int, duration: float) -> None:
    task_logger.info(
        "Task %s (%s) attempt %d/%d succeeded in %.3fs",
        task_id,
        name,
        attempt,
        max_attempts,
        duration,
    )


def log_cancelled(task_id: str, name: str, attempt: int, duration: float) -> None:
    task_logger.info(
        "Task %s (%s) cancelled during attempt %d, after %.3fs", task_id, name, attempt, duration
    )
