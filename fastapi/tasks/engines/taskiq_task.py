"""The one taskiq task (``fastapi.run``): runs a background task in a taskiq worker.

It imports the function by name, decodes its JSON arguments, and runs it under its ``@task``
policy: the attempts and the waits between them happen here, on the worker's loop, while the
message stays unacknowledged (the broker keeps it claimed; a worker that dies hands it to
another, which picks up at the attempt the record shows). Each step is written to the task's
record (taskiq progress), which the status API reads; the return value becomes the taskiq
result, and the last error is raised for taskiq to record as the task's error.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import time
from typing import Any

import anyio
from taskiq import Context, TaskiqDepends
from taskiq.exceptions import NoResultError

from fastapi.tasks import codec
from fastapi.tasks.context import RunningTask, TaskCancelled
from fastapi.tasks.engines import claims
from fastapi.tasks.engines.taskiq import TaskiqBackend, backend_of
from fastapi.tasks.engines.taskiq_records import (
    CANCELLED,
    FAILURE,
    QUEUED,
    RETRY,
    STARTED,
    SUCCESS,
    cancel_key,
    new_record,
)
from fastapi.tasks.inline import (
    call_on_failure,
    call_task,
    error_text,
    log_cancelled,
    log_failure,
    log_retry,
    log_start,
    log_success,
    log_unstorable_result,
)
from fastapi.tasks.policy import Retry, policy_of
from fastapi.tasks.records import MAX_ATTEMPT_ERRORS, TaskProgress, TaskState
from fastapi.tasks.store.history import WORKER_LOST, takeover_reason

logger = logging.getLogger("fastapi.tasks")

#: Seconds between two looks at a running (or waiting) task's cancel request.
CANCEL_POLL = 0.5
_FINAL = (SUCCESS, FAILURE, CANCELLED)


class TaskError(Exception):
    """A task's last error, as ``'ExceptionType: message'``: what the result backend keeps,
    readable by any process (the original exception class may not import there)."""


async def run_generic(
    name: str, payload: str, info: dict[str, Any], context: Context = TaskiqDepends()
) -> Any:
    """The taskiq task: run ``name`` with its arguments, under its ``@task`` policy."""
    backend = backend_of(context.broker)
    run = str(context.message.labels.get("run", "1"))
    return await Execution(backend, context.message.task_id, run, (name, payload, info)).run()


class Execution:
    """One delivery of a task's message: its attempts until it succeeds, fails or is
    cancelled; every step written to its record, in order."""

    def __init__(
        self,
        backend: TaskiqBackend,
        task_id: str,
        run: str,
        call: tuple[str, str, dict[str, Any]],
    ) -> None:
        self.backend = backend
        self.task_id = task_id
        self.run_label = run
        self.name, self.payload, self.info = call
        self.record: dict[str, Any] = new_record(*call)
        self.worker = str(getattr(backend.broker, "consumer_name", os.getpid()))
        #: The stream message holding the task (its hold is the task's lease).
        self.held = getattr(backend.broker, "delivered", {}).get(task_id)
        self._cancel_asked = False
        self._version = 0
        self._written = 0
        self._lock = asyncio.Lock()

    async def run(self) -> Any:
        index = self.backend.index
        if index is None:  # no Redis to claim in
            return await self._run_loaded(await self._load())
        key, holder = claims.attempt_key(self.task_id, self.run_label), claims.new_holder()
        async with index.client() as redis:
            state = await self._claimed(redis, key, holder)
            keeper = asyncio.get_running_loop().create_task(self._keep(redis, key, holder))
            try:
                return await self._run_loaded(state)
            finally:
                keeper.cancel()

    async def _claimed(self, redis: Any, key: str, holder: str) -> str:
        """The record's state once this delivery holds the claim of the task's publication
        (``claims``): a delivery of a message another worker runs (reclaimed from a worker
        that stalled) waits until that one ends or vanishes (its claim expires), held."""
        waiting = False
        while True:
            claimed = await self._claim(redis, key, holder)
            state = await self._load()
            if claimed or state in _FINAL:
                return state
            if not waiting:
                logger.warning(
                    "Task %s (%s) delivered again while another worker runs it: waiting for "
                    "that one to end, or for its worker to vanish",
                    self.task_id,
                    self.name,
                )
                waiting = True
            await anyio.sleep(claims.WAIT_POLL)

    async def _claim(self, redis: Any, key: str, holder: str) -> bool:
        backoff = 0.5
        while True:  # as ``_load``: Redis away, the delivery waits, held
            try:
                return await claims.aclaim(redis, key, holder)
            except Exception as exc:
                if backoff == 0.5:
                    logger.warning("Task %s: claim not taken (retrying): %s", self.task_id, exc)
                await anyio.sleep(backoff)
                backoff = min(backoff * 2, 10.0)

    async def _keep(self, redis: Any, key: str, holder: str) -> None:
        """Refresh the claim while this delivery runs (best effort, again shortly)."""
        while True:
            await anyio.sleep(claims.REFRESH_EVERY)
            try:
                await claims.arefresh(redis, key, holder)
            except Exception:
                continue

    async def _run_loaded(self, state: str) -> Any:
        if state in _FINAL:
            raise NoResultError()  # delivered again after it ended (or cancelled while queued)
        attempt = max(1, int(self.record["attempt"]))
        if state == STARTED:
            self._taken_over(attempt)
        elif state == RETRY:
            attempt += 1
        if not await self._wait_for(self.info.get("after")) or not await self._wait_until(
            self.record.get("next_attempt_at") or self.info.get("not_before")
        ):
            return await self._cancelled(attempt, 0.0)
        func = codec.resolve(self.name)
        args, kwargs = codec.decode_arguments(func, self.payload)
        return await self._attempts(func, args, kwargs, attempt)

    async def _load(self) -> str:
        backoff = 0.5
        while True:  # a task is not given up because Redis is away: it waits, held
            try:
                found = await self.backend.read(self.task_id)
                break
            except Exception as exc:
                if backoff == 0.5:
                    logger.warning("Task %s: record unreadable (retrying): %s", self.task_id, exc)
                await anyio.sleep(backoff)
                backoff = min(backoff * 2, 10.0)
        if found is None:
            return QUEUED  # its record expired or was never written: start afresh
        state, record, _, _ = found
        if str(record.get("run", "1")) != self.run_label:
            return QUEUED if state != CANCELLED else state
        self.record = record
        return state

    def _taken_over(self, attempt: int) -> None:
        """The record shows a running attempt: its worker died (this message was reclaimed
        once its hold ended). The attempt runs again here, not counted against the retry
        policy; logged and recorded in the stores' words."""
        lost = self.record.get("worker")
        takeovers = int(self.record.get("takeovers", 0)) + 1
        self.record["takeovers"] = takeovers
        self.record["reason"] = takeover_reason(TaskState.running, lost, time.time())
        self._keep_error(attempt, WORKER_LOST, lost)
        logger.warning(
            "Background task %s (%s) taken over by worker %s from worker %s, which vanished "
            "(its lease expired); attempt %d, takeover %d (takeovers do not count against "
            "max_attempts=%d)",
            self.task_id,
            self.name,
            self.worker,
            lost,
            int(self.record.get("attempts", 0)) + 1,
            takeovers,
            int(self.record["max_attempts"]),
        )

    def _keep_error(self, attempt: int, error: str, worker: Any) -> None:
        """Keep an attempt's error in the record's history (the latest ten)."""
        entry = {"attempt": attempt, "error": error, "worker": worker, "at": time.time()}
        errors = [*self.record.get("errors", ()), entry]
        self.record["errors"] = errors[-MAX_ATTEMPT_ERRORS:]

    async def _attempts(self, func: Any, args: Any, kwargs: Any, attempt: int) -> Any:
        retry = _retry_policy(self.info)
        while True:
            started = time.monotonic()
            self.record.update(
                attempt=attempt, started_at=time.time(), worker=self.worker, next_attempt_at=None
            )
            self.record["message"] = list(self.held) if self.held else None
            self.record["attempts"] = int(self.record.get("attempts", 0)) + 1
            await self._write(STARTED)
            log_start(self.task_id, self.name, attempt, retry.attempts)
            running = RunningTask(self.task_id, self.name, attempt, self._report)
            watcher = asyncio.get_running_loop().create_task(self._watch_cancel(running))
            try:
                value = await call_task(
                    func, args, kwargs, running, timeout=self.info.get("timeout")
                )
            except TaskCancelled:
                return await self._cancelled(attempt, time.monotonic() - started)
            except Exception as exc:
                if self._cancel_asked:  # not a timeout's telling: a cancel request
                    self.record["error"] = error_text(exc)
                    return await self._cancelled(attempt, time.monotonic() - started)
                self._keep_error(attempt, error_text(exc), self.worker)
                if not retry.retries(exc, attempt):
                    await self._failed(func, attempt, exc, time.monotonic() - started)
                wait = retry.wait_before(attempt)
                self.record.update(error=error_text(exc), next_attempt_at=time.time() + wait)
                await self._write(RETRY)
                log_retry(self.task_id, self.name, attempt, wait, exc)
                if not await self._wait_until(self.record["next_attempt_at"]):
                    return await self._cancelled(attempt, 0.0)
                attempt += 1
                continue
            finally:
                watcher.cancel()
            if self._cancel_asked:  # cancelled while it ran: cancelled, whatever it returned
                return await self._cancelled(attempt, time.monotonic() - started)
            shown = self._shown(value)
            self.record.update(finished_at=time.time(), result=shown)
            await self._write(SUCCESS)
            log_success(
                self.task_id, self.name, attempt, retry.attempts, time.monotonic() - started
            )
            return shown

    async def _failed(self, func: Any, attempt: int, exc: Exception, took: float) -> None:
        self.record.update(error=error_text(exc), finished_at=time.time())
        await self._write(FAILURE)
        log_failure(self.task_id, self.name, attempt, exc, took)
        hook = policy_of(func).on_failure
        await call_on_failure(hook, self.backend.get, self.task_id, exc)
        raise TaskError(error_text(exc)) from exc

    async def _cancelled(self, attempt: int, took: float) -> None:
        self.record["finished_at"] = time.time()
        await self._write(CANCELLED)
        log_cancelled(self.task_id, self.name, attempt, took)
        raise NoResultError()  # the record says cancelled; no result to store

    async def _cancel_requested(self) -> bool:
        try:
            marker = await self.backend.broker.result_backend.get_progress(cancel_key(self.task_id))
        except Exception:
            return False  # looked at again shortly
        return marker is not None and marker.state == CANCELLED

    async def _watch_cancel(self, running: RunningTask) -> None:
        while not await self._cancel_requested():
            await anyio.sleep(CANCEL_POLL)
        self._cancel_asked = True
        running.cancel()

    def _shown(self, value: Any) -> Any:
        """The return value as the status shows it; one JSON cannot carry is logged and
        left out (the task still succeeds)."""
        try:
            encoded = codec.encode_result(value)
        except TypeError as exc:
            log_unstorable_result(self.task_id, self.name, exc)
            return None
        return None if encoded is None else json.loads(encoded)

    async def _wait_for(self, before: str | None) -> bool:
        """Wait until the task queued before this one in its response has ended (its
        retries included), as a store runs a response's tasks; False once this one was
        cancelled meanwhile."""
        while before is not None:
            if await self._cancel_requested():
                return False
            try:
                found = await self.backend.read(before)
            except Exception:
                found = ("", {}, None, False)  # looked at again shortly
            if found is None or found[0] in _FINAL or found[2] is not None:
                return True
            await anyio.sleep(CANCEL_POLL)
        return True

    async def _wait_until(self, due: float | None) -> bool:
        """Sleep until ``due`` (a delay, a schedule or a retry's wait); False once the task
        was cancelled meanwhile."""
        while True:
            if await self._cancel_requested():
                return False
            left = (due or 0.0) - time.time()
            if left <= 0:
                return True
            await anyio.sleep(min(left, 1.0))

    def _report(self, task_id: str, progress: TaskProgress) -> None:
        """``current_task().progress(...)``, from the task's thread or loop: written in the
        background, best effort (a result backend that fails does not fail the task)."""
        self.record["progress"] = progress.model_dump()
        self.backend.owner.spawn(self._store(self._next(), STARTED, dict(self.record), quiet=True))

    def _next(self) -> int:
        self._version += 1
        return self._version

    async def _write(self, state: str) -> None:
        """Write the record as it is now (an ended task has no takeover reason left)."""
        if state in _FINAL:
            self.record["reason"] = None
        await self._store(self._next(), state, dict(self.record))

    async def _store(
        self, version: int, state: str, snapshot: dict[str, Any], *, quiet: bool = False
    ) -> None:
        """Write one snapshot of the record; one overtaken by a later write is dropped."""
        async with self._lock:
            backoff = 0.5
            while version >= self._written:
                try:
                    await self.backend.write(self.task_id, state, snapshot)
                except Exception as exc:
                    if quiet:
                        logger.warning("Progress of task %s not recorded: %s", self.task_id, exc)
                        return
                    # A step of the task's life is never skipped: retried until written
                    # (the message stays held meanwhile, so no other worker runs it).
                    if backoff == 0.5:
                        logger.warning(
                            "Task %s: its %s record could not be written (retrying): %s",
                            self.task_id,
                            state,
                            exc,
                        )
                    await anyio.sleep(backoff)
                    backoff = min(backoff * 2, 10.0)
                    continue
                self._written = version
                return


def _retry_policy(info: dict[str, Any]) -> Retry:
    options = dict(info["retry"])
    on: tuple[Any, ...] = tuple(codec.resolve(ref) for ref in options.pop("on", []))
    return Retry(**options, on=on or (Exception,))
