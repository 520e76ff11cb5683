"""Routes and routers: the public surface over the analyse/compile/execute machinery.

An ``APIRoute`` analyses its endpoint and compiles its request handler once, in its
constructor; serving a request only runs that handler. ``APIRouter`` groups routes under a
prefix and merges options when routers are included into one another.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from enum import Enum
from typing import Any, Literal, TypeVar

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
from fastapi._compat import lenient_issubclass as lenient_issubclass
from fastapi._core.compile.route_index import RouteIndex, RouteList
from fastapi._core.declaration import require
from fastapi._core.serialize.response import prepare_response_content
from fastapi._core.starlette_adapter import ROUTER_NAMES_ROUTE
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
    REDECLARED_OPTIONS,
    AddAPIRouteOptions,
    APIRouteOptions,
    RouteOptions,
    defaults_of,
    signed_with,
    within,
)
from fastapi.datastructures import Default
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
from fastapi.frontend import Fallback, FrontendSpec, add_frontend, included
from fastapi.types import DecoratedCallable
from fastapi.utils import create_model_field as create_model_field
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

_T = TypeVar("_T")
_prepare_response_content = prepare_response_content  # the name extensions import


def _extended(first: Sequence[_T] | None, second: Sequence[_T] | None) -> list[_T]:
    """``first + second`` as a new list (``list.extend`` semantics, errors included)."""
    combined = list(first or [])
    if second:
        combined.extend(second)
    return combined


def _check_prefix(prefix: str) -> None:
    """FastAPI's rules for a router prefix: ``/api``, not ``api`` nor ``/api/``."""
    if prefix:
        require(prefix.startswith("/"), "A path prefix must start with '/'", fix=f"'/{prefix}'")
        require(
            not prefix.endswith("/"),
            "A path prefix must not end with '/', as the routes will start with '/'",
            fix=repr(prefix.rstrip("/")),
        )


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

    def frontend(
        self,
        path: str,
        directory: str | os.PathLike[str],
        *,
        fallback: Fallback = "auto",
        check_dir: bool | Literal["auto"] = "auto",
    ) -> None:
        """Serve the built single-page app in ``directory`` at ``path`` (see fastapi.frontend)."""
        spec = FrontendSpec(path, directory, fallback, check_dir, list(self.dependencies))
        add_frontend(self, spec)

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
        for spec in getattr(router, "frontends", ()):  # see fastapi.frontend
            add_frontend(self, included(spec, prefix, list(dependencies or [])))
        for handler in getattr(router, "on_startup", []):
            self.add_event_handler("startup", handler)
        for handler in getattr(router, "on_shutdown", []):
            self.add_event_handler("shutdown", handler)
        self.lifespan_context = _merge_lifespan_context(
            self.lifespan_context, router.lifespan_context
        )


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
