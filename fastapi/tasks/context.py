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

    __slots__ = (
        "_cancelled",
        "_delivered",
        "_last_write",
        "_report",
        "_target",
        "attempt",
        "id",
        "name",
    )

    def __init__(
        self, task_id: str, name: str, attempt: int, report: Callable[[str, TaskProgress], Any]
    ) -> None:
        self.id = task_id
        self.name = name
        self.attempt = attempt
        self._report = report
        self._last_write = 0.0
        self._cancelled = False
        self._delivered = False
        #: (loop, what to cancel: an anyio cancel scope or the asyncio task awaiting the call)
        self._target: tuple[asyncio.AbstractEventLoop, Any] | None = None

    @property
    def cancelled(self) -> bool:
        """True once ``cancel(id)`` was asked for this task (or its timeout passed): a sync
        task checks it between steps and returns early; an async one is also cancelled at
        its next ``await``."""
        return self._cancelled

    def cancel(self) -> None:
        """Ask the task to stop (the runtime calls this; from any thread, idempotent)."""
        self._cancelled = True
        target = self._target
        if target is None:
            return
        loop = target[0]
        try:
            here = asyncio.get_running_loop()
        except RuntimeError:
            here = None
        if here is loop:
            self._deliver()
        else:
            loop.call_soon_threadsafe(self._deliver)

    def _deliver(self) -> None:
        """On the call's loop: cancel what is awaiting the call, if it still is."""
        target = self._target
        if target is None or self._delivered:
            return
        self._delivered = True
        target[1].cancel()

    def attach(self, target: Any, loop: asyncio.AbstractEventLoop | None = None) -> None:
        """What ``cancel()`` cancels while the async call runs: a cancel scope, or the
        asyncio task awaiting it (cheaper than a scope: nothing to set up per call), on
        ``loop`` (the running one when not given)."""
        self._target = (loop or asyncio.get_running_loop(), target)
        if self._cancelled:
            self._deliver()

    def attach_task(self, task: asyncio.Task[Any], loop: asyncio.AbstractEventLoop) -> None:
        """``attach`` for the asyncio task awaiting the call, on its loop (the common case:
        known by the caller, nothing to look up)."""
        self._target = (loop, task)
        if self._cancelled:
            self._deliver()

    def detach(self) -> bool:
        """The call has ended: nothing to cancel any more. Whether a cancel was delivered."""
        self._target = None
        delivered, self._delivered = self._delivered, False
        return delivered

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


#: ``running_as(task)`` makes ``task`` what ``current_task()`` answers; ``reset(token)`` undoes
#: it. The context variable's own methods: no call in between, on every task's path.
running_as: Callable[[RunningTask | None], contextvars.Token[RunningTask | None]] = _current.set
reset: Callable[[contextvars.Token[RunningTask | None]], None] = _current.reset
