"""``FastAPI``: a Starlette application whose routes are API path operations."""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable, Coroutine, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from starlette.applications import Starlette
from starlette.datastructures import State
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute
from starlette.types import ASGIApp, ExceptionHandler, Lifespan, Receive, Scope, Send
from typing_extensions import Unpack, deprecated

from fastapi import routing
from fastapi._app_tasks import AppTaskRuntime
from fastapi._core.declaration import require
from fastapi._core.execute.exception_layer import AppExceptions
from fastapi._core.execute.server_errors import LoggingServerErrors
from fastapi._core.limits import Limits, checked_limits, checks_requests
from fastapi._decorators import PathOperationDecorator, RouteDeclarations, registering
from fastapi._lazy import lazy_attributes, reexports
from fastapi._route_options import AppAPIRouteOptions, IncludeOptions, RouteOptions, signed_with
from fastapi.datastructures import Default, DefaultPlaceholder  # noqa: F401 - importable here too
from fastapi.exception_handlers import (
    http_exception_handler,
    request_validation_exception_handler,
    websocket_request_validation_exception_handler,
)
from fastapi.exceptions import RequestValidationError, WebSocketRequestValidationError
from fastapi.logger import logger
from fastapi.params import Depends
from fastapi.routing import _merge_lifespan_context
from fastapi.types import DecoratedCallable
from fastapi.utils import generate_unique_id

if TYPE_CHECKING:  # pragma: no cover
    from fastapi.tasks.runtime import TaskRuntime
    from fastapi.tasks.settings import TaskSettings

AppType = TypeVar("AppType", bound="FastAPI")


class FastAPI(RouteDeclarations, Starlette):
    """The application: routes, middleware, exception handlers, lifespan and OpenAPI docs.

    Most keywords are kept as the attribute of the same name (``_KEPT_AS_GIVEN``); those a
    router takes configure ``app.router`` (``_ROUTER_SETTINGS``).
    """

    debug: bool
    title: str
    summary: str | None
    description: str
    version: str
    terms_of_service: str | None
    contact: dict[str, str | Any] | None
    license_info: dict[str, str | Any] | None
    openapi_url: str | None
    openapi_tags: list[dict[str, Any]] | None
    root_path_in_servers: bool
    docs_url: str | None
    redoc_url: str | None
    swagger_ui_oauth2_redirect_url: str | None
    swagger_ui_init_oauth: dict[str, Any] | None
    swagger_ui_parameters: dict[str, Any] | None
    separate_input_output_schemas: bool
    offline_docs: bool  # the docs pages' JavaScript/CSS served by the app (no CDN needed)
    # Newer FastAPI's (see the README's feature table): opt-in, a 0.116 app is unchanged.
    openapi_external_docs: dict[str, Any] | None
    strict_content_type: bool  # JSON bodies need a JSON content type
    security_401: bool  # security schemes answer 401 + WWW-Authenticate, never 403
    servers: list[dict[str, str | Any]]
    extra: dict[str, Any]
    openapi_version: str
    openapi_schema: dict[str, Any] | None
    webhooks: routing.APIRouter
    state: State
    dependency_overrides: dict[Callable[..., Any], Callable[..., Any]]
    router: routing.APIRouter
    exception_handlers: dict[Any, ExceptionHandler]
    limits: Limits
    user_middleware: list[Middleware]
    middleware_stack: ASGIApp | None

    def __init__(
        self: AppType,
        *,
        debug: bool = False,
        routes: list[BaseRoute] | None = None,
        title: str = "FastAPI",
        summary: str | None = None,
        description: str = "",
        version: str = "0.1.0",
        openapi_url: str | None = "/openapi.json",
        openapi_tags: list[dict[str, Any]] | None = None,
        servers: list[dict[str, str | Any]] | None = None,
        dependencies: Sequence[Depends] | None = None,
        default_response_class: type[Response] = Default(JSONResponse),
        redirect_slashes: bool = True,
        docs_url: str | None = "/docs",
        redoc_url: str | None = "/redoc",
        swagger_ui_oauth2_redirect_url: str | None = "/docs/oauth2-redirect",
        swagger_ui_init_oauth: dict[str, Any] | None = None,
        middleware: Sequence[Middleware] | None = None,
        exception_handlers: dict[
            int | type[Exception], Callable[[Request, Any], Coroutine[Any, Any, Response]]
        ]
        | None = None,
        on_startup: Sequence[Callable[[], Any]] | None = None,
        on_shutdown: Sequence[Callable[[], Any]] | None = None,
        lifespan: Lifespan[AppType] | None = None,
        terms_of_service: str | None = None,
        contact: dict[str, str | Any] | None = None,
        license_info: dict[str, str | Any] | None = None,
        openapi_prefix: str = "",
        root_path: str = "",
        root_path_in_servers: bool = True,
        responses: dict[int | str, dict[str, Any]] | None = None,
        callbacks: list[BaseRoute] | None = None,
        webhooks: routing.APIRouter | None = None,
        deprecated: bool | None = None,
        include_in_schema: bool = True,
        swagger_ui_parameters: dict[str, Any] | None = None,
        generate_unique_id_function: Callable[[routing.APIRoute], str] = Default(
            generate_unique_id
        ),
        separate_input_output_schemas: bool = True,
        tasks: TaskSettings | str | None = None,
        limits: Limits | None = None,
        offline_docs: bool = False,
        openapi_external_docs: dict[str, Any] | None = None,
        strict_content_type: bool = False,
        security_401: bool = False,
        **extra: Any,
    ) -> None:
        given = dict(locals())  # the keywords above by name, before any other local is set
        for setting in _KEPT_AS_GIVEN:
            setattr(self, setting, given[setting])
        self.servers = servers or []
        self.extra = extra
        self.openapi_version = "3.1.0"
        self.openapi_schema = None
        _check_document_settings(self, openapi_prefix)
        self.webhooks = webhooks or routing.APIRouter()
        self.root_path = root_path or openapi_prefix
        self.state = State()
        self.dependency_overrides = {}
        self.router = routing.APIRouter(
            dependency_overrides_provider=self, **{name: given[name] for name in _ROUTER_SETTINGS}
        )
        self.exception_handlers = _with_default_handlers(exception_handlers)
        # Background tasks: in memory unless ``tasks`` names a store; workers live with the app.
        # Without ``tasks``, ``app.tasks`` is made on first use (see ``fastapi._app_tasks``).
        self._task_runtime = AppTaskRuntime(self)
        if tasks is not None:
            self.tasks = self._task_runtime.new(tasks)
        self.router.lifespan_context = _merge_lifespan_context(
            self.router.lifespan_context, self._task_runtime.lifespan
        )
        self.limits = checked_limits(limits)
        self.user_middleware = [] if middleware is None else list(middleware)
        self.middleware_stack = None
        self.setup()

    @functools.cached_property
    def tasks(self) -> TaskRuntime:
        """Background tasks: read statuses, enqueue, and (durable) the workers. An app given
        no ``tasks=`` makes its in-memory runtime here, on first use."""
        return self._task_runtime.new()

    # -- the ASGI application ---------------------------------------------------------------

    def build_middleware_stack(self) -> ASGIApp:
        """Starlette's stack (500 answer, user middleware, exception handlers, router), the
        request limits checked in the exception layer; without user middleware, the 500
        answer is given by the exception layer too (see ``execute.exception_layer``)."""
        error_handler = None
        exception_handlers: dict[Any, ExceptionHandler] = {}
        for key, value in self.exception_handlers.items():
            if key in (500, Exception):
                error_handler = value
            else:
                exception_handlers[key] = value
        server_errors = LoggingServerErrors(self.router, handler=error_handler, debug=self.debug)
        self.router.route_index()  # at start-up, not on the first request
        app: ASGIApp = AppExceptions(
            self.router,
            handlers=exception_handlers,
            debug=self.debug,
            limits=self.limits if checks_requests(self.limits) else None,
            server_errors=None if self.user_middleware else server_errors,
        )
        if not self.user_middleware:
            return app
        for cls, args, kwargs in reversed(self.user_middleware):
            app = cls(app, *args, **kwargs)
        server_errors.app = app
        return server_errors

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.root_path:
            scope["root_path"] = self.root_path
        scope["app"] = self  # what Starlette's own __call__ does, in this one frame
        stack = self.middleware_stack
        if stack is None:
            stack = self.middleware_stack = self.build_middleware_stack()
        await stack(scope, receive, send)

    # -- OpenAPI and the docs pages -----------------------------------------------------------

    def openapi(self) -> dict[str, Any]:
        """The OpenAPI document, generated on first use and then cached in ``openapi_schema``."""
        if not self.openapi_schema:
            from fastapi.openapi.utils import get_openapi  # the generator loads on first use

            settings = {
                keyword: getattr(self, name) for keyword, name in _DOCUMENT_SETTINGS.items()
            }
            self.openapi_schema = get_openapi(
                **settings, routes=self.routes, webhooks=self.webhooks.routes
            )
        return self.openapi_schema

    def setup(self) -> None:
        """Serve the OpenAPI document and the docs pages (see ``fastapi.openapi.docs_pages``)."""
        from fastapi.openapi.docs_pages import DocsPages

        DocsPages(self).install()

    # -- routes ---------------------------------------------------------------------------------

    @signed_with(AppAPIRouteOptions)
    def add_api_route(
        self, path: str, endpoint: Callable[..., Any], **options: Unpack[AppAPIRouteOptions]
    ) -> None:
        self.router.add_api_route(path, endpoint, **options)

    @signed_with(AppAPIRouteOptions)
    def api_route(
        self, path: str, **options: Unpack[AppAPIRouteOptions]
    ) -> Callable[[DecoratedCallable], DecoratedCallable]:
        return registering(functools.partial(self.router.add_api_route, path, **options))

    def _path_operation(
        self, method: str, path: str, options: RouteOptions
    ) -> Callable[[DecoratedCallable], DecoratedCallable]:
        verb: PathOperationDecorator = getattr(self.router, method.lower())  # router.get...
        return verb(path, **options)

    def _declaring_router(self) -> routing.APIRouter:
        return self.router

    def add_api_websocket_route(
        self,
        path: str,
        endpoint: Callable[..., Any],
        name: str | None = None,
        *,
        dependencies: Sequence[Depends] | None = None,
    ) -> None:
        self.router.add_api_websocket_route(path, endpoint, name=name, dependencies=dependencies)

    @signed_with(IncludeOptions)
    def include_router(self, router: routing.APIRouter, **options: Unpack[IncludeOptions]) -> None:
        self.router.include_router(router, **options)

    def add_route(
        self,
        path: str,
        route: Callable[[Request], Awaitable[Response] | Response],
        methods: list[str] | None = None,
        name: str | None = None,
        include_in_schema: bool = True,
    ) -> None:
        self.router.add_route(
            path, route, methods=methods, name=name, include_in_schema=include_in_schema
        )

    def add_websocket_route(
        self, path: str, route: Callable[..., Any], name: str | None = None
    ) -> None:
        self.router.add_websocket_route(path, route, name=name)

    # -- events, middleware, exception handlers --------------------------------------------------

    def add_event_handler(self, event_type: str, func: Callable[[], Any]) -> None:
        self.router.add_event_handler(event_type, func)

    @deprecated(
        "on_event is deprecated, use lifespan event handlers instead.\n\n"
        "Read more about it in the [FastAPI docs for Lifespan Events]"
        "(https://fastapi.tiangolo.com/advanced/events/)."
    )
    def on_event(self, event_type: str) -> Callable[[DecoratedCallable], DecoratedCallable]:
        return registering(functools.partial(self.router.add_event_handler, event_type))

    def middleware(self, middleware_type: str) -> Callable[[DecoratedCallable], DecoratedCallable]:
        """``@app.middleware("http")``: wrap every request with a ``(request, call_next)`` function."""
        return registering(
            lambda dispatch: self.add_middleware(BaseHTTPMiddleware, dispatch=dispatch)
        )

    def exception_handler(
        self, exc_class_or_status_code: int | type[Exception]
    ) -> Callable[[DecoratedCallable], DecoratedCallable]:
        return registering(functools.partial(self.add_exception_handler, exc_class_or_status_code))

    def add_exception_handler(
        self, exc_class_or_status_code: int | type[Exception], handler: Any
    ) -> None:
        self.exception_handlers[exc_class_or_status_code] = handler


# The keywords of ``FastAPI(...)`` kept as the attribute of the same name.
_KEPT_AS_GIVEN = (
    "debug",
    "title",
    "summary",
    "description",
    "version",
    "terms_of_service",
    "contact",
    "license_info",
    "openapi_url",
    "openapi_tags",
    "root_path_in_servers",
    "docs_url",
    "redoc_url",
    "swagger_ui_oauth2_redirect_url",
    "swagger_ui_init_oauth",
    "swagger_ui_parameters",
    "separate_input_output_schemas",
    "offline_docs",
    "openapi_external_docs",
    "strict_content_type",
    "security_401",
)
# The keywords of ``FastAPI(...)`` that configure ``app.router`` (all it shares with
# ``APIRouter(...)``; tests/test_app_settings.py keeps the two in step).
_ROUTER_SETTINGS = (
    "routes",
    "redirect_slashes",
    "dependencies",
    "default_response_class",
    "on_startup",
    "on_shutdown",
    "lifespan",
    "responses",
    "callbacks",
    "deprecated",
    "include_in_schema",
    "generate_unique_id_function",
)
# What the OpenAPI document is made of: ``get_openapi``'s keyword -> the app's attribute.
_DOCUMENT_SETTINGS = {
    "title": "title",
    "version": "version",
    "openapi_version": "openapi_version",
    "summary": "summary",
    "description": "description",
    "terms_of_service": "terms_of_service",
    "contact": "contact",
    "license_info": "license_info",
    "tags": "openapi_tags",
    "servers": "servers",
    "separate_input_output_schemas": "separate_input_output_schemas",
    "external_docs": "openapi_external_docs",
}
# Settings a document cannot do without, with the example FastAPI's message gives.
_REQUIRED_FOR_DOCUMENT = {"title": "My API", "version": "2.1.0"}
_OPENAPI_PREFIX_DEPRECATED = (
    '"openapi_prefix" has been deprecated in favor of "root_path", which follows more closely '
    "the ASGI standard, is simpler, and more automatic. Check the docs at "
    "https://fastapi.tiangolo.com/advanced/sub-applications/"
)
_DEFAULT_HANDLERS: dict[Any, Any] = {
    HTTPException: http_exception_handler,
    RequestValidationError: request_validation_exception_handler,
    WebSocketRequestValidationError: websocket_request_validation_exception_handler,
}


def _check_document_settings(app: FastAPI, openapi_prefix: str) -> None:
    """A served document needs a title and a version; ``openapi_prefix`` is only warned of."""
    if app.openapi_url:
        for setting, example in _REQUIRED_FOR_DOCUMENT.items():
            require(
                getattr(app, setting),
                f"A {setting} must be provided for OpenAPI, e.g.: '{example}'",
                fix=f"FastAPI({setting}=...), or openapi_url=None to serve no document",
            )
    if openapi_prefix:
        logger.warning(_OPENAPI_PREFIX_DEPRECATED)


def _with_default_handlers(given: Mapping[Any, Any] | None) -> dict[Any, ExceptionHandler]:
    """The app's exception handlers: those given, then FastAPI's for what they leave out."""
    handlers = dict(given or {})
    for exception, handler in _DEFAULT_HANDLERS.items():
        handlers.setdefault(exception, handler)
    return handlers


# FastAPI's module has these names too (the OpenAPI machinery loads on first use).
__getattr__ = lazy_attributes(
    "fastapi.applications",
    {
        "get_openapi": "fastapi.openapi.utils",
        "get_redoc_html": "fastapi.openapi.docs",
        "get_swagger_ui_html": "fastapi.openapi.docs",
        "get_swagger_ui_oauth2_redirect_html": "fastapi.openapi.docs",
        **reexports("typing", "Annotated", "Dict", "List", "Optional", "Type", "Union"),
        "Doc": "typing_extensions",
        "Enum": "enum",
        "IncEx": "fastapi.types",
        "HTMLResponse": "starlette.responses",
    },
)
