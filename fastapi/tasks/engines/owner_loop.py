"""One event loop owns an async engine client (taskiq's broker and result backend).

Async Redis connections belong to the loop that opened them, but the task runtime calls its
backend from several: the app's loop (``submit``), threads (``get``, ``cancel``, a script's
``enqueue``) and, in a worker process, the worker's loop. Every call on the client goes
through its ``OwnerLoop``: the worker's loop once a worker adopts the client, otherwise a
daemon thread with a loop of its own, started on first use (so a process that forks worker
processes before using the client forks no thread).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import threading
from collections.abc import Coroutine
from typing import Any, TypeVar

_T = TypeVar("_T")


class OwnerLoop:
    """The loop every call on one client runs on."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._loop: asyncio.AbstractEventLoop | None = None
        self._lock = threading.Lock()

    def adopt(self, loop: asyncio.AbstractEventLoop) -> None:
        """Make ``loop`` (a worker's, which opens the client's connections) the owner."""
        self._loop = loop

    def loop(self) -> asyncio.AbstractEventLoop:
        """The owner loop (its thread started if there is none yet)."""
        return self._owner()

    def _owner(self) -> asyncio.AbstractEventLoop:
        loop = self._loop
        if loop is not None and not loop.is_closed():
            return loop
        with self._lock:
            if self._loop is None or self._loop.is_closed():
                self._loop = self._start_thread()
            return self._loop

    def _start_thread(self) -> asyncio.AbstractEventLoop:
        loop = asyncio.new_event_loop()
        ready = threading.Event()

        def serve() -> None:
            asyncio.set_event_loop(loop)
            loop.call_soon(ready.set)
            loop.run_forever()

        threading.Thread(target=serve, name=self.name, daemon=True).start()
        ready.wait()
        return loop

    async def run(self, call: Coroutine[Any, Any, _T]) -> _T:
        """Await ``call`` on the owner loop, from any loop (cancelled with the caller)."""
        loop = self._owner()
        try:
            here = asyncio.get_running_loop()
        except RuntimeError:  # pragma: no cover - always called from a loop
            here = None
        if here is loop:
            return await call
        return await asyncio.wrap_future(asyncio.run_coroutine_threadsafe(call, loop))

    def run_blocking(self, call: Coroutine[Any, Any, _T], timeout: float) -> _T:
        """Run ``call`` on the owner loop and wait for it, from a thread without a loop."""
        loop = self._owner()
        try:
            running = asyncio.get_running_loop()
        except RuntimeError:
            running = None
        if running is loop:
            call.close()
            raise RuntimeError(
                f"{self.name}: a blocking call made on the loop that serves it would never "
                "end; call it from a thread (anyio.to_thread.run_sync)"
            )
        future = asyncio.run_coroutine_threadsafe(call, loop)
        try:
            return future.result(timeout)
        except concurrent.futures.TimeoutError:
            future.cancel()
            raise

    def spawn(self, call: Coroutine[Any, Any, Any]) -> None:
        """Start ``call`` on the owner loop without waiting (from any thread)."""
        loop = self._owner()
        try:
            here = asyncio.get_running_loop()
        except RuntimeError:
            here = None
        if here is loop:
            _keep(loop.create_task(call))
        else:
            asyncio.run_coroutine_threadsafe(call, loop)


_pending: set[asyncio.Task[Any]] = set()


def _keep(task: asyncio.Task[Any]) -> None:
    """Hold a fire-and-forget task until it ends (the loop keeps only weak references)."""
    _pending.add(task)
    task.add_done_callback(_pending.discard)
