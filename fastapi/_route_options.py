"""The options of an API route, declared once: name, type, default, and how router levels merge.

Every callable that declares a path operation (``APIRoute``, ``add_api_route``, ``api_route``,
``get``...) takes ``**options`` typed by one of the ``TypedDict`` classes below, so editors
show each keyword with its type; ``signed_with`` gives each one the keyword signature
FastAPI's has, built from the same declarations (``tests/test_route_options.py`` compares
them with FastAPI 0.116.1's). A declaration is ``Annotated[type, default(value)]``.

This module is evaluated at import time on purpose (no ``from __future__ import
annotations``): the defaults live in the annotations' metadata.
"""

import functools
import inspect
from collections.abc import Callable, Mapping, Sequence
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any, TypedDict, TypeVar

from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute

from fastapi import params
from fastapi.datastructures import Default, DefaultPlaceholder
from fastapi.types import IncEx
from fastapi.utils import generate_unique_id, get_value_or_default

if TYPE_CHECKING:  # pragma: no cover
    from fastapi.routing import APIRoute

_F = TypeVar("_F", bound=Callable[..., Any])


class default:  # lower case: reads as a keyword inside the declarations
    """The default of an option, carried in its ``Annotated`` metadata."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value


class _PathOperationOptions(TypedDict, total=False):
    """What every way of declaring a path operation accepts."""

    response_model: Annotated[Any, default(Default(None))]
    status_code: Annotated[int | None, default(None)]
    tags: Annotated[list[str | Enum] | None, default(None)]
    dependencies: Annotated[Sequence[params.Depends] | None, default(None)]
    summary: Annotated[str | None, default(None)]
    description: Annotated[str | None, default(None)]
    response_description: Annotated[str, default("Successful Response")]
    responses: Annotated[dict[int | str, dict[str, Any]] | None, default(None)]
    deprecated: Annotated[bool | None, default(None)]
    operation_id: Annotated[str | None, default(None)]
    response_model_include: Annotated[IncEx | None, default(None)]
    response_model_exclude: Annotated[IncEx | None, default(None)]
    response_model_by_alias: Annotated[bool, default(True)]
    response_model_exclude_unset: Annotated[bool, default(False)]
    response_model_exclude_defaults: Annotated[bool, default(False)]
    response_model_exclude_none: Annotated[bool, default(False)]
    include_in_schema: Annotated[bool, default(True)]
    response_class: Annotated[
        type[Response] | DefaultPlaceholder[Any], default(Default(JSONResponse))
    ]
    name: Annotated[str | None, default(None)]
    openapi_extra: Annotated[dict[str, Any] | None, default(None)]
    generate_unique_id_function: Annotated[
        Callable[["APIRoute"], str] | DefaultPlaceholder[Any], default(Default(generate_unique_id))
    ]


class AppAPIRouteOptions(_PathOperationOptions, total=False):
    """``FastAPI.api_route``/``FastAPI.add_api_route`` (FastAPI's take no ``callbacks`` there)."""

    methods: Annotated[set[str] | list[str] | None, default(None)]


class RouteOptions(_PathOperationOptions, total=False):
    """``get``, ``post``... of an app or a router."""

    callbacks: Annotated[list[BaseRoute] | None, default(None)]


class APIRouteOptions(RouteOptions, total=False):
    """``APIRouter.api_route``: the HTTP methods too."""

    methods: Annotated[set[str] | list[str] | None, default(None)]


class AddAPIRouteOptions(APIRouteOptions, total=False):
    """``APIRouter.add_api_route``: the route class too."""

    route_class_override: Annotated[type["APIRoute"] | None, default(None)]


class APIRouteInitOptions(APIRouteOptions, total=False):
    """``APIRoute(...)``: where dependency overrides are looked up too."""

    dependency_overrides_provider: Annotated[Any | None, default(None)]


class IncludeOptions(TypedDict, total=False):
    """``include_router`` of an app or a router: the prefix, and the level around the routes."""

    prefix: Annotated[str, default("")]
    tags: Annotated[list[str | Enum] | None, default(None)]
    dependencies: Annotated[Sequence[params.Depends] | None, default(None)]
    default_response_class: Annotated[type[Response], default(Default(JSONResponse))]
    responses: Annotated[dict[int | str, dict[str, Any]] | None, default(None)]
    callbacks: Annotated[list[BaseRoute] | None, default(None)]
    deprecated: Annotated[bool | None, default(None)]
    include_in_schema: Annotated[bool, default(True)]
    generate_unique_id_function: Annotated[
        Callable[["APIRoute"], str], default(Default(generate_unique_id))
    ]


def _declared(options: type) -> dict[str, Any]:
    """``{name: default}`` of an options class, in declaration order."""
    return {
        name: annotation.__metadata__[0].value
        for name, annotation in options.__annotations__.items()
    }


def defaults_of(options: type) -> dict[str, Any]:
    """Every option of ``options`` with its default (a fresh dict to fill in)."""
    return dict(_DEFAULTS[options])


_DEFAULTS: dict[type, dict[str, Any]] = {
    options: _declared(options)
    for options in (
        RouteOptions,
        AppAPIRouteOptions,
        APIRouteOptions,
        AddAPIRouteOptions,
        APIRouteInitOptions,
        IncludeOptions,
    )
}
ROUTE_OPTIONS = frozenset(_DEFAULTS[RouteOptions])
API_ROUTE_OPTIONS = frozenset(_DEFAULTS[APIRouteOptions])
APP_API_ROUTE_OPTIONS = frozenset(_DEFAULTS[AppAPIRouteOptions])
ADD_API_ROUTE_OPTIONS = frozenset(_DEFAULTS[AddAPIRouteOptions])
# What an ``APIRoute`` keeps under the option's own name (``route.tags``...), to be re-read
# when its router is included into another one.
REDECLARED_OPTIONS = tuple(_DEFAULTS[APIRouteOptions])


def keyword_signature(leading: Sequence[inspect.Parameter], options: type) -> inspect.Signature:
    """``leading`` parameters, then each option of ``options`` as a keyword with its default."""
    keywords = [
        inspect.Parameter(
            name,
            inspect.Parameter.KEYWORD_ONLY,
            default=annotation.__metadata__[0].value,
            annotation=annotation.__origin__,
        )
        for name, annotation in options.__annotations__.items()
    ]
    return inspect.Signature([*leading, *keywords])


def reject_unknown(
    qualname: Callable[[], str], accepted: frozenset[str], keywords: Mapping[str, Any]
) -> None:
    """The ``TypeError`` Python raises for a keyword the signature has not (named lazily)."""
    for key in keywords:
        if key not in accepted:
            raise TypeError(f"{qualname()}() got an unexpected keyword argument '{key}'")


def signed_with(options: type) -> Callable[[_F], _F]:
    """Give ``func(..., **options)`` the keyword signature the options class declares.

    An unknown keyword gets the ``TypeError`` Python raises for a function with that signature.
    """

    def decorate(func: _F) -> _F:
        leading = [
            parameter
            for parameter in inspect.signature(func).parameters.values()
            if parameter.kind is not inspect.Parameter.VAR_KEYWORD
        ]
        accepted = frozenset(_DEFAULTS[options]) | {parameter.name for parameter in leading}

        @functools.wraps(func)
        def checked(*args: Any, **kwargs: Any) -> Any:
            if not accepted.issuperset(kwargs):  # one C call for the usual case
                reject_unknown(lambda: func.__qualname__, accepted, kwargs)
            return func(*args, **kwargs)

        checked.__signature__ = keyword_signature(leading, options)  # type: ignore[attr-defined]
        return checked  # type: ignore[return-value]

    return decorate


# -- router levels ----------------------------------------------------------------------------
# A router (and each ``include_router`` call) is a level around the routes it holds: its
# settings combine with a route's own, the route's being the inner one.


def outer_first(outer: Sequence[Any] | None, inner: Sequence[Any] | None) -> list[Any]:
    """``outer + inner`` as a new list (dependencies, tags: the outer level's come first)."""
    combined = list(outer or [])
    if inner:
        combined.extend(inner)  # list.extend semantics (a string adds its characters)
    return combined


def _inner_wins(outer: Mapping[Any, Any] | None, inner: Mapping[Any, Any] | None) -> Any:
    return {**(outer or {}), **(inner or {})}


def _inner_or_outer(outer: Any, inner: Any) -> Any:
    return inner or outer


def _inner_and_outer(outer: Any, inner: Any) -> Any:
    return inner and outer


def _explicit_first(outer: Any, inner: Any) -> Any:
    return get_value_or_default(inner, outer)


LEVEL_RULES: dict[str, Callable[[Any, Any], Any]] = {
    "tags": outer_first,
    "dependencies": outer_first,
    "callbacks": outer_first,
    "responses": _inner_wins,
    "deprecated": _inner_or_outer,
    "include_in_schema": _inner_and_outer,
    "response_class": _explicit_first,
    "generate_unique_id_function": _explicit_first,
}


# A level's settings (``APIRouter(...)``, ``include_router(...)``) and the option each one is.
LEVEL_SETTINGS = {
    "tags": "tags",
    "dependencies": "dependencies",
    "responses": "responses",
    "callbacks": "callbacks",
    "deprecated": "deprecated",
    "include_in_schema": "include_in_schema",
    "default_response_class": "response_class",
    "generate_unique_id_function": "generate_unique_id_function",
}


def level_of(settings: Mapping[str, Any]) -> dict[str, Any]:
    """The route options a level's ``settings`` stand for (other keys are ignored)."""
    return {option: settings[setting] for setting, option in LEVEL_SETTINGS.items()}


def within(level: Mapping[str, Any], options: Mapping[str, Any]) -> dict[str, Any]:
    """A route's ``options`` once placed inside ``level`` (a router or an inclusion)."""
    merged = dict(options)
    for name, outer in level.items():
        merged[name] = LEVEL_RULES[name](outer, options[name])
    return merged
