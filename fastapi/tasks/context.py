"""The task being run, reachable from anywhere in its code: ``current_task().progress(...)``."""

from __future__ import annotations

import asyncio
import contextvars
import time
from collections.abc import Callable
from typing import Any

from fastapi.tasks.records import TaskProgress

_current: contextvars.ContextVar[RunningTask | None] = contextvars.ContextVar(
    "fastapi_current_task", default=None
)


class TaskCancelled(Exception):
    """An attempt ended because its task was cancelled (not a failure: no retry, no hook)."""


class RunningTask:
    """A handle on the running task, for the task's own code."""

    __slots__ = ("_cancel_scope", "_cancelled", "_last_write", "_report", "attempt", "id", "name")

    def __init__(
        self, task_id: str, name: str, attempt: int, report: Callable[[str, TaskProgress], Any]
    ) -> None:
        self.id = task_id
        self.name = name
        self.attempt = attempt
        self._report = report
        self._last_write = 0.0
        self._cancelled = False
        self._cancel_scope: Any = None

    @property
    def cancelled(self) -> bool:
        """True once ``cancel(id)`` was asked for this task (or its timeout passed): a sync
        task checks it between steps and returns early; an async one is also cancelled at
        its next ``await``."""
        return self._cancelled

    def cancel(self) -> None:
        """Ask the task to stop (the runtime calls this; from any thread, idempotent)."""
        self._cancelled = True
        attached = self._cancel_scope
        if attached is not None:
            loop, scope = attached
            try:
                running = asyncio.get_running_loop()
            except RuntimeError:
                running = None
            if running is loop:
                scope.cancel()
            else:
                loop.call_soon_threadsafe(scope.cancel)

    def attach(self, scope: Any) -> None:
        """The cancel scope of an async task's call (on the running loop), for ``cancel()``."""
        self._cancel_scope = (asyncio.get_running_loop(), scope)
        if self._cancelled:
            scope.cancel()

    def progress(self, done: int, total: int | None = None, message: str | None = None) -> None:
        """Report how far the task has got; readable through its status record.

        Frequent calls are cheap: durable stores are written at most every 0.2 s, and always
        when ``done`` reaches ``total``.
        """
        now = time.monotonic()
        final = total is not None and done >= total
        if not final and now - self._last_write < 0.2:
            return
        self._last_write = now
        self._report(self.id, TaskProgress(done=done, total=total, message=message))


def current_task() -> RunningTask:
    """The background task this code runs in (``LookupError`` outside of one)."""
    running = _current.get()
    if running is None:
        raise LookupError("current_task() called outside of a background task")
    return running


def running_as(task: RunningTask) -> contextvars.Token[RunningTask | None]:
    return _current.set(task)


def reset(token: contextvars.Token[RunningTask | None]) -> None:
    _current.reset(token)
