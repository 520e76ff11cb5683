"""The one Celery task (``fastapi.run``), as a Celery worker runs it.

It resolves the function by its import name, decodes the JSON arguments with the stores'
codec and calls it as ``call_task`` does everywhere (``current_task()``, async functions on
an event loop of their own, the per-attempt timeout). Around the call it keeps the task's
record true: a task cancelled or already succeeded is not run (a redelivered message, a
revoked one), a start after a vanished worker is logged and counted as a takeover, a cancel
asked while it runs reaches it through the result backend, and each failed attempt's error
is kept.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import os
import threading
import time
from collections.abc import Awaitable, Callable
from typing import Any

from celery import Task
from celery.exceptions import Ignore

from fastapi.tasks import codec
from fastapi.tasks.context import RunningTask, TaskCancelled
from fastapi.tasks.engines import claims
from fastapi.tasks.engines.celery_index import TaskIndex
from fastapi.tasks.engines.celery_meta import (
    KEPT_ERRORS,
    PROGRESS,
    TaskError,
    call_of,
    cancel_key,
    status_from_meta,
)
from fastapi.tasks.inline import call_on_failure, call_task, error_text
from fastapi.tasks.policy import Retry, policy_of
from fastapi.tasks.records import TaskProgress

logger = logging.getLogger("fastapi.tasks")

#: How often a running task's worker looks for a cancel asked from elsewhere (seconds).
CANCEL_POLL = 0.5


class CancelWatch:
    """One thread per worker process that looks after the tasks running in it: every
    ``CANCEL_POLL`` seconds, one ``MGET`` of their cancel keys (a task whose key is set is
    told, ``RunningTask.cancel``, and remembered as cancelled) and one refresh of their
    attempts' claims (``claims``)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._running: dict[str, tuple[Any, RunningTask]] = {}
        self._claims: dict[str, tuple[str, str]] = {}
        self._asked: set[str] = set()
        self._pid = 0  # the process whose thread runs: a forked child starts its own

    def start(self, app: Any, running: RunningTask, claim: tuple[str, str] | None) -> None:
        if not hasattr(app.backend, "mget"):
            return  # not a key-value result backend: a running task cannot be told
        with self._lock:
            self._running[running.id] = (app, running)
            if claim is not None:
                self._claims[running.id] = claim
            if self._pid != os.getpid():
                self._pid = os.getpid()
                threading.Thread(target=self._watch, daemon=True, name="cancel-watch").start()

    def stop(self, task_id: str) -> bool:
        """The task's attempt ended: whether a cancel reached it."""
        with self._lock:
            self._running.pop(task_id, None)
            self._claims.pop(task_id, None)
            if task_id in self._asked:
                self._asked.discard(task_id)
                return True
            return False

    def _watch(self) -> None:
        while True:
            time.sleep(CANCEL_POLL)
            with self._lock:
                running = list(self._running.values())
                held = list(self._claims.values())
            if running:
                try:
                    self._look(running, held)
                except Exception:  # the result backend is down: look again later
                    continue

    def _look(self, running: list[tuple[Any, RunningTask]], held: list[tuple[str, str]]) -> None:
        backend = running[0][0].backend  # this thread's instance of the app's result backend
        if held:
            claims.refresh(backend.client, held)
        asked = backend.mget([cancel_key(task.id) for _, task in running])
        for (_, task), flag in zip(running, asked, strict=True):
            if flag:
                with self._lock:
                    if task.id not in self._running:
                        continue
                    self._asked.add(task.id)
                task.cancel()


WATCH = CancelWatch()
_loops = threading.local()


def run_on_worker_loop(call: Callable[[], Awaitable[Any]]) -> Any:
    """Run ``call()`` on this worker thread's event loop, made once and kept: a loop made
    and closed for every task (``anyio.run``) costs more than the no-op task itself."""
    loop = getattr(_loops, "loop", None)
    if loop is None or loop.is_closed():
        loop = _loops.loop = asyncio.new_event_loop()
    return loop.run_until_complete(call())


def cancel_asked(backend: Any, task_id: str) -> bool:
    try:
        return bool(backend.get(cancel_key(task_id))) if hasattr(backend, "get") else False
    except Exception:
        return False


def _until_read(read: Callable[[], Any], task_id: str) -> Any:
    """``read()``, retried with a capped backoff while the result backend is unreachable
    (one warning, one line when back): a task is not started, nor its message dropped,
    before its record could be read."""
    wait = 0.25
    warned = False
    while True:
        try:
            found = read()
        except Exception as exc:
            if not warned:
                logger.warning(
                    "Task %s waits for the result backend (retrying): %s", task_id, error_text(exc)
                )
                warned = True
            time.sleep(wait)
            wait = min(wait * 2, 5.0)
            continue
        if warned:
            logger.info("Task %s: the result backend answers again", task_id)
        return found


def _record_and_cancel(backend: Any, task_id: str) -> tuple[dict[str, Any], bool]:
    """The task's record and whether a cancel was asked: one ``MGET`` where it can."""
    if not hasattr(backend, "mget"):
        return backend.get_task_meta(task_id, cache=False), cancel_asked(backend, task_id)
    record, asked = backend.mget([backend.get_key_for_task(task_id), cancel_key(task_id)])
    if not record:
        return {"status": "PENDING", "result": None}, bool(asked)
    meta: dict[str, Any] = backend.decode_result(record)
    return meta, bool(asked)


def _retry_policy(info: dict[str, Any]) -> Retry:
    options = dict(info["retry"])
    on: tuple[Any, ...] = tuple(codec.resolve(ref) for ref in options.pop("on", []))
    return Retry(**options, on=on or (Exception,))


def _report(task: Task, request: Any, task_id: str, progress: TaskProgress) -> None:
    """Progress is best effort: a result backend that fails does not fail the task. The
    attempt's ``request`` is passed along: a sync function reports from a thread of its
    own, where Celery's (thread-local) current request is empty, and a record stored
    without the call would read as an unknown task."""
    try:
        meta = {"progress": progress.model_dump()}
        task.backend.store_result(task_id, meta, PROGRESS, request=request)
    except Exception as exc:
        logger.warning("Progress of task %s not recorded: %s", task_id, error_text(exc))


def _ended_cancelled(task: Task) -> Ignore:
    """Record the task cancelled (its call kept) and leave Celery nothing else to store."""
    task.backend.mark_as_revoked(task.request.id, "cancelled", request=task.request)
    return Ignore()


def _add_error(info: dict[str, Any], attempt: int, error: str, worker: str | None) -> None:
    errors = [*info.get("errors", []), {"attempt": attempt, "error": error, "worker": worker}]
    errors[-1]["at"] = time.time()
    info["errors"] = errors[-KEPT_ERRORS:]


def _left_running(meta: dict[str, Any], previous: Any, round_: int) -> dict[str, Any] | None:
    """The record's ``info`` if it shows this very delivery round running: its worker
    vanished, and the broker gave the message to this one."""
    if meta.get("status") not in ("STARTED", PROGRESS) or previous is None:
        return None
    info = previous[2]
    return dict(info) if int(info.get("round", info.get("attempt", 0))) == round_ else None


def begin_attempt(
    task: Task, name: str, payload: str, info: dict[str, Any]
) -> tuple[dict[str, Any], tuple[str, str] | None]:
    """Claim the attempt, check the record, and mark the attempt started in it; the
    ``info`` it runs with and the claim its worker refreshes (None without Redis).

    Raises ``Ignore`` for a task cancelled before it ran, or one a previous delivery already
    finished (a redelivered message). A record left running by this very delivery round
    means its worker vanished: a takeover, logged and counted. ``round`` is the retry
    policy's attempt (Celery's retries + 1); ``attempt``, what the status shows, counts the
    takeovers too.
    """
    request = task.request
    round_ = request.retries + 1
    claim = None
    if TaskIndex.of(task.backend) is not None:  # a Redis result backend: claims there
        claim = (claims.attempt_key(request.id, info.get("run"), round_), claims.new_holder())
    meta = _claimed_record(task, name, info, claim)
    info = dict(info)
    previous = call_of(meta)
    vanished = _left_running(meta, previous, round_)
    if vanished is not None:
        info = _taken_over(vanished, meta.get("worker"), request, name)
    else:
        info.pop("reason", None)
    takeovers = int(info.get("takeovers", 0))
    info.update(round=round_, attempt=round_ + takeovers, started_at=time.time())
    info["worker"] = request.hostname
    info.pop("next_attempt_at", None)
    request.args = [name, payload, info]  # what every state stored from now on carries
    task.update_state(state="STARTED", meta=None)
    return info, claim


def _claimed_record(
    task: Task, name: str, info: dict[str, Any], claim: tuple[str, str] | None
) -> dict[str, Any]:
    """The task's record, read once this delivery holds the attempt's claim (one ``SET
    NX``): a delivery of a message another worker is running (given back by the broker
    while it runs) waits until that one ends (then it is skipped) or vanishes (its claim
    expires, and this one takes over), the message kept meanwhile."""
    request, backend = task.request, task.backend
    waiting = False
    while True:
        claimed = claim is None or _until_read(
            lambda: claims.claim(backend.client, *claim), request.id
        )
        meta, asked = _until_read(lambda: _record_and_cancel(backend, request.id), request.id)
        if meta.get("status") in ("REVOKED", "SUCCESS", "FAILURE"):
            raise Ignore()
        previous = call_of(meta)
        if previous is not None and previous[2].get("run", info.get("run")) != info.get("run"):
            raise Ignore()  # a message of an earlier publication (the task was retried since)
        if claimed and asked:
            raise _ended_cancelled(task)
        if claimed:
            return meta
        if not waiting:
            logger.warning(
                "Task %s (%s) delivered again while another worker runs it: waiting for "
                "that attempt to end, or for its worker to vanish",
                request.id,
                name,
            )
            waiting = True
        time.sleep(claims.WAIT_POLL)


def _taken_over(info: dict[str, Any], gone: str | None, request: Any, name: str) -> dict[str, Any]:
    """The record of an attempt whose worker vanished, as the next attempt starts."""
    lost = int(info.get("attempt", 1))
    info["takeovers"] = int(info.get("takeovers", 0)) + 1
    _add_error(info, lost, f"WorkerLost: worker {gone} vanished during attempt {lost}", gone)
    info["reason"] = (
        f"worker {gone} vanished during attempt {lost}; taken over by {request.hostname}"
    )
    logger.warning(
        "Task %s (%s) taken over: worker %s vanished during attempt %d; now on %s",
        request.id,
        name,
        gone,
        lost,
        request.hostname,
    )
    return info


def run_generic(task: Task, name: str, payload: str, info: dict[str, Any]) -> Any:
    """The Celery task: run ``name`` with its arguments, under its ``@task`` policy."""
    info, claim = begin_attempt(task, name, payload, info)
    task_id = task.request.id
    func = codec.resolve(name)
    args, kwargs = codec.decode_arguments(func, payload)
    retry = _retry_policy(info)
    running = RunningTask(
        task_id, name, info["attempt"], functools.partial(_report, task, task.request)
    )
    call = functools.partial(call_task, func, args, kwargs, running, timeout=info.get("timeout"))
    started = time.monotonic()
    WATCH.start(task.app, running, claim)
    try:
        result = run_on_worker_loop(call)  # sync functions run in a thread, async ones on it
    except TaskCancelled:
        WATCH.stop(task_id)
        raise _ended_cancelled(task) from None
    except Exception as exc:
        if WATCH.stop(task_id):
            raise _ended_cancelled(task) from None
        raise _failed(task, name, info, retry, exc, time.monotonic() - started) from exc
    if WATCH.stop(task_id):  # cancelled while it ran: cancelled, whatever it returned
        raise _ended_cancelled(task)
    return codec.jsonable_result(result)


def _failed(
    task: Task, name: str, info: dict[str, Any], retry: Retry, exc: Exception, took: float
) -> BaseException:
    """What an attempt that raised ends with: a Celery retry, or the task's last error."""
    attempt, round_ = info["attempt"], info["round"]
    error = TaskError(error_text(exc))
    _add_error(info, attempt, str(error), task.request.hostname)
    if retry.retries(exc, round_):
        wait = retry.wait_before(round_)
        info["next_attempt_at"] = time.time() + wait
        logger.warning(
            "Task %s (%s) attempt %d failed, retry in %.1fs: %s",
            task.request.id,
            name,
            attempt,
            wait,
            error,
        )
        return task.retry(
            args=task.request.args,
            exc=error,
            countdown=wait,
            max_retries=retry.attempts - 1,
            throw=False,
        )
    logger.error(
        "Task %s (%s) failed after %d attempt(s) (the last took %.3fs): %s",
        task.request.id,
        name,
        attempt,
        took,
        error,
    )
    _call_on_failure(task, name, info, error, exc)
    return error


def _call_on_failure(
    task: Task, name: str, info: dict[str, Any], error: TaskError, exc: Exception
) -> None:
    """The function's ``on_failure(status, exc)``, with the status the record is about to show."""
    hook = policy_of(codec.resolve(name)).on_failure
    if hook is None:
        return
    meta = {
        "status": "FAILURE",
        "result": error,
        "args": task.request.args,
        "date_done": time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime()),
    }
    status = status_from_meta(task.request.id, meta)
    run_on_worker_loop(
        functools.partial(call_on_failure, hook, lambda _: status, task.request.id, exc)
    )
