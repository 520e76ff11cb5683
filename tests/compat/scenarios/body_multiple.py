"""Several body parameters on one route (each becomes a key of a JSON object), singular values
in the body via Body(), Body(embed=True), missing one of several bodies, loc shapes."""
from typing import Annotated

from fastapi import Body, FastAPI
from pydantic import BaseModel

app = FastAPI()


class Item(BaseModel):
    name: str
    price: float


class User(BaseModel):
    username: str
    full_name: str | None = None


@app.put("/items/{item_id}")
async def update_item(item_id: int, item: Item, user: User):
    return {"item_id": item_id, "item": item, "user": user}


@app.put("/importance/{item_id}")
async def update_importance(
    item_id: int, item: Item, user: User, importance: Annotated[int, Body()], q: str | None = None
):
    results = {"item_id": item_id, "item": item, "user": user, "importance": importance}
    if q:
        results.update({"q": q})
    return results


@app.post("/singular/")
def singular(importance: int = Body()):
    return {"importance": importance}


@app.post("/two-singulars/")
def two_singulars(a: int = Body(), b: str = Body("bee")):
    return {"a": a, "b": b}


@app.put("/embed/{item_id}")
async def embed(item_id: int, item: Annotated[Item, Body(embed=True)]):
    return {"item_id": item_id, "item": item}


@app.post("/embed-default/")
def embed_default(item: Item = Body(embed=True)):
    return item


@app.post("/embed-int/")
def embed_int(count: Annotated[int, Body(embed=True)]):
    return {"count": count}


@app.post("/optional-second/")
def optional_second(item: Item, user: User | None = None):
    return {"item": item, "user": user}


@app.post("/defaulted-singular/")
def defaulted_singular(item: Item, note: Annotated[str, Body()] = "none"):
    return {"item": item, "note": note}


J = "application/json"
CASES = [
    {"method": "PUT", "url": "/items/1", "json": {"item": {"name": "Foo", "price": 1}, "user": {"username": "dave"}}},
    {"method": "PUT", "url": "/items/1", "json": {"item": {"name": "Foo", "price": 1}}},
    {"method": "PUT", "url": "/items/1", "json": {"user": {"username": "dave"}}},
    {"method": "PUT", "url": "/items/1", "json": {}},
    {"method": "PUT", "url": "/items/1", "json": {"name": "Foo", "price": 1, "username": "dave"}},
    {"method": "PUT", "url": "/items/1", "json": {"item": {"name": "Foo"}, "user": {}}},
    {"method": "PUT", "url": "/items/1", "json": {"item": None, "user": None}},
    {"method": "PUT", "url": "/items/1", "json": {"item": [], "user": "dave"}},
    {"method": "PUT", "url": "/items/1", "json": {"item": None, "user": {"username": "dave"}}},
    {"method": "PUT", "url": "/items/1", "json": {"item": {}, "user": {"username": "dave"}}},
    {"method": "PUT", "url": "/items/1", "json": [{"name": "Foo", "price": 1}]},
    {"method": "PUT", "url": "/items/1", "json": "x"},
    {"method": "PUT", "url": "/items/1", "json": None},
    {"method": "PUT", "url": "/items/1"},
    {"method": "PUT", "url": "/items/x", "json": {"item": {"name": "Foo", "price": "p"}}},
    {"method": "PUT", "url": "/items/1", "json": {"item": {"name": "Foo", "price": 1}, "user": {"username": "dave"}, "extra": 1}},
    {"method": "PUT", "url": "/importance/5?q=hi", "json": {"item": {"name": "Foo", "price": 1}, "user": {"username": "dave"}, "importance": 5}},
    {"method": "PUT", "url": "/importance/5", "json": {"item": {"name": "Foo", "price": 1}, "user": {"username": "dave"}}},
    {"method": "PUT", "url": "/importance/5", "json": {"item": {"name": "Foo", "price": 1}, "user": {"username": "dave"}, "importance": "high"}},
    {"method": "PUT", "url": "/importance/5?importance=3", "json": {"item": {"name": "Foo", "price": 1}, "user": {"username": "dave"}}},
    {"method": "POST", "url": "/singular/", "json": {"importance": 3}},
    {"method": "POST", "url": "/singular/", "json": 3},
    {"method": "POST", "url": "/singular/", "json": "3"},
    {"method": "POST", "url": "/singular/", "json": {"importance": "3"}},
    {"method": "POST", "url": "/singular/", "json": {}},
    {"method": "POST", "url": "/singular/", "json": {"importance": None}},
    {"method": "POST", "url": "/singular/"},
    {"method": "POST", "url": "/two-singulars/", "json": {"a": 1}},
    {"method": "POST", "url": "/two-singulars/", "json": {"a": 1, "b": "x"}},
    {"method": "POST", "url": "/two-singulars/", "json": {"b": 2}},
    {"method": "POST", "url": "/two-singulars/", "json": [1, "x"]},
    {"method": "POST", "url": "/two-singulars/", "json": 1},
    {"method": "PUT", "url": "/embed/1", "json": {"item": {"name": "Foo", "price": 1}}},
    {"method": "PUT", "url": "/embed/1", "json": {"name": "Foo", "price": 1}},
    {"method": "PUT", "url": "/embed/1", "json": {"item": {"name": "Foo"}}},
    {"method": "PUT", "url": "/embed/1", "json": {"item": "Foo"}},
    {"method": "PUT", "url": "/embed/1", "json": []},
    {"method": "PUT", "url": "/embed/1", "json": {"item": None}},
    {"method": "PUT", "url": "/embed/1", "json": {"item": {"name": "Foo", "price": 1}, "other": 2}},
    {"method": "PUT", "url": "/embed/1"},
    {"method": "POST", "url": "/embed-default/", "json": {"item": {"name": "Foo", "price": 1}}},
    {"method": "POST", "url": "/embed-default/", "json": {"name": "Foo", "price": 1}},
    {"method": "POST", "url": "/embed-int/", "json": {"count": 4}},
    {"method": "POST", "url": "/embed-int/", "json": 4},
    {"method": "POST", "url": "/embed-int/", "json": {"count": 4.5}},
    {"method": "POST", "url": "/optional-second/", "json": {"item": {"name": "Foo", "price": 1}}},
    {"method": "POST", "url": "/optional-second/", "json": {"item": {"name": "Foo", "price": 1}, "user": None}},
    {"method": "POST", "url": "/optional-second/", "json": {"item": {"name": "Foo", "price": 1}, "user": {"username": 1}}},
    {"method": "POST", "url": "/optional-second/", "json": {"name": "Foo", "price": 1}},
    {"method": "POST", "url": "/defaulted-singular/", "json": {"item": {"name": "Foo", "price": 1}}},
    {"method": "POST", "url": "/defaulted-singular/", "json": {"item": {"name": "Foo", "price": 1}, "note": "n"}},
    {"method": "POST", "url": "/defaulted-singular/", "json": {"item": {"name": "Foo", "price": 1}, "note": None}},
    {"method": "POST", "url": "/defaulted-singular/", "json": {"note": 5}},
]
