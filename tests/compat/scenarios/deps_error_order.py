"""Validation errors when dependencies and the endpoint share or mix parameters: how many
errors, in what order (dependencies vs. endpoint, path/query/header/cookie/body)."""
from typing import Annotated

from fastapi import Body, Cookie, Depends, FastAPI, Header, Path, Query
from pydantic import BaseModel

app = FastAPI()


def dep_q(q: int):
    return q


def dep_q_again(q: int):
    return q * 2


@app.get("/shared-param")
def shared_param(a: Annotated[int, Depends(dep_q)], b: Annotated[int, Depends(dep_q_again)], q: int):
    return {"a": a, "b": b, "q": q}


@app.get("/same-dep-twice")
def same_dep_twice(a: Annotated[int, Depends(dep_q)], b: Annotated[int, Depends(dep_q)]):
    return {"a": a, "b": b}


@app.get("/same-dep-twice-nocache")
def same_dep_twice_nocache(a: Annotated[int, Depends(dep_q)], b: Annotated[int, Depends(dep_q, use_cache=False)]):
    return {"a": a, "b": b}


def dep_header(x_num: Annotated[int, Header()]):
    return x_num


def dep_cookie(session: Annotated[int, Cookie()]):
    return session


def dep_path(item_id: Annotated[int, Path(gt=0)]):
    return item_id


# Declaration order: endpoint query first, then deps of various kinds, then endpoint header.
@app.get("/mixed/{item_id}")
def mixed(
    limit: Annotated[int, Query(le=10)],
    h: Annotated[int, Depends(dep_header)],
    c: Annotated[int, Depends(dep_cookie)],
    p: Annotated[int, Depends(dep_path)],
    item_id: int,
    x_other: Annotated[int, Header()],
):
    return {"limit": limit, "h": h, "c": c, "p": p, "item_id": item_id, "x_other": x_other}


# --- body parameters in dependencies ---------------------------------------------------


class Item(BaseModel):
    name: str
    price: float


def dep_body_item(item: Item):
    return item


def dep_body_scalar(importance: Annotated[int, Body()]):
    return importance


@app.post("/body/dep-only")
def body_dep_only(item: Annotated[Item, Depends(dep_body_item)]):
    return {"item": item}


@app.post("/body/dep-and-endpoint")
def body_dep_and_endpoint(
    item: Annotated[Item, Depends(dep_body_item)],
    importance: Annotated[int, Depends(dep_body_scalar)],
    note: Annotated[str, Body()],
):
    return {"item": item, "importance": importance, "note": note}


@app.post("/body/shared")
def body_shared(via_dep: Annotated[Item, Depends(dep_body_item)], item: Item):
    return {"via_dep": via_dep, "item": item, "same": via_dep == item}


def dep_query_and_body(q: int, importance: Annotated[int, Body()]):
    return q + importance


@app.post("/body/query-and-body")
def body_query_and_body(total: Annotated[int, Depends(dep_query_and_body)], flag: bool):
    return {"total": total, "flag": flag}


def dep_embedded(item: Annotated[Item, Body(embed=True)]):
    return item


@app.post("/body/embedded-dep")
def body_embedded(item: Annotated[Item, Depends(dep_embedded)]):
    return item


# --- do dependencies with valid parameters still run when an earlier one failed? ---------

CALLED: list[str] = []


@app.get("/called")
def read_called():
    entries = list(CALLED)
    CALLED.clear()
    return entries


def first_bad(a: int):
    CALLED.append(f"first_bad({a})")
    return a


def second_good(b: str = "b"):
    CALLED.append(f"second_good({b})")
    return b


def third_needs_first(a: Annotated[int, Depends(first_bad)], c: int = 0):
    CALLED.append(f"third_needs_first({a},{c})")
    return a + c


@app.get("/partial")
def partial(
    x: Annotated[int, Depends(first_bad)],
    y: Annotated[str, Depends(second_good)],
    z: Annotated[int, Depends(third_needs_first)],
    e: int = 0,
):
    CALLED.append("endpoint")
    return {"x": x, "y": y, "z": z, "e": e}


CASES = [
    {"method": "GET", "url": "/shared-param?q=1"},
    {"method": "GET", "url": "/shared-param"},
    {"method": "GET", "url": "/shared-param?q=x"},
    {"method": "GET", "url": "/same-dep-twice?q=1"},
    {"method": "GET", "url": "/same-dep-twice?q=x"},
    {"method": "GET", "url": "/same-dep-twice-nocache?q=x"},
    {"method": "GET", "url": "/mixed/5?limit=3", "headers": {"x-num": "1", "x-other": "2", "cookie": "session=9"}},
    {"method": "GET", "url": "/mixed/5"},
    {"method": "GET", "url": "/mixed/0?limit=11", "headers": {"x-num": "a", "x-other": "b", "cookie": "session=c"}},
    {"method": "GET", "url": "/mixed/abc?limit=z"},
    {"method": "POST", "url": "/body/dep-only", "json": {"name": "n", "price": 1}},
    {"method": "POST", "url": "/body/dep-only", "json": {"item": {"name": "n", "price": 1}}},
    {"method": "POST", "url": "/body/dep-only", "json": {"name": "n"}},
    {"method": "POST", "url": "/body/dep-only"},
    {"method": "POST", "url": "/body/dep-only", "content": b"{\"name\": ", "headers": {"content-type": "application/json"}},
    {"method": "POST", "url": "/body/dep-only", "content": b"name=n", "headers": {"content-type": "text/plain"}},
    {"method": "POST", "url": "/body/dep-and-endpoint", "json": {"item": {"name": "n", "price": 1.5}, "importance": 3, "note": "hi"}},
    {"method": "POST", "url": "/body/dep-and-endpoint", "json": {"name": "n", "price": 1.5}},
    {"method": "POST", "url": "/body/dep-and-endpoint", "json": {"item": {"price": "x"}, "importance": "high"}},
    {"method": "POST", "url": "/body/dep-and-endpoint"},
    {"method": "POST", "url": "/body/dep-and-endpoint", "json": []},
    {"method": "POST", "url": "/body/shared", "json": {"name": "n", "price": 2}},
    {"method": "POST", "url": "/body/shared", "json": {"item": {"name": "n", "price": 2}}},
    {"method": "POST", "url": "/body/shared", "json": {"price": "free"}},
    {"method": "POST", "url": "/body/query-and-body?q=1&flag=true", "json": 5},
    {"method": "POST", "url": "/body/query-and-body?q=1&flag=true", "json": {"importance": 5}},
    {"method": "POST", "url": "/body/query-and-body?q=x&flag=x", "json": {"importance": "x"}},
    {"method": "POST", "url": "/body/query-and-body", "json": "oops"},
    {"method": "POST", "url": "/body/embedded-dep", "json": {"item": {"name": "e", "price": 0}}},
    {"method": "POST", "url": "/body/embedded-dep", "json": {"name": "e", "price": 0}},
    {"method": "GET", "url": "/partial?a=1&b=B&c=2&e=3"},
    {"method": "GET", "url": "/called"},
    {"method": "GET", "url": "/partial?a=bad&b=B&c=2&e=3"},
    {"method": "GET", "url": "/called"},
    {"method": "GET", "url": "/partial?a=1&c=bad&e=bad"},
    {"method": "GET", "url": "/called"},
    {"method": "GET", "url": "/partial?c=bad"},
    {"method": "GET", "url": "/called"},
    {"method": "GET", "url": "/partial?a=1&b=B&c=2&e=3"},
    {"method": "GET", "url": "/called"},
    {"method": "GET", "url": "/partial?a=bad&b=B&c=2&e=3"},
    {"method": "GET", "url": "/called"},
    {"method": "GET", "url": "/partial?a=1&c=bad&e=bad"},
    {"method": "GET", "url": "/called"},
    {"method": "GET", "url": "/partial?c=bad"},
    {"method": "GET", "url": "/called"},
]
