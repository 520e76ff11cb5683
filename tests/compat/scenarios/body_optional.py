"""Optional bodies: `item: Item | None = None`, Body(None), defaulted models, required-but-nullable
bodies, with no body, an empty body, `null`, `{}` and whitespace."""
from typing import Annotated, Optional

from fastapi import Body, FastAPI
from pydantic import BaseModel

app = FastAPI()


class Item(BaseModel):
    name: str
    price: float = 1.0


@app.post("/optional/")
async def optional(item: Item | None = None):
    return {"item": item}


@app.post("/optional-body/")
def optional_body(item: Optional[Item] = Body(None)):
    return {"item": item}


@app.post("/optional-annotated/")
def optional_annotated(item: Annotated[Item | None, Body()] = None):
    return {"item": item}


@app.post("/required-nullable/")
def required_nullable(item: Annotated[Item | None, Body()]):
    return {"item": item}


@app.post("/default-model/")
def default_model(item: Item = Item(name="default")):
    return {"item": item}


@app.post("/optional-int/")
def optional_int(n: Annotated[int | None, Body()] = None):
    return {"n": n}


@app.post("/optional-embed/")
def optional_embed(item: Annotated[Item | None, Body(embed=True)] = None):
    return {"item": item}


@app.post("/optional-dict/")
def optional_dict(data: dict[str, int] | None = None):
    return {"data": data}


@app.post("/optional-list/")
def optional_list(data: Annotated[list[int] | None, Body()] = None):
    return {"data": data}


@app.post("/two-optional/")
def two_optional(a: Item | None = None, b: Item | None = None):
    return {"a": a, "b": b}


J = {"content-type": "application/json"}
CASES = [
    {"method": "POST", "url": "/optional/", "json": {"name": "Foo"}},
    {"method": "POST", "url": "/optional/"},
    {"method": "POST", "url": "/optional/", "json": None},
    {"method": "POST", "url": "/optional/", "content": b"", "headers": J},
    {"method": "POST", "url": "/optional/", "content": b"   ", "headers": J},
    {"method": "POST", "url": "/optional/", "json": {}},
    {"method": "POST", "url": "/optional/", "json": []},
    {"method": "POST", "url": "/optional/", "json": "x"},
    {"method": "POST", "url": "/optional/", "json": {"name": 5}},
    {"method": "POST", "url": "/optional-body/"},
    {"method": "POST", "url": "/optional-body/", "json": None},
    {"method": "POST", "url": "/optional-body/", "json": {"name": "Foo", "price": "2"}},
    {"method": "POST", "url": "/optional-body/", "json": {"price": 2}},
    {"method": "POST", "url": "/optional-annotated/"},
    {"method": "POST", "url": "/optional-annotated/", "json": {"name": "Foo"}},
    {"method": "POST", "url": "/optional-annotated/", "json": 0},
    {"method": "POST", "url": "/required-nullable/"},
    {"method": "POST", "url": "/required-nullable/", "json": None},
    {"method": "POST", "url": "/required-nullable/", "json": {"name": "Foo"}},
    {"method": "POST", "url": "/required-nullable/", "json": {}},
    {"method": "POST", "url": "/default-model/"},
    {"method": "POST", "url": "/default-model/", "json": None},
    {"method": "POST", "url": "/default-model/", "json": {"name": "given"}},
    {"method": "POST", "url": "/default-model/", "json": {}},
    {"method": "POST", "url": "/optional-int/"},
    {"method": "POST", "url": "/optional-int/", "json": 5},
    {"method": "POST", "url": "/optional-int/", "json": None},
    {"method": "POST", "url": "/optional-int/", "json": "5"},
    {"method": "POST", "url": "/optional-int/", "json": "five"},
    {"method": "POST", "url": "/optional-int/", "json": {"n": 5}},
    {"method": "POST", "url": "/optional-embed/"},
    {"method": "POST", "url": "/optional-embed/", "json": {}},
    {"method": "POST", "url": "/optional-embed/", "json": {"item": None}},
    {"method": "POST", "url": "/optional-embed/", "json": {"item": {"name": "Foo"}}},
    {"method": "POST", "url": "/optional-embed/", "json": {"item": {}}},
    {"method": "POST", "url": "/optional-embed/", "json": [1]},
    {"method": "POST", "url": "/optional-dict/"},
    {"method": "POST", "url": "/optional-dict/", "json": {"a": 1}},
    {"method": "POST", "url": "/optional-dict/", "json": {"a": "x"}},
    {"method": "POST", "url": "/optional-list/"},
    {"method": "POST", "url": "/optional-list/", "json": [1, 2]},
    {"method": "POST", "url": "/optional-list/", "json": {"data": [1]}},
    {"method": "POST", "url": "/two-optional/"},
    {"method": "POST", "url": "/two-optional/", "json": {}},
    {"method": "POST", "url": "/two-optional/", "json": {"a": {"name": "A"}}},
    {"method": "POST", "url": "/two-optional/", "json": {"b": {"name": "B"}, "a": None}},
    {"method": "POST", "url": "/two-optional/", "json": {"a": {}, "b": 3}},
    {"method": "POST", "url": "/two-optional/", "json": "str"},
]
