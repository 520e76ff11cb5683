"""Sequence query parameters: list/set/tuple/frozenset, repeated keys, missing list, default list."""
from typing import Annotated, List, Optional, Sequence, Set, Tuple, Union

from fastapi import FastAPI, Query

app = FastAPI()


@app.get("/list-required")
def list_required(q: Annotated[list[int], Query()]):
    return {"q": q}


@app.get("/list-default")
def list_default(q: list[str] = Query(["a", "b"])):
    return {"q": q}


@app.get("/list-optional")
def list_optional(q: Annotated[Optional[List[str]], Query()] = None):
    return {"q": q}


@app.get("/list-union")
def list_union(q: Annotated[Union[list[int], None], Query()] = None):
    return {"q": q}


@app.get("/list-empty-default")
def list_empty_default(q: Annotated[list[int], Query()] = []):
    return {"q": q}


@app.get("/list-constrained")
def list_constrained(
    q: Annotated[list[Annotated[int, Query()]], Query(min_length=2, max_length=3)] = [0, 0],
):
    return {"q": q}


@app.get("/list-items-constrained")
def list_items_constrained(q: Annotated[list[Annotated[str, Query()]], Query(alias="tag")] = []):
    return {"q": q}


@app.get("/set")
def set_(q: Annotated[Set[int], Query()] = set()):
    return {"q": sorted(q), "type": type(q).__name__}


@app.get("/frozenset")
def frozenset_(q: Annotated[frozenset[str], Query()] = frozenset()):
    return {"q": sorted(q), "type": type(q).__name__}


@app.get("/tuple")
def tuple_(q: Annotated[Tuple[int, str], Query()]):
    return {"q": q, "type": type(q).__name__}


@app.get("/tuple-var")
def tuple_var(q: Annotated[tuple[float, ...], Query()] = ()):
    return {"q": q}


@app.get("/sequence")
def sequence_(q: Annotated[Sequence[int], Query()] = ()):
    return {"q": list(q), "type": type(q).__name__}


@app.get("/bare-list")
def bare_list(q: list = Query([])):
    return {"q": q}


@app.get("/list-no-query")
def list_no_query(q: list[int] = [1]):
    # without Query() a list annotation is not a query parameter
    return {"q": q}


@app.get("/list-alias")
def list_alias(item_ids: Annotated[list[int], Query(alias="item-id")] = []):
    return {"item_ids": item_ids}


CASES = [
    {"method": "GET", "url": "/list-required?q=1&q=2&q=3"},
    {"method": "GET", "url": "/list-required?q=1"},
    {"method": "GET", "url": "/list-required"},
    {"method": "GET", "url": "/list-required?q="},
    {"method": "GET", "url": "/list-required?q=1,2,3"},
    {"method": "GET", "url": "/list-required?q[]=1&q[]=2"},
    {"method": "GET", "url": "/list-required?q=1&q=x&q=3&q=y"},
    {"method": "GET", "url": "/list-required", "params": [("q", "5"), ("other", "x"), ("q", "6")]},
    {"method": "GET", "url": "/list-default"},
    {"method": "GET", "url": "/list-default?q=z"},
    {"method": "GET", "url": "/list-default?q=&q="},
    {"method": "GET", "url": "/list-optional"},
    {"method": "GET", "url": "/list-optional?q=x&q=x"},
    {"method": "GET", "url": "/list-union?q=1&q=2"},
    {"method": "GET", "url": "/list-union?q=one"},
    {"method": "GET", "url": "/list-union"},
    {"method": "GET", "url": "/list-empty-default"},
    {"method": "GET", "url": "/list-constrained?q=1"},
    {"method": "GET", "url": "/list-constrained?q=1&q=2"},
    {"method": "GET", "url": "/list-constrained?q=1&q=2&q=3&q=4"},
    {"method": "GET", "url": "/list-constrained"},
    {"method": "GET", "url": "/list-items-constrained?tag=a&tag=b"},
    {"method": "GET", "url": "/list-items-constrained?q=a"},
    {"method": "GET", "url": "/set?q=3&q=1&q=3&q=2"},
    {"method": "GET", "url": "/set?q=1&q=b"},
    {"method": "GET", "url": "/set"},
    {"method": "GET", "url": "/frozenset?q=b&q=a&q=b"},
    {"method": "GET", "url": "/tuple?q=1&q=x"},
    {"method": "GET", "url": "/tuple?q=1"},
    {"method": "GET", "url": "/tuple?q=1&q=x&q=y"},
    {"method": "GET", "url": "/tuple?q=a&q=x"},
    {"method": "GET", "url": "/tuple"},
    {"method": "GET", "url": "/tuple-var?q=1.5&q=2"},
    {"method": "GET", "url": "/tuple-var"},
    {"method": "GET", "url": "/tuple-var?q=x"},
    {"method": "GET", "url": "/sequence?q=1&q=2"},
    {"method": "GET", "url": "/sequence"},
    {"method": "GET", "url": "/bare-list?q=1&q=a"},
    {"method": "GET", "url": "/bare-list"},
    {"method": "GET", "url": "/list-no-query?q=1&q=2"},
    {"method": "POST", "url": "/list-no-query"},
    {"method": "GET", "url": "/list-no-query", "json": [5, 6]},
    {"method": "GET", "url": "/list-no-query", "json": ["x"]},
    {"method": "GET", "url": "/list-alias?item-id=1&item-id=2"},
    {"method": "GET", "url": "/list-alias?item_ids=1"},
    {"method": "GET", "url": "/list-alias?item-id=1&item-id=nope"},
]
