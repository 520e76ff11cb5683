"""Parameter objects: names, examples, flags, and one object per location and name."""

from __future__ import annotations

from typing import Annotated

import pytest

from fastapi import Cookie, Header, Path, Query
from fastapi.openapi._build.parameters import parameter_objects, without_repeats
from fastapi.openapi._build.route_inputs import route_inputs
from fastapi.openapi._build.schemas import (
    DocumentSchemaGenerator,
    FieldSchemas,
    generate_schemas,
)
from fastapi.routing import APIRoute


def parameters_of(endpoint, path: str = "/") -> list[dict]:
    inputs = route_inputs(APIRoute(path, endpoint).dependant)
    mapping, _ = generate_schemas(inputs.parameters, DocumentSchemaGenerator(), True)
    return parameter_objects(inputs, FieldSchemas(mapping, True))


def test_each_location_in_order_with_its_schema() -> None:
    def endpoint(
        theme: Annotated[str, Cookie()],
        item_id: Annotated[int, Path(ge=1)],
        x_trace: Annotated[str | None, Header()] = None,
        q: Annotated[str, Query(alias="query", description="words")] = "",
    ):
        return {}

    parameters = parameters_of(endpoint, "/items/{item_id}")
    assert [(p["name"], p["in"], p["required"]) for p in parameters] == [
        ("item_id", "path", True),
        ("query", "query", False),
        ("x-trace", "header", False),
        ("theme", "cookie", True),
    ]
    assert parameters[0]["schema"] == {"type": "integer", "minimum": 1, "title": "Item Id"}
    assert parameters[1]["description"] == "words"
    assert list(parameters[1]) == ["name", "in", "required", "schema", "description"]


def test_header_names_keep_an_alias_or_underscores_when_asked() -> None:
    def endpoint(
        x_kept: Annotated[str, Header(convert_underscores=False)],
        x_aliased: Annotated[str, Header(alias="X_Aliased")],
    ):
        return {}

    assert [p["name"] for p in parameters_of(endpoint)] == ["x_kept", "X_Aliased"]


def test_examples_deprecation_and_hidden_parameters() -> None:
    def endpoint(
        a: Annotated[int, Query(examples=[1], openapi_examples={"one": {"value": 1}})] = 0,
        b: Annotated[int, Query(example=2, deprecated=True)] = 0,
        hidden: Annotated[int, Query(include_in_schema=False)] = 0,
    ):
        return {}

    with pytest.warns(DeprecationWarning):  # ``example=`` is deprecated, as in FastAPI
        parameters = parameters_of(endpoint)
    assert [p["name"] for p in parameters] == ["a", "b"]
    assert parameters[0]["examples"] == {"one": {"value": 1}}
    assert "example" not in parameters[0]
    assert parameters[1]["example"] == 2 and parameters[1]["deprecated"] is True


@pytest.mark.parametrize(
    ("declared", "kept"),
    [
        ([("q", False, "a"), ("q", False, "b")], ["b"]),  # the last one
        ([("q", True, "a"), ("q", False, "b")], ["a"]),  # a required one wins
        ([("q", False, "a"), ("q", True, "b"), ("q", True, "c"), ("q", False, "d")], ["c"]),
        ([("q", False, "a"), ("r", False, "b"), ("q", False, "c")], ["c", "b"]),  # first place
    ],
)
def test_without_repeats(declared: list[tuple[str, bool, str]], kept: list[str]) -> None:
    parameters = [
        {"name": name, "in": "query", "required": required, "tag": tag}
        for name, required, tag in declared
    ]
    assert [p["tag"] for p in without_repeats(parameters)] == kept
