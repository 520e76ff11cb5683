"""Where sync task functions run: worker threads of their own, never the request path's.

Sync endpoints and dependencies run in one family of worker threads, sync background task
attempts in another (``fastapi._core.execute.threads``), each as large as AnyIO's default
thread limiter (40) per event loop: however many sync tasks block, requests still find
their threads; tasks beyond the 40 wait for one (an in-memory one stays ``pending``).

A sync function cannot be interrupted. An attempt given up while its function runs (its
timeout passed, or shutdown came past its grace) leaves the function running in its thread:
that is logged (WARNING, with the task's id), the thread keeps its place among the task
threads until the function returns (logged again then), and ``current_task().cancelled``
is true for it. An attempt given up before its function started never starts.
"""

from __future__ import annotations

import asyncio
import contextvars
import functools
import logging
import threading
import time
from collections.abc import Callable
from typing import Any

import anyio
import anyio.to_thread

from fastapi._core.execute.threads import ThreadFamily, thread_limit
from fastapi.tasks.context import RunningTask

logger = logging.getLogger("fastapi")

#: What gives up an attempt but its timeout: the awaiting side cancelled (shutdown past grace).
SHUTDOWN = "was stopped by shutdown"

#: Sync task attempts' threads (named so in thread dumps and log lines).
tasks = ThreadFamily(thread_limit, "fastapi task thread")


class _Attempt:
    """One sync call in a task thread, and what each side knows of the other: whether the
    function started, whether it returned, whether the awaiting side gave up on it."""

    __slots__ = ("_lock", "abandoned", "call", "finished", "given_up", "running", "started", "who")

    def __init__(
        self, call: Callable[[], Any], running: RunningTask | None, who: Callable[[], str]
    ) -> None:
        self.call = call
        self.running = running
        self.who = who  # the task's id and name, for the log (made only if logged)
        self._lock = threading.Lock()
        self.started = False
        self.finished = False
        self.abandoned = False
        self.given_up = 0.0

    def __call__(self) -> Any:  # in the task thread
        with self._lock:
            if self.abandoned:
                return None  # given up before it started: it never runs
            self.started = True
        try:
            return self.call()
        finally:
            with self._lock:
                self.finished = True
                late = self.abandoned
            if late:
                self._log_returned()

    def abandon(self, why: str) -> bool:
        """On the loop, when the awaiting side stops waiting: whether the function runs on
        in its thread (told through ``current_task().cancelled``, said in the log with
        ``why``)."""
        with self._lock:
            self.abandoned = True
            self.given_up = time.monotonic()
            left_running = self.started and not self.finished
        if left_running:
            if self.running is not None:
                self.running.cancel()
            logger.warning(
                "Background task %s %s, but its function still runs in its thread "
                "(Python cannot stop a thread; current_task().cancelled is true): the thread "
                "stays one of the task threads until the function returns",
                self.who(),
                why,
            )
        return left_running

    def _log_returned(self) -> None:
        logger.warning(
            "Background task %s: the function left running in its thread returned, "
            "%.1fs after its attempt was given up; the thread is free again",
            self.who(),
            time.monotonic() - self.given_up,
        )


async def run_attempt(
    func: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any], running: RunningTask
) -> Any:
    """A sync attempt without a timeout, in a task thread: waited for until it returns,
    unless the awaiting side is cancelled (shutdown past its grace): it is then left."""
    call = functools.partial(func, *args, **kwargs)
    return await _waited(_Attempt(call, running, functools.partial(_who, running)))


async def run_in_task_thread(func: Callable[..., Any], *args: Any, who: Callable[[], str]) -> Any:
    """``func(*args)`` in a task thread (a batch of plain sync tasks, ``who()`` naming them
    for the log), as ``run_attempt`` runs one."""
    return await _waited(_Attempt(functools.partial(func, *args), None, who))


async def run_attempt_within(
    func: Callable[..., Any],
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
    running: RunningTask,
    timeout: float,
) -> Any:
    """A sync attempt with a timeout: past it, ``TimeoutError``, and the function, if it
    started, is told (``current_task().cancelled``) and left to end in its thread."""
    call = functools.partial(func, *args, **kwargs)
    attempt = _Attempt(call, running, functools.partial(_who, running))
    scope = anyio.move_on_after(timeout)

    def why() -> str:
        return f"timed out after {timeout:g}s" if scope.cancel_called else SHUTDOWN

    with scope:
        return await _waited(attempt, why)
    running.cancel()  # told, if it still runs: it sees current_task().cancelled
    raise TimeoutError(f"the task took longer than its timeout of {timeout:g}s")


def _who(running: RunningTask) -> str:
    return f"{running.id} ({running.name})"


async def _waited(attempt: _Attempt, why: Callable[[], str] = lambda: SHUTDOWN) -> Any:
    """The attempt's result; cancelled, the function (if it runs) is told and left to end,
    ``why()`` saying what gave it up (a timeout, or shutdown)."""
    try:
        return await _in_task_thread(attempt)
    except BaseException:
        if not attempt.finished:
            attempt.abandon(why())
        raise


async def _in_task_thread(attempt: _Attempt) -> Any:
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:  # not asyncio (trio): AnyIO's threads, left when cancelled
        call = functools.partial(contextvars.copy_context().run, attempt)
        return await anyio.to_thread.run_sync(call, abandon_on_cancel=True)
    return await tasks.pool(loop).run_or_leave(attempt)
