"""fastapi.responses: the ujson and orjson responses, and their answer without the library."""

from __future__ import annotations

import datetime

import pytest

import fastapi.responses
from fastapi.responses import ORJSONResponse, UJSONResponse


def test_ujson_keeps_non_ascii_text() -> None:
    response = UJSONResponse({"a": "é", "n": [1, 2.5, None]})
    assert response.body == '{"a":"é","n":[1,2.5,null]}'.encode()
    assert response.headers["content-type"] == "application/json"


def test_orjson_serializes_non_string_keys() -> None:
    response = ORJSONResponse({1: "é", datetime.date(2020, 1, 2): True})
    assert response.body == '{"1":"é","2020-01-02":true}'.encode()


@pytest.mark.parametrize(
    ("name", "response_class"), [("ujson", UJSONResponse), ("orjson", ORJSONResponse)]
)
def test_a_missing_library_is_an_assertion_error_when_rendering(
    name: str, response_class: type[UJSONResponse], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fastapi.responses, name, None)
    with pytest.raises(AssertionError) as info:
        response_class({"a": 1})
    assert str(info.value) == f"{name} must be installed to use {response_class.__name__}"
