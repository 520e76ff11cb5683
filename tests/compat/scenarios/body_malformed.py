"""Malformed JSON bodies: truncated, trailing garbage, empty, whitespace, invalid UTF-8, BOM,
NaN/Infinity literals, deep nesting, single quotes, comments; the json_invalid error shape
(loc carries the character position, input is {}, ctx.error the decoder message)."""
from typing import Annotated, Any

from fastapi import Body, FastAPI
from pydantic import BaseModel

app = FastAPI()


class Item(BaseModel):
    name: str
    price: float = 0.0


@app.post("/items/")
def create_item(item: Item):
    return item


@app.post("/optional/")
def optional_item(item: Item | None = None):
    return {"item": item}


@app.post("/any/")
def any_body(payload: Annotated[Any, Body()]):
    return {"type": type(payload).__name__, "repr": repr(payload)[:60]}


@app.post("/embed/")
def embed(item: Annotated[Item, Body(embed=True)]):
    return item


@app.post("/float/")
def float_body(value: Annotated[float, Body()]):
    return {"repr": repr(value)}


@app.put("/items/{item_id}")
def update_item(item_id: int, q: int, item: Item):
    return {"item_id": item_id, "q": q, "item": item}


J = {"content-type": "application/json"}


def raw(url: str, content: bytes, name: str | None = None) -> dict:
    case = {"method": "POST", "url": url, "content": content, "headers": J}
    if name:
        case["name"] = name
    return case


CASES = [
    raw("/items/", b'{"name": "Foo", "price": 1', "truncated object"),
    raw("/items/", b'{"name": "Fo', "truncated string"),
    raw("/items/", b'{"name": "Foo"} garbage', "trailing garbage"),
    raw("/items/", b'{"name": "Foo"}{"name": "Bar"}', "two objects"),
    raw("/items/", b'{"name": "Foo"}\n\n  ', "trailing whitespace ok"),
    raw("/items/", b'  \n{"name": "Foo"}', "leading whitespace ok"),
    raw("/items/", b"", "empty body with json content-type"),
    raw("/items/", b" ", "single space"),
    raw("/items/", b"\n\t ", "whitespace only"),
    raw("/items/", b"{", "lone brace"),
    raw("/items/", b"}", "closing brace"),
    raw("/items/", b"{'name': 'Foo'}", "single quotes"),
    raw("/items/", b'{name: "Foo"}', "unquoted key"),
    raw("/items/", b'{"name": "Foo",}', "trailing comma"),
    raw("/items/", b'{"name": "Foo" /* c */}', "comment"),
    raw("/items/", b'{"name": "Foo", "price": NaN}', "NaN literal"),
    raw("/items/", b'{"name": "Foo", "price": Infinity}', "Infinity literal"),
    raw("/items/", b'{"name": "Foo", "price": -Infinity}', "-Infinity literal"),
    {**raw("/items/", b'{"name": "Foo", "price": NaN}', "NaN literal echoed (raises)"), "raise_server_exceptions": True},
    raw("/float/", b"NaN", "bare NaN to float"),
    raw("/float/", b"-Infinity", "bare -Infinity to float"),
    raw("/float/", b"1e999", "overflowing exponent"),
    raw("/float/", b"0.1", "plain float"),
    raw("/float/", b"00.1", "leading zeros"),
    raw("/float/", b".5", "leading dot"),
    raw("/items/", b'{"name": "caf\xe9"}', "invalid utf-8 (latin-1 byte)"),
    raw("/items/", b'\xff\xfe{\x00}\x00', "utf-16 bytes"),
    raw("/items/", '{"name": "Foo"}'.encode("utf-16"), "utf-16 encoded json"),
    raw("/items/", b'\xef\xbb\xbf{"name": "Foo"}', "utf-8 BOM"),
    raw("/items/", b'{"name": "a\x01b"}', "raw control char in string"),
    raw("/items/", b'{"name": "\\x41"}', "invalid escape"),
    raw("/items/", b'{"name": "\\u00"}', "truncated unicode escape"),
    raw("/items/", b'{"name": "Foo"\x00}', "NUL byte"),
    raw("/items/", b'[' * 5000 + b']' * 5000, "deep nesting 5000"),
    raw("/items/", b'[' * 100000 + b']' * 100000, "deep nesting 100000"),
    raw("/any/", b'[' * 50 + b']' * 50, "nesting 50 to Any"),
    raw("/any/", b'{"a":' * 20 + b'1' + b'}' * 20, "nested objects to Any"),
    raw("/any/", b"true", "true"),
    raw("/any/", b"tru", "truncated literal"),
    raw("/any/", b"True", "python True"),
    raw("/any/", b"None", "python None"),
    raw("/any/", b'"unterminated', "unterminated string"),
    raw("/any/", b"12abc", "number then garbage"),
    raw("/any/", b"123456789012345678901234567890", "big int"),
    raw("/any/", b"-0", "negative zero int"),
    raw("/any/", b"9" * 5000, "int with 5000 digits"),
    raw("/items/", b'{"name": "Foo", "price": ' + b"9" * 400 + b"}", "400-digit int to float field"),
    raw("/float/", b"9" * 400, "400-digit int to bare float"),
    raw("/any/", b"[" + b"1," * 200000 + b"1]", "large flat array"),
    raw("/any/", b"1.0e+2", "exponent float"),
    raw("/embed/", b'{"item": {"name": "Foo"', "truncated embedded"),
    raw("/optional/", b"{", "broken JSON to optional body"),
    raw("/optional/", b"", "empty to optional body"),
    raw("/optional/", b"null", "null to optional body"),
    {**raw("/items/abc", b"{", "broken JSON plus bad path and missing query"), "method": "PUT"},
    {**raw("/items/abc", b'{"name": "caf\xe9"}', "invalid utf-8 plus bad path"), "method": "PUT"},
    {**raw("/items/abc", b'{"name": 1}', "valid JSON with errors plus bad path"), "method": "PUT"},
    {"method": "POST", "url": "/items/", "name": "broken json no content-type", "content": b'{"name": '},
]
