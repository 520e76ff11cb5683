"""What solving one request works with: the request's parameter sources, the resolution
(arguments, errors, injected objects) and the reading of one step's own parameters.

Shared by the generic ``solve`` and by the runners ``unrolled`` generates.
"""

from __future__ import annotations

from typing import Any

from starlette.background import BackgroundTasks as StarletteBackgroundTasks
from starlette.requests import HTTPConnection, Request, cookie_parser
from starlette.responses import Response
from starlette.websockets import WebSocket

from fastapi._core.compile.plan import Inject, Source, Step
from fastapi._core.execute.query import query_params_of
from fastapi._core.execute.task_port import STARLETTE_TASKS, TaskPort
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
        return background_of(resolution, connection)
    return SecurityScopes(scopes=scopes)


def background_of(resolution: Resolution, connection: HTTPConnection) -> Any:
    """The request's ``BackgroundTasks``, made on first use."""
    if resolution.background is None:
        resolution.background = resolution.tasks.collector(connection)
    return resolution.background


def _first_cookie_header(connection: HTTPConnection) -> dict[str, str]:
    """The cookies of the first Cookie header, as FastAPI 0.116 on Starlette 0.4x reads them
    (unless something asked ``request.cookies`` first: a dependency may have changed it)."""
    raw = connection.headers.get("cookie")
    return cookie_parser(raw) if raw else {}


class Sources:
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
    step: Step, sources: Sources, body: Any, values: dict[str, Any], resolution: Resolution
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


# What a request solves to when a yield dependency swallowed its error: no errors, and no
# response (read only: one value serves every request).
NOTHING_SOLVED = Resolution()
