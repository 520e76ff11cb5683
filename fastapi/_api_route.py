"""``APIRoute`` and ``APIWebSocketRoute``: an endpoint analysed when declared, compiled once.

``fastapi.routing`` publishes them; the options they take are declared in
``fastapi._route_options``.
"""

from __future__ import annotations

import functools
import inspect
import re
from collections.abc import Callable, Coroutine, Sequence
from enum import Enum, IntEnum
from typing import TYPE_CHECKING, Any

from starlette import routing
from starlette._utils import get_route_path
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import (
    BaseRoute,
    Match,
    compile_path,
    get_name,
)
from starlette.types import ASGIApp, Scope
from typing_extensions import Unpack

from fastapi import params
from fastapi._app_tasks import task_port_for
from fastapi._core.analyse.dependant import (
    build_dependant,
    flat_dependant,
    gathered_body_params,
    parameterless_sub_dependant,
    should_embed_body_fields,
)
from fastapi._core.analyse.field import ModelField
from fastapi._core.analyse.field import create_model_field as new_model_field
from fastapi._core.analyse.signature import return_annotation
from fastapi._core.compile.body_field import body_field_of
from fastapi._core.compile.first_call import BuiltOnFirstCall, first_of_its_outline
from fastapi._core.compile.paths import path_template
from fastapi._core.compile.route_index import register_matches, route_moved
from fastapi._core.compile.yielding import is_generator_endpoint, item_annotation
from fastapi._core.declaration import declaring, require
from fastapi._core.execute.handler import build_request_handler
from fastapi._core.execute.websocket import build_websocket_handler
from fastapi._core.serialize.dump_options import DumpOptions
from fastapi._route_apps import route_app, unwrapped_default, websocket_session
from fastapi._route_options import (
    APIRouteInitOptions,
    defaults_of,
    signed_with,
)
from fastapi.datastructures import DefaultPlaceholder
from fastapi.dependencies.models import Dependant
from fastapi.types import IncEx
from fastapi.utils import is_body_allowed_for_status_code

if TYPE_CHECKING:  # pragma: no cover - loaded by the first streaming route
    from fastapi._core.serialize.item_stream import ItemStream


def _analyse_endpoint(route: APIRoute | APIWebSocketRoute) -> list[ModelField]:
    """The route's Dependant (route-level ``dependencies=[...]`` first) and whether its body
    fields are embedded: what every later stage reads. Returns the tree's body parameters."""
    dependant = build_dependant(path=route.path_format, call=route.endpoint)
    dependant.dependencies[:0] = [
        parameterless_sub_dependant(depends=depends, path=route.path_format)
        for depends in route.dependencies
    ]
    route.dependant = dependant
    body_params = gathered_body_params(dependant)
    route._embed_body_fields = should_embed_body_fields(body_params)
    return body_params


class _FlatDependant:
    """``route._flat_dependant`` (every parameter of the tree in one Dependant, which FastAPI's
    routes carry), made when first read: nothing of this package needs it."""

    @functools.cached_property
    def _flat_dependant(self) -> Dependant:
        return flat_dependant(self.dependant)  # type: ignore[attr-defined]


def _named(endpoint: Callable[..., Any], name: str | None) -> str:
    """The route's name: the one declared, else the endpoint's (Starlette's rule)."""
    return get_name(endpoint) if name is None else name


class APIWebSocketRoute(_FlatDependant, routing.WebSocketRoute):
    """A WebSocket endpoint whose parameters and dependencies are resolved like an API route's."""

    __module__ = "fastapi.routing"  # where FastAPI has it (reprs, pickles, recorded signatures)

    dependant: Dependant
    _embed_body_fields: bool

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
        self.name = _named(endpoint, name)
        self.dependencies = list(dependencies or [])
        self.path_regex, self.path_format, self.param_convertors = compile_path(path)
        with declaring(f"websocket route {path!r} (endpoint {_display_name(endpoint)})"):
            _analyse_endpoint(self)
        handler = build_websocket_handler(
            dependant=self.dependant,
            dependency_overrides_provider=dependency_overrides_provider,
            embed_body_fields=self._embed_body_fields,
            tasks=task_port_for(self.dependant),
        )
        self.app = websocket_session(handler)

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        match, child_scope = super().matches(scope)
        if match is not Match.NONE:
            child_scope["route"] = self
        return match, child_scope


class APIRoute(_FlatDependant, routing.Route):
    """A path operation: an endpoint with its parameters, response model and OpenAPI data.

    Its options are declared once, in ``fastapi._route_options``; each is kept as the
    attribute of the same name (``route.tags``, ``route.status_code``...), resolved.
    """

    __module__ = "fastapi.routing"  # where FastAPI has it (reprs, pickles, recorded signatures)

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
    dependant: Dependant
    _embed_body_fields: bool

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
            body_params = _analyse_endpoint(self)
            self.body_field = body_field_of(
                body_params, name=self.unique_id, embed=self._embed_body_fields
            )
            self.app = self._handler_app()

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
        self.name = _named(endpoint, declared["name"])
        self.path_format, self.param_convertors = path_template(self.path)
        # The path the regex is compiled from, on first use; None once a regex is set by hand.
        self.regex_source: str | None = self.path
        self._path_regex: re.Pattern[str] | None = None
        # A path without parameters: a request for exactly it matches without the regex.
        self._literal_path = self.path if _is_literal(self.path) else None
        methods = ["GET"] if declared["methods"] is None else declared["methods"]
        self.methods: set[str] = {method.upper() for method in methods}
        self.unique_id = self.operation_id or unwrapped_default(self.generate_unique_id_function)(
            self
        )
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
        item = item_annotation(return_annotation(self.endpoint)) if self._streams else None
        if item is not None:
            self.stream_item_field = _response_field("StreamItem_" + self.unique_id, item)
        self.response_fields = _additional_response_fields(self.responses, self.unique_id)

    def _handler_app(self) -> ASGIApp:
        """The route's ASGI app, its handler built now for the first route of its outline
        (which compiles the code the others share) and for a route class with its own
        ``get_route_handler`` (called now, as FastAPI does); for the others on their first
        request (see ``fastapi._core.compile.first_call``)."""
        body = self.body_field
        if type(self).get_route_handler is not APIRoute.get_route_handler or first_of_its_outline(
            self.dependant,
            None if body is None else type(body.field_info),
            self._embed_body_fields,
            self._streams,
            self.dependency_overrides_provider is None,
        ):
            return route_app(self.get_route_handler())
        return BuiltOnFirstCall(self, _built_app, _install_app)

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        """The compiled request handler (route classes override this to wrap it)."""
        return build_request_handler(  # type: ignore[return-value]
            dependant=self.dependant,
            body_field=self.body_field,
            status_code=self.status_code,
            response_class=unwrapped_default(self.response_class),
            response_field=self.secure_cloned_response_field,
            dump=DumpOptions.of_route(self),
            dependency_overrides_provider=self.dependency_overrides_provider,
            embed_body_fields=self._embed_body_fields,
            item_stream=self._item_stream(),
            tasks=task_port_for(self.dependant),
        )

    def _item_stream(self) -> ItemStream | None:
        """How the items of a yielding endpoint are sent (None for other endpoints)."""
        if not self._streams:
            return None
        # Loaded by the first streaming route (Server-Sent Events with it), at build time.
        from fastapi._core.serialize.item_stream import ItemStream

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
        self.regex_source = self._literal_path = None
        route_moved(self)

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        """Starlette's ``Route.matches`` (HTTP only), also naming the route in the child scope."""
        if scope["type"] != "http":
            return _NONE, {}
        route_path = get_route_path(scope)
        if route_path == self._literal_path:
            matched = None
        else:
            found = (self._path_regex or self.path_regex).match(route_path)
            if found is None:
                return _NONE, {}
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
            return _PARTIAL, child_scope
        return _FULL, child_scope


def _built_app(route: APIRoute) -> ASGIApp:
    return route_app(route.get_route_handler())


def _install_app(route: APIRoute, app: ASGIApp) -> None:
    if isinstance(route.app, BuiltOnFirstCall):  # not if the app was wrapped or replaced
        route.app = app


# Match members read once (an Enum member lookup costs a descriptor call on Python 3.11).
_NONE, _PARTIAL, _FULL = Match.NONE, Match.PARTIAL, Match.FULL


def _is_literal(path: str) -> bool:
    """Whether a route path has no parameter (its regex then matches only the path itself)."""
    return path.startswith("/") and "{" not in path


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


def _additional_response_fields(
    responses: dict[int | str, dict[str, Any]], unique_id: str
) -> dict[int | str, ModelField]:
    """A field per additional response that declares a ``model``, by its status."""
    fields: dict[int | str, ModelField] = {}
    for status, response in responses.items():
        require(isinstance(response, dict), "An additional response must be a dict")
        model = response.get("model")
        if model:
            _check_body_allowed(status)
            fields[status] = _response_field(f"Response_{status}_{unique_id}", model)
    return fields


def _description(declared: str | None, endpoint: Callable[..., Any]) -> str:
    """The declared description, else the endpoint's docstring; what precedes a form feed."""
    doc = getattr(endpoint, "__doc__", None)
    if not declared and not doc:
        return ""
    text = declared or inspect.cleandoc(doc or "")
    return text.split("\f")[0].strip()


def _check_body_allowed(status_code: int | str | None) -> None:
    require(
        is_body_allowed_for_status_code(status_code),
        f"Status code {status_code} must not have a response body",
        fix="`response_model=None` (or `-> None`), or a status that carries a body",
    )


def _display_name(endpoint: Any) -> str:
    return getattr(endpoint, "__qualname__", None) or repr(endpoint)


def _is_response_class(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, Response)


def _response_field(name: str, model: Any) -> ModelField:
    from pydantic.fields import FieldInfo

    return new_model_field(FieldInfo(annotation=model), name, declared=model, mode="serialization")


register_matches(APIRoute.matches, APIWebSocketRoute.matches)
