"""The responses object: the route's own answer, declared responses, the 422 answer."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import BaseModel
from starlette.responses import JSONResponse, PlainTextResponse

from fastapi.openapi._build.responses import VALIDATION_DEFINITIONS, responses_object
from fastapi.openapi._build.route_inputs import route_inputs
from fastapi.openapi._build.schemas import (
    DocumentSchemaGenerator,
    FieldSchemas,
    documented_fields,
    generate_schemas,
)
from fastapi.routing import APIRoute

VALIDATION_ERROR = {
    "description": "Validation Error",
    "content": {
        "application/json": {"schema": {"$ref": "#/components/schemas/HTTPValidationError"}}
    },
}


class Item(BaseModel):
    name: str


class Created(JSONResponse):
    def __init__(self, content: Any = None, status_code: int = 201, **options: Any) -> None:
        super().__init__(content, status_code, **options)


def responses_of(route: APIRoute, response_class: type = JSONResponse) -> tuple[dict, bool]:
    inputs = route_inputs(route.dependant)
    mapping, _ = generate_schemas(
        documented_fields([route], route_inputs), DocumentSchemaGenerator(), True
    )
    return responses_object(route, response_class, inputs, FieldSchemas(mapping, True))


def test_the_main_answer_documents_the_response_model() -> None:
    responses, validates = responses_of(APIRoute("/", lambda: {}, response_model=Item))
    assert responses == {
        "200": {
            "description": "Successful Response",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Item"}}},
        }
    }
    assert not validates


def test_status_from_the_response_class_and_bodies_by_media_type() -> None:
    created, _ = responses_of(APIRoute("/", lambda: {}), Created)
    assert list(created) == ["201"]
    text, _ = responses_of(APIRoute("/", lambda: "", status_code=200), PlainTextResponse)
    assert text["200"]["content"] == {"text/plain": {"schema": {"type": "string"}}}
    empty, _ = responses_of(APIRoute("/", lambda: None, status_code=204))
    assert empty == {"204": {"description": "Successful Response"}}


def test_declared_responses_descriptions_and_models() -> None:
    given = {"content": {"application/json": {"example": {"name": "x"}}}}
    declared = {404: {"model": Item, **given}, "4XX": {}, "default": {}, 418: {"description": "t"}}
    responses, validates = responses_of(APIRoute("/", lambda q=0: {}, responses=declared))
    assert list(responses) == ["200", "404", "4XX", "default", "418"]
    assert responses["404"] == {
        "content": {
            "application/json": {
                "example": {"name": "x"},
                "schema": {"$ref": "#/components/schemas/Item"},
            }
        },
        "description": "Not Found",
    }
    assert responses["4XX"] == {"description": "Client Error"}
    assert responses["default"] == {"description": "Default Response"}
    assert responses["418"] == {"description": "t"}
    # The route takes a parameter, but "4XX" already says what a bad request gets.
    assert not validates
    # As in FastAPI, the model's schema lands in the content dicts the route was given.
    assert given["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Item"}


def test_a_route_with_inputs_documents_the_validation_error() -> None:
    responses, validates = responses_of(APIRoute("/", lambda q=0: {}))
    assert validates and responses["422"] == VALIDATION_ERROR
    assert set(VALIDATION_DEFINITIONS) == {"ValidationError", "HTTPValidationError"}


def test_a_declared_key_that_is_no_status_is_refused() -> None:
    with pytest.raises(ValueError):
        responses_of(APIRoute("/", lambda: {}, responses={"teapot": {"description": "x"}}))
