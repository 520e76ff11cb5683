"""Unhandled exceptions: a bare 500 for the client, one log line with the request for the operator.

Starlette's ``ServerErrorMiddleware`` answers ``Internal Server Error`` (a traceback page only
with ``debug=True``) and re-raises, and the server then logs a traceback that names neither
the request nor the route. Here the exception is logged once, on the ``fastapi`` logger, with
the request line and the route, and still re-raised (``TestClient`` raises it, servers close
the connection as before); the server's own record of that same exception is dropped.
"""

from __future__ import annotations

import logging
from typing import Any

from starlette.middleware.errors import ServerErrorMiddleware
from starlette.types import Receive, Scope, Send

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


class LoggingServerErrors(ServerErrorMiddleware):
    """``ServerErrorMiddleware`` that logs what it answers a 500 for (see the module doc)."""

    def __init__(self, app: Any, handler: Any = None, debug: bool = False) -> None:
        super().__init__(app, handler=handler, debug=debug)
        install_server_log_filter()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await super().__call__(scope, receive, send)
        except Exception as exc:
            if scope["type"] == "http":
                log_unhandled(scope, exc)
            raise
