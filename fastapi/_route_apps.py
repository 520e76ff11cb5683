"""The ASGI apps a route is served by, and the handler helpers FastAPI's routing module has.

``fastapi.routing`` publishes these under FastAPI's names.
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

from starlette._exception_handler import wrap_app_handling_exceptions
from starlette._utils import is_async_callable
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send
from starlette.websockets import WebSocket

from fastapi._app_tasks import task_port_for
from fastapi._core.analyse.field import ModelField
from fastapi._core.execute.exception_layer import EXCEPTION_HANDLERS, answer_handled
from fastapi._core.execute.handler import DIRECT_APP, build_request_handler
from fastapi._core.execute.request_scope import REQUEST_EXIT_STACK, close_request_stack
from fastapi._core.execute.server_errors import StartTracking
from fastapi._core.execute.threads import run_sync
from fastapi._core.execute.websocket import build_websocket_handler
from fastapi._core.serialize.dump_options import DumpOptions
from fastapi._core.serialize.response import ResponseSerializer
from fastapi._core.starlette_adapter import parsed_form
from fastapi.concurrency import run_in_threadpool
from fastapi.datastructures import Default, DefaultPlaceholder
from fastapi.dependencies.models import Dependant
from fastapi.types import IncEx


def request_response(func: Callable[[Request], Awaitable[Response] | Response]) -> ASGIApp:
    """Wrap a ``request -> response`` function as an ASGI app, with exception handlers.

    Uploaded files of a parsed form are closed once the response has been sent. One frame
    and one ``send`` wrapper per request; a failure is answered by Starlette's own
    ``wrap_app_handling_exceptions``, run on the exception caught.
    """
    handler: Callable[[Request], Awaitable[Response]] = (
        func if is_async_callable(func) else functools.partial(run_in_threadpool, func)  # type: ignore[assignment,call-arg,arg-type]
    )

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive, send)
        handlers = scope.get(EXCEPTION_HANDLERS)
        sender = StartTracking(send)

        try:
            try:
                response = await handler(request)
                await response(scope, receive, sender)
            except BaseException as error:
                if REQUEST_EXIT_STACK in scope:  # Depends(scope="request") sees the error
                    await close_request_stack(scope, error)
                raise
            else:
                if REQUEST_EXIT_STACK in scope:  # only routes with such a dependency open one
                    await close_request_stack(scope)
            finally:
                form = parsed_form(request)
                if form is not None:
                    await form.close()
        except Exception as exc:
            await answer_handled(exc, request, handlers, sender.started, receive, sender)

    return app


def route_app(handler: Callable[[Request], Awaitable[Response]]) -> ASGIApp:
    """The ASGI app of an API route: the one its handler serves by itself, if it has one (an
    endpoint without parameters, see ``execute.handler``), else ``request_response``'s."""
    direct: ASGIApp | None = getattr(handler, DIRECT_APP, None)
    return direct if direct is not None else request_response(handler)


def websocket_session(func: Callable[[WebSocket], Awaitable[None]]) -> ASGIApp:
    """Wrap a ``websocket -> None`` coroutine function as an ASGI app, with exception handlers."""

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        session = WebSocket(scope, receive=receive, send=send)

        async def run(scope: Scope, receive: Receive, send: Send) -> None:
            await func(session)

        await wrap_app_handling_exceptions(run, session)(scope, receive, send)

    return app


def get_request_handler(
    dependant: Dependant,
    body_field: ModelField | None = None,
    status_code: int | None = None,
    response_class: type[Response] | DefaultPlaceholder[Any] = Default(JSONResponse),
    response_field: ModelField | None = None,
    response_model_include: IncEx | None = None,
    response_model_exclude: IncEx | None = None,
    response_model_by_alias: bool = True,
    response_model_exclude_unset: bool = False,
    response_model_exclude_defaults: bool = False,
    response_model_exclude_none: bool = False,
    dependency_overrides_provider: Any | None = None,
    embed_body_fields: bool = False,
) -> Callable[[Request], Coroutine[Any, Any, Response]]:
    """The compiled ``request -> response`` coroutine function of a path operation."""
    dump = DumpOptions(
        response_model_include,
        response_model_exclude,
        response_model_by_alias,
        response_model_exclude_unset,
        response_model_exclude_defaults,
        response_model_exclude_none,
    )
    return build_request_handler(  # type: ignore[return-value]
        dependant=dependant,
        body_field=body_field,
        status_code=status_code,
        response_class=unwrapped_default(response_class),
        response_field=response_field,
        dump=dump,
        dependency_overrides_provider=dependency_overrides_provider,
        embed_body_fields=embed_body_fields,
        tasks=task_port_for(dependant),
    )


def get_websocket_app(
    dependant: Dependant,
    dependency_overrides_provider: Any | None = None,
    embed_body_fields: bool = False,
) -> Callable[[WebSocket], Coroutine[Any, Any, Any]]:
    """The compiled ``websocket -> None`` coroutine function of a WebSocket route."""
    return build_websocket_handler(  # type: ignore[return-value]
        dependant=dependant,
        dependency_overrides_provider=dependency_overrides_provider,
        embed_body_fields=embed_body_fields,
        tasks=task_port_for(dependant),
    )


async def run_endpoint_function(
    *, dependant: Dependant, values: dict[str, Any], is_coroutine: bool
) -> Any:
    """Call the endpoint: awaited if it is a coroutine function, else in a worker thread."""
    assert dependant.call is not None, "dependant.call must be a function"
    if is_coroutine:
        return await dependant.call(**values)
    return await run_sync(dependant.call, **values)


async def serialize_response(
    *,
    field: ModelField | None = None,
    response_content: Any,
    include: IncEx | None = None,
    exclude: IncEx | None = None,
    by_alias: bool = True,
    exclude_unset: bool = False,
    exclude_defaults: bool = False,
    exclude_none: bool = False,
    is_coroutine: bool = True,
) -> Any:
    """JSON-compatible data for ``response_content``, validated by ``field`` when given."""
    dump = DumpOptions(include, exclude, by_alias, exclude_unset, exclude_defaults, exclude_none)
    serializer = ResponseSerializer(field, JSONResponse, dump)
    return serializer.content(response_content)


def unwrapped_default(value: Any) -> Any:
    """The value a ``Default(...)`` placeholder wraps, or the value itself."""
    return value.value if isinstance(value, DefaultPlaceholder) else value
