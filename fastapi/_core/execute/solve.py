"""Running a plan's steps for one request: validate, resolve dependencies, collect errors."""

from __future__ import annotations

from contextlib import AsyncExitStack
from typing import Any

from starlette.background import BackgroundTasks as StarletteBackgroundTasks
from starlette.requests import HTTPConnection, Request, cookie_parser
from starlette.responses import Response
from starlette.websockets import WebSocket

from fastapi._core.compile.plan import Inject, Plan, Source, Step
from fastapi._core.execute.query import query_params_of
from fastapi._core.execute.task_port import STARLETTE_TASKS, TaskPort
from fastapi._core.execute.thread_context import ThreadedContext
from fastapi._core.execute.unrolled import dependency_runner
from fastapi._core.security import SecurityScopes
from fastapi._core.starlette_adapter import parsed_cookies


class Resolution:
    """What solving produced: the endpoint's arguments, or the errors that stop it."""

    __slots__ = ("background", "cache", "errors", "response", "tasks", "values")

    def __init__(
        self,
        tasks: TaskPort = STARLETTE_TASKS,
        background: StarletteBackgroundTasks | None = None,
        response: Response | None = None,
    ) -> None:
        self.tasks = tasks
        self.values: dict[str, Any] = {}
        self.cache: dict[Any, Any] = {}
        self.errors: list[dict[str, Any]] = []
        self.background = background
        self.response = response

    def sub_response(self) -> Response:
        """The ``Response`` injected into endpoints and dependencies to set headers/status."""
        if self.response is None:
            response = Response()
            del response.headers["content-length"]
            response.status_code = None  # type: ignore[assignment]
            self.response = response
        return self.response


_SKIP: Any = object()


def _injected(
    kind: Inject, connection: HTTPConnection, resolution: Resolution, scopes: list[str] | None
) -> Any:
    if kind is Inject.REQUEST:
        return connection if isinstance(connection, Request) else _SKIP
    if kind is Inject.WEBSOCKET:
        return connection if isinstance(connection, WebSocket) else _SKIP
    if kind is Inject.CONNECTION:
        return connection
    if kind is Inject.RESPONSE:
        return resolution.sub_response()
    if kind is Inject.BACKGROUND:
        if resolution.background is None:
            resolution.background = resolution.tasks.collector(connection)
        return resolution.background
    return SecurityScopes(scopes=scopes)


def _first_cookie_header(connection: HTTPConnection) -> dict[str, str]:
    """The cookies of the first Cookie header, as FastAPI 0.116 on Starlette 0.4x reads them
    (unless something asked ``request.cookies`` first: a dependency may have changed it)."""
    raw = connection.headers.get("cookie")
    return cookie_parser(raw) if raw else {}


class _Sources:
    """The request's parameter sources, each looked up once, when a step first reads it."""

    __slots__ = ("_cookies", "_headers", "_query", "connection")

    def __init__(self, connection: HTTPConnection) -> None:
        self.connection = connection
        self._query: Any = None
        self._headers: Any = None
        self._cookies: Any = None

    def of(self, source: Source) -> Any:
        if source is Source.PATH:
            return self.connection.path_params
        if source is Source.QUERY:
            if self._query is None:
                self._query = query_params_of(self.connection)
            return self._query
        if source is Source.HEADER:
            if self._headers is None:
                self._headers = self.connection.headers
            return self._headers
        cookies = parsed_cookies(self.connection)  # asked anew: a dependency may have parsed
        if cookies is not None:
            return cookies
        if self._cookies is None:
            self._cookies = _first_cookie_header(self.connection)
        return self._cookies


async def read_step(
    step: Step, sources: _Sources, body: Any, values: dict[str, Any], resolution: Resolution
) -> bool:
    """The step's own parameters and injected objects into ``values``; False on errors."""
    ok = True
    errors = resolution.errors
    for source, readers in step.sources:
        ok = read_params(readers, sources.of(source), values, errors) and ok
    if step.body is not None:
        ok = await step.body.read(body, values, errors) and ok
    for name, inject in step.injections:
        value = _injected(inject, sources.connection, resolution, step.dependant.security_scopes)
        if value is not _SKIP:
            values[name] = value
    return ok


async def solve(
    plan: Plan,
    connection: HTTPConnection,
    body: Any,
    stack: AsyncExitStack | None,
    *,
    cache: dict[Any, Any] | None = None,
    background: StarletteBackgroundTasks | None = None,
    response: Response | None = None,
    tasks: TaskPort = STARLETTE_TASKS,
    request_stack: AsyncExitStack | None = None,
) -> Resolution:
    """Validate every parameter and call every dependency, in FastAPI's order.

    ``cache``, ``background`` and ``response`` let a caller share them across solves;
    ``tasks`` makes the ``BackgroundTasks`` injected.
    """
    resolution = Resolution(tasks, background, response)
    if plan.trivial:
        return resolution
    # Without a cache shared by the caller, results are remembered only where the plan
    # holds a dependency twice (nothing else could find them).
    remember = cache is not None or plan.repeats
    resolution.cache = {} if cache is None else cache
    sources = _Sources(connection)
    if plan.dependencies:
        run = plan.runner or dependency_runner(plan, read_step)
        values, ok = await run(sources, body, resolution, remember, stack, request_stack)
    else:
        values, ok = {}, True
    endpoint = plan.endpoint
    if endpoint.reads:
        ok = await read_step(endpoint, sources, body, values, resolution) and ok
    if ok:
        resolution.values = values
    return resolution


async def enter_yield_dependency(stack: AsyncExitStack, manager: Any, *, in_thread: bool) -> Any:
    """The value a yield dependency's context manager gives, its exit left to ``stack`` (a
    sync generator runs in a worker thread)."""
    if in_thread:
        manager = ThreadedContext(manager)
    return await stack.enter_async_context(manager)


def read_params(
    readers: Any, source: Any, values: dict[str, Any], errors: list[dict[str, Any]]
) -> bool:
    """Each reader's value into ``values``; or its errors into ``errors``."""
    ok = True
    for reader in readers:
        value, reader_errors = reader.read(source)
        if reader_errors:
            errors.extend(reader_errors)
            ok = False
        else:
            values[reader.name] = value
    return ok
