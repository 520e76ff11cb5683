"""Nested models in a body: sub-models, lists/sets/dicts of sub-models, deep loc paths
in validation errors, HttpUrl fields, tuple fields."""
from fastapi import FastAPI
from pydantic import BaseModel, HttpUrl

app = FastAPI()


class Image(BaseModel):
    url: HttpUrl
    name: str


class Item(BaseModel):
    name: str
    price: float
    tags: set[str] = set()
    labels: list[str] = []
    image: Image | None = None
    images: list[Image] | None = None


class Offer(BaseModel):
    name: str
    description: str | None = None
    price: float
    items: list[Item]


class Point(BaseModel):
    coords: tuple[int, int]
    meta: dict[str, list[int]] = {}


@app.put("/items/{item_id}")
async def update_item(item_id: int, item: Item):
    return {"item_id": item_id, "item": item}


@app.post("/offers/")
async def create_offer(offer: Offer):
    return offer


@app.post("/points/")
def create_point(p: Point):
    return p


CASES = [
    {"method": "PUT", "url": "/items/1", "json": {"name": "Foo", "price": 1, "tags": ["a", "a"], "labels": ["x", "x"]}},
    {"method": "PUT", "url": "/items/1", "json": {"name": "Foo", "price": 1, "image": {"url": "http://example.com/baz.jpg", "name": "Baz"}}},
    {"method": "PUT", "url": "/items/1", "json": {"name": "Foo", "price": 1, "image": {"url": "not a url", "name": "Baz"}}},
    {"method": "PUT", "url": "/items/1", "json": {"name": "Foo", "price": 1, "image": {"url": "ftp://example.com/x"}}},
    {"method": "PUT", "url": "/items/1", "json": {"name": "Foo", "price": 1, "image": {}}},
    {"method": "PUT", "url": "/items/1", "json": {"name": "Foo", "price": 1, "image": "http://example.com"}},
    {"method": "PUT", "url": "/items/1", "json": {"name": "Foo", "price": 1, "image": None}},
    {"method": "PUT", "url": "/items/1", "json": {"name": "Foo", "price": 1, "images": [{"url": "http://a.com/", "name": "a"}, {"url": "https://b.com/x?y=1", "name": "b"}]}},
    {"method": "PUT", "url": "/items/1", "json": {"name": "Foo", "price": 1, "images": [{"url": "http://a.com/", "name": "a"}, {"url": "bad", "name": 5}, {}]}},
    {"method": "PUT", "url": "/items/1", "json": {"name": "Foo", "price": 1, "images": {"url": "http://a.com/", "name": "a"}}},
    {"method": "PUT", "url": "/items/1", "json": {"name": "Foo", "price": 1, "tags": "abc"}},
    {"method": "PUT", "url": "/items/1", "json": {"name": "Foo", "price": 1, "tags": [1, 2]}},
    {"method": "PUT", "url": "/items/1", "json": {"name": "Foo", "price": 1, "tags": ["ok", None, ["n"]]}},
    {"method": "PUT", "url": "/items/1", "json": {"name": "Foo", "price": 1, "labels": {"a": 1}}},
    {"method": "POST", "url": "/offers/", "json": {"name": "O", "price": 3, "items": [{"name": "I", "price": 1, "images": [{"url": "http://x.org", "name": "x"}]}]}},
    {"method": "POST", "url": "/offers/", "json": {"name": "O", "price": 3, "items": []}},
    {"method": "POST", "url": "/offers/", "json": {"name": "O", "price": 3}},
    {"method": "POST", "url": "/offers/", "json": {"name": "O", "price": 3, "items": [{"name": "I"}, {"price": "x", "images": [{"url": "http://x.org"}]}]}},
    {"method": "POST", "url": "/offers/", "json": {"name": "O", "price": 3, "items": [None, 1, "s"]}},
    {"method": "POST", "url": "/offers/", "json": {"name": "O", "price": 3, "items": {"0": {"name": "I", "price": 1}}}},
    {"method": "POST", "url": "/points/", "json": {"coords": [1, 2], "meta": {"a": [1, 2], "b": []}}},
    {"method": "POST", "url": "/points/", "json": {"coords": [1, 2, 3]}},
    {"method": "POST", "url": "/points/", "json": {"coords": [1]}},
    {"method": "POST", "url": "/points/", "json": {"coords": ["a", 2.5]}},
    {"method": "POST", "url": "/points/", "json": {"coords": "12"}},
    {"method": "POST", "url": "/points/", "json": {"coords": [1, 2], "meta": {"a": ["x", 1, "2"], "b": 3}}},
    {"method": "POST", "url": "/points/", "json": {"coords": [1, 2], "meta": []}},
]
