"""The request handler of an API route: read the body, solve, call, build the response."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

from fastapi._core import params
from fastapi._core.analyse.field import ModelField
from fastapi._core.compile.plan import CallKind, Inject, Plan, Step
from fastapi._core.compile.plan_cache import PlanCache
from fastapi._core.dependant import Dependant
from fastapi._core.errors import FastAPIError, RequestValidationError
from fastapi._core.execute.exception_layer import EXCEPTION_HANDLERS, answer_handled
from fastapi._core.execute.request_body import read_form_body, read_json_body
from fastapi._core.execute.request_scope import open_request_stack
from fastapi._core.execute.resolution import NOTHING_SOLVED, Resolution, background_of
from fastapi._core.execute.server_errors import StartTracking
from fastapi._core.execute.task_port import TaskPort
from fastapi._core.execute.threads import run_sync
from fastapi._core.execute.unrenderable import client_errors
from fastapi._core.execute.unrolled import route_runner
from fastapi._core.serialize.dump_options import DEFAULT_DUMP, DumpOptions
from fastapi._core.serialize.offload import is_large
from fastapi._core.serialize.response import ResponseSerializer, is_body_allowed_for_status_code

if TYPE_CHECKING:  # pragma: no cover - loaded by the first streaming route
    from fastapi._core.serialize.item_stream import ItemStream

NO_RESPONSE = (
    "No response object was returned. There's a high chance that the application code is raising an "
    "exception and a dependency with yield has a block with a bare except, or a block with except "
    "Exception, and is not raising the exception again. Read more about it in the docs: "
    "https://fastapi.tiangolo.com/tutorial/dependencies/dependencies-with-yield/#dependencies-with-yield-and-except"
)

RequestHandler = Callable[[Request], Awaitable[Response]]


def _stream_response(
    stream: ItemStream, source: Any, resolution: Resolution, status_code: int | None
) -> Response:
    """The streaming response of a yielding endpoint, with the status and headers its
    dependencies set on the injected ``Response``."""
    sub_response = resolution.response
    if sub_response is not None and sub_response.status_code:
        status_code = sub_response.status_code
    response = stream.response(source, status_code or None, resolution.background)
    if sub_response is not None:
        response.headers.raw.extend(sub_response.headers.raw)
    return response


# ``request`` is None only for an endpoint that takes nothing from it (``_unsolved_app``).
Respond = Callable[[Request | None, Plan, Resolution, Any], Awaitable[Response]]
# The attribute under which a handler carries the ASGI app that serves its route by itself.
DIRECT_APP = "fastapi_direct_app"


def build_request_handler(
    *,
    dependant: Dependant,
    body_field: ModelField | None = None,
    status_code: int | None = None,
    response_class: type[Response] | None = None,
    response_field: ModelField | None = None,
    dump: DumpOptions = DEFAULT_DUMP,
    dependency_overrides_provider: Any = None,
    embed_body_fields: bool = False,
    item_stream: ItemStream | None = None,
    tasks: TaskPort,
) -> RequestHandler:
    """Compile everything about the route now; return the per-request coroutine function."""
    from starlette.responses import JSONResponse

    assert dependant.call is not None, "dependant.call must be a function"
    reads_form = body_field is not None and isinstance(body_field.field_info, params.Form)
    plans = PlanCache(
        dependant,
        embed_body=embed_body_fields,
        provider=dependency_overrides_provider,
        reads_form=reads_form,
        streams=item_stream is not None,
    )
    serializer = ResponseSerializer(response_field, response_class or JSONResponse, dump)
    respond = _responder(plans.base.endpoint, serializer, status_code or None, item_stream)
    if body_field is None and plans.fixed and plans.base.trivial:
        return _unsolved_handler(plans.base, respond, tasks)
    injector = _injector(plans.base) if body_field is None and plans.fixed else None
    if injector is not None:
        return _injecting_handler(plans.base, respond, tasks, injector)
    route_runner(plans.base, respond, tasks)  # generated now, not on the first request
    read_body: Callable[[Request], Awaitable[Any]] | None = None
    if body_field is not None:
        read_body = read_form_body if reads_form else read_json_body
    return _solving_handler(plans, read_body, respond, tasks)


def _unsolved_handler(plan: Plan, respond: Respond, tasks: TaskPort) -> RequestHandler:
    """An endpoint without parameters, body or dependencies: called straight away (and, as
    its route's own ASGI app, without a ``Request``: ``_unsolved_app``)."""

    async def handle(request: Request) -> Response:
        response = await respond(request, plan, NOTHING_SOLVED, None)
        if response.background is not None:
            await tasks.hand_over(request, response)  # the one place tasks leave the request
        return response

    setattr(handle, DIRECT_APP, _unsolved_app(plan, respond, tasks))
    return handle


def _unsolved_app(plan: Plan, respond: Respond, tasks: TaskPort) -> ASGIApp:
    """What ``request_response(handle)`` does for such an endpoint, in one frame: nothing
    is solved, no request-scoped exit or form can be open, and the ``Request`` is built only
    for what needs one (a response's tasks, an exception handler)."""

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        handlers = scope.get(EXCEPTION_HANDLERS)
        sender = StartTracking(send)

        try:
            response = await respond(None, plan, NOTHING_SOLVED, None)
            if response.background is not None:
                await tasks.hand_over(Request(scope, receive, send), response)
            await response(scope, receive, sender)
        except Exception as exc:
            request = Request(scope, receive, send)
            await answer_handled(exc, request, handlers, sender.started, receive, sender)

    return app


# Makes an endpoint's injected objects for one request: (resolution, request) -> arguments.
Injector = Callable[[Resolution, Request], dict[str, Any]]


def _sub_response(resolution: Resolution, request: Request) -> Response:
    return resolution.sub_response()


# The injected objects an endpoint may take and still be served without solving: none of
# them hands the request to user code (so no form or request-scoped exit can be open).
_MAKERS: dict[Inject, Callable[[Resolution, Request], Any]] = {
    Inject.BACKGROUND: background_of,
    Inject.RESPONSE: _sub_response,
}


def _injector(plan: Plan) -> Injector | None:
    """How to make the arguments of an endpoint that takes only ``BackgroundTasks`` and/or
    ``Response`` (no parameter, body or dependency); None for any other endpoint."""
    endpoint = plan.endpoint
    if len(plan.steps) != 1 or endpoint.has_params or not endpoint.injections:
        return None
    if any(kind not in _MAKERS for _, kind in endpoint.injections):
        return None
    makers = [(name, _MAKERS[kind]) for name, kind in endpoint.injections]
    if len(makers) == 1:
        ((name, make),) = makers
        return lambda resolution, request: {name: make(resolution, request)}
    return lambda resolution, request: {name: make(resolution, request) for name, make in makers}


def _injecting_handler(
    plan: Plan, respond: Respond, tasks: TaskPort, injector: Injector
) -> RequestHandler:
    """An endpoint taking only injected objects (``_injector``): they are made and it is
    called straight away, as ``solve`` would (and, as its route's own ASGI app, without
    ``request_response``'s layer: ``_injecting_app``)."""

    async def handle(request: Request) -> Response:
        resolution = Resolution(tasks)
        resolution.values = injector(resolution, request)
        response = await respond(request, plan, resolution, None)
        if response.background is not None:
            await tasks.hand_over(request, response)  # the one place tasks leave the request
        return response

    setattr(handle, DIRECT_APP, _injecting_app(handle))
    return handle


def _injecting_app(handle: RequestHandler) -> ASGIApp:
    """What ``request_response(handle)`` does for such an endpoint, in one frame: no
    request-scoped exit or form can be open (user code never sees the request)."""

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive, send)
        handlers = scope.get(EXCEPTION_HANDLERS)
        sender = StartTracking(send)
        try:
            response = await handle(request)
            await response(scope, receive, sender)
        except Exception as exc:
            await answer_handled(exc, request, handlers, sender.started, receive, sender)

    return app


def _solving_handler(
    plans: PlanCache,
    read_body: Callable[[Request], Awaitable[Any]] | None,
    respond: Respond,
    tasks: TaskPort,
) -> RequestHandler:
    """Read the body, solve the plan and respond within its exits (``route_runner``); the
    errors are raised once every exit has run, so that ``yield`` dependencies never see them."""

    async def handle(request: Request) -> Response:
        plan = plans.current()
        body = await read_body(request) if read_body is not None else None
        request_stack = open_request_stack(request) if plan.needs_request_stack else None
        run = plan.route_runner or route_runner(plan, respond, tasks)
        # A yield dependency may swallow the response's error: no response, and no errors.
        resolution, response = await run(request, body, request_stack)
        if resolution.errors:
            raise RequestValidationError(resolution.errors, body=body)
        if response is None:
            raise FastAPIError(NO_RESPONSE)
        if response.background is not None:
            await tasks.hand_over(request, response)  # the one place tasks leave the request
        return response

    return handle


def _responder(
    endpoint: Step,
    serializer: ResponseSerializer,
    status_code: int | None,
    item_stream: ItemStream | None,
) -> Respond:
    """Call the endpoint with what was solved and make its result the response."""
    if item_stream is not None:

        async def respond_with_stream(
            request: Request | None, plan: Plan, resolution: Resolution, body: Any
        ) -> Response:
            # Calling a generator function runs none of its code.
            source = plan.endpoint.call(**resolution.values)
            return _stream_response(item_stream, source, resolution, status_code)

        return respond_with_stream
    endpoint_is_async = endpoint.kind is CallKind.ASYNC

    async def respond(
        request: Request | None, plan: Plan, resolution: Resolution, body: Any
    ) -> Response:
        call = plan.endpoint.call
        if endpoint_is_async:
            raw = await call(**resolution.values)
        else:
            raw = await run_sync(call, **resolution.values)
        if isinstance(raw, Response):
            if raw.background is None:
                raw.background = resolution.background
            return raw
        sub_response = resolution.response
        code = status_code
        if sub_response is not None and sub_response.status_code:
            code = sub_response.status_code
        try:
            if is_large(raw):  # encoded off the loop, which keeps serving other requests
                response = await run_sync(
                    serializer.response, raw, code, resolution.background, True
                )
            else:
                response = serializer.response(raw, code, resolution.background)
        except (ValueError, UnicodeError) as exc:
            if request is None:  # the endpoint took nothing the client sent: not theirs
                raise
            errors = client_errors(exc, request, body, plan.steps, resolution.values)
            if errors:  # what the client sent cannot be encoded: theirs, not a server error
                raise RequestValidationError(errors, body=body) from exc
            raise
        return _with_sub_response(response, sub_response)

    return respond


def _with_sub_response(response: Response, sub_response: Response | None) -> Response:
    """The rendered response with what dependencies set on the injected ``Response``."""
    if not is_body_allowed_for_status_code(response.status_code):
        response.body = b""
    if sub_response is not None:
        response.headers.raw.extend(sub_response.headers.raw)
    return response
