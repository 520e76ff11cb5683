"""Body() options: numeric/string constraints (ctx in errors), alias, title/description,
examples, openapi_examples, media_type, deprecated, include_in_schema-less metadata."""
from typing import Annotated

from fastapi import Body, FastAPI
from pydantic import BaseModel, Field

app = FastAPI()


class Item(BaseModel):
    name: str = Field(min_length=2, max_length=5, examples=["Foo"])
    description: str | None = Field(default=None, title="The description of the item", max_length=10)
    price: float = Field(gt=0, description="The price must be greater than zero")
    tax: float | None = Field(default=None, ge=0, le=100, multiple_of=0.5)
    code: str = Field(default="AA", pattern=r"^[A-Z]{2}$")

    model_config = {"json_schema_extra": {"examples": [{"name": "Foo", "price": 35.4}]}}


@app.post("/items/")
def create_item(item: Item):
    return item


@app.post("/constrained/")
def constrained(
    count: Annotated[int, Body(gt=0, le=10)],
    label: Annotated[str, Body(min_length=1, max_length=3, pattern="^[a-z]+$")] = "abc",
    ratio: Annotated[float, Body(ge=0.0, lt=1.0)] = 0.5,
):
    return {"count": count, "label": label, "ratio": ratio}


@app.post("/alias/")
def alias(item_name: Annotated[str, Body(alias="item-name")], qty: int = Body(1, alias="Quantity")):
    return {"item_name": item_name, "qty": qty}


@app.post("/alias-embed/")
def alias_embed(item: Annotated[Item, Body(embed=True, alias="the_item")]):
    return item


@app.post("/alias-single/")
def alias_single(item: Annotated[Item, Body(alias="the_item")]):
    return item


@app.post("/examples/")
def examples(
    item: Annotated[
        Item,
        Body(
            title="An item",
            description="Item description",
            examples=[{"name": "Foo", "price": 35.4}, {"name": "Bar", "price": "35.4"}],
        ),
    ],
):
    return item


@app.post("/openapi-examples/")
def openapi_examples(
    item: Annotated[
        Item,
        Body(
            openapi_examples={
                "normal": {
                    "summary": "A normal example",
                    "description": "A **normal** item works correctly.",
                    "value": {"name": "Foo", "price": 35.4},
                },
                "converted": {"summary": "Converted", "value": {"name": "Bar", "price": "35.4"}},
                "invalid": {"summary": "Invalid data is rejected", "value": {"name": "Baz", "price": "thirty five"}},
                "external": {"externalValue": "https://example.com/item.json"},
            },
        ),
    ],
):
    return item


@app.post("/media-type/")
def media_type(item: Annotated[Item, Body(media_type="application/vnd.api+json")]):
    return item


@app.post("/media-type-multi/")
def media_type_multi(
    item: Annotated[Item, Body(media_type="application/vnd.api+json")],
    note: Annotated[str, Body()],
):
    return {"item": item, "note": note}


@app.post("/media-type-multi-rev/")
def media_type_multi_rev(
    note: Annotated[str, Body()],
    item: Annotated[Item, Body(media_type="application/vnd.api+json")],
):
    return {"item": item, "note": note}


@app.post("/media-type-embed/")
def media_type_embed(item: Annotated[Item, Body(embed=True, media_type="application/merge-patch+json")]):
    return item


@app.post("/deprecated/")
def deprecated_body(item: Annotated[Item, Body(deprecated=True, description="old")]):
    return item


CASES = [
    {"method": "POST", "url": "/items/", "json": {"name": "Foo", "price": 1, "tax": 2.5, "code": "XY"}},
    {"method": "POST", "url": "/items/", "json": {"name": "F", "price": 0, "tax": 2.3, "code": "xy"}},
    {"method": "POST", "url": "/items/", "json": {"name": "Foooooo", "price": -1, "tax": -1, "description": "0123456789A"}},
    {"method": "POST", "url": "/items/", "json": {"name": "Foo", "price": 1, "tax": 101}},
    {"method": "POST", "url": "/items/", "json": {"name": "日本語", "price": 1}},
    {"method": "POST", "url": "/items/", "json": {"name": "😀", "price": 1}},
    {"method": "POST", "url": "/constrained/", "json": {"count": 5}},
    {"method": "POST", "url": "/constrained/", "json": {"count": 0, "label": "", "ratio": 1.0}},
    {"method": "POST", "url": "/constrained/", "json": {"count": 11, "label": "ABCD", "ratio": -0.1}},
    {"method": "POST", "url": "/constrained/", "json": {"count": 3, "label": "AB"}},
    {"method": "POST", "url": "/constrained/", "json": {"count": "3", "label": "ab", "ratio": "0.25"}},
    {"method": "POST", "url": "/alias/", "json": {"item-name": "x", "Quantity": 4}},
    {"method": "POST", "url": "/alias/", "json": {"item_name": "x", "qty": 4}},
    {"method": "POST", "url": "/alias/", "json": {"item-name": "x"}},
    {"method": "POST", "url": "/alias/", "json": {}},
    {"method": "POST", "url": "/alias-embed/", "json": {"the_item": {"name": "Foo", "price": 1}}},
    {"method": "POST", "url": "/alias-embed/", "json": {"item": {"name": "Foo", "price": 1}}},
    {"method": "POST", "url": "/alias-embed/", "json": {"the_item": {"name": "Foo"}}},
    {"method": "POST", "url": "/alias-single/", "json": {"name": "Foo", "price": 1}},
    {"method": "POST", "url": "/alias-single/", "json": {"the_item": {"name": "Foo", "price": 1}}},
    {"method": "POST", "url": "/examples/", "json": {"name": "Foo", "price": 1}},
    {"method": "POST", "url": "/openapi-examples/", "json": {"name": "Baz", "price": "thirty five"}},
    {"method": "POST", "url": "/media-type/", "json": {"name": "Foo", "price": 1}},
    {"method": "POST", "url": "/media-type/", "content": b'{"name": "Foo", "price": 1}', "headers": {"content-type": "application/vnd.api+json"}},
    {"method": "POST", "url": "/media-type/", "content": b'{"name": "Foo", "price": 1}', "headers": {"content-type": "text/plain"}},
    {"method": "POST", "url": "/media-type-multi/", "json": {"item": {"name": "Foo", "price": 1}, "note": "n"}},
    {"method": "POST", "url": "/media-type-multi-rev/", "json": {"item": {"name": "Foo", "price": 1}, "note": "n"}},
    {"method": "POST", "url": "/media-type-embed/", "content": b'{"item": {"name": "Foo", "price": 1}}', "headers": {"content-type": "application/merge-patch+json"}},
    {"method": "POST", "url": "/deprecated/", "json": {"name": "Foo", "price": 1}},
]
