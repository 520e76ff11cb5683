"""Running sync endpoints, dependencies and tasks in worker threads, with a cheap hand-off.

Same contract as Starlette's ``run_in_threadpool`` (the caller's context variables are
copied into the call; at most as many threads as AnyIO's default thread limiter allows;
a cancelled caller still waits for its thread to finish), but the hand-off is a C queue to
idle workers and one ``call_soon_threadsafe`` back, about half the cost of AnyIO's.
Other event loops than asyncio's fall back to AnyIO.
"""

from __future__ import annotations

import asyncio
import contextvars
import functools
import threading
from _queue import SimpleQueue  # queue's C class, without the rest of the queue module
from collections.abc import Callable
from typing import Any, TypeVar

import anyio
import anyio.to_thread

_T = TypeVar("_T")


def _resolve(
    future: asyncio.Future[Any], call: _Call, result: Any, error: BaseException | None
) -> None:
    call.finished = True
    if call.waiter is not None and not call.waiter.done():
        call.waiter.set_result(None)
    if future.cancelled():
        return
    if error is None:
        future.set_result(result)
    else:
        future.set_exception(error)


class _Call:
    """What the awaiting side needs to know once its future was cancelled: when the thread is
    done (the future itself can no longer tell)."""

    __slots__ = ("finished", "waiter")

    def __init__(self) -> None:
        self.finished = False
        self.waiter: asyncio.Future[None] | None = None


class WorkerPool:
    """Daemon worker threads fed from one ``SimpleQueue``; started on demand."""

    def __init__(self) -> None:
        self._jobs: SimpleQueue[Any] = SimpleQueue()
        self._lock = threading.Lock()
        self._threads = 0
        self._idle = 0

    def _work(self) -> None:
        jobs = self._jobs
        lock = self._lock
        served: _AnyIOWorkerClaim | None = None
        while True:
            with lock:
                self._idle += 1
            loop, future, call, context, func, args = jobs.get()
            with lock:
                self._idle -= 1
            if served is None or served.loop is not loop:
                if served is not None:
                    served.release()
                served = _AnyIOWorkerClaim(loop)
            try:
                outcome: tuple[Any, BaseException | None] = (context.run(func, *args), None)
            except BaseException as error:  # handed to the awaiting task
                outcome = (None, error)
            try:
                loop.call_soon_threadsafe(_resolve, future, call, *outcome)
            except RuntimeError:  # the loop has closed meanwhile: nobody awaits the result
                pass

    def _ensure_worker(self) -> None:
        with self._lock:
            if self._idle > self._jobs.qsize():
                return  # the usual case: an idle worker takes the job
        limit = _thread_limit()  # asks AnyIO: only worth it when a thread may start
        with self._lock:
            if self._idle > self._jobs.qsize() or self._threads >= limit:
                return
            self._threads += 1
        # Named as AnyIO names its own (log lines showing thread names read as with FastAPI).
        threading.Thread(target=self._work, name="AnyIO worker thread", daemon=True).start()

    async def run(self, func: Callable[..., _T], *args: Any) -> _T:
        loop = asyncio.get_running_loop()
        future: asyncio.Future[_T] = loop.create_future()
        call = _Call()
        self._jobs.put((loop, future, call, contextvars.copy_context(), func, args))
        self._ensure_worker()
        try:
            return await future
        except asyncio.CancelledError:
            # Like AnyIO's uncancellable thread calls: the work is under way, wait for it.
            # (Awaiting the future itself, not a shield around it, saves a loop iteration.)
            if not call.finished:
                call.waiter = loop.create_future()
                # Shielded: an AnyIO cancel scope cancels again at every await until it exits.
                with anyio.CancelScope(shield=True):
                    await asyncio.wait([call.waiter])
            raise


def _anyio_worker_claim() -> tuple[Any, Any, Any] | None:
    """AnyIO keeps "the loop this worker thread serves" in a thread-local set by internal code
    (imported when a worker first serves a loop: AnyIO's asyncio backend is loaded by then)."""
    try:
        from anyio._backends._asyncio import AsyncIOBackend
        from anyio._core._eventloop import claim_worker_thread, threadlocals
    except ImportError:  # pragma: no cover - another AnyIO layout: anyio.from_thread needs a token
        return None
    return AsyncIOBackend, claim_worker_thread, threadlocals


class _AnyIOWorkerClaim:
    """Makes the current thread an AnyIO worker thread of ``loop``, as AnyIO's own are, so that
    code run in it can call back into the loop (``anyio.from_thread.run(file.read)``)."""

    __slots__ = ("_claim", "loop")

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self._claim: Any = None
        internals = _anyio_worker_claim()
        if internals is None:  # pragma: no cover
            return
        backend, claim_worker_thread, threadlocals = internals
        try:
            claim = claim_worker_thread(backend, loop)
            claim.__enter__()
            self._claim = claim
            # No cancel scope reaches the thread: ``from_thread.check_cancelled()`` finds none.
            threadlocals.current_cancel_scope = None
        except Exception:  # pragma: no cover - AnyIO changed: the thread still runs the job
            pass

    def release(self) -> None:
        if self._claim is not None:
            self._claim.__exit__(None, None, None)
            self._claim = None


def _thread_limit() -> int:
    try:
        return int(anyio.to_thread.current_default_thread_limiter().total_tokens)
    except Exception:  # pragma: no cover - outside an AnyIO-compatible loop
        return 40


_pool = WorkerPool()


async def run_sync(func: Callable[..., _T], *args: Any, **kwargs: Any) -> _T:
    """Call ``func(*args, **kwargs)`` in a worker thread and await its result."""
    call = functools.partial(func, *args, **kwargs)  # raises for non-callables, as Starlette's does
    try:
        asyncio.get_running_loop()
    except RuntimeError:  # not asyncio (e.g. trio): AnyIO knows how
        return await anyio.to_thread.run_sync(call)
    return await _pool.run(call)
