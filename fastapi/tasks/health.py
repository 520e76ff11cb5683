"""Whether the task store answers: one WARNING when it stops, one INFO when it is back.

Every store call of the worker loops, the lease renewer, the pruner and the request path
reports here, so an outage is logged once, however many calls fail during it; the loops wait
between attempts with a capped exponential backoff and resume by themselves.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import TYPE_CHECKING, Any

import anyio
import anyio.to_thread

from fastapi.tasks.store import Release, StoreCall, TaskStore

if TYPE_CHECKING:  # pragma: no cover
    from fastapi.tasks.writer import StoreWriter

logger = logging.getLogger("fastapi")


class StoreHealth:
    """The reachability of one store, as the calls made to it found it.

    It is back once a call succeeds with no failure in the last ``settle`` seconds, so a
    store that fails some calls and answers others (a full disk) is one outage, not many.
    """

    def __init__(self, store: Any, settle: float = 1.0) -> None:
        self.store = store
        self.settle = settle
        self.reachable = True
        self._last_failure = 0.0
        self._lock = threading.Lock()  # progress reports come from task threads

    def failed(self, exc: BaseException) -> None:
        with self._lock:
            was_reachable, self.reachable = self.reachable, False
            self._last_failure = time.monotonic()
        if was_reachable:
            logger.warning(
                "Task store %r is unavailable (%s: %s); background tasks wait and are retried "
                "until it is back",
                self.store,
                type(exc).__name__,
                exc,
            )

    def succeeded(self) -> None:
        if self.reachable:
            return
        with self._lock:
            if self.reachable or time.monotonic() - self._last_failure < self.settle:
                return
            self.reachable = True
        logger.info("Task store %r is available again", self.store)


class Backoff:
    """Waits between the attempts of one loop: doubling from ``first`` up to ``cap``."""

    def __init__(self, first: float = 0.1, cap: float = 5.0) -> None:
        self.first = first
        self.cap = cap
        self._next = first

    def reset(self) -> None:
        self._next = self.first

    async def wait(self, stopping: anyio.Event | None = None) -> None:
        """Sleep the next wait (cut short when ``stopping`` is set)."""
        delay, self._next = self._next, min(self.cap, self._next * 2)
        if stopping is None:
            await anyio.sleep(delay)
            return
        with anyio.move_on_after(delay):
            await stopping.wait()


async def write_until_stored(
    writer: StoreWriter, health: StoreHealth, call: StoreCall, cap: float
) -> Any:
    """Make a write that must not be lost, trying again (backing off up to ``cap`` seconds
    between attempts) until the store takes it; its result."""
    backoff = Backoff(cap=cap)
    while True:
        try:
            result = await writer.write(call)
        except Exception as exc:
            health.failed(exc)
            await backoff.wait()
            continue
        health.succeeded()
        return result


async def give_back(writer: StoreWriter, health: StoreHealth, call: Release, limit: float) -> None:
    """Release a task not run to its end (shielded, at most ``limit`` seconds): if the store
    cannot take it, the task's lease expires and another worker takes it."""
    with anyio.CancelScope(shield=True), anyio.move_on_after(limit):
        try:
            await writer.write(call)
        except Exception as exc:
            health.failed(exc)


async def warn_if_not_durable(store: TaskStore) -> None:
    """One WARNING if the store says it may lose what it is given (asked once it answers)."""
    backoff = Backoff(first=1.0, cap=30.0)
    while True:
        try:
            problem = await anyio.to_thread.run_sync(store.durability_problem)
        except Exception:
            await backoff.wait()
            continue
        if problem:
            logger.warning("Task store %r: %s", store, problem)
        return
