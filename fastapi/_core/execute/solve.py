"""Running a plan's steps for one request: validate, resolve dependencies, collect errors."""

from __future__ import annotations

from contextlib import AsyncExitStack
from typing import Any

from starlette.background import BackgroundTasks as StarletteBackgroundTasks
from starlette.requests import HTTPConnection, Request, cookie_parser
from starlette.responses import Response
from starlette.websockets import WebSocket

from fastapi._core.compile.plan import CallKind, Inject, Plan, Source
from fastapi._core.execute.query import query_params_of
from fastapi._core.execute.task_port import STARLETTE_TASKS, TaskPort
from fastapi._core.execute.thread_context import ThreadedContext
from fastapi._core.execute.threads import run_sync
from fastapi._core.security import SecurityScopes
from fastapi._core.starlette_adapter import parsed_cookies


class Resolution:
    """What solving produced: the endpoint's arguments, or the errors that stop it."""

    __slots__ = ("background", "cache", "errors", "response", "tasks", "values")

    def __init__(self, tasks: TaskPort = STARLETTE_TASKS) -> None:
        self.tasks = tasks
        self.values: dict[str, Any] = {}
        self.cache: dict[Any, Any] = {}
        self.errors: list[dict[str, Any]] = []
        self.background: StarletteBackgroundTasks | None = None
        self.response: Response | None = None

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
    resolution = Resolution(tasks)
    resolution.background = background
    resolution.response = response
    if plan.trivial:
        return resolution
    errors = resolution.errors
    steps = plan.steps
    last = len(steps) - 1
    results: list[Any] = [None] * len(steps)
    failed = [False] * len(steps)
    if cache is None:
        cache = {}
    resolution.cache = cache
    path = connection.path_params
    query: Any = None
    headers: Any = None
    cookies: Any = None

    for index, step in enumerate(steps):
        values: dict[str, Any] = {}
        ok = True
        for name, child in step.children:
            if failed[child]:
                ok = False
            elif name:
                values[name] = results[child]
        if index != last and ok and step.use_cache and step.cache_key in cache:
            results[index] = cache[step.cache_key]
            continue
        if step.has_params:
            for source, readers in step.sources:
                if source is Source.PATH:
                    mapping: Any = path
                elif source is Source.QUERY:
                    if query is None:
                        query = query_params_of(connection)
                    mapping = query
                elif source is Source.HEADER:
                    if headers is None:
                        headers = connection.headers
                    mapping = headers
                else:
                    mapping = parsed_cookies(connection)
                    if mapping is None:
                        if cookies is None:
                            cookies = _first_cookie_header(connection)
                        mapping = cookies
                ok = read_params(readers, mapping, values, errors) and ok
            if step.body is not None:
                ok = await step.body.read(body, values, errors) and ok
        for name, inject in step.injections:
            value = _injected(inject, connection, resolution, step.dependant.security_scopes)
            if value is not _SKIP:
                values[name] = value
        if not ok:
            failed[index] = True
            continue
        if index == last:
            resolution.values = values
            break
        kind: CallKind = step.kind
        if kind is CallKind.ASYNC:
            result = await step.call(**values)
        elif kind is CallKind.SYNC:
            result = await run_sync(step.call, **values)
        else:
            # Request-scoped exits wait for the response (when the caller keeps such a stack).
            target = request_stack if step.request_scoped and request_stack is not None else stack
            assert target is not None
            result = await enter_yield_dependency(
                target, step.context(**values), in_thread=kind is CallKind.GENERATOR
            )
        results[index] = result
        if step.cache_key not in cache:
            cache[step.cache_key] = result
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
    """Each reader's value into ``values`` (by name), or its errors into ``errors``."""
    ok = True
    for reader in readers:
        value, reader_errors = reader.read(source)
        if reader_errors:
            errors.extend(reader_errors)
            ok = False
        else:
            values[reader.name] = value
    return ok
