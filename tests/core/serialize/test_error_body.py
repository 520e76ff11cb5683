"""The 422 body of plain validation errors is rendered directly, byte for byte as before."""

from __future__ import annotations

from typing import Any

import pytest
from starlette.responses import JSONResponse

from fastapi._core.serialize.error_body import validation_error_response
from fastapi.encoders import jsonable_encoder

PLAIN: list[list[Any]] = [
    [{"type": "int_parsing", "loc": ("query", "n"), "msg": "Input should be a valid integer", "input": "abc"}],
    [
        {"type": "missing", "loc": ("body",), "msg": "Field required", "input": None},
        {"type": "too_long", "loc": ("query", "q", 0), "msg": "é", "input": [1.5, True, {"k": ["v"]}], "ctx": {"max_length": 3}},
    ],
    [{"type": "t", "loc": ("body", 0), "msg": "x", "input": {"a": [[1, 2.5, None], {"b": ("c", -0.0)}], "": {}}}],
]

GENERIC: list[list[Any]] = [
    [{"type": "value_error", "loc": ("body",), "msg": "x", "input": 1, "ctx": {"error": ValueError("x")}}],
    [{"type": "t", "loc": ("body",), "msg": "x", "input": float("nan")}],
    [{"type": "t", "loc": ("body",), "msg": "x", "input": {"_sa_instance_state": 1, "a": 2}}],
    [{"type": "t", "loc": ("body",), "msg": "x", "input": {1: "int key"}}],
    [{"type": "t", "loc": ("body",), "msg": "x", "input": b"bytes"}],
    [{"type": "t", "loc": ("body",), "msg": "x", "input": "lone \ud800"}],
    [{"type": "t", "loc": ("body", 0), "msg": "x", "input": [[{"a": {1, 2}}]]}],
    [{"type": "t", "loc": ("body",), "msg": "x", "input": {"a": [1.0, float("inf")]}}],
    [{"type": "t", "loc": ("body",), "msg": "x", "input": [{"b": {"_sa": 1}}]}],
]


@pytest.mark.parametrize("errors", PLAIN)
def test_plain_errors_are_rendered_as_the_generic_encoder_renders_them(errors: list[Any]) -> None:
    response = validation_error_response(errors)
    expected = JSONResponse({"detail": jsonable_encoder(errors)}, status_code=422)
    assert response is not None
    assert (response.status_code, response.body) == (422, expected.body)
    assert response.raw_headers == expected.raw_headers


@pytest.mark.parametrize("errors", GENERIC)
def test_anything_else_takes_the_generic_path(errors: list[Any]) -> None:
    assert validation_error_response(errors) is None
