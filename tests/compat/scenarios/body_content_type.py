"""Which Content-Type headers make FastAPI parse the body as JSON: application/json with
parameters, +json suffixes, vnd types, text/plain, form-urlencoded, missing header, odd casing."""
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


@app.post("/any/")
def any_body(payload: Annotated[Any, Body()]):
    return {"type": type(payload).__name__, "payload": payload}


@app.post("/text/")
def text_body(payload: Annotated[str, Body()]):
    return {"payload": payload}


@app.post("/multi/")
def multi(a: Annotated[int, Body()], b: Annotated[str, Body()]):
    return {"a": a, "b": b}


@app.post("/optional/")
def optional(item: Item | None = None):
    return {"item": item}


BODY = b'{"name": "Foo", "price": 2}'


def ct(url: str, content_type: str | None, content: bytes = BODY) -> dict:
    case: dict = {"method": "POST", "url": url, "content": content, "name": f"{url} ct={content_type!r} body={content[:30]!r}"}
    if content_type is not None:
        case["headers"] = {"content-type": content_type}
    return case


CASES = [
    ct("/items/", "application/json"),
    ct("/items/", "application/json; charset=utf-8"),
    ct("/items/", "application/json;charset=latin-1"),
    ct("/items/", "APPLICATION/JSON"),
    ct("/items/", "Application/Json; Charset=UTF-8"),
    ct("/items/", " application/json"),
    ct("/items/", "application/json "),
    ct("/items/", "application/vnd.api+json"),
    ct("/items/", "application/geo+json"),
    ct("/items/", "application/merge-patch+json; charset=utf-8"),
    ct("/items/", "application/problem+json"),
    ct("/items/", "application/+json"),
    ct("/items/", "application/jsonx"),
    ct("/items/", "application/json-patch"),
    ct("/items/", "application/x-json"),
    ct("/items/", "text/json"),
    ct("/items/", "text/plain"),
    ct("/items/", "text/plain; charset=utf-8"),
    ct("/items/", "application/octet-stream"),
    ct("/items/", "application/x-www-form-urlencoded"),
    ct("/items/", "application/x-www-form-urlencoded", b"name=Foo&price=2"),
    ct("/items/", "multipart/form-data; boundary=xyz"),
    ct("/items/", "application/xml", b"<item><name>Foo</name></item>"),
    ct("/items/", "image/svg+xml"),
    ct("/items/", "json"),
    ct("/items/", ""),
    ct("/items/", "*/*"),
    ct("/items/", None),
    ct("/items/", None, b'{"name": "Foo"'),
    ct("/items/", None, b""),
    ct("/items/", "text/plain", b"not json at all"),
    ct("/items/", "text/plain", b""),
    ct("/items/", "application/octet-stream", b"\x00\x01\xff"),
    ct("/any/", "text/plain", b"hello"),
    ct("/any/", "text/plain", b"[1, 2]"),
    ct("/any/", "application/octet-stream", b"\xff\xfe"),
    ct("/any/", "application/json", b"[1, 2]"),
    ct("/any/", "application/vnd.custom+json", b"[1, 2]"),
    ct("/any/", None, b"[1, 2]"),
    ct("/any/", None, b"hello"),
    ct("/text/", "text/plain", b"hello"),
    ct("/text/", "text/plain", "h\u00e9llo \u2603".encode()),
    ct("/text/", "application/json", b'"hello"'),
    ct("/text/", "application/json", b"hello"),
    ct("/text/", "text/plain", b"caf\xe9"),
    dict(ct("/text/", "text/plain", b"caf\xe9"), raise_server_exceptions=True, name="/text/ latin-1 bytes (raises)"),
    dict(ct("/items/", "application/octet-stream", b"\x00\x01\xff"), raise_server_exceptions=True, name="/items/ binary (raises)"),
    ct("/multi/", "text/plain", b'{"a": 1, "b": "x"}'),
    ct("/multi/", "application/json", b'{"a": 1, "b": "x"}'),
    ct("/multi/", "application/x-www-form-urlencoded", b"a=1&b=x"),
    ct("/optional/", "text/plain", b'{"name": "Foo"}'),
    ct("/optional/", "text/plain", b""),
    ct("/optional/", "application/x-www-form-urlencoded", b"name=Foo"),
]
