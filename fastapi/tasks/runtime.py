"""The task runtime of an app (``app.tasks``): runs, records, stores and recovers tasks.

In memory (the default) a response's tasks run right after it is sent, in order, as in
FastAPI, but a failing task no longer stops the ones after it and is logged and recorded.
With a store (durable mode) tasks are written to it before the response is sent, run by the
process that received the request right after the response (leased, so no one else runs
them), and recovered by any worker of any process if that process dies.
"""

from __future__ import annotations

import asyncio
import functools
import inspect
import logging
import os
import socket
import time
import uuid
import weakref
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import anyio
import anyio.to_thread

from fastapi._core.execute.server_errors import mark_logged
from fastapi._core.execute.threads import run_sync
from fastapi.exceptions import HTTPException
from fastapi.tasks import codec
from fastapi.tasks.context import RunningTask, reset, running_as
from fastapi.tasks.memory import MemoryRecords
from fastapi.tasks.policy import Retry, TaskPolicy
from fastapi.tasks.records import TaskProgress, TaskState, TaskStatus
from fastapi.tasks.store import ClaimedTask, NewTask, TaskStore, open_store

if TYPE_CHECKING:  # pragma: no cover
    from fastapi.background import BackgroundTasks, QueuedTask

logger = logging.getLogger("fastapi")


@dataclass
class TaskSettings:
    """How an app runs its background tasks.

    ``store``: None keeps tasks in memory; a URL (``sqlite:///tasks.db``) or a ``TaskStore``
    makes them durable. ``concurrency``: tasks this process runs at once (durable mode).
    ``workers``: False makes the app only store tasks, for ``fastapi worker`` processes to run.
    ``lease``: seconds a claim lasts without renewal (a dead worker's tasks are retaken after
    it). ``handoff``: seconds other workers leave a new task to the process that stored it.
    ``retention``: seconds finished durable records are kept. ``max_records``/``max_age``
    bound the in-memory status records.
    """

    store: str | TaskStore | None = None
    concurrency: int = 4
    workers: bool = True
    lease: float = 30.0
    handoff: float = 5.0
    poll_interval: float = 1.0
    shutdown_grace: float = 10.0
    retention: float = 7 * 24 * 3600.0
    max_records: int = 10_000
    max_age: float = 3600.0


class TaskStoreError(HTTPException):
    """Background tasks could not be stored: the request answers 503 rather than lose them."""

    def __init__(self, detail: str = "Background tasks could not be stored") -> None:
        super().__init__(status_code=503, detail=detail)


class _Outcome:
    __slots__ = ("deferred", "error")

    def __init__(self, error: BaseException | None = None, deferred: bool = False) -> None:
        self.error = error
        self.deferred = deferred


_DONE = _Outcome()
_DEFERRED = _Outcome(deferred=True)


class _PerLoop:
    """Async primitives are bound to one event loop; keep one set per loop."""

    def __init__(self, concurrency: int) -> None:
        self._concurrency = concurrency
        self._state: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, dict[str, Any]] = (
            weakref.WeakKeyDictionary()
        )

    def get(self) -> dict[str, Any]:
        loop = asyncio.get_running_loop()
        state = self._state.get(loop)
        if state is None:
            state = self._state[loop] = {
                "slots": anyio.CapacityLimiter(self._concurrency),
                "wakeup": anyio.Event(),
                "batch": [],  # store calls waiting for the next flush
                "flushing": None,  # the flush task, while one runs
            }
        return state


def error_text(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"


class TaskRuntime:
    """``app.tasks``: read task statuses; in durable mode, also the workers."""

    def __init__(self, settings: TaskSettings | str | None = None) -> None:
        if settings is None or isinstance(settings, str):
            settings = TaskSettings(store=settings)
        if not isinstance(settings, TaskSettings):
            raise TypeError(
                "tasks= takes a store URL (e.g. 'sqlite:///tasks.db') or a TaskSettings, "
                f"not {type(settings).__name__}"
            )
        self.settings = settings
        store = settings.store
        self.store: TaskStore | None = open_store(store) if isinstance(store, str) else store
        self.records = MemoryRecords(max_records=settings.max_records, max_age=settings.max_age)
        self.owner = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self.run_pool = settings.workers
        self._loops = _PerLoop(max(1, settings.concurrency))
        self._running: set[str] = set()

    @property
    def durable(self) -> bool:
        return self.store is not None

    def enable_workers(self, concurrency: int | None = None) -> None:
        """Run the worker pool during the lifespan (``fastapi worker`` does), at ``concurrency``."""
        self.run_pool = True
        if concurrency is not None and concurrency != self.settings.concurrency:
            self.settings.concurrency = concurrency
            self._loops = _PerLoop(max(1, concurrency))

    # -- status ---------------------------------------------------------------------------------

    def get(self, task_id: str, *, arguments: bool = False) -> TaskStatus | None:
        """The status of a task by id (None if unknown or pruned). Blocking: call from a thread.

        ``arguments=True`` includes the call's arguments (durable tasks only)."""
        status = self.records.get(task_id)
        if status is None and self.store is not None:
            status = self.store.get(task_id, arguments=arguments)
        return status

    def list(self, *, state: TaskState | None = None, limit: int = 100) -> list[TaskStatus]:
        """Recent tasks, newest first. Blocking: call from a thread."""
        found = self.records.list(state=state, limit=limit)
        if self.store is not None:
            found += self.store.list(state=state, limit=limit)
            found.sort(key=lambda status: status.created_at, reverse=True)
        return found[:limit]

    def counts(self) -> dict[TaskState, int]:
        """How many tasks are in each state (in memory and in the store). Blocking."""
        found = self.records.counts()
        if self.store is not None:
            for state, count in self.store.counts().items():
                found[state] += count
        return found

    # -- the request side ---------------------------------------------------------------------

    def new_task(self, queued: QueuedTask) -> NewTask:
        """The stored form of a task, or TaskNotStorableError right away."""
        policy = queued.policy
        options: dict[str, Any] = {
            "retry": {
                **policy.retry.to_dict(),
                "on": [_class_reference(cls) for cls in policy.retry.on],
            },
            "on_failure": codec.reference(policy.on_failure)
            if policy.on_failure is not None
            else None,
        }
        now = time.time()
        return NewTask(
            id=queued.id,
            group_id=queued.group_id,
            seq=queued.seq,
            name=codec.reference(queued.func),
            payload=codec.encode_arguments(queued.func, queued.args, queued.kwargs),
            options=options,
            max_attempts=policy.retry.attempts,
            created_at=now,
            # Left to the storing process for a while: it runs it right after the response.
            not_before=now + (self.settings.handoff if self.run_pool else 0.0),
        )

    async def persist(self, tasks: Sequence[NewTask]) -> None:
        """Store tasks (committed with the other writes of the moment: one disk sync)."""
        if not tasks or self.store is None:
            return
        try:
            await self._write("add", list(tasks))
        except Exception as exc:
            logger.error("Storing %d background task(s) failed: %s", len(tasks), error_text(exc))
            raise TaskStoreError() from exc

    async def _write(self, method: str, *args: Any, **kwargs: Any) -> Any:
        """Call a store method; the calls of concurrent coroutines go to the store together.

        Whoever finds no flush under way starts one; each flush takes every call queued so
        far into one ``run_batch`` (for SQLite, one transaction and one disk sync) and repeats
        until the queue is empty. Callers only wait for their own result.
        """
        state = self._loops.get()
        loop = asyncio.get_running_loop()
        future: asyncio.Future[Any] = loop.create_future()
        state["batch"].append((method, args, kwargs, future))
        if state["flushing"] is None:
            state["flushing"] = loop.create_task(self._flush(state))
        return await future

    async def _flush(self, state: dict[str, Any]) -> None:
        store = self.store
        assert store is not None
        try:
            while state["batch"]:
                batch, state["batch"] = state["batch"], []
                calls = [(method, args, kwargs) for method, args, kwargs, _ in batch]
                try:
                    results = await anyio.to_thread.run_sync(store.run_batch, calls)
                except Exception as exc:
                    results = [(False, exc)] * len(batch)
                for (method, _, _, future), (ok, value) in zip(batch, results, strict=True):
                    if future.cancelled():
                        if ok and method == "claim" and value is not None:
                            # Its claimer is gone: hand the task back rather than hold it
                            # until the lease runs out.
                            state["batch"].append(
                                ("release", (value.id, self.owner), {}, _orphan(future))
                            )
                    elif ok:
                        future.set_result(value)
                    else:
                        future.set_exception(value)
        finally:
            state["flushing"] = None

    async def run_group(self, group: BackgroundTasks) -> None:
        """Run a response's tasks in order; failures are isolated, the first is re-raised."""
        for index in range(len(group.tasks)):
            queued = group.queued(index)
            if not queued.durable:
                self.records.create(queued.id, queued.name, queued.policy.retry.attempts)
        first_error: BaseException | None = None
        stored_deferred = False
        index = 0
        while index < len(group.tasks):
            queued = group.queued(index)
            index += 1
            if queued.durable and self.store is not None and self.run_pool:
                if stored_deferred:
                    continue  # a stored task before it is waiting: the workers keep the order
                outcome = await self._run_stored_inline(queued)
                stored_deferred = outcome.deferred
            elif queued.durable and self.store is not None:
                continue  # stored for the worker processes
            else:
                if queued.id not in self.records:  # queued while the group was running
                    self.records.create(queued.id, queued.name, queued.policy.retry.attempts)
                outcome = await self._run_in_memory(queued)
            if outcome.error is not None and first_error is None:
                first_error = outcome.error
        if first_error is not None:
            mark_logged(first_error)  # logged with the task already
            raise first_error

    async def _run_in_memory(self, queued: QueuedTask) -> _Outcome:
        retry = queued.policy.retry
        while True:
            attempt = self.records.start(queued.id)
            try:
                await self._call(
                    queued.func,
                    queued.args,
                    queued.kwargs,
                    queued.id,
                    queued.name,
                    attempt,
                    is_async=queued.is_async,  # Starlette's BackgroundTask worked it out
                )
            except Exception as exc:
                if retry.retries(exc, attempt):
                    wait = retry.wait_before(attempt)
                    self.records.finish(
                        queued.id, error=error_text(exc), retry_at=time.time() + wait
                    )
                    _log_retry(queued.id, queued.name, attempt, wait, exc)
                    await anyio.sleep(wait)
                    continue
                self.records.finish(queued.id, error=error_text(exc))
                _log_failure(queued.id, queued.name, attempt, exc)
                await self._on_failure(queued.policy.on_failure, queued.id, exc)
                return _Outcome(error=exc)
            self.records.finish(queued.id)
            return _DONE

    async def _run_stored_inline(self, queued: QueuedTask) -> _Outcome:
        assert self.store is not None
        if not queued.stored:  # queued after the response was sent (by another task)
            await self.persist([queued.new_task or self.new_task(queued)])
            queued.stored = True
        async with self._loops.get()["slots"]:
            claimed = await self._write("claim", self.owner, self.settings.lease, task_id=queued.id)
            if claimed is None:
                return _DEFERRED  # another worker has it, or it waits for a retry
            return await self._execute(
                claimed, queued.func, queued.args, queued.kwargs, queued.policy
            )

    # -- running a claimed (stored) task ------------------------------------------------------------

    async def _execute(
        self,
        claimed: ClaimedTask,
        func: Callable[..., Any],
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        policy: TaskPolicy,
    ) -> _Outcome:
        store = self.store
        assert store is not None
        self._running.add(claimed.id)
        try:
            async with anyio.create_task_group() as group:
                group.start_soon(self._heartbeat, claimed.id)
                try:
                    await self._call(func, args, kwargs, claimed.id, claimed.name, claimed.attempt)
                except Exception as exc:
                    outcome = await self._after_failure(claimed, policy, exc)
                else:
                    await self._write("finish", claimed.id, self.owner)
                    outcome = _DONE
                group.cancel_scope.cancel()
            return outcome
        except BaseException:
            # Cancelled (shutdown past its grace period): give the task back unfinished.
            with anyio.CancelScope(shield=True):
                await self._write("release", claimed.id, self.owner)
            raise
        finally:
            self._running.discard(claimed.id)

    async def _after_failure(
        self, claimed: ClaimedTask, policy: TaskPolicy, exc: Exception
    ) -> _Outcome:
        store = self.store
        assert store is not None
        retry = policy.retry
        if retry.retries(exc, claimed.attempt):
            wait = retry.wait_before(claimed.attempt)
            retry_at = time.time() + wait
            await self._write(
                "finish", claimed.id, self.owner, error=error_text(exc), retry_at=retry_at
            )
            _log_retry(claimed.id, claimed.name, claimed.attempt, wait, exc)
            self._loops.get()["wakeup"].set()
            return _DEFERRED
        await self._write("finish", claimed.id, self.owner, error=error_text(exc))
        _log_failure(claimed.id, claimed.name, claimed.attempt, exc)
        await self._on_failure(policy.on_failure, claimed.id, exc)
        return _Outcome(error=exc)

    async def _heartbeat(self, task_id: str) -> None:
        store = self.store
        assert store is not None
        interval = self.settings.lease / 3
        while True:
            await anyio.sleep(interval)
            kept = await self._write("extend", task_id, self.owner, self.settings.lease)
            if not kept:
                logger.warning(
                    "Background task %s: lease lost; another worker may run it again", task_id
                )
                return

    async def _call(
        self,
        func: Callable[..., Any],
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        task_id: str,
        name: str,
        attempt: int,
        is_async: bool | None = None,
    ) -> None:
        token = running_as(RunningTask(task_id, name, attempt, self._report))
        try:
            if _is_async(func) if is_async is None else is_async:
                await func(*args, **kwargs)
            else:
                await run_sync(func, *args, **kwargs)
        finally:
            reset(token)

    def _report(self, task_id: str, progress: TaskProgress) -> None:
        if task_id in self.records:
            self.records.report(task_id, progress)
        elif self.store is not None:
            self.store.report(task_id, progress)

    async def _on_failure(
        self, hook: Callable[..., Any] | None, task_id: str, exc: BaseException
    ) -> None:
        if hook is None:
            return
        try:
            status = await anyio.to_thread.run_sync(self.get, task_id)
            result = hook(status, exc)
            if inspect.isawaitable(result):
                await result
        except Exception:
            logger.exception("The on_failure hook of background task %s failed", task_id)

    # -- workers --------------------------------------------------------------------------------

    @asynccontextmanager
    async def lifespan(self, app: Any = None) -> AsyncIterator[None]:
        """Run the worker pool for the app's lifetime (durable mode with workers enabled)."""
        if self.store is None or not self.run_pool:
            yield
            return
        stopping = anyio.Event()
        async with anyio.create_task_group() as group:
            group.start_soon(self.work, stopping)
            try:
                yield
            finally:
                stopping.set()
                self._loops.get()["wakeup"].set()
                with anyio.move_on_after(self.settings.shutdown_grace):
                    while self._running:
                        await anyio.sleep(0.05)
                group.cancel_scope.cancel()

    async def work(self, stopping: anyio.Event) -> None:
        """Claim and run due tasks until ``stopping`` is set."""
        async with anyio.create_task_group() as group:
            for _ in range(max(1, self.settings.concurrency)):
                group.start_soon(self._worker, stopping)
            group.start_soon(self._maintenance, stopping)

    async def _worker(self, stopping: anyio.Event) -> None:
        store = self.store
        assert store is not None
        state = self._loops.get()
        while not stopping.is_set():
            async with state["slots"]:
                if stopping.is_set():
                    return
                claimed = await self._write("claim", self.owner, self.settings.lease)
                if claimed is not None:
                    await self._run_claimed(claimed)
                    continue
            await self._idle(stopping)

    async def _idle(self, stopping: anyio.Event) -> None:
        """Sleep until the next retry is due, a local event, or the poll interval."""
        store = self.store
        assert store is not None
        state = self._loops.get()
        timeout = self.settings.poll_interval
        due = await anyio.to_thread.run_sync(store.next_due)
        if due is not None:
            timeout = max(0.0, min(timeout, due - time.time()))
        with anyio.move_on_after(timeout):
            await state["wakeup"].wait()
        if state["wakeup"].is_set() and not stopping.is_set():
            state["wakeup"] = anyio.Event()

    async def _run_claimed(self, claimed: ClaimedTask) -> None:
        """Run a task claimed from the store by a worker (possibly stored by another process)."""
        store = self.store
        assert store is not None
        try:
            func = codec.resolve(claimed.name)
            args, kwargs = codec.decode_arguments(func, claimed.payload)
            policy = _policy_from_options(claimed.options)
        except Exception as exc:
            await self._write("finish", claimed.id, self.owner, error=error_text(exc))
            _log_failure(claimed.id, claimed.name, claimed.attempt, exc)
            return
        await self._execute(claimed, func, args, kwargs, policy)

    async def _maintenance(self, stopping: anyio.Event) -> None:
        store = self.store
        assert store is not None
        interval = min(300.0, max(1.0, self.settings.retention / 10))
        while not stopping.is_set():
            cutoff = time.time() - self.settings.retention
            removed = await anyio.to_thread.run_sync(store.prune, cutoff)
            if removed:
                logger.info("Pruned %d finished background task records", removed)
            with anyio.move_on_after(interval):
                await stopping.wait()


_default: TaskRuntime | None = None


def default_runtime() -> TaskRuntime:
    """The in-memory runtime for tasks that belong to no app (a BackgroundTasks made by hand)."""
    global _default
    if _default is None:
        _default = TaskRuntime()
    return _default


def _orphan(like: asyncio.Future[Any]) -> asyncio.Future[Any]:
    """A future nobody awaits, for a call made on no caller's behalf."""
    future = like.get_loop().create_future()
    future.add_done_callback(lambda done: done.cancelled() or done.exception())
    return future


def runtime_of(app: Any) -> TaskRuntime | None:
    runtime = getattr(app, "tasks", None)
    return runtime if isinstance(runtime, TaskRuntime) else None


def _is_async(func: Callable[..., Any]) -> bool:
    while isinstance(func, functools.partial):
        func = func.func
    dunder_call = getattr(type(func), "__call__", None)  # noqa: B004 - the method itself, not callability
    return inspect.iscoroutinefunction(func) or inspect.iscoroutinefunction(dunder_call)


def _class_reference(cls: type[BaseException]) -> str:
    return f"{cls.__module__}:{cls.__qualname__}"


def _policy_from_options(options: dict[str, Any]) -> TaskPolicy:
    retry_options = dict(options.get("retry") or {})
    on = tuple(codec.resolve(ref) for ref in retry_options.pop("on", [])) or (Exception,)
    retry = Retry(**retry_options, on=on)  # type: ignore[arg-type]
    hook = options.get("on_failure")
    return TaskPolicy(retry=retry, on_failure=codec.resolve(hook) if hook else None)


def _log_retry(task_id: str, name: str, attempt: int, wait: float, exc: BaseException) -> None:
    logger.warning(
        "Background task %s (%s) failed on attempt %d (%s); retrying in %.1fs",
        task_id,
        name,
        attempt,
        error_text(exc),
        wait,
    )


def _log_failure(task_id: str, name: str, attempt: int, exc: BaseException) -> None:
    logger.error(
        "Background task %s (%s) failed after %d attempt(s)",
        task_id,
        name,
        attempt,
        exc_info=(type(exc), exc, exc.__traceback__),
    )
