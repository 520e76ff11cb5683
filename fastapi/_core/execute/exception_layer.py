"""The app's exception layer: its exception handlers, its request limits and, when no user
middleware sits between them, its 500 answer, in one frame.

Starlette stacks ``ServerErrorMiddleware``, the user's middleware and ``ExceptionMiddleware``,
and this package's limits layer sat inside them: a frame each, two ``send`` wrappers and a
``Request`` built for every request, though nearly no request raises. ``AppExceptions`` runs
the limits check and the app with one ``send`` wrapper, and builds the connection an
exception handler receives only when a handler is looked for. What a failure is answered
with is decided by Starlette's own code (``wrap_app_handling_exceptions``, then
``ServerErrorMiddleware``) run on the exception caught, so it is the installed Starlette's;
only the common case, an async handler answering before the response started, is run here
without the wrapper, as it would run it (``handler_lookup``).
"""

from __future__ import annotations

from typing import Any

from starlette._exception_handler import wrap_app_handling_exceptions
from starlette.middleware.exceptions import ExceptionMiddleware
from starlette.requests import Request
from starlette.types import ASGIApp, Receive, Scope, Send
from starlette.websockets import WebSocket

from fastapi._core.execute.handler_lookup import (
    EXCEPTION_HANDLERS,
    after_answer,
    async_handler_for,
)
from fastapi._core.execute.server_errors import (
    LoggingServerErrors,
    StartTracking,
    discard,
    replaying,
)
from fastapi._core.limits import Limits, checked_receive

__all__ = ["EXCEPTION_HANDLERS", "AppExceptions", "answer_handled"]


async def answer_handled(
    exc: Exception,
    connection: Request | WebSocket,
    handlers: Any,
    started: bool,
    receive: Receive,
    send: Send,
) -> None:
    """What Starlette's ``wrap_app_handling_exceptions`` does with ``exc``, raised by the app
    it wrapped for ``connection``: the app's handler answers it, or it is raised again.

    ``handlers`` are those the scope held when the request came in (an app the endpoint
    called with the same scope may have put its own there since); ``started``, whether the
    response had started (then ``send`` is not used). An async handler for a response not
    started is called here as the wrapper would call it (``handler_lookup``)."""
    scope = connection.scope
    if handlers is not None and scope.get(EXCEPTION_HANDLERS) is not handlers:
        scope[EXCEPTION_HANDLERS] = handlers
    handler = None if started else async_handler_for(exc, scope)
    if handler is not None:
        response = await handler(connection, exc)
        if response is not None:
            await response(scope, receive, send)
        after_answer(exc)
        return
    await wrap_app_handling_exceptions(replaying(exc, started), connection)(
        scope, receive, discard if started else send
    )


class AppExceptions(ExceptionMiddleware):
    """``ExceptionMiddleware`` with the request limits checked inside it (their refusals are
    ``HTTPException``s its handlers answer) and, given ``server_errors``, the outermost
    layer's 500 answer too (when nothing stands between the two)."""

    def __init__(
        self,
        app: ASGIApp,
        handlers: Any = None,
        debug: bool = False,
        *,
        limits: Limits | None = None,
        server_errors: LoggingServerErrors | None = None,
    ) -> None:
        super().__init__(app, handlers=handlers, debug=debug)
        self.limits = limits  # None: no header or body limit to check
        self.server_errors = server_errors
        self._handlers = (self._exception_handlers, self._status_handlers)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        kind = scope["type"]
        if kind == "http":
            await self._http(scope, receive, send)
        elif kind == "websocket":
            scope[EXCEPTION_HANDLERS] = self._handlers
            try:
                await self.app(scope, receive, send)
            except Exception as exc:
                session = WebSocket(scope, receive, send)
                await answer_handled(exc, session, self._handlers, False, receive, send)
        else:
            await self.app(scope, receive, send)

    async def _http(self, scope: Scope, receive: Receive, send: Send) -> None:
        tracked = StartTracking(send)

        try:
            scope[EXCEPTION_HANDLERS] = self._handlers
            try:
                if self.limits is not None:
                    receive = checked_receive(self.limits, scope["headers"], receive)
                await self.app(scope, receive, tracked)
            except Exception as exc:
                request = Request(scope, receive, tracked)
                await answer_handled(
                    exc, request, self._handlers, tracked.started, receive, tracked
                )
        except Exception as exc:
            if self.server_errors is None:
                raise
            await self.server_errors.answer(exc, scope, receive, send, tracked.started)
