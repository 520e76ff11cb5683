"""response_model declared on the decorator: filtering of extra data, lists, Optional, dicts."""
from typing import Optional, Union

from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI()


class Item(BaseModel):
    name: str
    price: float
    tags: list[str] = []


class ItemWithSecret(Item):
    secret: str


class Other(BaseModel):
    name: str
    price: float
    secret: str = "s3cr3t"


@app.get("/model", response_model=Item)
def model():
    return Item(name="foo", price=1.5)


@app.get("/subclass", response_model=Item)
def subclass():
    return ItemWithSecret(name="foo", price=1.5, secret="hidden")


@app.get("/other-model", response_model=Item)
def other_model():
    # an unrelated model with compatible fields
    return Other(name="bar", price=2)


@app.get("/dict-extra", response_model=Item)
def dict_extra():
    return {"name": "foo", "price": "3.25", "secret": "hidden", "tags": ("a", "b")}


@app.get("/dict-coerce", response_model=Item)
def dict_coerce():
    return {"name": "foo", "price": 3}


@app.get("/dict-missing", response_model=Item)
def dict_missing():
    return {"name": "foo"}


@app.get("/list", response_model=list[Item])
def list_items():
    return [
        {"name": "a", "price": 1, "secret": "x"},
        ItemWithSecret(name="b", price=2, secret="y"),
        Item(name="c", price=3.0, tags=["t"]),
    ]


@app.get("/list-empty", response_model=list[Item])
def list_empty():
    return []


@app.get("/list-from-tuple", response_model=list[Item])
def list_from_tuple():
    return ({"name": "a", "price": 1},)


@app.get("/list-from-generator", response_model=list[Item])
def list_from_generator():
    return ({"name": n, "price": i} for i, n in enumerate("xy"))


@app.get("/optional/{present}", response_model=Optional[Item])
def optional(present: bool):
    return ItemWithSecret(name="o", price=0, secret="z") if present else None


@app.get("/union/{kind}", response_model=Union[Item, Other])
def union(kind: str):
    if kind == "item":
        return {"name": "i", "price": 1}
    if kind == "other":
        return Other(name="o", price=2)
    return {"name": "d", "price": 3, "secret": "given"}


@app.get("/dict-of-items", response_model=dict[str, Item])
def dict_of_items():
    return {"one": {"name": "a", "price": 1, "secret": "x"}, "two": ItemWithSecret(name="b", price=2, secret="y")}


@app.get("/int-model", response_model=int)
def int_model():
    return "42"


@app.get("/str-model", response_model=str)
def str_model():
    return 42


@app.get("/list-int-model", response_model=list[int])
def list_int_model():
    return ["1", 2, 3.0]


@app.get("/float-model", response_model=float)
def float_model():
    return 3


@app.get("/bool-model", response_model=bool)
def bool_model():
    return "yes"


@app.get("/override-annotation", response_model=Item)
def override_annotation() -> ItemWithSecret:
    # response_model wins over the return annotation
    return ItemWithSecret(name="w", price=9, secret="hidden")


@app.post("/echo", response_model=Item)
def echo(item: ItemWithSecret):
    return item


@app.get("/async-model", response_model=Item)
async def async_model():
    return {"name": "async", "price": 1, "secret": "no"}


CASES = [
    {"method": "GET", "url": "/model"},
    {"method": "GET", "url": "/subclass"},
    {"method": "GET", "url": "/other-model"},
    {"method": "GET", "url": "/dict-extra"},
    {"method": "GET", "url": "/dict-coerce"},
    {"method": "GET", "url": "/dict-missing"},
    {"method": "GET", "url": "/list"},
    {"method": "GET", "url": "/list-empty"},
    {"method": "GET", "url": "/list-from-tuple"},
    {"method": "GET", "url": "/list-from-generator"},
    {"method": "GET", "url": "/optional/true"},
    {"method": "GET", "url": "/optional/false"},
    {"method": "GET", "url": "/union/item"},
    {"method": "GET", "url": "/union/other"},
    {"method": "GET", "url": "/union/dict"},
    {"method": "GET", "url": "/dict-of-items"},
    {"method": "GET", "url": "/int-model"},
    {"method": "GET", "url": "/str-model"},
    {"method": "GET", "url": "/list-int-model"},
    {"method": "GET", "url": "/float-model"},
    {"method": "GET", "url": "/bool-model"},
    {"method": "GET", "url": "/override-annotation"},
    {"method": "POST", "url": "/echo", "json": {"name": "e", "price": 1, "secret": "s"}},
    {"method": "POST", "url": "/echo", "json": {"name": "e", "price": "1e3", "secret": "s", "extra": 1}},
    {"method": "GET", "url": "/async-model"},
]
