"""The document's schemas: which fields, in which order, generated in one pass."""

from __future__ import annotations

from typing import Annotated, Any

import pytest
from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema

from fastapi import APIRouter, Query
from fastapi.openapi._build.route_inputs import route_inputs
from fastapi.openapi._build.schemas import (
    DocumentSchemaGenerator,
    FieldSchemas,
    documented_fields,
    generate_schemas,
)
from fastapi.routing import APIRoute


class Item(BaseModel):
    """An item.\fNot for the document."""

    name: str


def test_callbacks_fields_come_first_then_bodies_responses_parameters() -> None:
    callbacks = APIRouter()

    @callbacks.post("{$url}")
    def notify(event: Item):
        pass

    router = APIRouter()

    @router.post("/items", response_model=Item, callbacks=callbacks.routes)
    def create(item: Item, q: int = 0):
        return item

    @router.get("/hidden", include_in_schema=False)
    def hidden(h: int = 0):
        return {}

    fields = documented_fields(router.routes, route_inputs)
    assert [field.name for field in fields] == ["event", "item", "Response_create_items_post", "q"]


def test_equal_declarations_share_one_generation_but_not_one_dict() -> None:
    def a(limit: Annotated[int, Query(ge=1)] = 10):
        return {}

    def b(size: Annotated[int, Query(ge=1)] = 10):
        return {}

    fields = [
        *route_inputs(APIRoute("/a", a).dependant).parameters,
        *route_inputs(APIRoute("/b", b).dependant).parameters,
    ]
    mapping, definitions = generate_schemas(fields, DocumentSchemaGenerator(), True)
    schemas = FieldSchemas(mapping, True)
    assert definitions == {}
    assert schemas.of(fields[0]) == {"type": "integer", "minimum": 1, "default": 10, "title": "Limit"}
    assert schemas.of(fields[1])["title"] == "Size"  # its own dict, titled after its field
    assert schemas.of(fields[0])["title"] == "Limit"


def test_definitions_stop_at_a_form_feed_and_refs_have_no_title() -> None:
    route = APIRoute("/", lambda item: item, response_model=Item)
    fields = documented_fields([route], route_inputs)
    mapping, definitions = generate_schemas(fields, DocumentSchemaGenerator(), True)
    assert definitions["Item"]["description"] == "An item."
    assert FieldSchemas(mapping, True).of(route.response_field) == {
        "$ref": "#/components/schemas/Item"
    }


def test_each_default_is_encoded_once_per_document(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[Any] = []
    encode = GenerateJsonSchema.encode_default

    def recording(self: GenerateJsonSchema, dft: Any) -> Any:
        calls.append(dft)
        return encode(self, dft)

    monkeypatch.setattr(GenerateJsonSchema, "encode_default", recording)

    def endpoint(
        a: int = 10,
        b: Annotated[int, Query(ge=0)] = 10,
        c: Annotated[list[int], Query()] = [1],  # noqa: B006
        d: Annotated[list[int], Query(max_length=5)] = [1],  # noqa: B006
    ):
        return {}

    fields = route_inputs(APIRoute("/", endpoint).dependant).parameters
    mapping, _ = generate_schemas(fields, DocumentSchemaGenerator(), True)
    # Two declarations (two schemas) with the default 10: Pydantic encodes it once. An
    # unhashable default is encoded each time.
    assert calls.count(10) == 1 and calls.count([1]) >= 2
    assert [mapping[(field, "validation")]["default"] for field in fields] == [10, 10, [1], [1]]
