"""Mixing path/query/header/cookie parameters: ordering in OpenAPI and errors, params from dependencies."""
from typing import Annotated, Optional

from fastapi import Cookie, Depends, FastAPI, Header, Path, Query

app = FastAPI()


@app.get("/mixed/{b_path}/{a_path}")
def mixed(
    z_cookie: Annotated[int, Cookie()],
    y_header: Annotated[int, Header()],
    x_query: int,
    a_path: int,
    w_query: Annotated[int, Query()],
    b_path: Annotated[int, Path()],
    v_header: Annotated[Optional[int], Header()] = None,
):
    return {"ok": True}


def common(q: Optional[str] = None, limit: int = 10, x_trace: Annotated[Optional[str], Header()] = None):
    return {"q": q, "limit": limit, "x_trace": x_trace}


def nested_dep(c: Annotated[dict, Depends(common)], page: Annotated[int, Query(ge=1)] = 1):
    return {"common": c, "page": page}


@app.get("/dep")
def dep(c: Annotated[dict, Depends(nested_dep)], extra: Optional[int] = None):
    return {"c": c, "extra": extra}


@app.get("/dep-duplicate")
def dep_duplicate(c: Annotated[dict, Depends(common)], limit: int = 5):
    # `limit` declared both in the dependency and in the endpoint
    return {"c": c, "limit": limit}


@app.get("/dep-conflict")
def dep_conflict(c: Annotated[dict, Depends(common)], limit: str = "x"):
    # same name, different type and default
    return {"c": c, "limit": limit}


@app.get("/examples/{item_id}")
def examples(
    item_id: Annotated[int, Path(openapi_examples={"one": {"value": 1}})],
    x_h: Annotated[Optional[str], Header(openapi_examples={"h": {"summary": "hdr", "value": "v"}})] = None,
    ck: Annotated[Optional[str], Cookie(openapi_examples={"c": {"value": "cv"}}, examples=["e"])] = None,
):
    return {"item_id": item_id}


CASES = [
    {"name": "mixed all missing", "method": "GET", "url": "/mixed/x/y"},
    {"name": "mixed all bad", "method": "GET", "url": "/mixed/x/y?x_query=a&w_query=b",
     "headers": {"y-header": "c", "v-header": "d", "Cookie": "z_cookie=e"}},
    {"name": "mixed ok", "method": "GET", "url": "/mixed/1/2?x_query=3&w_query=4",
     "headers": {"y-header": "5", "Cookie": "z_cookie=6"}},
    {"method": "GET", "url": "/dep"},
    {"method": "GET", "url": "/dep?q=a&limit=3&page=2&extra=1"},
    {"method": "GET", "url": "/dep?limit=x&page=0&extra=y"},
    {"name": "dep header", "method": "GET", "url": "/dep", "headers": {"x-trace": "t"}},
    {"method": "GET", "url": "/dep-duplicate"},
    {"method": "GET", "url": "/dep-duplicate?limit=7"},
    {"method": "GET", "url": "/dep-duplicate?limit=x"},
    {"method": "GET", "url": "/dep-conflict"},
    {"method": "GET", "url": "/dep-conflict?limit=y"},
    {"method": "GET", "url": "/examples/1"},
]
