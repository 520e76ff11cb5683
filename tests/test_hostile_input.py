"""Hostile input found by differential fuzzing against FastAPI 0.116.1, kept as regressions."""

from __future__ import annotations

from typing import Annotated, Any

import pytest
from pydantic import BaseModel

from fastapi import Body, FastAPI
from fastapi.testclient import TestClient

app = FastAPI()


@app.post("/echo")
async def echo(value: Annotated[Any, Body()]):  # type: ignore[no-untyped-def]
    # Unannotated on purpose: the answer goes through jsonable_encoder, not a response model
    # (whose Pydantic serializer has its own, lower, depth limit, as in FastAPI).
    return value


class Item(BaseModel):
    name: str


@app.post("/items")
async def create_item(item: Item) -> Item:
    return item


@app.post("/text")
async def text(payload: Annotated[str, Body()]) -> dict[str, str]:
    return {"payload": payload}


client = TestClient(app)


@pytest.mark.parametrize("open_, close", [(b"[", b"]"), (b'{"a":', b"}")])
def test_deeply_nested_json_echoes_as_deep_as_fastapi(open_: bytes, close: bytes) -> None:
    # FastAPI echoes these up to a depth of ~965 (Python's recursion limit); a list used to
    # cost two stack frames per level here, failing from ~490 on.
    depth = 900
    body = open_ * depth + (b"1" if open_ != b"[" else b"") + close * depth
    response = client.post("/echo", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 200
    assert response.content == body


def test_json_too_deep_to_parse_is_a_400() -> None:
    body = b"[" * 5000 + b"]" * 5000
    response = client.post("/echo", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 400
    assert response.json() == {"detail": "There was an error parsing the body"}


def test_a_value_that_is_not_utf8_is_shown_in_the_422() -> None:
    # FastAPI fails to encode such an error (and answers a 500): the client's mistake, shown.
    response = client.post(
        "/items", content=b"\x00\x01\xff", headers={"content-type": "application/octet-stream"}
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["input"] == "\x00\x01\\xff"
    response = client.post("/text", content=b"caf\xe9", headers={"content-type": "text/plain"})
    assert response.status_code == 422
    assert response.json()["detail"] == [
        {
            "type": "string_unicode",
            "loc": ["body"],
            "msg": "Input should be a valid string, unable to parse raw data as a unicode string",
            "input": "caf\\xe9",
        }
    ]
