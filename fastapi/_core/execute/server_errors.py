"""Unhandled exceptions: a bare 500 for the client, one log line with the request for the operator.

Starlette's ``ServerErrorMiddleware`` answers ``Internal Server Error`` (a traceback page only
with ``debug=True``) and re-raises, and the server then logs a traceback that names neither
the request nor the route. Here the exception is logged once, on the ``fastapi`` logger, with
the request line and the route, and still re-raised (``TestClient`` raises it, servers close
the connection as before); the server's own record of that same exception is dropped.
"""

from __future__ import annotations

import copy
import logging
from typing import Any

from starlette.middleware.errors import ServerErrorMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

logger = logging.getLogger("fastapi")

_LOGGED = "__fastapi_logged__"
_SERVER_LOGGERS = ("uvicorn.error", "hypercorn.error")


def request_line(scope: Scope) -> str:
    """``GET /path?query`` as the client sent it."""
    query = scope.get("query_string", b"")
    target = scope.get("path", "") + ("?" + query.decode("latin-1") if query else "")
    return f"{scope.get('method', scope.get('type', '').upper())} {target}"


def route_description(scope: Scope) -> str:
    route = scope.get("route")
    path = getattr(route, "path", None)
    endpoint = scope.get("endpoint")
    name = getattr(endpoint, "__qualname__", None) or getattr(route, "name", None)
    if path is None:
        return "no route matched"
    return f"route {path}" + (f", endpoint {name}" if name else "")


def log_unhandled(scope: Scope, exc: BaseException) -> None:
    """Log ``exc`` once, with the request and the route it came from."""
    if getattr(exc, _LOGGED, False):
        return
    logger.error(
        "Exception in %s (%s)", request_line(scope), route_description(scope), exc_info=exc
    )
    mark_logged(exc)


def mark_logged(exc: BaseException) -> None:
    """Note that ``exc`` has been logged (a failed background task, say): not again."""
    try:
        setattr(exc, _LOGGED, True)
    except AttributeError:  # pragma: no cover - an exception type with __slots__
        pass


class _AlreadyLogged(logging.Filter):
    """Drops a server's record of an exception this module has logged already."""

    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        return not getattr(exc, _LOGGED, False)


_FILTER = _AlreadyLogged()


def install_server_log_filter() -> None:
    for name in _SERVER_LOGGERS:
        server_logger = logging.getLogger(name)
        if _FILTER not in server_logger.filters:
            server_logger.addFilter(_FILTER)


async def discard(message: Message) -> None:
    """The ``send`` of an answer that must not reach the client (its response had started)."""


_STARTED: Message = {"type": "http.response.start", "status": 500, "headers": []}


class StartTracking:
    """A ``send`` that notes whether the response has started: an error after that point
    can no longer be answered, only logged."""

    __slots__ = ("send", "started")

    def __init__(self, send: Send) -> None:
        self.send = send
        self.started = False

    async def __call__(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            self.started = True
        await self.send(message)


def replaying(exc: Exception, started: bool) -> ASGIApp:
    """An app that fails as the app it stands for did: with ``exc``, after starting its
    response when that one had. Starlette's own handling code then runs on it, so that an
    error is answered exactly as the installed Starlette answers it (give it ``discard`` as
    ``send`` when ``started``: the start it sees is only a marker). The exception is taken
    out of the closure as it is raised: held there, it would be reachable from its own
    traceback (which holds this frame), a cycle only the garbage collector frees."""
    pending = [exc]

    async def failed(scope: Scope, receive: Receive, send: Send) -> None:
        if started:
            await send(_STARTED)
        raise pending.pop()

    return failed


class LoggingServerErrors(ServerErrorMiddleware):
    """``ServerErrorMiddleware`` that logs what it answers a 500 for (see the module doc).

    One frame and one ``send`` wrapper per request; only a failure runs Starlette's own
    ``ServerErrorMiddleware`` code (``answer``), which picks and sends the 500.
    """

    def __init__(self, app: Any, handler: Any = None, debug: bool = False) -> None:
        super().__init__(app, handler=handler, debug=debug)
        install_server_log_filter()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        tracked = StartTracking(send)

        try:
            await self.app(scope, receive, tracked)
        except Exception as exc:
            await self.answer(exc, scope, receive, send, tracked.started)

    async def answer(
        self, exc: Exception, scope: Scope, receive: Receive, send: Send, started: bool
    ) -> None:
        """Answer the HTTP request whose app raised ``exc`` (a 500 unless ``started``), log
        it, and re-raise it (or what the 500 handler raised instead)."""
        fallback = copy.copy(self)
        fallback.app = replaying(exc, started)
        try:
            await ServerErrorMiddleware.__call__(
                fallback, scope, receive, discard if started else send
            )
        except Exception as raised:
            log_unhandled(scope, raised)
            raise
