"""Client input that FastAPI accepts but then fails to encode (a 500 there): NaN/Infinity, lone
surrogates, raw bodies that are not UTF-8, and raw query bytes in a slash redirect."""
from typing import Annotated, Any, Optional

from pydantic import BaseModel

from fastapi import Body, FastAPI, Form

app = FastAPI()


class Item(BaseModel):
    name: str
    price: float


@app.post("/echo")
def echo(value: Annotated[Any, Body()]):
    return value


@app.post("/items")
def create_item(item: Item) -> Item:
    return item


@app.get("/ratio")
def ratio(r: float = 1.0, q: Optional[str] = None):
    return {"r": r, "q": q}


@app.post("/form")
def form(ratio: Annotated[float, Form()]):
    return {"ratio": ratio}


@app.get("/slash/")
def slash():
    return {"ok": True}


J = {"content-type": "application/json"}


def post(name: str, url: str, content: bytes, headers=J) -> dict:
    return {"name": name, "method": "POST", "url": url, "headers": headers, "content": content}


CASES = [
    post("echo NaN", "/echo", b"NaN"),
    post("echo list of infinities", "/echo", b"[Infinity, -Infinity, 1]"),
    post("echo overflowing number", "/echo", b'{"big": 1e999}'),
    post("item price NaN", "/items", b'{"name": "a", "price": NaN}'),
    post("item price 1e999", "/items", b'{"name": "a", "price": -1e999}'),
    post("item price finite", "/items", b'{"name": "a", "price": 2.5}'),
    {"name": "query nan", "method": "GET", "url": "/ratio?r=nan"},
    {"name": "query inf and a text", "method": "GET", "url": "/ratio?r=inf&q=text"},
    {"name": "query finite", "method": "GET", "url": "/ratio?r=0.5"},
    {"name": "form nan", "method": "POST", "url": "/form", "data": {"ratio": "nan"}},
    post("echo lone surrogate", "/echo", b'"\\ud800"'),
    post("echo surrogate in a list", "/echo", b'["ok", "\\udfff"]'),
    post("item body a lone surrogate", "/items", b'"\\ud800"'),
    post("echo raw bytes not UTF-8", "/echo", b"caf\xe9", {"content-type": "text/plain"}),
    post("echo raw bytes UTF-8", "/echo", b"caf\xc3\xa9", {"content-type": "text/plain"}),
    {"name": "slash redirect with a query", "method": "GET", "url": "/slash", "params": {"q": "é"}},
]
