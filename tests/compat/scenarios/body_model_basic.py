"""A single Pydantic model as the request body: happy path, missing/extra/wrong-typed fields,
JSON values that are not objects, null, unicode, large numbers, repeated keys."""
from typing import Annotated

from fastapi import Body, FastAPI
from pydantic import BaseModel

app = FastAPI()


class Item(BaseModel):
    name: str
    description: str | None = None
    price: float
    tax: float | None = None


@app.post("/items/")
async def create_item(item: Item):
    return item


@app.post("/items-dict/")
def create_item_dict(item: Item):
    data = item.model_dump()
    if item.tax is not None:
        data["price_with_tax"] = item.price + item.tax
    return data


@app.put("/items/{item_id}")
async def update_item(item_id: int, item: Item, q: str | None = None):
    result = {"item_id": item_id, **item.model_dump()}
    if q:
        result["q"] = q
    return result


@app.post("/annotated/")
def annotated(item: Annotated[Item, Body()]):
    return {"item": item, "type": type(item).__name__}


class Counts(BaseModel):
    count: int
    flag: bool
    ratio: float


@app.post("/counts/")
def counts(c: Counts):
    return {"count": c.count, "flag": c.flag, "ratio": c.ratio}


CASES = [
    {"method": "POST", "url": "/items/", "json": {"name": "Foo", "price": 42.0}},
    {"method": "POST", "url": "/items/", "json": {"name": "Foo", "description": "A foo", "price": 35.4, "tax": 3.2}},
    {"method": "POST", "url": "/items/", "json": {"name": "Foo", "price": 42}},
    {"method": "POST", "url": "/items/", "json": {"name": "Foo", "price": "42.5"}},
    {"method": "POST", "url": "/items/", "json": {"name": "Foo", "price": "abc"}},
    {"method": "POST", "url": "/items/", "json": {"name": "Foo"}},
    {"method": "POST", "url": "/items/", "json": {}},
    {"method": "POST", "url": "/items/", "json": {"price": 1}},
    {"method": "POST", "url": "/items/", "json": {"name": 123, "price": 1}},
    {"method": "POST", "url": "/items/", "json": {"name": None, "price": None}},
    {"method": "POST", "url": "/items/", "json": {"name": ["a"], "price": {"x": 1}}},
    {"method": "POST", "url": "/items/", "json": {"name": "Foo", "price": 1, "unknown": "ignored", "nested": {"a": 1}}},
    {"method": "POST", "url": "/items/", "json": {"name": "Foo", "price": True}},
    {"method": "POST", "url": "/items/", "content": b'{"name": "Foo", "price": 1e400}', "headers": {"content-type": "application/json"}},
    {"method": "POST", "url": "/items/", "json": {"name": "", "price": -0.0}},
    {"method": "POST", "url": "/items/", "json": {"name": "héllo wörld ✓ 日本 😀", "price": 1, "description": "\u0000\n\t\"quoted\""}},
    {"method": "POST", "url": "/items/", "content": '{"name": "\\ud83d\\ude00 \\u00e9", "price": 1}'.encode(), "headers": {"content-type": "application/json"}},
    {"method": "POST", "url": "/items/", "content": b'{"name": "\\ud800", "price": 1}', "headers": {"content-type": "application/json"}},
    {"method": "POST", "url": "/items/", "content": b'{"name": "\\ud800", "price": 1}', "headers": {"content-type": "application/json"}, "raise_server_exceptions": True},
    {"method": "POST", "url": "/items/", "content": b'{"name": "Foo", "price": 1e400}', "headers": {"content-type": "application/json"}, "raise_server_exceptions": True},
    {"method": "POST", "url": "/items/", "content": b'{"name": "a", "name": "b", "price": 1, "price": 2}', "headers": {"content-type": "application/json"}},
    {"method": "POST", "url": "/items/", "content": b'{"Name": "a", "PRICE": 1}', "headers": {"content-type": "application/json"}},
    {"method": "POST", "url": "/items/", "json": None},
    {"method": "POST", "url": "/items/", "content": b"null", "headers": {"content-type": "application/json"}},
    {"method": "POST", "url": "/items/", "json": [{"name": "Foo", "price": 1}]},
    {"method": "POST", "url": "/items/", "json": "Foo"},
    {"method": "POST", "url": "/items/", "json": 42},
    {"method": "POST", "url": "/items/", "json": True},
    {"method": "POST", "url": "/items/", "json": []},
    {"method": "POST", "url": "/items/"},
    {"method": "POST", "url": "/items-dict/", "json": {"name": "Foo", "price": 10, "tax": 0.5}},
    {"method": "POST", "url": "/items-dict/", "json": {"name": "Foo", "price": 10}},
    {"method": "PUT", "url": "/items/5?q=hello", "json": {"name": "Foo", "price": 10}},
    {"method": "PUT", "url": "/items/abc", "json": {"name": "Foo"}},
    {"method": "PUT", "url": "/items/abc"},
    {"method": "PUT", "url": "/items/5", "json": {"name": "Foo", "price": 1, "item_id": 99, "q": "body"}},
    {"method": "POST", "url": "/annotated/", "json": {"name": "A", "price": 2}},
    {"method": "POST", "url": "/annotated/", "json": {"item": {"name": "A", "price": 2}}},
    {"method": "POST", "url": "/counts/", "json": {"count": "7", "flag": "yes", "ratio": "1e2"}},
    {"method": "POST", "url": "/counts/", "json": {"count": 7.0, "flag": 1, "ratio": 3}},
    {"method": "POST", "url": "/counts/", "json": {"count": 7.5, "flag": 2, "ratio": "x"}},
    {"method": "POST", "url": "/counts/", "json": {"count": 123456789012345678901234567890, "flag": "off", "ratio": 1}},
    {"method": "POST", "url": "/counts/", "json": {"count": "1_000", "flag": "t", "ratio": " 2.5 "}},
    {"method": "POST", "url": "/counts/", "json": {"count": "", "flag": "", "ratio": ""}},
    {"method": "POST", "url": "/counts/", "content": b'{"count": 1, "flag": true, "ratio": 1.5e308, "x": 99999999999999999999999999999999999}', "headers": {"content-type": "application/json"}},
    {"method": "GET", "url": "/items/"},
]
