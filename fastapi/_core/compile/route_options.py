"""The keyword options every path-operation decorator accepts, declared once."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from enum import Enum
from typing import Any, TypedDict

from starlette.routing import BaseRoute

from fastapi import params
from fastapi.types import IncEx


class RouteOptions(TypedDict, total=False):
    """Options of ``@app.get(...)`` and friends (all keyword-only)."""

    response_model: Any
    status_code: int | None
    tags: list[str | Enum] | None
    dependencies: Sequence[params.Depends] | None
    summary: str | None
    description: str | None
    response_description: str
    responses: dict[int | str, dict[str, Any]] | None
    deprecated: bool | None
    operation_id: str | None
    response_model_include: IncEx | None
    response_model_exclude: IncEx | None
    response_model_by_alias: bool
    response_model_exclude_unset: bool
    response_model_exclude_defaults: bool
    response_model_exclude_none: bool
    include_in_schema: bool
    response_class: Any
    name: str | None
    callbacks: list[BaseRoute] | None
    openapi_extra: dict[str, Any] | None
    generate_unique_id_function: Callable[[Any], str]


class APIRouteOptions(RouteOptions, total=False):
    """``api_route``/``add_api_route`` also take the HTTP methods."""

    methods: set[str] | list[str] | None


ROUTE_OPTIONS = frozenset(RouteOptions.__optional_keys__)
API_ROUTE_OPTIONS = frozenset(APIRouteOptions.__optional_keys__)
ADD_API_ROUTE_OPTIONS = API_ROUTE_OPTIONS | {"route_class_override"}


def reject_unknown(
    method: Callable[..., Any], options: Mapping[str, Any], allowed: frozenset[str]
) -> None:
    """The TypeError Python raises for an unexpected keyword (the signature is ``**options``)."""
    for key in options:
        if key not in allowed:
            raise TypeError(f"{method.__qualname__}() got an unexpected keyword argument '{key}'")
