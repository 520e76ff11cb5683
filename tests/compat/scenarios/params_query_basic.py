"""Query parameters: plain annotations, Query() defaults, Annotated, required/optional/defaulted."""
from typing import Annotated, Optional, Union

from fastapi import FastAPI, Query

app = FastAPI()


@app.get("/plain")
def plain(a: int, b: str = "bee", c: Optional[int] = None, d: float | None = None):
    return {"a": a, "b": b, "c": c, "d": d}


@app.get("/query-default")
def query_default(
    a: int = Query(),
    b: str = Query("bee"),
    c: Optional[int] = Query(None),
    d: str = Query(default=...),
    e: Union[str, None] = Query(default=None),
):
    return {"a": a, "b": b, "c": c, "d": d, "e": e}


@app.get("/annotated")
def annotated(
    a: Annotated[int, Query()],
    d: Annotated[str, Query()],
    b: Annotated[str, Query()] = "bee",
    c: Annotated[Optional[int], Query()] = None,
    e: Annotated[str | None, Query()] = None,
):
    return {"a": a, "b": b, "c": c, "d": d, "e": e}


@app.get("/optional-required")
def optional_required(q: Annotated[Optional[str], Query()]):
    # Optional type but no default: still required
    return {"q": q}


@app.get("/optional-required-ellipsis")
def optional_required_ellipsis(q: Optional[str] = Query(...)):
    return {"q": q}


@app.get("/str")
def str_param(q: str):
    return {"q": q, "len": len(q)}


@app.get("/str-opt")
def str_opt(q: str | None = None):
    return {"q": q}


@app.get("/int-opt")
def int_opt(q: int | None = None):
    return {"q": q}


@app.get("/int-default")
def int_default(q: int = 7):
    return {"q": q}


@app.get("/no-annotation")
def no_annotation(q, r=5, s=None):
    return {"q": q, "r": r, "s": s}


@app.get("/any-default-str")
def any_default_str(q: str = 42):  # wrong-typed default is returned as is
    return {"q": q}


@app.get("/async")
async def async_params(q: int, r: Annotated[list[str] | None, Query()] = None):
    return {"q": q, "r": r}


@app.get("/odd-names")
def odd_names(
    cyr: Annotated[Optional[str], Query(alias="ключ")] = None,
    bracket: Annotated[Optional[str], Query(alias="filter[name]")] = None,
    dotted: Annotated[Optional[int], Query(alias="page.size")] = None,
):
    return {"cyr": cyr, "bracket": bracket, "dotted": dotted}


CASES = [
    {"method": "GET", "url": "/plain?a=1"},
    {"method": "GET", "url": "/plain?a=1&b=x&c=3&d=1.5"},
    {"method": "GET", "url": "/plain"},
    {"method": "GET", "url": "/plain?a=x&c=y&d=z"},
    {"method": "GET", "url": "/plain?a=1&a=2"},
    {"method": "GET", "url": "/plain?a=1&c="},
    {"method": "GET", "url": "/plain?a="},
    {"method": "GET", "url": "/plain?a=1&b="},
    {"method": "GET", "url": "/plain?a=+1"},
    {"method": "GET", "url": "/plain?a=%201%20"},
    {"method": "GET", "url": "/plain?a=1_000"},
    {"method": "GET", "url": "/plain?a=1.0"},
    {"method": "GET", "url": "/plain?a=1.5"},
    {"method": "GET", "url": "/plain?a=-0"},
    {"method": "GET", "url": "/plain?a=0x10"},
    {"method": "GET", "url": "/plain?a=1e3"},
    {"method": "GET", "url": "/plain?A=1"},
    {"method": "GET", "url": "/plain?a=1&unknown=zzz"},
    {"method": "GET", "url": "/plain?a"},
    {"method": "GET", "url": "/query-default?a=1&d=dee"},
    {"method": "GET", "url": "/query-default"},
    {"method": "GET", "url": "/query-default?a=1&d=dee&c=2&e=ee&b=b2"},
    {"method": "GET", "url": "/annotated?a=1&d=dee"},
    {"method": "GET", "url": "/annotated"},
    {"method": "GET", "url": "/annotated?a=1&d=dee&c=2&e=ee&b=b2"},
    {"method": "GET", "url": "/optional-required"},
    {"method": "GET", "url": "/optional-required?q="},
    {"method": "GET", "url": "/optional-required?q=x"},
    {"method": "GET", "url": "/optional-required-ellipsis"},
    {"method": "GET", "url": "/optional-required-ellipsis?q=x"},
    {"method": "GET", "url": "/str?q="},
    {"method": "GET", "url": "/str?q=%E2%82%AC%F0%9F%98%80"},
    {"method": "GET", "url": "/str", "params": {"q": "héllo wörld ✓ 日本"}},
    {"method": "GET", "url": "/str?q=a+b%2Bc"},
    {"method": "GET", "url": "/str?q=a%26b%3Dc"},
    {"method": "GET", "url": "/str?q=%ZZ"},
    {"method": "GET", "url": "/str?q=%FF%FE"},
    {"method": "GET", "url": "/str?q=first&q=second&q=third"},
    {"method": "GET", "url": "/str?q=a;b"},
    {"method": "GET", "url": "/str?q=%00"},
    {"method": "GET", "url": "/str?%71=encoded-key"},
    {"method": "GET", "url": "/str?&&q=x&&"},
    {"method": "GET", "url": "/str?=x&q=y"},
    {"method": "GET", "url": "/str?q=="},
    {"method": "GET", "url": "/str?q=a=b"},
    {"method": "GET", "url": "/str?q=%2"},
    {"method": "GET", "url": "/str?q=" + "x" * 10000},
    {"method": "GET", "url": "/odd-names?%D0%BA%D0%BB%D1%8E%D1%87=v&filter%5Bname%5D=b&page.size=3"},
    {"method": "GET", "url": "/odd-names", "params": {"ключ": "значение", "filter[name]": "[x]", "page.size": "x"}},
    {"method": "GET", "url": "/str-opt?q="},
    {"method": "GET", "url": "/str-opt"},
    {"method": "GET", "url": "/int-opt?q="},
    {"method": "GET", "url": "/int-opt?q=null"},
    {"method": "GET", "url": "/int-opt?q=None"},
    {"method": "GET", "url": "/int-default?q="},
    {"method": "GET", "url": "/int-default?q=%20"},
    {"method": "GET", "url": "/int-default"},
    {"method": "GET", "url": "/no-annotation?q=1"},
    {"method": "GET", "url": "/no-annotation?q=1&r=x&s=y"},
    {"method": "GET", "url": "/no-annotation"},
    {"method": "GET", "url": "/any-default-str"},
    {"method": "GET", "url": "/any-default-str?q=1"},
    {"method": "GET", "url": "/async?q=3&r=a&r=b"},
    {"method": "GET", "url": "/async?q=3"},
    {"method": "GET", "url": "/async?q=x&r=a"},
]
