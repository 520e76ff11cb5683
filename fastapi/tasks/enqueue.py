"""Enqueueing outside a request: ``app.tasks.enqueue(func, ...)`` from a script, a cron
job, another task, sync or async code.

The task is queued exactly as ``add_task`` queues it (same policies, options, refusal of
what cannot be stored), then handed to the app's backend at once instead of at a response:

- durable: stored, due now (or at its time), for the workers of any process;
- in memory: run in the background on the running app's event loop (so only while the app
  runs; there is nowhere else to run it).

With an event loop running in the calling thread, storing starts on it and the returned
handle can be awaited; without one (a script, a sync endpoint or task in its thread), the
call blocks until the task is stored (or raises ``TaskStoreError``).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from typing_extensions import ParamSpec

from fastapi.background import BackgroundTasks, EnqueuedTask, QueuedTask
from fastapi.tasks.policy import Retry

if TYPE_CHECKING:  # pragma: no cover
    from fastapi.tasks.runtime import TaskRuntime

P = ParamSpec("P")


class Enqueuer:
    """``app.tasks.options(delay=60, dedupe_key=...).enqueue(func, ...)``."""

    def __init__(self, runtime: TaskRuntime, options: dict[str, Any]) -> None:
        self._runtime = runtime
        self._options = options

    def enqueue(self, func: Callable[P, Any], *args: P.args, **kwargs: P.kwargs) -> EnqueuedTask:
        """Queue ``func(*args, **kwargs)`` now, outside any response."""
        group = BackgroundTasks(intake=self._runtime, detached=True)
        group.options(**self._options).add_task(func, *args, **kwargs)
        queued = group.queued(0)
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            self._hand_over_blocking(group, queued)
            return EnqueuedTask(queued.id, queued.name)
        storing = loop.create_task(hand_over(self._runtime, group, queued))
        storing.add_done_callback(_retrieve)  # its failure is logged where it happens
        return EnqueuedTask(queued.id, queued.name, storing)

    def _hand_over_blocking(self, group: BackgroundTasks, queued: QueuedTask) -> None:
        runtime = self._runtime
        lane = runtime.lane_of(queued)
        submit_blocking = getattr(lane, "submit_blocking", None)
        if lane.durable and submit_blocking is not None:
            submit_blocking(queued)
            return
        loop = runtime.loop
        if loop is None or loop.is_closed():
            raise RuntimeError(
                f"Cannot enqueue {queued.name}: this app keeps its background tasks in memory, "
                "so they run only inside the running app. Enqueue while it runs (from a "
                "request, a task or its lifespan), or give it a store, e.g. "
                'FastAPI(tasks="sqlite:///tasks.db"), to enqueue from anywhere.'
            )
        asyncio.run_coroutine_threadsafe(hand_over(runtime, group, queued), loop).result()


async def hand_over(runtime: TaskRuntime, group: BackgroundTasks, queued: QueuedTask) -> None:
    """Give an enqueued task to its backend: stored for the workers, or (in memory) run in
    the background on this loop."""
    lane = runtime.lane_of(queued)
    await lane.submit([queued])
    if lane.durable:
        wake = getattr(lane, "wake_workers", None)
        if wake is not None:
            wake()
        return
    runtime.keep(asyncio.get_running_loop().create_task(runtime.run_group(group)))


def _retrieve(done: asyncio.Task[None]) -> None:
    if not done.cancelled():
        done.exception()


def enqueue_options(
    *,
    delay: float | timedelta | None = None,
    at: datetime | float | None = None,
    retry: Retry | None = None,
    timeout: float | timedelta | None = None,
    dedupe_key: str | None = None,
    name: str | None = None,
    durable: bool | None = None,
) -> dict[str, Any]:
    """The options ``add_task`` takes per call, for ``app.tasks.options(...)``."""
    return {
        "delay": delay,
        "at": at,
        "retry": retry,
        "timeout": timeout,
        "dedupe_key": dedupe_key,
        "name": name,
        "durable": durable,
    }
