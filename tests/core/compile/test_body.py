"""fastapi._core.compile.body: the body parameters read from JSON or a form, FastAPI's errors."""

from __future__ import annotations

import io
from typing import Annotated, Any

import anyio
from pydantic import BaseModel
from starlette.datastructures import FormData, UploadFile

from fastapi import Body, File, Form
from fastapi._core import params
from fastapi._core.analyse.dependant import build_dependant, should_embed_body_fields
from fastapi._core.compile.body import BodyReader


class Item(BaseModel):
    name: str
    price: float = 1.0


class Login(BaseModel):
    user: str
    remember: bool = False


def reader_of(call: Any) -> BodyReader:
    fields = build_dependant(path="/", call=call).body_params
    reads_form = any(isinstance(field.field_info, params.Form) for field in fields)
    return BodyReader(fields, embed=should_embed_body_fields(fields), reads_form=reads_form)


def read(reader: BodyReader, body: Any) -> tuple[bool, dict[str, Any], list[Any]]:
    values: dict[str, Any] = {}
    errors: list[Any] = []
    ok = anyio.run(reader.read, body, values, errors)
    return ok, values, errors


def test_a_single_body_is_the_whole_json() -> None:
    def endpoint(item: Item) -> None: ...

    ok, values, errors = read(reader_of(endpoint), {"name": "a"})
    assert ok and values == {"item": Item(name="a")} and errors == []
    ok, _, errors = read(reader_of(endpoint), None)
    assert not ok and errors == [
        {"type": "missing", "loc": ("body",), "msg": "Field required", "input": None}
    ]


def test_several_bodies_are_keys_of_the_json() -> None:
    def endpoint(item: Item, count: Annotated[int, Body()] = 1) -> None: ...

    reader = reader_of(endpoint)
    assert read(reader, {"item": {"name": "a"}, "count": "2"})[1] == {
        "item": Item(name="a"),
        "count": 2,
    }
    ok, _, errors = read(reader, {"item": {"price": "x"}})
    assert not ok
    assert [(e["type"], e["loc"]) for e in errors] == [
        ("missing", ("body", "item", "name")),
        ("float_parsing", ("body", "item", "price")),
    ]
    ok, _, errors = read(reader, [1, 2])  # not an object: each key is missing
    assert [(e["type"], e["loc"]) for e in errors][0] == ("missing", ("body", "item"))


def test_an_embedded_body_is_keyed_by_its_name() -> None:
    def endpoint(item: Annotated[Item, Body(embed=True)]) -> None: ...

    assert read(reader_of(endpoint), {"item": {"name": "a"}})[1] == {"item": Item(name="a")}


def test_form_fields_and_their_defaults() -> None:
    def endpoint(user: Annotated[str, Form()], tags: Annotated[list[str], Form()] = []) -> None: ...

    reader = reader_of(endpoint)
    form = FormData([("user", "ann"), ("tags", "a"), ("tags", "b")])
    assert read(reader, form)[1] == {"user": "ann", "tags": ["a", "b"]}
    ok, values, errors = read(reader, FormData([]))
    assert not ok and [(e["type"], e["loc"]) for e in errors] == [("missing", ("body", "user"))]


def test_a_form_model_is_the_whole_form() -> None:
    def endpoint(login: Annotated[Login, Form()]) -> None: ...

    ok, values, _ = read(reader_of(endpoint), FormData([("user", "ann"), ("remember", "on")]))
    assert ok and values == {"login": Login(user="ann", remember=True)}


def test_files_are_read_from_the_form() -> None:
    def endpoint(file: Annotated[bytes, File()], note: Annotated[str, Form()] = "") -> None: ...

    upload = UploadFile(file=io.BytesIO(b"content"), filename="a.txt")
    ok, values, errors = read(reader_of(endpoint), FormData([("file", upload)]))
    assert ok and values == {"file": b"content", "note": ""}
