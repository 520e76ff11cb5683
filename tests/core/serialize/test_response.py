"""fastapi._core.serialize: a route's response model and dump options, applied the way
FastAPI applies them; the JSON bytes are what JSONResponse would render."""

import json

import pytest
from pydantic import BaseModel
from pydantic.fields import FieldInfo
from starlette.responses import JSONResponse, PlainTextResponse

from fastapi._core.analyse.field import create_model_field
from fastapi._core.errors import ResponseValidationError
from fastapi._core.serialize.dump_options import DumpOptions
from fastapi._core.serialize.response import ResponseSerializer, is_body_allowed_for_status_code


class User(BaseModel):
    name: str
    nickname: str | None = None
    age: int = 0


def field_for(model: type) -> object:
    return create_model_field(FieldInfo(annotation=model), "Response_test", mode="serialization")


def test_dump_options_shape_the_json() -> None:
    serializer = ResponseSerializer(field_for(User), JSONResponse, DumpOptions(exclude_none=True, exclude_defaults=True))
    response = serializer.response({"name": "ann", "age": 0}, 201, None)
    assert response.status_code == 201
    assert response.body == b'{"name":"ann"}'
    assert response.body == JSONResponse({"name": "ann"}).body
    assert dict(response.headers) == {"content-length": "14", "content-type": "application/json"}


def test_the_bundle_is_read_from_a_routes_attributes() -> None:
    class Route:
        response_model_include = {"name"}
        response_model_exclude = None
        response_model_by_alias = False
        response_model_exclude_unset = True
        response_model_exclude_defaults = False
        response_model_exclude_none = False

    dump = DumpOptions.of_route(Route())
    assert dump == DumpOptions(include={"name"}, by_alias=False, exclude_unset=True)
    assert dump.keywords()["include"] == {"name"}


def test_an_invalid_return_value_is_a_response_validation_error() -> None:
    serializer = ResponseSerializer(field_for(User), JSONResponse)
    with pytest.raises(ResponseValidationError) as caught:
        serializer.response({"age": "x"}, None, None)
    assert [error["loc"] for error in caught.value.errors()] == [("response", "name"), ("response", "age")]


def test_other_response_classes_get_the_jsonable_content() -> None:
    serializer = ResponseSerializer(None, PlainTextResponse)
    response = serializer.response("hello", None, None)
    assert isinstance(response, PlainTextResponse) and response.body == b"hello"
    assert json.loads(ResponseSerializer(None, JSONResponse).response({"a": (1, 2)}, None, None).body) == {"a": [1, 2]}


@pytest.mark.parametrize(("status", "allowed"), [(200, True), (204, False), (304, False), (101, False), ("5XX", True), (None, True)])
def test_statuses_that_carry_no_body(status: object, allowed: bool) -> None:
    assert is_body_allowed_for_status_code(status) is allowed  # type: ignore[arg-type]
