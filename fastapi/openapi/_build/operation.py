"""One route's path item: an operation per HTTP method, with its callbacks' path items.

What the operations of a document share while it is built (the schemas, the operation ids
seen so far, the routes' inputs) travels in one ``OperationContext``.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from starlette.routing import BaseRoute

from fastapi._core.declaration import require
from fastapi._core.dependant import Dependant, SecurityRequirement
from fastapi.datastructures import DefaultPlaceholder
from fastapi.encoders import jsonable_encoder
from fastapi.openapi._build.parameters import parameter_objects, without_repeats
from fastapi.openapi._build.request_body import request_body_object
from fastapi.openapi._build.responses import responses_object
from fastapi.openapi._build.route_inputs import RouteInputs
from fastapi.openapi._build.schemas import FieldSchemas
from fastapi.openapi.constants import METHODS_WITH_BODY
from fastapi.routing import APIRoute
from fastapi.utils import deep_dict_update


@dataclass
class OperationContext:
    """What every operation of one document is built with."""

    schemas: FieldSchemas
    inputs_of: Callable[[Dependant], RouteInputs]
    # Operation ids already used: a repeated one is warned about (the document keeps it).
    operation_ids: set[str] = field(default_factory=set)


@dataclass
class RouteDocument:
    """A route's path item, the security schemes it uses and whether it documents a
    validation error (the document then defines the validation error models)."""

    path_item: dict[str, Any]
    security_schemes: dict[str, Any]
    validates: bool


def document_route(route: APIRoute, context: OperationContext) -> RouteDocument:
    require(route.methods is not None, "Methods must be a list")
    if not route.include_in_schema or not route.methods:
        return RouteDocument({}, {}, validates=False)
    response_class = route.response_class
    if isinstance(response_class, DefaultPlaceholder):
        response_class = response_class.value
    inputs = context.inputs_of(route.dependant)
    path_item: dict[str, Any] = {}
    validates = False
    for method in route.methods:
        operation = operation_metadata(route, context.operation_ids)
        if inputs.security:
            operation["security"] = security_requirements(inputs.security)
        parameters = without_repeats(parameter_objects(inputs, context.schemas))
        if parameters:
            operation["parameters"] = parameters
        if method in METHODS_WITH_BODY:
            request_body = request_body_object(route.body_field, context.schemas)
            if request_body:
                operation["requestBody"] = request_body
        if route.callbacks:
            operation["callbacks"] = _callbacks(route.callbacks, context)
        responses, validated = responses_object(route, response_class, inputs, context.schemas)
        operation["responses"] = responses
        validates = validates or validated
        if route.openapi_extra:
            deep_dict_update(operation, route.openapi_extra)
        path_item[method.lower()] = operation
    return RouteDocument(path_item, security_schemes(inputs.security), validates)


def operation_metadata(route: APIRoute, operation_ids: set[str]) -> dict[str, Any]:
    """Tags, summary, description, operation id and deprecation of one operation."""
    operation: dict[str, Any] = {}
    if route.tags:
        operation["tags"] = route.tags
    operation["summary"] = operation_summary(route)
    if route.description:
        operation["description"] = route.description
    operation_id = route.operation_id or route.unique_id
    if operation_id in operation_ids:
        _warn_repeated_id(operation_id, route)
    operation_ids.add(operation_id)
    operation["operationId"] = operation_id
    if route.deprecated:
        operation["deprecated"] = route.deprecated
    return operation


def operation_summary(route: APIRoute) -> str:
    """The route's summary, or its name made readable (``read_items`` -> ``Read Items``)."""
    return route.summary or route.name.replace("_", " ").title()


def _warn_repeated_id(operation_id: str, route: APIRoute) -> None:
    message = f"Duplicate Operation ID {operation_id} for function {route.endpoint.__name__}"
    file_name = getattr(route.endpoint, "__globals__", {}).get("__file__")
    if file_name:
        message += f" at {file_name}"
    warnings.warn(message, stacklevel=1)


def security_schemes(requirements: list[SecurityRequirement]) -> dict[str, Any]:
    """The security schemes the requirements refer to, by scheme name."""
    return {
        requirement.security_scheme.scheme_name: jsonable_encoder(
            requirement.security_scheme.model, by_alias=True, exclude_none=True
        )
        for requirement in requirements
    }


def security_requirements(requirements: list[SecurityRequirement]) -> list[dict[str, Any]]:
    """The operation's ``security``: each requirement's scheme name and scopes."""
    return [
        {requirement.security_scheme.scheme_name: requirement.scopes}
        for requirement in requirements
    ]


def _callbacks(callbacks: Sequence[BaseRoute], context: OperationContext) -> dict[str, Any]:
    """Each callback route's path item, under its name and path (not in the components)."""
    documented: dict[str, Any] = {}
    for callback in callbacks:
        if isinstance(callback, APIRoute):
            item = document_route(callback, context).path_item
            documented[callback.name] = {callback.path: item}
    return documented
