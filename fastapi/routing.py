"""Routes and routers: the public surface over the analyse/compile/execute machinery.

An ``APIRoute`` analyses its endpoint and compiles its request handler once, in its
constructor; serving a request only runs that handler. ``APIRouter`` groups routes under a
prefix and merges options when routers are included into one another.
"""

from __future__ import annotations

import functools
import inspect
import re
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine, Sequence
from contextlib import asynccontextmanager
from enum import Enum, IntEnum
from typing import Any, TypeVar

from starlette import routing
from starlette._exception_handler import wrap_app_handling_exceptions
from starlette._utils import get_route_path, is_async_callable
from starlette.datastructures import URL
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import (
    BaseRoute,
    Match,
    compile_path,
    get_name,
)
from starlette.routing import Mount as Mount
from starlette.types import AppType, ASGIApp, Lifespan, Receive, Scope, Send
from starlette.websockets import WebSocket
from typing_extensions import Unpack, deprecated

from fastapi import params
from fastapi._compat import lenient_issubclass as lenient_issubclass
from fastapi._core.analyse.dependant import (
    build_dependant,
    flat_dependant,
    parameterless_sub_dependant,
    should_embed_body_fields,
)
from fastapi._core.analyse.field import ModelField
from fastapi._core.analyse.field import create_model_field as new_model_field
from fastapi._core.analyse.signature import return_annotation
from fastapi._core.compile.body_field import body_field_of
from fastapi._core.compile.paths import path_template
from fastapi._core.compile.route_index import RouteIndex, RouteList, register_matches, route_moved
from fastapi._core.declaration import declaring, require
from fastapi._core.execute.handler import build_request_handler
from fastapi._core.execute.request_scope import close_request_stack
from fastapi._core.execute.threads import run_sync
from fastapi._core.execute.websocket import build_websocket_handler
from fastapi._core.serialize.dump_options import DumpOptions
from fastapi._core.serialize.item_stream import ItemStream, is_generator_endpoint, item_annotation
from fastapi._core.serialize.response import ResponseSerializer, prepare_response_content
from fastapi._core.starlette_adapter import ROUTER_NAMES_ROUTE, parsed_form
from fastapi._lazy import lazy_attributes, reexports
from fastapi._route_options import (
    REDECLARED_OPTIONS,
    AddAPIRouteOptions,
    APIRouteInitOptions,
    APIRouteOptions,
    RouteOptions,
    defaults_of,
    signed_with,
    within,
)
from fastapi.concurrency import run_in_threadpool
from fastapi.datastructures import Default, DefaultPlaceholder
from fastapi.dependencies.models import Dependant
from fastapi.dependencies.utils import get_dependant as get_dependant
from fastapi.dependencies.utils import get_flat_dependant as get_flat_dependant
from fastapi.dependencies.utils import (
    get_parameterless_sub_dependant as get_parameterless_sub_dependant,
)
from fastapi.dependencies.utils import get_typed_return_annotation as get_typed_return_annotation
from fastapi.dependencies.utils import solve_dependencies as solve_dependencies
from fastapi.encoders import jsonable_encoder as jsonable_encoder
from fastapi.exceptions import FastAPIError
from fastapi.exceptions import (
    RequestValidationError as RequestValidationError,
)
from fastapi.exceptions import ResponseValidationError as ResponseValidationError
from fastapi.exceptions import (
    WebSocketRequestValidationError as WebSocketRequestValidationError,
)
from fastapi.tasks.runtime import APP_TASKS
from fastapi.types import DecoratedCallable, IncEx
from fastapi.utils import create_model_field as create_model_field
from fastapi.utils import generate_unique_id, is_body_allowed_for_status_code

__all__ = [
    "APIRoute",
    "APIRouter",
    "APIWebSocketRoute",
    "get_request_handler",
    "get_websocket_app",
    "request_response",
    "run_endpoint_function",
    "serialize_response",
]

_T = TypeVar("_T")
_prepare_response_content = prepare_response_content  # the name extensions import


def request_response(func: Callable[[Request], Awaitable[Response] | Response]) -> ASGIApp:
    """Wrap a ``request -> response`` function as an ASGI app, with exception handlers.

    Uploaded files of a parsed form are closed once the response has been sent.
    """
    handler: Callable[[Request], Awaitable[Response]] = (
        func if is_async_callable(func) else functools.partial(run_in_threadpool, func)  # type: ignore[assignment,call-arg,arg-type]
    )

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive, send)

        async def respond(scope: Scope, receive: Receive, send: Send) -> None:
            try:
                response = await handler(request)
                await response(scope, receive, send)
            except BaseException as error:
                await close_request_stack(scope, error)  # Depends(scope="request") sees it
                raise
            else:
                await close_request_stack(scope)
            finally:
                form = parsed_form(request)
                if form is not None:
                    await form.close()

        await wrap_app_handling_exceptions(respond, request)(scope, receive, send)

    return app


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
        response_class=_unwrapped(response_class),
        response_field=response_field,
        dump=dump,
        dependency_overrides_provider=dependency_overrides_provider,
        embed_body_fields=embed_body_fields,
        tasks=APP_TASKS,
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
        tasks=APP_TASKS,
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


def _route_dependant(
    path_format: str, endpoint: Callable[..., Any], dependencies: list[params.Depends]
) -> Dependant:
    """The endpoint's Dependant, with route-level ``dependencies=[...]`` resolved first."""
    dependant = build_dependant(path=path_format, call=endpoint)
    route_level = [
        parameterless_sub_dependant(depends=depends, path=path_format) for depends in dependencies
    ]
    dependant.dependencies[:0] = route_level
    return dependant


class APIWebSocketRoute(routing.WebSocketRoute):
    """A WebSocket endpoint whose parameters and dependencies are resolved like an API route's."""

    def __init__(
        self,
        path: str,
        endpoint: Callable[..., Any],
        *,
        name: str | None = None,
        dependencies: Sequence[params.Depends] | None = None,
        dependency_overrides_provider: Any | None = None,
    ) -> None:
        self.path = path
        self.endpoint = endpoint
        self.name = get_name(endpoint) if name is None else name
        self.dependencies = list(dependencies or [])
        self.path_regex, self.path_format, self.param_convertors = compile_path(path)
        self.dependant = _route_dependant(self.path_format, endpoint, self.dependencies)
        self._flat_dependant = flat_dependant(self.dependant)
        self._embed_body_fields = should_embed_body_fields(self._flat_dependant.body_params)
        self.app = websocket_session(
            build_websocket_handler(
                dependant=self.dependant,
                dependency_overrides_provider=dependency_overrides_provider,
                embed_body_fields=self._embed_body_fields,
                tasks=APP_TASKS,
            )
        )

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        match, child_scope = super().matches(scope)
        if match is not Match.NONE:
            child_scope["route"] = self
        return match, child_scope


class APIRoute(routing.Route):
    """A path operation: an endpoint with its parameters, response model and OpenAPI data.

    Its options are declared once, in ``fastapi._route_options``; each is kept as the
    attribute of the same name (``route.tags``, ``route.status_code``...), resolved.
    """

    response_model: Any
    status_code: int | None
    tags: list[str | Enum]
    dependencies: list[params.Depends]
    summary: str | None
    description: str
    response_description: str
    responses: dict[int | str, dict[str, Any]]
    deprecated: bool | None
    operation_id: str | None
    response_model_include: IncEx | None
    response_model_exclude: IncEx | None
    response_model_by_alias: bool
    response_model_exclude_unset: bool
    response_model_exclude_defaults: bool
    response_model_exclude_none: bool
    include_in_schema: bool
    response_class: type[Response] | DefaultPlaceholder[Any]
    dependency_overrides_provider: Any | None
    callbacks: list[BaseRoute] | None
    openapi_extra: dict[str, Any] | None
    generate_unique_id_function: Callable[[APIRoute], str] | DefaultPlaceholder[Any]

    @signed_with(APIRouteInitOptions)
    def __init__(
        self, path: str, endpoint: Callable[..., Any], **options: Unpack[APIRouteInitOptions]
    ) -> None:
        declared = defaults_of(APIRouteInitOptions)
        declared.update(options)
        self.path = path
        self.endpoint = endpoint
        with declaring(f"route {path!r} (endpoint {_display_name(endpoint)})"):
            self._resolve(declared)
            self._compile_responses()
            require(callable(endpoint), "An endpoint must be a callable")
            self.dependant = _route_dependant(self.path_format, self.endpoint, self.dependencies)
            self._flat_dependant = flat_dependant(self.dependant)
            self._embed_body_fields = should_embed_body_fields(self._flat_dependant.body_params)
            self.body_field = body_field_of(
                self._flat_dependant, name=self.unique_id, embed=self._embed_body_fields
            )
            self.app = request_response(self.get_route_handler())

    def _resolve(self, declared: dict[str, Any]) -> None:
        """The route's attributes from its declared options (see ``fastapi._route_options``)."""
        endpoint = self.endpoint
        for option in _KEPT_AS_GIVEN:
            setattr(self, option, declared[option])
        # An endpoint that yields streams its items (see fastapi._core.serialize.item_stream).
        self._streams = is_generator_endpoint(endpoint)
        self.response_model = (
            None if self._streams else _response_model(endpoint, declared["response_model"])
        )
        self.tags = declared["tags"] or []
        self.responses = declared["responses"] or {}
        self.name = get_name(endpoint) if declared["name"] is None else declared["name"]
        self.path_format, self.param_convertors = path_template(self.path)
        # The path the regex is compiled from, on first use; None once a regex is set by hand.
        self.regex_source: str | None = self.path
        self._path_regex: re.Pattern[str] | None = None
        methods = ["GET"] if declared["methods"] is None else declared["methods"]
        self.methods: set[str] = {method.upper() for method in methods}
        self.unique_id = self.operation_id or _unwrapped(self.generate_unique_id_function)(self)
        status_code = declared["status_code"]
        self.status_code = int(status_code) if isinstance(status_code, IntEnum) else status_code
        self.dependencies = list(declared["dependencies"] or [])
        self.description = _description(declared["description"], endpoint)

    def _compile_responses(self) -> None:
        """The fields of the response model and of each additional response's ``model``."""
        self.response_field: ModelField | None = None
        if self.response_model:
            _check_body_allowed(self.status_code)
            self.response_field = _response_field("Response_" + self.unique_id, self.response_model)
        self.secure_cloned_response_field = self.response_field
        self.stream_item_field: ModelField | None = None
        if self._streams:
            item = item_annotation(return_annotation(self.endpoint))
            if item is not None:
                self.stream_item_field = _response_field("StreamItem_" + self.unique_id, item)
        self.response_fields: dict[int | str, ModelField] = {}
        for status, response in self.responses.items():
            require(isinstance(response, dict), "An additional response must be a dict")
            model = response.get("model")
            if model:
                _check_body_allowed(status)
                name = f"Response_{status}_{self.unique_id}"
                self.response_fields[status] = _response_field(name, model)

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        """The compiled request handler (route classes override this to wrap it)."""
        return build_request_handler(  # type: ignore[return-value]
            dependant=self.dependant,
            body_field=self.body_field,
            status_code=self.status_code,
            response_class=_unwrapped(self.response_class),
            response_field=self.secure_cloned_response_field,
            dump=DumpOptions.of_route(self),
            dependency_overrides_provider=self.dependency_overrides_provider,
            embed_body_fields=self._embed_body_fields,
            item_stream=self._item_stream(),
            tasks=APP_TASKS,
        )

    def _item_stream(self) -> ItemStream | None:
        """How the items of a yielding endpoint are sent (None for other endpoints)."""
        if not self._streams:
            return None
        response_class = self.response_class
        if isinstance(response_class, DefaultPlaceholder):
            response_class = response_class.value
        return ItemStream(
            self.stream_item_field,
            response_class,
            is_async=inspect.isasyncgenfunction(self.endpoint)
            or inspect.isasyncgenfunction(getattr(self.endpoint, "__call__", None)),  # noqa: B004
            options=DumpOptions.of_route(self).keywords(),
        )

    @property
    def path_regex(self) -> re.Pattern[str]:  # type: ignore[override]
        """The path's regex, compiled on first use (see ``fastapi._core.compile.paths``)."""
        if self._path_regex is None:
            self._path_regex = compile_path(self.regex_source or self.path)[0]
        return self._path_regex

    @path_regex.setter
    def path_regex(self, value: re.Pattern[str]) -> None:
        # Setting it moves the route (e.g. a version prefix added to every path at start-up).
        self._path_regex = value
        self.regex_source = None
        route_moved()

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        """Starlette's ``Route.matches`` (HTTP only), also naming the route in the child scope."""
        if scope["type"] != "http":
            return Match.NONE, {}
        found = (self._path_regex or self.path_regex).match(get_route_path(scope))
        if found is None:
            return Match.NONE, {}
        matched = found.groupdict()
        if matched:
            convertors = self.param_convertors
            for key, value in matched.items():
                matched[key] = convertors[key].convert(value)
            path_params = dict(scope.get("path_params", {}))
            path_params.update(matched)
        else:
            path_params = dict(scope.get("path_params", {}))
        child_scope = {"endpoint": self.endpoint, "path_params": path_params, "route": self}
        if self.methods and scope["method"] not in self.methods:
            return Match.PARTIAL, child_scope
        return Match.FULL, child_scope


# The options an APIRoute keeps exactly as given (the others are resolved in ``__init__``).
_KEPT_AS_GIVEN = (
    "summary",
    "response_description",
    "deprecated",
    "operation_id",
    "response_model_include",
    "response_model_exclude",
    "response_model_by_alias",
    "response_model_exclude_unset",
    "response_model_exclude_defaults",
    "response_model_exclude_none",
    "include_in_schema",
    "response_class",
    "dependency_overrides_provider",
    "callbacks",
    "openapi_extra",
    "generate_unique_id_function",
)


def _response_model(endpoint: Callable[..., Any], declared: Any) -> Any:
    """The declared response model; by default the return annotation, unless it is a Response."""
    if not isinstance(declared, DefaultPlaceholder):
        return declared
    annotation = return_annotation(endpoint)
    if annotation is inspect.Signature.empty or _is_response_class(annotation):
        return None
    return annotation


def _description(declared: str | None, endpoint: Callable[..., Any]) -> str:
    """The declared description, else the endpoint's docstring; what precedes a form feed."""
    text = declared or inspect.cleandoc(getattr(endpoint, "__doc__", None) or "")
    return text.split("\f")[0].strip()


def _unwrapped(value: Any) -> Any:
    return value.value if isinstance(value, DefaultPlaceholder) else value


def _check_body_allowed(status_code: int | str | None) -> None:
    require(
        is_body_allowed_for_status_code(status_code),
        f"Status code {status_code} must not have a response body",
        fix="`response_model=None` (or `-> None`), or a status that carries a body",
    )


def _display_name(endpoint: Any) -> str:
    return getattr(endpoint, "__qualname__", None) or repr(endpoint)


def _check_prefix(prefix: str) -> None:
    """FastAPI's rules for a router prefix: ``/api``, not ``api`` nor ``/api/``."""
    if prefix:
        require(prefix.startswith("/"), "A path prefix must start with '/'", fix=f"'/{prefix}'")
        require(
            not prefix.endswith("/"),
            "A path prefix must not end with '/', as the routes will start with '/'",
            fix=repr(prefix.rstrip("/")),
        )


def _is_response_class(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, Response)


def _response_field(name: str, model: Any) -> ModelField:
    from pydantic.fields import FieldInfo

    return new_model_field(FieldInfo(annotation=model), name, declared=model, mode="serialization")


class _DefaultLifespan:
    """Runs a router's ``on_startup``/``on_shutdown`` handlers (what the default lifespan does)."""

    def __init__(self, router: APIRouter) -> None:
        self._router = router

    async def __aenter__(self) -> None:
        await self._router.startup()

    async def __aexit__(self, *exc_info: object) -> None:
        await self._router.shutdown()

    def __call__(self: _T, app: object) -> _T:
        return self


def _merge_lifespan_context(
    original_context: Lifespan[Any], nested_context: Lifespan[Any]
) -> Lifespan[Any]:
    """Enter ``original_context`` then ``nested_context``; their states merge, the outer one
    winning."""

    @asynccontextmanager
    async def merged(app: AppType) -> AsyncIterator[Any]:
        async with (
            original_context(app) as original_state,  # type: ignore[union-attr]
            nested_context(app) as nested_state,  # type: ignore[union-attr]
        ):
            if original_state is None and nested_state is None:
                yield None
            else:
                yield {**(nested_state or {}), **(original_state or {})}

    return merged  # type: ignore[return-value]


def _extended(first: Sequence[_T] | None, second: Sequence[_T] | None) -> list[_T]:
    """``first + second`` as a new list (``list.extend`` semantics, errors included)."""
    combined = list(first or [])
    if second:
        combined.extend(second)
    return combined


async def _run_handlers(handlers: Sequence[Callable[[], Any]]) -> None:
    for handler in handlers:
        if is_async_callable(handler):
            await handler()
        else:
            handler()


class APIRouter(routing.Router):
    """A group of path operations sharing a prefix, tags, dependencies and responses."""

    def __init__(
        self,
        *,
        prefix: str = "",
        tags: list[str | Enum] | None = None,
        dependencies: Sequence[params.Depends] | None = None,
        default_response_class: type[Response] = Default(JSONResponse),
        responses: dict[int | str, dict[str, Any]] | None = None,
        callbacks: list[BaseRoute] | None = None,
        routes: list[BaseRoute] | None = None,
        redirect_slashes: bool = True,
        default: ASGIApp | None = None,
        dependency_overrides_provider: Any | None = None,
        route_class: type[APIRoute] = APIRoute,
        on_startup: Sequence[Callable[[], Any]] | None = None,
        on_shutdown: Sequence[Callable[[], Any]] | None = None,
        lifespan: Lifespan[Any] | None = None,
        deprecated: bool | None = None,
        include_in_schema: bool = True,
        generate_unique_id_function: Callable[[APIRoute], str] = Default(generate_unique_id),
    ) -> None:
        super().__init__(
            routes=routes, redirect_slashes=redirect_slashes, default=default, lifespan=lifespan
        )
        self.on_startup: list[Callable[[], Any]] = list(on_startup or [])
        self.on_shutdown: list[Callable[[], Any]] = list(on_shutdown or [])
        if lifespan is None:
            self.lifespan_context = _DefaultLifespan(self)
        _check_prefix(prefix)
        self.prefix = prefix
        self.tags: list[str | Enum] = tags or []
        self.dependencies = list(dependencies or [])
        self.deprecated = deprecated
        self.include_in_schema = include_in_schema
        self.responses = responses or {}
        self.callbacks = callbacks or []
        self.dependency_overrides_provider = dependency_overrides_provider
        self.route_class = route_class
        self.default_response_class = default_response_class
        self.generate_unique_id_function = generate_unique_id_function

    # -- dispatch -------------------------------------------------------------------------------

    @property
    def routes(self) -> list[BaseRoute]:
        return self._routes

    @routes.setter
    def routes(self, routes: list[BaseRoute]) -> None:
        self._routes = routes if isinstance(routes, RouteList) else RouteList(routes)

    def route_index(self) -> RouteIndex:
        """The lookup index of the current routes."""
        return self._routes.lookup_index()

    def _candidates(self, scope: Scope) -> list[BaseRoute]:
        return self.route_index().candidates(get_route_path(scope))

    async def app(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Starlette's routing, trying only the routes that can match (see ``route_index``)."""
        assert scope["type"] in ("http", "websocket", "lifespan")
        if "router" not in scope:
            scope["router"] = self
        if scope["type"] == "lifespan":
            await self.lifespan(scope, receive, send)
            return
        partial = partial_scope = None
        for route in self._candidates(scope):
            match, child_scope = route.matches(scope)
            if match is Match.FULL:
                if ROUTER_NAMES_ROUTE:
                    scope["route"] = route
                scope.update(child_scope)
                await route.handle(scope, receive, send)
                return
            if match is Match.PARTIAL and partial is None:
                partial, partial_scope = route, child_scope
        if partial is not None:
            assert partial_scope is not None
            if ROUTER_NAMES_ROUTE:
                scope["route"] = partial
            scope.update(partial_scope)
            await partial.handle(scope, receive, send)
            return
        route_path = get_route_path(scope)
        if scope["type"] == "http" and self.redirect_slashes and route_path != "/":
            redirect_scope = dict(scope)
            redirect_scope["query_string"] = _ascii_query(scope.get("query_string", b""))
            if route_path.endswith("/"):
                redirect_scope["path"] = redirect_scope["path"].rstrip("/")
            else:
                redirect_scope["path"] = redirect_scope["path"] + "/"
            for route in self._candidates(redirect_scope):
                match, _ = route.matches(redirect_scope)
                if match is not Match.NONE:
                    response = RedirectResponse(url=str(URL(scope=redirect_scope)))
                    await response(scope, receive, send)
                    return
        await self.default(scope, receive, send)

    # -- lifespan ---------------------------------------------------------------------------

    async def startup(self) -> None:
        """Run the ``on_startup`` handlers."""
        await _run_handlers(self.on_startup)

    async def shutdown(self) -> None:
        """Run the ``on_shutdown`` handlers."""
        await _run_handlers(self.on_shutdown)

    def add_event_handler(self, event_type: str, func: Callable[[], Any]) -> None:
        require(
            event_type in ("startup", "shutdown"),
            "",
            fix="the event type is 'startup' or 'shutdown'",
        )
        (self.on_startup if event_type == "startup" else self.on_shutdown).append(func)

    @deprecated(
        "on_event is deprecated, use lifespan event handlers instead.\n\n"
        "Read more about it in the [FastAPI docs for Lifespan Events]"
        "(https://fastapi.tiangolo.com/advanced/events/)."
    )
    def on_event(self, event_type: str) -> Callable[[DecoratedCallable], DecoratedCallable]:
        def decorator(func: DecoratedCallable) -> DecoratedCallable:
            self.add_event_handler(event_type, func)
            return func

        return decorator

    # -- plain Starlette routes ---------------------------------------------------------------

    def route(
        self,
        path: str,
        methods: list[str] | None = None,
        name: str | None = None,
        include_in_schema: bool = True,
    ) -> Callable[[DecoratedCallable], DecoratedCallable]:
        def decorator(func: DecoratedCallable) -> DecoratedCallable:
            self.add_route(
                path, func, methods=methods, name=name, include_in_schema=include_in_schema
            )
            return func

        return decorator

    def websocket_route(
        self, path: str, name: str | None = None
    ) -> Callable[[DecoratedCallable], DecoratedCallable]:
        def decorator(func: DecoratedCallable) -> DecoratedCallable:
            self.add_websocket_route(path, func, name=name)
            return func

        return decorator

    # -- path operations ------------------------------------------------------------------------

    @signed_with(AddAPIRouteOptions)
    def add_api_route(
        self, path: str, endpoint: Callable[..., Any], **options: Unpack[AddAPIRouteOptions]
    ) -> None:
        """Add a path operation; the router's own tags, dependencies, responses... apply too."""
        declared = defaults_of(AddAPIRouteOptions)
        declared.update(options)
        route_class = declared.pop("route_class_override") or self.route_class
        route = route_class(
            self.prefix + path,
            endpoint=endpoint,
            dependency_overrides_provider=self.dependency_overrides_provider,
            **within(self._level(), declared),
        )
        self.routes.append(route)

    def _level(self) -> dict[str, Any]:
        """This router's settings that combine with those of the routes it holds."""
        return {
            "tags": self.tags,
            "dependencies": self.dependencies,
            "responses": self.responses,
            "callbacks": self.callbacks,
            "deprecated": self.deprecated,
            "include_in_schema": self.include_in_schema,
            "response_class": self.default_response_class,
            "generate_unique_id_function": self.generate_unique_id_function,
        }

    @signed_with(APIRouteOptions)
    def api_route(
        self, path: str, **options: Unpack[APIRouteOptions]
    ) -> Callable[[DecoratedCallable], DecoratedCallable]:
        """Decorate an endpoint to serve ``path`` for the given ``methods``."""

        def decorator(func: DecoratedCallable) -> DecoratedCallable:
            self.add_api_route(path, func, **options)
            return func

        return decorator

    @signed_with(RouteOptions)
    def get(
        self, path: str, **options: Unpack[RouteOptions]
    ) -> Callable[[DecoratedCallable], DecoratedCallable]:
        return self.api_route(path, methods=["GET"], **options)

    @signed_with(RouteOptions)
    def put(
        self, path: str, **options: Unpack[RouteOptions]
    ) -> Callable[[DecoratedCallable], DecoratedCallable]:
        return self.api_route(path, methods=["PUT"], **options)

    @signed_with(RouteOptions)
    def post(
        self, path: str, **options: Unpack[RouteOptions]
    ) -> Callable[[DecoratedCallable], DecoratedCallable]:
        return self.api_route(path, methods=["POST"], **options)

    @signed_with(RouteOptions)
    def delete(
        self, path: str, **options: Unpack[RouteOptions]
    ) -> Callable[[DecoratedCallable], DecoratedCallable]:
        return self.api_route(path, methods=["DELETE"], **options)

    @signed_with(RouteOptions)
    def options(
        self, path: str, **options: Unpack[RouteOptions]
    ) -> Callable[[DecoratedCallable], DecoratedCallable]:
        return self.api_route(path, methods=["OPTIONS"], **options)

    @signed_with(RouteOptions)
    def head(
        self, path: str, **options: Unpack[RouteOptions]
    ) -> Callable[[DecoratedCallable], DecoratedCallable]:
        return self.api_route(path, methods=["HEAD"], **options)

    @signed_with(RouteOptions)
    def patch(
        self, path: str, **options: Unpack[RouteOptions]
    ) -> Callable[[DecoratedCallable], DecoratedCallable]:
        return self.api_route(path, methods=["PATCH"], **options)

    @signed_with(RouteOptions)
    def trace(
        self, path: str, **options: Unpack[RouteOptions]
    ) -> Callable[[DecoratedCallable], DecoratedCallable]:
        return self.api_route(path, methods=["TRACE"], **options)

    # -- WebSockets -----------------------------------------------------------------------------

    def add_api_websocket_route(
        self,
        path: str,
        endpoint: Callable[..., Any],
        name: str | None = None,
        *,
        dependencies: Sequence[params.Depends] | None = None,
    ) -> None:
        route = APIWebSocketRoute(
            self.prefix + path,
            endpoint=endpoint,
            name=name,
            dependencies=_extended(self.dependencies, dependencies),
            dependency_overrides_provider=self.dependency_overrides_provider,
        )
        self.routes.append(route)

    def websocket(
        self,
        path: str,
        name: str | None = None,
        *,
        dependencies: Sequence[params.Depends] | None = None,
    ) -> Callable[[DecoratedCallable], DecoratedCallable]:
        def decorator(func: DecoratedCallable) -> DecoratedCallable:
            self.add_api_websocket_route(path, func, name=name, dependencies=dependencies)
            return func

        return decorator

    # -- composition ----------------------------------------------------------------------------

    def include_router(
        self,
        router: APIRouter,
        *,
        prefix: str = "",
        tags: list[str | Enum] | None = None,
        dependencies: Sequence[params.Depends] | None = None,
        default_response_class: type[Response] = Default(JSONResponse),
        responses: dict[int | str, dict[str, Any]] | None = None,
        callbacks: list[BaseRoute] | None = None,
        deprecated: bool | None = None,
        include_in_schema: bool = True,
        generate_unique_id_function: Callable[[APIRoute], str] = Default(generate_unique_id),
    ) -> None:
        """Copy ``router``'s routes here under ``prefix``, merging the options of both levels."""
        _check_prefix(prefix)
        if not prefix:
            for route in router.routes:
                path = getattr(route, "path")  # noqa: B009
                if path is not None and not path:
                    name = getattr(route, "name", "unknown")
                    raise FastAPIError(
                        f"Prefix and path cannot be both empty (path operation: {name})"
                    )
        inclusion = {
            "tags": tags,
            "dependencies": dependencies,
            "responses": responses,
            "callbacks": callbacks,
            "deprecated": deprecated,
            "include_in_schema": include_in_schema,
            "response_class": default_response_class,
            "generate_unique_id_function": generate_unique_id_function,
        }
        # What the included router itself defaults to (its routes may predate those defaults).
        router_defaults = {
            "response_class": router.default_response_class,
            "generate_unique_id_function": router.generate_unique_id_function,
        }
        for route in router.routes:
            if isinstance(route, APIRoute):
                declared = {option: getattr(route, option) for option in REDECLARED_OPTIONS}
                self.add_api_route(
                    prefix + route.path,
                    route.endpoint,
                    route_class_override=type(route),
                    **within(inclusion, within(router_defaults, declared)),
                )
            elif isinstance(route, routing.Route):
                self.add_route(
                    prefix + route.path,
                    route.endpoint,
                    methods=list(route.methods or []),
                    include_in_schema=route.include_in_schema,
                    name=route.name,
                )
            elif isinstance(route, APIWebSocketRoute):
                self.add_api_websocket_route(
                    prefix + route.path,
                    route.endpoint,
                    dependencies=_extended(dependencies, route.dependencies),
                    name=route.name,
                )
            elif isinstance(route, routing.WebSocketRoute):
                self.add_websocket_route(prefix + route.path, route.endpoint, name=route.name)
            elif isinstance(route, routing.Mount):  # served, as in FastAPI 0.117+ (0.116 drops it)
                self.routes.append(
                    routing.Mount(prefix + route.path, app=route.app, name=route.name)
                )
        for handler in getattr(router, "on_startup", []):
            self.add_event_handler("startup", handler)
        for handler in getattr(router, "on_shutdown", []):
            self.add_event_handler("shutdown", handler)
        self.lifespan_context = _merge_lifespan_context(
            self.lifespan_context, router.lifespan_context
        )


register_matches(APIRoute.matches, APIWebSocketRoute.matches)


def _ascii_query(query: bytes) -> bytes:
    """The query string as a URL may carry it: raw bytes over 0x7f percent-encoded (a server
    hands them over as sent; Starlette's ``URL`` would fail to decode them, a 500)."""
    if query.isascii():
        return query
    return b"".join(b"%%%02X" % byte if byte > 0x7F else bytes((byte,)) for byte in query)


# Names FastAPI's module carries from elsewhere, which extensions import from it.
__getattr__ = lazy_attributes(
    __name__,
    {
        **reexports(
            "typing", "Annotated", "Collection", "Dict", "List", "Mapping", "Optional", "Set",
            "Tuple", "Type", "Union",
        ),
        **reexports("fastapi._compat", "Undefined", "_get_model_config", "_model_dump", "_normalize_errors"),
        **reexports("fastapi.dependencies.utils", "_should_embed_body_fields", "get_body_field"),
        "AsyncExitStack": "contextlib",
        "BaseModel": "pydantic",
        "Doc": "typing_extensions",
        "HTTPException": "starlette.exceptions",
        "asyncio": "asyncio",
        "create_cloned_field": "fastapi.utils",
        "get_value_or_default": "fastapi.utils",
        "dataclasses": "dataclasses",
        "email": "email",
        "json": "json",
    },
)  # fmt: skip
