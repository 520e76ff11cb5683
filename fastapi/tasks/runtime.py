"""The task runtime of an app (``app.tasks``): where each task goes, and when.

It decides, in one place (``admit``), which backend takes a task: the app's own (memory by
default, a durable store with ``FastAPI(tasks="sqlite:///tasks.db")``), or memory for a task
queued with ``options(durable=False)``. When a route's response is ready, the request path
hands its tasks over (``hand_over``): durable ones are stored before the response is sent,
and all run after it (``run_group``). The backends (``fastapi.tasks.backend``) do the rest.
"""

from __future__ import annotations

import asyncio
import os
import socket
import uuid
from collections.abc import AsyncIterator, Callable, Coroutine
from contextlib import asynccontextmanager
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

import anyio
from starlette.background import BackgroundTask
from starlette.background import BackgroundTasks as StarletteBackgroundTasks
from starlette.requests import HTTPConnection
from starlette.responses import Response
from typing_extensions import ParamSpec

from fastapi.background import BackgroundTasks, EnqueuedTask, QueuedTask
from fastapi.exceptions import HTTPException
from fastapi.tasks import engines, periodic
from fastapi.tasks.backend import TaskBackend
from fastapi.tasks.enqueue import Enqueuer, enqueue_options
from fastapi.tasks.inline import MemoryBackend, run_group
from fastapi.tasks.memory import MemoryRecords
from fastapi.tasks.memory_group import run_in_memory
from fastapi.tasks.policy import Retry
from fastapi.tasks.records import TaskState, TaskStatus
from fastapi.tasks.settings import TaskSettings, TaskStoreError

if TYPE_CHECKING:  # pragma: no cover
    from fastapi.tasks.store import TaskStore

# The durable machinery (stores, their backend, the worker pool) is imported by the apps that
# name a store: an app keeping its tasks in memory never loads it.

__all__ = ["TaskRuntime", "TaskSettings", "TaskStoreError", "runtime_of"]

P = ParamSpec("P")


class TaskRuntime:
    """``app.tasks``: read task statuses; in durable mode, also the workers."""

    def __init__(self, settings: TaskSettings | str | Any = None) -> None:
        if engines.names_engine(settings):  # Celery or taskiq: an app, a broker or a URL
            settings = engines.settings_for(settings)
        if settings is None or isinstance(settings, str):
            settings = TaskSettings(store=settings)
        if not isinstance(settings, TaskSettings):
            raise TypeError(
                "tasks= takes a store URL (e.g. 'sqlite:///tasks.db') or a TaskSettings, "
                f"not {type(settings).__name__}"
            )
        if settings.backend is not None and settings.store is not None:
            raise TypeError("TaskSettings takes a store or a backend, not both")
        if engines.names_engine(settings.store):  # TaskSettings(store="redis://...")
            settings = engines.settings_for(settings.store, settings)
        self.settings = settings
        store = settings.store
        if isinstance(store, str):
            from fastapi.tasks.store import open_store

            store = open_store(store)
        self.store: TaskStore | None = store
        self.records = MemoryRecords(max_records=settings.max_records, max_age=settings.max_age)
        self.owner = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self.memory = MemoryBackend(self.records)
        self.backend: TaskBackend = settings.backend or self.memory
        if self.store is not None:
            from fastapi.tasks.stored import StoreBackend

            self.backend = StoreBackend(self.store, settings, self.owner)
        #: The running app's event loop (set by the lifespan): where in-memory tasks
        #: enqueued from other threads run.
        self.loop: asyncio.AbstractEventLoop | None = None
        self._background: set[asyncio.Task[Any]] = set()

    @property
    def durable(self) -> bool:
        return self.backend.durable

    def enable_workers(self, concurrency: int | None = None) -> None:
        """Run the worker pool during the lifespan (``fastapi worker`` does), at ``concurrency``."""
        run_workers = getattr(self.backend, "run_workers", None)
        if run_workers is not None:  # a store, or the taskiq engine of a redis:// app
            run_workers(concurrency)

    # -- status ---------------------------------------------------------------------------------

    def get(self, task_id: str, *, arguments: bool = False) -> TaskStatus | None:
        """The status of a task by id (None if unknown or pruned). Blocking: call from a thread.

        ``arguments=True`` includes the call's arguments (durable tasks only)."""
        status = self.memory.get(task_id)
        if status is None and self.backend is not self.memory:
            # Only asked of backends when wanted: one of its own may not take the option.
            backend = self.backend
            status = backend.get(task_id, arguments=True) if arguments else backend.get(task_id)
        return status

    def list(self, *, state: TaskState | None = None, limit: int = 100) -> list[TaskStatus]:
        """Recent tasks, newest first. Blocking: call from a thread."""
        found = self.memory.list(state=state, limit=limit)
        if self.backend is not self.memory:
            found += self.backend.list(state=state, limit=limit)
            found.sort(key=lambda status: status.created_at, reverse=True)
        return found[:limit]

    def counts(self) -> dict[TaskState, int]:
        """How many tasks are in each state (in memory and in the backend). Blocking."""
        found = self.memory.counts()
        if self.backend is not self.memory:
            for state, count in self.backend.counts().items():
                found[state] += count
        return found

    # -- acting on tasks --------------------------------------------------------------------------

    def cancel(self, task_id: str) -> bool:
        """Cancel a task: a pending one never runs; a running one sees
        ``current_task().cancelled`` (an async one is cancelled at its next ``await``) and
        ends ``cancelled``. False when it is unknown or has finished. Blocking."""
        if task_id in self.records:
            return self.memory.cancel(task_id)
        return self.backend is not self.memory and self.backend.cancel(task_id)

    def retry(self, task_id: str) -> bool:
        """Run a failed or cancelled durable task again, from its first attempt. False when it
        is unknown, kept in memory, or not failed or cancelled. Blocking."""
        return self.backend is not self.memory and self.backend.retry(task_id)

    def enqueue(self, func: Callable[P, Any], /, *args: P.args, **kwargs: P.kwargs) -> EnqueuedTask:
        """Queue ``func(*args, **kwargs)`` outside a request (a script, a cron job, another
        task); await the handle in async code. See ``fastapi.tasks.enqueue``."""
        return Enqueuer(self, {}).enqueue(func, *args, **kwargs)

    def options(
        self,
        *,
        delay: float | timedelta | None = None,
        at: datetime | float | None = None,
        retry: Retry | None = None,
        timeout: float | timedelta | None = None,
        dedupe_key: str | None = None,
        name: str | None = None,
        durable: bool | None = None,
    ) -> Enqueuer:
        """Per-call options for ``enqueue``, as ``BackgroundTasks.options`` takes them."""
        return Enqueuer(
            self,
            enqueue_options(
                delay=delay,
                at=at,
                retry=retry,
                timeout=timeout,
                dedupe_key=dedupe_key,
                name=name,
                durable=durable,
            ),
        )

    def keep(self, running: asyncio.Task[Any]) -> None:
        """Hold a background asyncio task until it ends (its errors are logged where raised)."""
        self._background.add(running)
        running.add_done_callback(self._background.discard)
        running.add_done_callback(lambda done: done.cancelled() or done.exception())

    # -- the request side ---------------------------------------------------------------------

    def collector(self) -> BackgroundTasks:
        """The ``BackgroundTasks`` injected into a request of this app."""
        return BackgroundTasks(intake=self)

    def admit(self, queued: QueuedTask) -> None:
        """Decide which backend takes a task, as it is queued; it may refuse it right away."""
        if queued.admitted:
            return
        if self.backend.durable and queued.durable is not False:
            self.backend.prepare(queued)  # raises TaskNotStorableError
            queued.durable = True
        else:
            queued.durable = False  # memory takes every task as it is
        queued.admitted = True

    def lane_of(self, queued: QueuedTask) -> TaskBackend:
        return self.backend if queued.durable else self.memory

    async def hand_over(self, background: BackgroundTask) -> BackgroundTask:
        """A response is about to be sent with ``background``: store its durable tasks now
        (``TaskStoreError``, a 503, if they cannot be), and answer what the response runs
        once it is sent."""
        group = background if type(background) is BackgroundTasks else self._group_of(background)
        if group is None or not group.tasks:
            return background
        if self.backend.durable:
            for index in range(len(group.tasks)):
                # Tasks no intake saw (a collector made by hand, Starlette's own): stored
                # like the others, or refused here, loudly; never kept in memory unsaid.
                self.admit(group.queued(index))
            durable = [
                task
                for task in group.tasks
                if isinstance(task, QueuedTask) and task.durable and not task.submitted
            ]
            if durable:
                await self.backend.submit(durable)
        if self.backend is self.memory:
            return _GroupRun(run_in_memory, group, self.memory)
        return _GroupRun(run_group, group, self.lane_of)

    def _group_of(self, background: BackgroundTask) -> BackgroundTasks | None:
        """The collector a response's ``background`` is; a durable app takes a Starlette
        ``BackgroundTask`` or ``BackgroundTasks`` as one too."""
        if isinstance(background, BackgroundTasks):
            return background
        if not self.backend.durable or not isinstance(background, BackgroundTask):
            return None
        if isinstance(background, StarletteBackgroundTasks):
            return BackgroundTasks(background.tasks)
        return BackgroundTasks([background])

    async def run_group(self, group: BackgroundTasks) -> None:
        """Run a response's tasks in order; failures are isolated, the first is re-raised."""
        if self.backend is self.memory:
            await run_in_memory(group, self.memory)
        else:
            await run_group(group, self.lane_of)

    # -- workers --------------------------------------------------------------------------------

    @asynccontextmanager
    async def lifespan(self, app: Any = None) -> AsyncIterator[None]:
        """What the backend runs for the app's lifetime (the worker pool, in durable mode),
        and the schedule of periodic tasks where tasks run."""
        self.loop = asyncio.get_running_loop()
        async with self.backend.lifespan(), anyio.create_task_group() as group:
            stopping = anyio.Event()
            if self._runs_tasks():
                functions = self.settings.periodic
                if functions is None:
                    functions = periodic.registered()
                group.start_soon(periodic.run_schedule, functions, self._occurrence, stopping)
            try:
                yield
            finally:
                stopping.set()
                self.cancel_waiting()

    def cancel_waiting(self) -> None:
        """At the app's exit: in-memory tasks still waiting for their time, and enqueued ones
        still running in the background, are cancelled."""
        for running in [*self._background, *self.memory.later]:
            running.cancel()

    def _runs_tasks(self) -> bool:
        return not self.backend.durable or bool(getattr(self.backend, "run_here", False))

    async def _occurrence(self, func: Callable[..., Any], when: float, key: str) -> None:
        await self.options(at=when, dedupe_key=key).enqueue(func)

    async def work(self, stopping: anyio.Event) -> None:
        """Claim and run due tasks until ``stopping`` is set (durable mode)."""
        from fastapi.tasks.stored import StoreBackend
        from fastapi.tasks.workers import WorkerPool

        if isinstance(self.backend, StoreBackend):
            await WorkerPool(self.backend).work(stopping)


class _GroupRun(BackgroundTask):
    """What a response runs once it is sent: its tasks, by the runner of the runtime's lanes
    (``run_in_memory`` when there is one). Made without Starlette's ``__init__``, which would
    inspect the runner on every response, and called without its keyword arguments."""

    def __init__(self, runner: Callable[..., Coroutine[Any, Any, None]], *args: Any) -> None:
        self.func = self._runner = runner  # type: ignore[assignment]  # Starlette's ParamSpec
        self.args = args  # type: ignore[assignment]
        self.kwargs = {}  # type: ignore[assignment]
        self.is_async = True

    def __call__(self) -> Coroutine[Any, Any, None]:  # type: ignore[override]
        return self._runner(*self.args)  # the runner's coroutine itself: one layer fewer


def runtime_of(app: Any) -> TaskRuntime | None:
    runtime = getattr(app, "tasks", None)
    return runtime if isinstance(runtime, TaskRuntime) else None


def runtime_or_404(connection: HTTPConnection, detail: str) -> TaskRuntime:
    """The app's runtime for the task routers; a 404 (``detail``) when the router is
    mounted on an app that is not FastAPI, so it has no task runtime to show."""
    runtime = runtime_of(connection.app)
    if runtime is None:  # pragma: no cover - only mounted on non-FastAPI apps
        raise HTTPException(status_code=404, detail=detail)
    return runtime


_default: TaskRuntime | None = None


def _runtime_for(connection: HTTPConnection) -> TaskRuntime:
    """The app's runtime; an in-memory one for routes served by an app that is not FastAPI."""
    global _default
    runtime = runtime_of(connection.scope.get("app"))
    if runtime is None:
        if _default is None:
            _default = TaskRuntime()
        runtime = _default
    return runtime


class AppTasks:
    """The request path's one view of background tasks (``fastapi._core``'s ``TaskPort``)."""

    def collector(self, connection: HTTPConnection) -> BackgroundTasks:
        runtime = getattr(connection.scope.get("app"), "tasks", None)
        if type(runtime) is TaskRuntime:  # a FastAPI app's: what collector() makes, made here
            return BackgroundTasks(intake=runtime)
        return _runtime_for(connection).collector()

    async def hand_over(self, connection: HTTPConnection, response: Response) -> None:
        background = response.background
        if type(background) is BackgroundTasks:
            if not background.tasks:
                return  # nothing yet: the response runs the collector (what its body adds)
            # The runtime that admitted its tasks (no need to look the app up again).
            runtime = background.intake
            if type(runtime) is not TaskRuntime:
                runtime = _runtime_for(connection)
            elif runtime.backend is runtime.memory:  # what hand_over answers, without a coroutine
                response.background = _GroupRun(run_in_memory, background, runtime.memory)
                return
        elif background is None:
            return
        else:
            runtime = _runtime_for(connection)
        response.background = await runtime.hand_over(background)


APP_TASKS = AppTasks()
