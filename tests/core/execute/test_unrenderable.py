"""fastapi._core.execute.unrenderable: an answer the client's own values make unencodable is
their 422, not a 500; the server's own such values stay its error."""

# No "from __future__ import annotations": endpoints depend on functions local to the tests.
from typing import Annotated, Any

import pytest

from fastapi import Body, Depends, Query
from fastapi._core.errors import RequestValidationError
from tests.core.execute.test_handler import handler_for, json_request, run
from tests.core.requests import make_request


def errors_of(endpoint: Any, request: Any) -> list[dict[str, Any]]:
    with pytest.raises(RequestValidationError) as raised:
        run(handler_for(endpoint), request)
    return list(raised.value.errors())


def test_a_non_finite_number_in_the_json_body_is_reported_where_it_was_sent() -> None:
    async def echo(value: Annotated[Any, Body()]) -> Any:
        return value

    errors = errors_of(echo, json_request(b'{"a": [1, NaN], "b": 1e999}'))
    assert errors == [
        {
            "type": "finite_number",
            "loc": ("body", "a", 1),
            "msg": "Input should be a finite number",
            "input": "NaN",
        },
        {
            "type": "finite_number",
            "loc": ("body", "b"),
            "msg": "Input should be a finite number",
            "input": "Infinity",
        },
    ]


def test_a_query_value_shows_as_sent() -> None:
    async def echo(x: Annotated[float, Query()]) -> float:
        return x

    errors = errors_of(echo, make_request(method="GET", query=b"x=-inf"))
    assert [(e["loc"], e["input"]) for e in errors] == [(("query", "x"), "-inf")]


def test_a_dependency_s_parameter_counts_too() -> None:
    def scale(factor: Annotated[float, Query()]) -> float:
        return factor

    async def endpoint(factor: Annotated[float, Depends(scale)]) -> dict[str, float]:
        return {"f": factor}

    errors = errors_of(endpoint, make_request(method="GET", query=b"factor=nan"))
    assert [(e["loc"], e["input"]) for e in errors] == [(("query", "factor"), "nan")]


def test_a_lone_surrogate_or_a_non_utf8_raw_body_is_a_422() -> None:
    async def echo(value: Annotated[Any, Body()]) -> Any:
        return value

    errors = errors_of(echo, json_request(b'{"s": "\\ud800"}'))
    assert [(e["type"], e["loc"], e["input"]) for e in errors] == [
        ("string_unicode", ("body", "s"), "\\ud800")
    ]


def test_the_server_s_own_non_finite_values_stay_its_error() -> None:
    async def computed(x: Annotated[str, Query()]) -> float:
        return float("nan")  # not what the client sent

    with pytest.raises(ValueError, match="Out of range float values"):
        run(handler_for(computed), make_request(method="GET", query=b"x=1"))
