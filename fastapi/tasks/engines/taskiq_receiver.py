"""Taskiq workers inside an app's processes: what ``tasks="redis://..."`` runs by default.

A ``redis://`` app runs its tasks as a ``sqlite:///`` one does, without a second command:
each app process (and ``fastapi worker``) receives from the taskiq stream while the app's
lifespan lasts, ``concurrency`` tasks at a time, through taskiq's own ``Receiver`` (the
message is acknowledged once the task ran, as in a ``taskiq worker``). It runs on the
backend's owner loop, where the broker's connections live, so the app's own event loop only
serves requests. On shutdown it stops receiving and gives running tasks ``shutdown_grace``
seconds; a task still running then keeps its message unacknowledged, and another worker
takes it over once its idle time passes the lease.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import logging
from typing import TYPE_CHECKING, Any

from taskiq.receiver import Receiver

if TYPE_CHECKING:  # pragma: no cover
    from fastapi.tasks.engines.taskiq import TaskiqBackend

logger = logging.getLogger("fastapi.tasks")

#: Seconds between two starts of a receiver that stopped on an error (capped backoff).
RESTART_CAP = 10.0


class InAppWorkers:
    """Taskiq's receiver for one backend, started and stopped with the app's lifespan."""

    def __init__(self, backend: TaskiqBackend, concurrency: int, grace: float) -> None:
        self.backend = backend
        self.concurrency = concurrency
        self.grace = grace
        self._finish = asyncio.Event()
        self._serving: concurrent.futures.Future[None] | None = None
        self._running: set[asyncio.Task[Any]] = set()

    def start(self) -> None:
        """Start receiving on the owner loop (returns at once)."""
        loop = self.backend.owner.loop()
        self._finish = asyncio.Event()
        self._serving = asyncio.run_coroutine_threadsafe(self._serve(), loop)

    async def stop(self) -> None:
        """Stop receiving; wait at most ``grace`` seconds for the running tasks, then cancel
        them (their messages stay held: another worker takes them over after the lease)."""
        serving = self._serving
        if serving is None:
            return
        self._serving = None
        loop = self.backend.owner.loop()
        loop.call_soon_threadsafe(self._finish.set)
        try:
            # Past the grace, the receiver's read in progress ends too (a 2 s block).
            await asyncio.wait_for(asyncio.shield(asyncio.wrap_future(serving)), self.grace + 5)
        except (asyncio.TimeoutError, Exception):
            serving.cancel()
        await self.backend.owner.run(self._stop_consuming())

    async def _stop_consuming(self) -> None:
        for running in list(self._running):
            running.cancel()
        stop = getattr(self.backend.broker, "stop_consuming", None)
        if stop is not None:
            await stop()

    async def _serve(self) -> None:
        finish = self._finish
        backoff = 0.5
        while not finish.is_set():
            try:
                await self.backend.start_client()
                consume = getattr(self.backend.broker, "consume", None)
                if consume is not None:
                    await consume()
                receiver = _TrackingReceiver(
                    self._running,
                    self.backend.broker,
                    run_startup=False,
                    max_async_tasks=self.concurrency,
                    wait_tasks_timeout=self.grace,
                )
                await receiver.listen(finish)
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # a receiver never stops for good: started again
                logger.warning("Taskiq receiver stopped (restarting): %s", _text(exc))
                with contextlib.suppress(asyncio.TimeoutError):
                    await asyncio.wait_for(finish.wait(), backoff)
                backoff = min(backoff * 2, RESTART_CAP)


class _TrackingReceiver(Receiver):
    """Taskiq's receiver, keeping the tasks it runs in ``running`` (cancelled at shutdown,
    once the grace is over: taskiq's own receiver leaves them running)."""

    def __init__(self, running: set[asyncio.Task[Any]], *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.running = running

    async def callback(self, *args: Any, **kwargs: Any) -> None:
        current = asyncio.current_task()
        if current is not None:
            self.running.add(current)
        try:
            await super().callback(*args, **kwargs)
        finally:
            self.running.discard(current)  # type: ignore[arg-type]


def _text(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"
