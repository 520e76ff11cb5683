"""Group commit: the store writes of concurrent coroutines go to the store together.

Whoever finds no flush under way starts one; each flush takes every write queued so far into
one ``run_batch`` (for SQLite, one transaction and one disk sync; for Redis, one pipelined
round trip) and repeats until the queue is empty. Callers only wait for their own result.
"""

from __future__ import annotations

import asyncio
import weakref
from typing import Any

import anyio.to_thread

from fastapi.tasks.store import AddTasks, Cancel, Claim, Release, StoreCall, TaskStore

_Pending = tuple[StoreCall, "asyncio.Future[Any]"]


class _Queue:
    __slots__ = ("calls", "flushing")

    def __init__(self) -> None:
        self.calls: list[_Pending] = []
        self.flushing: asyncio.Task[None] | None = None


class StoreWriter:
    """Writes to one store, batched per event loop."""

    def __init__(self, store: TaskStore) -> None:
        self.store = store
        self._queues: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, _Queue] = (
            weakref.WeakKeyDictionary()
        )

    async def write(self, call: StoreCall) -> Any:
        """Make one write (in the next batch); its result, or its exception raised."""
        loop = asyncio.get_running_loop()
        queue = self._queues.get(loop)
        if queue is None:
            queue = self._queues[loop] = _Queue()
        future: asyncio.Future[Any] = loop.create_future()
        queue.calls.append((call, future))
        if queue.flushing is None:
            queue.flushing = loop.create_task(self._flush(queue))
        return await future

    async def _flush(self, queue: _Queue) -> None:
        try:
            while queue.calls:
                batch, queue.calls = queue.calls, []
                try:
                    results = await anyio.to_thread.run_sync(
                        self.store.run_batch, [call for call, _ in batch]
                    )
                except Exception as exc:
                    results = [(False, exc)] * len(batch)
                for (call, future), (ok, value) in zip(batch, results, strict=True):
                    if future.cancelled():
                        if ok:
                            queue.calls[:0] = _undo(call, value, future)
                    elif ok:
                        future.set_result(value)
                    else:
                        future.set_exception(value)
        finally:
            queue.flushing = None


def _undo(call: StoreCall, value: Any, future: asyncio.Future[Any]) -> list[_Pending]:
    """The writes that take back a call whose caller gave up on it before it was made."""
    if isinstance(call, Claim) and value is not None:
        # Its claimer is gone: hand the task back rather than hold it until the lease ends.
        return [(Release(value.id, call.owner), _orphan(future))]
    if isinstance(call, AddTasks):
        # Its request timed out and answered 503: tasks it was told are not stored never run.
        kept = set(value or ())  # deduplicated: they belong to an earlier request
        return [(Cancel(task.id), _orphan(future)) for task in call.tasks if task.id not in kept]
    return []


def _orphan(like: asyncio.Future[Any]) -> asyncio.Future[Any]:
    """A future nobody awaits, for a call made on no caller's behalf."""
    future = like.get_loop().create_future()
    future.add_done_callback(lambda done: done.cancelled() or done.exception())
    return future
