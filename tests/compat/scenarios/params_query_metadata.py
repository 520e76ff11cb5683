"""Query parameter metadata: aliases, title/description, examples, deprecated, hidden, extra schema."""
from typing import Annotated, Optional

from fastapi import FastAPI, Query
from pydantic import AliasChoices, AliasPath

app = FastAPI()


@app.get("/alias")
def alias(item_query: Annotated[str, Query(alias="item-query")]):
    return {"item_query": item_query}


@app.get("/alias-default")
def alias_default(q: Optional[str] = Query(None, alias="Q-Value", min_length=2)):
    return {"q": q}


@app.get("/validation-alias")
def validation_alias(q: Annotated[Optional[str], Query(validation_alias="vq")] = None):
    return {"q": q}


@app.get("/validation-alias-choices")
def validation_alias_choices(
    q: Annotated[Optional[str], Query(validation_alias=AliasChoices("first", "second"))] = None,
):
    return {"q": q}


@app.get("/serialization-alias")
def serialization_alias(q: Annotated[Optional[str], Query(serialization_alias="sq")] = None):
    return {"q": q}


@app.get("/alias-and-validation-alias")
def alias_and_validation_alias(
    q: Annotated[Optional[str], Query(alias="aq", validation_alias="vq")] = None,
):
    return {"q": q}


@app.get("/docs-meta")
def docs_meta(
    f: Annotated[list[str], Query(default_factory=lambda: ["x", "y"])],
    a: Annotated[
        str,
        Query(
            title="The A",
            description="Describes **a**",
            examples=["ex1", "ex2"],
            json_schema_extra={"x-custom": True, "format": "special"},
        ),
    ] = "a",
    b: Annotated[
        Optional[int],
        Query(
            openapi_examples={
                "small": {"summary": "A small one", "value": 1},
                "big": {"summary": "A big one", "description": "Really big", "value": 10**6},
                "external": {"externalValue": "https://example.com/b.json"},
            }
        ),
    ] = None,
    c: Annotated[Optional[str], Query(deprecated=True)] = None,
    d: Annotated[Optional[str], Query(include_in_schema=False)] = None,
    e: Optional[str] = Query(None, description="Default-style description", example="legacy"),
):
    return {"a": a, "b": b, "c": c, "d": d, "e": e, "f": f}


@app.get("/hidden-required")
def hidden_required(secret: Annotated[str, Query(include_in_schema=False)]):
    return {"secret": secret}


@app.get("/default-factory")
def default_factory(n: Annotated[int, Query(default_factory=lambda: 42)]):
    return {"n": n}


@app.get("/title-only")
def title_only(q: str = Query("z", title="Custom Title", deprecated=False)):
    return {"q": q}


@app.get("/deprecated-message")
def deprecated_message(
    old: Annotated[Optional[str], Query(deprecated="use new instead")] = None,
    new: Annotated[Optional[str], Query(alias="new-name", title="New", description="the new one")] = None,
):
    return {"old": old, "new": new}


CASES = [
    {"method": "GET", "url": "/alias?item-query=v"},
    {"method": "GET", "url": "/alias?item_query=v"},
    {"method": "GET", "url": "/alias"},
    {"method": "GET", "url": "/alias-default?Q-Value=ok"},
    {"method": "GET", "url": "/alias-default?q-value=ok"},
    {"method": "GET", "url": "/alias-default?Q-Value=x"},
    {"method": "GET", "url": "/alias-default?q=ok"},
    {"method": "GET", "url": "/validation-alias?vq=1"},
    {"method": "GET", "url": "/validation-alias?q=1"},
    {"method": "GET", "url": "/validation-alias-choices?first=1"},
    {"method": "GET", "url": "/validation-alias-choices?second=2"},
    {"method": "GET", "url": "/validation-alias-choices?first=1&second=2"},
    {"method": "GET", "url": "/validation-alias-choices?q=3"},
    {"method": "GET", "url": "/serialization-alias?sq=1"},
    {"method": "GET", "url": "/serialization-alias?q=1"},
    {"method": "GET", "url": "/alias-and-validation-alias?aq=1"},
    {"method": "GET", "url": "/alias-and-validation-alias?vq=1"},
    {"method": "GET", "url": "/docs-meta"},
    {"method": "GET", "url": "/docs-meta?a=A&b=2&c=C&d=D&e=E&f=1&f=2"},
    {"method": "GET", "url": "/docs-meta?b=x"},
    {"method": "GET", "url": "/hidden-required?secret=s"},
    {"method": "GET", "url": "/hidden-required"},
    {"method": "GET", "url": "/default-factory"},
    {"method": "GET", "url": "/default-factory?n=1"},
    {"method": "GET", "url": "/default-factory?n=x"},
    {"method": "GET", "url": "/title-only"},
    {"method": "GET", "url": "/deprecated-message?old=o&new-name=n"},
]
