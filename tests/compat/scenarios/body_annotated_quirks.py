"""Less common Body() declarations: default_factory, several FastAPI markers in one Annotated
(the last one wins), embed=False with several bodies, validation_alias/serialization_alias,
Body() combined with Field-level metadata, Any/object defaults, mutable defaults not shared."""
from typing import Annotated

from fastapi import Body, FastAPI, Query
from pydantic import BaseModel

app = FastAPI()


class Item(BaseModel):
    name: str


@app.post("/factory/")
def factory(tags: Annotated[list[str], Body(default_factory=list)]):
    tags.append("added")
    return {"tags": tags}


@app.post("/factory-embed/")
def factory_embed(item: Annotated[Item, Body(embed=True, default_factory=lambda: Item(name="made"))]):
    return item


@app.post("/body-then-query/")
def body_then_query(x: Annotated[int, Body(), Query()]):
    return {"x": x}


@app.post("/query-then-body/")
def query_then_body(x: Annotated[int, Query(), Body()]):
    return {"x": x}


@app.post("/body-then-embed/")
def body_then_embed(item: Annotated[Item, Body(), Body(embed=True)]):
    return item


@app.post("/embed-false-multi/")
def embed_false_multi(a: Annotated[Item, Body(embed=False)], b: Annotated[Item, Body(embed=False)]):
    return {"a": a, "b": b}


@app.post("/validation-alias/")
def validation_alias(name: Annotated[str, Body(embed=True, validation_alias="the-name")]):
    return {"name": name}


@app.post("/alias-and-validation-alias/")
def alias_and_validation_alias(
    name: Annotated[str, Body(embed=True, alias="aliasName", validation_alias="valName")],
):
    return {"name": name}


@app.post("/mutable-default/")
def mutable_default(tags: list[str] = Body([], embed=True)):
    tags.append("x")
    return {"tags": tags}


@app.post("/title/")
def title(
    a: Annotated[int, Body(title="Custom A", description="the a")],
    b: Annotated[str | None, Body(examples=["bee"])] = None,
):
    return {"a": a, "b": b}


CASES = [
    {"method": "POST", "url": "/factory/"},
    {"method": "POST", "url": "/factory/", "json": ["a"]},
    {"method": "POST", "url": "/factory/"},
    {"method": "POST", "url": "/factory-embed/"},
    {"method": "POST", "url": "/factory-embed/", "json": {}},
    {"method": "POST", "url": "/factory-embed/", "json": {"item": {"name": "given"}}},
    {"method": "POST", "url": "/body-then-query/?x=1", "json": 2},
    {"method": "POST", "url": "/body-then-query/?x=1"},
    {"method": "POST", "url": "/body-then-query/", "json": 2},
    {"method": "POST", "url": "/query-then-body/?x=1", "json": 2},
    {"method": "POST", "url": "/query-then-body/?x=1"},
    {"method": "POST", "url": "/body-then-embed/", "json": {"item": {"name": "e"}}},
    {"method": "POST", "url": "/body-then-embed/", "json": {"name": "e"}},
    {"method": "POST", "url": "/embed-false-multi/", "json": {"a": {"name": "A"}, "b": {"name": "B"}}},
    {"method": "POST", "url": "/embed-false-multi/", "json": {"name": "A"}},
    {"method": "POST", "url": "/validation-alias/", "json": {"the-name": "v"}},
    {"method": "POST", "url": "/validation-alias/", "json": {"name": "v"}},
    {"method": "POST", "url": "/alias-and-validation-alias/", "json": {"valName": "v"}},
    {"method": "POST", "url": "/alias-and-validation-alias/", "json": {"aliasName": "a"}},
    {"method": "POST", "url": "/alias-and-validation-alias/", "json": {"name": "n"}},
    {"method": "POST", "url": "/mutable-default/"},
    {"method": "POST", "url": "/mutable-default/"},
    {"method": "POST", "url": "/mutable-default/", "json": {"tags": ["t"]}},
    {"method": "POST", "url": "/title/", "json": {"a": 1}},
    {"method": "POST", "url": "/title/", "json": {"b": "x"}},
]
