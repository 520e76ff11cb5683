"""Running sync endpoints, dependencies and tasks in worker threads, with a cheap hand-off.

Same contract as Starlette's ``run_in_threadpool`` (the caller's context variables are
copied into the call; at most as many threads as AnyIO's default thread limiter allows,
per event loop, as AnyIO's own; a cancelled caller still waits for its thread to finish),
but the hand-off is a C queue to idle workers and one ``call_soon_threadsafe`` back, about
half the cost of AnyIO's. Other event loops than asyncio's fall back to AnyIO.

Threads come in families (``ThreadFamily``): the request path's (``run_sync``) and the
background tasks' (``fastapi.tasks.task_threads``), so that sync tasks, however many block,
never hold a thread a request needs. Each family keeps one pool per event loop: threads
blocked on behalf of one loop (another app's, a test's that ended) do not count against
another's limit. A thread idle for ``IDLE_SECONDS`` ends.
"""

from __future__ import annotations

import asyncio
import contextvars
import functools
import threading
import weakref
from _queue import Empty, SimpleQueue  # queue's C classes, without the rest of the queue module
from collections.abc import Callable
from typing import Any, TypeVar

import anyio
import anyio.to_thread

_T = TypeVar("_T")

#: Seconds a worker thread waits for work before it ends (AnyIO's own workers: 10 s too).
IDLE_SECONDS = 10.0


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
    """Daemon worker threads serving one event loop, fed from one ``SimpleQueue``; started
    on demand (at most ``limit()`` of them), each ending once idle for ``IDLE_SECONDS``."""

    def __init__(
        self, loop: asyncio.AbstractEventLoop, limit: Callable[[], int], name: str
    ) -> None:
        # Weakly: the pool lives as long as its loop, and is dropped with it.
        self._loop = weakref.ref(loop)
        self._limit = limit
        self._name = name
        self._jobs: SimpleQueue[Any] = SimpleQueue()
        self._lock = threading.Lock()
        self._threads = 0
        self._idle = 0

    @property
    def threads(self) -> int:
        """Worker threads alive now (busy or idle)."""
        return self._threads

    def _work(self) -> None:
        jobs = self._jobs
        lock = self._lock
        claim: _AnyIOWorkerClaim | None = None
        try:
            while True:
                with lock:
                    self._idle += 1
                try:
                    loop, future, call, context, func, args = jobs.get(timeout=IDLE_SECONDS)
                except Empty:
                    if self._retire():
                        return
                    continue
                with lock:
                    self._idle -= 1
                if claim is None:
                    claim = _AnyIOWorkerClaim(loop)
                try:
                    outcome: tuple[Any, BaseException | None] = (context.run(func, *args), None)
                except BaseException as error:  # handed to the awaiting task
                    outcome = (None, error)
                try:
                    loop.call_soon_threadsafe(_resolve, future, call, *outcome)
                except RuntimeError:  # the loop has closed meanwhile: nobody awaits the result
                    pass
                del loop, future, call, context, func, args, outcome  # nothing kept while idle
        finally:
            if claim is not None:
                claim.release()

    def _retire(self) -> bool:
        """An idle thread's wait ran out: it ends, unless a job came in meanwhile that it
        was counted on for (``_ensure_worker`` saw it idle)."""
        with self._lock:
            self._idle -= 1
            if self._jobs.qsize() > self._idle:
                return False
            self._threads -= 1
            return True

    def _ensure_worker(self) -> None:
        with self._lock:
            if self._idle > self._jobs.qsize():
                return  # the usual case: an idle worker takes the job
        limit = self._limit()  # asks AnyIO: only worth it when a thread may start
        with self._lock:
            if self._idle > self._jobs.qsize() or self._threads >= limit:
                return
            self._threads += 1
        threading.Thread(target=self._work, name=self._name, daemon=True).start()

    def _submit(self, func: Callable[..., _T], args: tuple[Any, ...]) -> tuple[Any, _Call]:
        loop = self._loop()  # alive: called on it
        assert loop is not None
        future: asyncio.Future[_T] = loop.create_future()
        call = _Call()
        self._jobs.put((loop, future, call, contextvars.copy_context(), func, args))
        self._ensure_worker()
        return future, call

    async def run(self, func: Callable[..., _T], *args: Any) -> _T:
        future, call = self._submit(func, args)
        try:
            return await future  # type: ignore[no-any-return]
        except asyncio.CancelledError:
            # Like AnyIO's uncancellable thread calls: the work is under way, wait for it.
            # (Awaiting the future itself, not a shield around it, saves a loop iteration.)
            if not call.finished:
                call.waiter = asyncio.get_running_loop().create_future()
                # Shielded: an AnyIO cancel scope cancels again at every await until it exits.
                with anyio.CancelScope(shield=True):
                    await asyncio.wait([call.waiter])
            raise

    async def run_or_leave(self, func: Callable[..., _T], *args: Any) -> _T:
        """``run``, but a cancelled caller stops waiting at once: the call goes on in its
        thread, or still starts there if it had not (``func`` decides what to do then)."""
        future, _ = self._submit(func, args)
        return await future  # type: ignore[no-any-return]


class ThreadFamily:
    """Worker threads for one kind of work: one ``WorkerPool`` per event loop, each with at
    most ``limit()`` threads (asked on the loop's thread)."""

    def __init__(self, limit: Callable[[], int], name: str) -> None:
        self._limit = limit
        self._name = name
        self._pools: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, WorkerPool] = (
            weakref.WeakKeyDictionary()
        )
        self._lock = threading.Lock()

    def pool(self, loop: asyncio.AbstractEventLoop) -> WorkerPool:
        """The pool serving ``loop`` (made on first use)."""
        found = self._pools.get(loop)
        if found is None:
            with self._lock:  # loops of other threads may ask at the same time
                found = self._pools.get(loop)
                if found is None:
                    found = self._pools[loop] = WorkerPool(loop, self._limit, self._name)
        return found


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


def thread_limit() -> int:
    """AnyIO's default thread limit on the running loop (40 unless the app changed it)."""
    try:
        return int(anyio.to_thread.current_default_thread_limiter().total_tokens)
    except Exception:  # pragma: no cover - outside an AnyIO-compatible loop
        return 40


#: The request path's threads, named as AnyIO names its own (log lines showing thread names
#: read as with FastAPI).
requests = ThreadFamily(thread_limit, "AnyIO worker thread")


async def run_sync(func: Callable[..., _T], *args: Any, **kwargs: Any) -> _T:
    """Call ``func(*args, **kwargs)`` in a worker thread and await its result."""
    call = functools.partial(func, *args, **kwargs)  # raises for non-callables, as Starlette's does
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:  # not asyncio (e.g. trio): AnyIO knows how
        return await anyio.to_thread.run_sync(call)
    return await requests.pool(loop).run(call)
