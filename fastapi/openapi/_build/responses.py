"""The responses object of an operation: the route's own answer, the responses it declares
(``responses={...}``) and, when it validates input, the 422 answer."""

from __future__ import annotations

import functools
import http.client
import inspect
from typing import Any

from starlette.responses import JSONResponse, Response

from fastapi.openapi._build.route_inputs import RouteInputs
from fastapi.openapi._build.schemas import FieldSchemas
from fastapi.openapi.constants import REF_PREFIX
from fastapi.openapi.stream_schema import stream_content
from fastapi.routing import APIRoute
from fastapi.utils import deep_dict_update, is_body_allowed_for_status_code

# The models of a 422 answer's body, added to the components when an operation has one.
validation_error_definition: dict[str, Any] = {
    "title": "ValidationError",
    "type": "object",
    "properties": {
        "loc": {
            "title": "Location",
            "type": "array",
            "items": {"anyOf": [{"type": "string"}, {"type": "integer"}]},
        },
        "msg": {"title": "Message", "type": "string"},
        "type": {"title": "Error Type", "type": "string"},
    },
    "required": ["loc", "msg", "type"],
}
validation_error_response_definition: dict[str, Any] = {
    "title": "HTTPValidationError",
    "type": "object",
    "properties": {
        "detail": {
            "title": "Detail",
            "type": "array",
            "items": {"$ref": REF_PREFIX + "ValidationError"},
        }
    },
}
VALIDATION_DEFINITIONS = {
    "ValidationError": validation_error_definition,
    "HTTPValidationError": validation_error_response_definition,
}

# What a declared response key standing for a range of status codes is described as.
status_code_ranges: dict[str, str] = {
    "1XX": "Information",
    "2XX": "Success",
    "3XX": "Redirection",
    "4XX": "Client Error",
    "5XX": "Server Error",
    "DEFAULT": "Default Response",
}

# Keys under which a route already documents what an invalid request is answered with.
_CLIENT_ERROR_KEYS = ("422", "4XX", "default")


def responses_object(
    route: APIRoute, response_class: type[Response], inputs: RouteInputs, schemas: FieldSchemas
) -> tuple[dict[str, Any], bool]:
    """The responses of one operation, and whether it documents a validation error."""
    media_type = response_class.media_type
    responses: dict[Any, Any] = {}
    main: dict[str, Any] = {"description": route.response_description}
    responses[_main_status(route, response_class)] = main
    content = _main_content(route, response_class, schemas)
    if content is not None:
        main["content"] = content
    for status, declared in route.responses.items():
        field = route.response_fields.get(status)
        key = _response_key(status)
        documented = responses.setdefault(key, {})
        model_schema = None if field is None else schemas.of(field)
        _merge_declared(documented, status, declared, model_schema, media_type)
    validates = bool(inputs.takes_parameters or route.body_field) and not any(
        key in responses for key in _CLIENT_ERROR_KEYS
    )
    if validates:
        responses["422"] = {
            "description": "Validation Error",
            "content": {
                "application/json": {"schema": {"$ref": REF_PREFIX + "HTTPValidationError"}}
            },
        }
    return responses, validates


def _main_status(route: APIRoute, response_class: type[Response]) -> str | None:
    if route.status_code is not None:
        return str(route.status_code)
    return _default_status(response_class)  # type: ignore[arg-type]  # classes hash


@functools.lru_cache(maxsize=256)
def _default_status(response_class: type[Response]) -> str | None:
    """The status a response class answers with when given none (bounded: one per class)."""
    parameter = inspect.signature(response_class.__init__).parameters.get("status_code")
    if parameter is not None and isinstance(parameter.default, int):
        return str(parameter.default)
    return None


def _main_content(
    route: APIRoute, response_class: type[Response], schemas: FieldSchemas
) -> dict[str, Any] | None:
    """What the route's own answer carries: its items when it streams, its response model
    for a JSON answer, a string for other bodies; nothing when its status has no body."""
    media_type = response_class.media_type
    if route._streams:
        from fastapi._core.serialize.item_stream import stream_format  # streaming routes only

        item = route.stream_item_field
        item_schema = None if item is None else schemas.of(item)
        return stream_content(stream_format(response_class), item_schema, media_type)
    if not media_type or not is_body_allowed_for_status_code(route.status_code):
        return None
    schema: dict[str, Any] = {"type": "string"}
    if isinstance(response_class, type) and issubclass(response_class, JSONResponse):
        schema = schemas.of(route.response_field) if route.response_field else {}
    return {media_type: {"schema": schema}}


def _merge_declared(
    documented: dict[str, Any],
    status: int | str,
    declared: dict[str, Any],
    model_schema: dict[str, Any] | None,
    media_type: str | None,
) -> None:
    """A declared response merged into what the key documents already; its ``model``
    becomes the schema of its content (merged into the given dicts, as FastAPI does)."""
    response = declared.copy()
    response.pop("model", None)
    if model_schema is not None:
        content = response.setdefault("content", {})
        media = content.setdefault(media_type or "application/json", {})
        deep_dict_update(media.setdefault("schema", {}), model_schema)
    status_text = _status_text(status)  # first: a key that is no status at all raises
    description = (
        response.get("description")
        or documented.get("description")
        or status_text
        or "Additional Response"
    )
    deep_dict_update(documented, response)
    documented["description"] = description


def _response_key(status: int | str) -> str:
    key = str(status).upper()
    return "default" if key == "DEFAULT" else key


def _status_text(status: int | str) -> str | None:
    key = str(status).upper()
    return status_code_ranges.get(key) or http.client.responses.get(int(status))
