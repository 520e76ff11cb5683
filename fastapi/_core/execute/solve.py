"""Running a plan's steps for one request: validate, resolve dependencies, collect errors."""

from __future__ import annotations

from contextlib import AsyncExitStack
from typing import Any

from starlette.background import BackgroundTasks as StarletteBackgroundTasks
from starlette.requests import HTTPConnection, Request, cookie_parser
from starlette.responses import Response
from starlette.websockets import WebSocket

from fastapi._core.compile.plan import CallKind, Inject, Plan, Source, Step
from fastapi._core.execute.query import query_params_of
from fastapi._core.execute.task_port import STARLETTE_TASKS, TaskPort
from fastapi._core.execute.thread_context import ThreadedContext
from fastapi._core.execute.threads import run_sync
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


async def _read_step(
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


def _arguments(
    step: Step, results: list[Any], failed: set[int] | None
) -> tuple[dict[str, Any], bool]:
    """The values of the step's sub-dependencies, and whether all of them succeeded."""
    values: dict[str, Any] = {}
    if failed is None:  # nothing failed so far (the usual case)
        for name, child in step.named_children:
            values[name] = results[child]
        return values, True
    ok = True
    for name, child in step.children:
        if child in failed:
            ok = False
        elif name:
            values[name] = results[child]
    return values, ok


async def _call(
    step: Step,
    values: dict[str, Any],
    stack: AsyncExitStack | None,
    request_stack: AsyncExitStack | None,
) -> Any:
    """A sync or yield dependency's result (async ones are awaited in place)."""
    kind = step.kind
    if kind is CallKind.SYNC:
        return await run_sync(step.call, **values)
    # Request-scoped exits wait for the response (when the caller keeps such a stack).
    target = request_stack if step.request_scoped and request_stack is not None else stack
    assert target is not None
    if kind is CallKind.ASYNC_GENERATOR:
        return await target.enter_async_context(step.context(**values))
    return await target.enter_async_context(ThreadedContext(step.context(**values)))


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
        results, failed = await _solve_dependencies(
            plan, sources, body, resolution, remember, stack, request_stack
        )
        values, ok = _arguments(plan.endpoint, results, failed)
    else:
        values, ok = {}, True
    endpoint = plan.endpoint
    if endpoint.reads:
        ok = await _read_step(endpoint, sources, body, values, resolution) and ok
    if ok:
        resolution.values = values
    return resolution


async def _solve_dependencies(
    plan: Plan,
    sources: _Sources,
    body: Any,
    resolution: Resolution,
    remember: bool,
    stack: AsyncExitStack | None,
    request_stack: AsyncExitStack | None,
) -> tuple[list[Any], set[int] | None]:
    """Every dependency's result (cached ones once), and the indices of those that failed."""
    cache = resolution.cache
    results: list[Any] = [None] * len(plan.steps)
    failed: set[int] | None = None
    for index, step in enumerate(plan.dependencies):
        values, ok = _arguments(step, results, failed)
        if remember and ok and step.use_cache and step.cache_key in cache:
            results[index] = cache[step.cache_key]
            continue
        if step.reads:
            ok = await _read_step(step, sources, body, values, resolution) and ok
        if not ok:
            failed = {index} if failed is None else failed | {index}
            continue
        if step.kind is CallKind.ASYNC:
            result = await step.call(**values)
        else:
            result = await _call(step, values, stack, request_stack)
        results[index] = result
        if remember and step.cache_key not in cache:
            cache[step.cache_key] = result
    return results, failed


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
