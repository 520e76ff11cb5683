"""Routes and routers: the public surface over the analyse/compile/execute machinery.

An ``APIRoute`` analyses its endpoint once, in its constructor, and compiles its request
handler once, at the latest on its first request; serving a request only runs that handler. ``APIRouter`` groups routes under a
prefix and merges options when routers are included into one another.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from enum import Enum
from typing import Any

from starlette import routing
from starlette._utils import get_route_path
from starlette.datastructures import URL
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import (
    BaseRoute,
    Match,
)
from starlette.routing import Mount as Mount
from starlette.types import ASGIApp, Lifespan, Receive, Scope, Send
from typing_extensions import Unpack, deprecated

from fastapi import params
from fastapi._api_route import APIRoute as APIRoute
from fastapi._api_route import APIWebSocketRoute as APIWebSocketRoute
from fastapi._core.compile.route_index import RouteIndex, RouteList
from fastapi._core.declaration import require
from fastapi._core.serialize.response import prepare_response_content
from fastapi._core.starlette_adapter import ROUTER_NAMES_ROUTE
from fastapi._decorators import RouteDeclarations, registering
from fastapi._inclusion import check_prefix, include
from fastapi._lazy import lazy_attributes, reexports
from fastapi._lifespan import _DefaultLifespan, _run_handlers
from fastapi._lifespan import _merge_lifespan_context as _merge_lifespan_context
from fastapi._route_apps import get_request_handler as get_request_handler
from fastapi._route_apps import get_websocket_app as get_websocket_app
from fastapi._route_apps import request_response as request_response
from fastapi._route_apps import run_endpoint_function as run_endpoint_function
from fastapi._route_apps import serialize_response as serialize_response
from fastapi._route_apps import websocket_session as websocket_session
from fastapi._route_options import (
    LEVEL_SETTINGS,
    AddAPIRouteOptions,
    APIRouteOptions,
    IncludeOptions,
    RouteOptions,
    defaults_of,
    level_of,
    outer_first,
    signed_with,
    within,
)
from fastapi.datastructures import Default
from fastapi.exceptions import FastAPIError as FastAPIError
from fastapi.exceptions import (
    RequestValidationError as RequestValidationError,
)
from fastapi.exceptions import ResponseValidationError as ResponseValidationError
from fastapi.exceptions import (
    WebSocketRequestValidationError as WebSocketRequestValidationError,
)
from fastapi.types import DecoratedCallable
from fastapi.utils import generate_unique_id

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

_prepare_response_content = prepare_response_content  # the name extensions import


class APIRouter(RouteDeclarations, routing.Router):
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
        check_prefix(prefix)
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
            if match is _FULL:
                if ROUTER_NAMES_ROUTE:
                    scope["route"] = route
                scope.update(child_scope)
                if _handle_passes(type(route)):  # Starlette's handle would only call app
                    await route.app(scope, receive, send)  # type: ignore[attr-defined]
                else:
                    await route.handle(scope, receive, send)
                return
            if match is _PARTIAL and partial is None:
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
        return registering(functools.partial(self.add_event_handler, event_type))

    # -- path operations (the decorators and ``frontend`` come from RouteDeclarations) ---------

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
        return level_of({setting: getattr(self, setting) for setting in LEVEL_SETTINGS})

    @signed_with(APIRouteOptions)
    def api_route(
        self, path: str, **options: Unpack[APIRouteOptions]
    ) -> Callable[[DecoratedCallable], DecoratedCallable]:
        """Decorate an endpoint to serve ``path`` for the given ``methods``."""
        return registering(functools.partial(self.add_api_route, path, **options))

    def _path_operation(
        self, method: str, path: str, options: RouteOptions
    ) -> Callable[[DecoratedCallable], DecoratedCallable]:
        return self.api_route(path, methods=[method], **options)

    def _declaring_router(self) -> APIRouter:
        return self

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
            dependencies=outer_first(self.dependencies, dependencies),
            dependency_overrides_provider=self.dependency_overrides_provider,
        )
        self.routes.append(route)

    # -- composition ----------------------------------------------------------------------------

    @signed_with(IncludeOptions)
    def include_router(self, router: APIRouter, **options: Unpack[IncludeOptions]) -> None:
        """Declare ``router``'s routes here under ``prefix``, inside this call's settings."""
        declared = defaults_of(IncludeOptions)
        declared.update(options)
        include(self, router, declared["prefix"], level_of(declared))


# Match members read once (an Enum member lookup costs a descriptor call on Python 3.11).
_FULL = Match.FULL
_PARTIAL = Match.PARTIAL
_PASSING: dict[type[BaseRoute], bool] = {}


def _handle_passes(kind: type[BaseRoute]) -> bool:
    """Whether ``handle`` of a fully matched route of this class only calls its ``app``:
    Starlette's own ``handle``, and for HTTP routes a ``matches`` that gives a full match
    only for an allowed method (Starlette's, FastAPI's); worked out once per class."""
    passes = _PASSING.get(kind)
    if passes is None:
        handle, matches = kind.handle, kind.matches  # type: ignore[attr-defined]
        passes = handle is routing.WebSocketRoute.handle or (
            handle is routing.Route.handle and matches in (routing.Route.matches, APIRoute.matches)
        )
        _PASSING[kind] = passes
    return passes


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
        **reexports(
            "fastapi._compat", "Undefined", "_get_model_config", "_model_dump", "_normalize_errors",
            "lenient_issubclass",
        ),
        # FastAPI's routing module imports these helpers; routes here are built by
        # fastapi._core, so the compatibility layer loads only when they are asked for.
        **reexports(
            "fastapi.dependencies.utils", "_should_embed_body_fields", "get_body_field",
            "get_dependant", "get_flat_dependant", "get_parameterless_sub_dependant",
            "get_typed_return_annotation", "solve_dependencies",
        ),
        "jsonable_encoder": "fastapi.encoders",
        "create_model_field": "fastapi.utils",
        **reexports("collections.abc", "AsyncIterator", "Coroutine"),
        **reexports("starlette.routing", "compile_path", "get_name"),
        "AppType": "starlette.types",
        "DefaultPlaceholder": "fastapi.datastructures",
        "Dependant": "fastapi.dependencies.models",
        "IncEx": "fastapi.types",
        "IntEnum": "enum",
        "ModelField": "fastapi._compat",
        "Request": "starlette.requests",
        "WebSocket": "starlette.websockets",
        "asynccontextmanager": "contextlib",
        "inspect": "inspect",
        "is_body_allowed_for_status_code": "fastapi.utils",
        "run_in_threadpool": "starlette.concurrency",
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
