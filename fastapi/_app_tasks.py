"""How an app reaches its background-task runtime without loading it before it is needed.

Most apps queue no task: for them ``import fastapi`` and building the app import none of
``fastapi.tasks``' runtime. ``app.tasks`` is made on first use (``tasks=`` given, a route
declaring ``BackgroundTasks``, ``app.tasks.get(...)``, a request's first task); the app's
lifespan runs the runtime that exists by then (or the one periodic tasks need), and otherwise
keeps the running loop for a runtime made later and stops that one's waiting tasks at exit.
A route whose dependencies declare no ``BackgroundTasks`` hands its responses to
``LAZY_TASKS``, which loads the runtime's port only when a response carries tasks.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any

from starlette.background import BackgroundTasks
from starlette.requests import HTTPConnection
from starlette.responses import Response

from fastapi._core.dependant import Dependant
from fastapi._core.execute.task_port import TaskPort

if TYPE_CHECKING:  # pragma: no cover
    from fastapi.tasks.runtime import TaskRuntime


def runtime_port() -> TaskPort:
    """The task runtime's own port (importing the runtime)."""
    from fastapi.tasks.runtime import APP_TASKS

    return APP_TASKS


class _LazyTaskPort:
    """The port of routes that declare no ``BackgroundTasks``: a response without tasks is
    let through as it is; anything else (a response made with ``background=``, a dependency
    override injecting ``BackgroundTasks``) goes to the runtime's port."""

    def collector(self, connection: HTTPConnection) -> BackgroundTasks:
        return runtime_port().collector(connection)

    async def hand_over(self, connection: HTTPConnection, response: Response) -> None:
        if response.background is not None:
            await runtime_port().hand_over(connection, response)


LAZY_TASKS = _LazyTaskPort()


def declares_background_tasks(dependant: Dependant) -> bool:
    """Whether ``dependant`` or one of its dependencies takes a ``BackgroundTasks``."""
    if dependant.background_tasks_param_name is not None:
        return True
    return any(declares_background_tasks(sub) for sub in dependant.dependencies)


def task_port_for(dependant: Dependant) -> TaskPort:
    """The port a route's handler is built with: the runtime's own (loaded now, at build
    time, not on the first request) when the route declares ``BackgroundTasks``."""
    return runtime_port() if declares_background_tasks(dependant) else LAZY_TASKS


def _periodic_tasks_defined() -> bool:
    """Whether any ``@task(every=...)``/``cron=`` function exists (their module is loaded
    by the first one)."""
    periodic = sys.modules.get("fastapi.tasks.periodic")
    return periodic is not None and bool(periodic.registered())


class AppTaskRuntime:
    """Makes an app's runtime (``new``) and runs it with the app (``lifespan``)."""

    __slots__ = ("_app", "_loop")

    def __init__(self, app: Any) -> None:
        self._app = app
        #: The running app's loop, while its lifespan runs without a runtime.
        self._loop: asyncio.AbstractEventLoop | None = None

    def new(self, settings: Any = None) -> TaskRuntime:
        from fastapi.tasks.runtime import TaskRuntime

        runtime = TaskRuntime(settings)
        runtime.loop = self._loop  # made while the app runs: its tasks run on the app's loop
        return runtime

    @asynccontextmanager
    async def lifespan(self, app: Any = None) -> AsyncIterator[None]:
        made: TaskRuntime | None = vars(self._app).get("tasks")
        if made is None and _periodic_tasks_defined():
            made = self._app.tasks
        if made is not None:
            async with made.lifespan(app):
                yield
            return
        self._loop = asyncio.get_running_loop()
        try:
            yield
        finally:
            late: TaskRuntime | None = vars(self._app).get("tasks")
            if late is not None:  # made while the app ran
                late.cancel_waiting()
