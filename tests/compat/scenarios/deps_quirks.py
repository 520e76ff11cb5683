"""Odd but valid dependency declarations: Depends() with no annotation, *args/**kwargs,
several markers in one Annotated, defaults ignored, lambdas, functools.partial,
generator __call__ instances, return values never validated against the annotation."""
import functools
from typing import Annotated

from fastapi import Depends, FastAPI, Query, Security
from fastapi.security import SecurityScopes

app = FastAPI()

LOG: list[str] = []


@app.get("/log")
def read_log():
    entries = list(LOG)
    LOG.clear()
    return entries


def dep_q(q: int = 0):
    return {"from": "dep_q", "q": q}


def dep_r(r: int = 0):
    return {"from": "dep_r", "r": r}


@app.get("/no-annotation")
def no_annotation(x=Depends()):
    return {"type": type(x).__name__}


def star_dep(*args, **kwargs):
    return {"args": list(args), "kwargs": kwargs}


@app.get("/star")
def star(v: Annotated[dict, Depends(star_dep)]):
    return v


@app.get("/two-depends")
def two_depends(v: Annotated[dict, Depends(dep_q), Depends(dep_r)]):
    return v


@app.get("/depends-then-query")
def depends_then_query(v: Annotated[int, Depends(dep_q), Query()]):
    return {"v": v}


@app.get("/query-then-depends")
def query_then_depends(v: Annotated[int, Query(), Depends(dep_q)]):
    return {"v": v}


@app.get("/annotated-depends-plain-default")
def annotated_depends_plain_default(v: Annotated[dict, Depends(dep_q)] = {"default": True}):
    return v


@app.get("/lambdas")
def lambdas(a: Annotated[int, Depends(lambda: 1)], b: Annotated[int, Depends(lambda: 2)]):
    return [a, b]


def base(a: int, b: int = 0):
    return a + b


@app.get("/partial")
def partial(v: Annotated[int, Depends(functools.partial(base, b=10))]):
    return {"v": v}


class GenCallable:
    def __init__(self, name: str):
        self.name = name

    def __call__(self, n: int = 1):
        LOG.append(f"{self.name}:setup({n})")
        yield self.name * n
        LOG.append(f"{self.name}:teardown")


class AsyncGenCallable:
    async def __call__(self):
        LOG.append("agen-callable:setup")
        yield "async-gen-callable"
        LOG.append("agen-callable:teardown")


@app.get("/gen-callable")
def gen_callable(
    v: Annotated[str, Depends(GenCallable("ab"))],
    w: Annotated[str, Depends(AsyncGenCallable())],
):
    LOG.append("endpoint")
    return {"v": v, "w": w}


def wrong_type() -> int:
    return "not an int"  # type: ignore[return-value]


@app.get("/unvalidated")
def unvalidated(v: Annotated[int, Depends(wrong_type)]):
    return {"v": v, "type": type(v).__name__}


def scopes_of(security_scopes: SecurityScopes):
    return security_scopes.scopes


@app.get("/scopes-as-string")
def scopes_as_string(v: Annotated[list, Security(scopes_of, scopes="read")]):
    return v


@app.get("/scopes-as-tuple")
def scopes_as_tuple(v: Annotated[list, Security(scopes_of, scopes=("a", "b"))]):
    return v


def param_named_like_endpoint(q: str = "dep"):
    return q


@app.get("/same-name")
def same_name(d: Annotated[str, Depends(param_named_like_endpoint)], q: str = "endpoint"):
    return {"d": d, "q": q}


def param_same_name_other_type(q: int = 5):
    return q


@app.get("/same-name-other-type")
def same_name_other_type(d: Annotated[int, Depends(param_same_name_other_type)], q: str = "s"):
    return {"d": d, "q": q}


class Repo:
    def __init__(self, prefix: str = "p"):
        self.prefix = prefix

    def lookup(self, key: str):
        return f"{self.prefix}:{key}"


@app.get("/unbound-method")
def unbound_method(v: Annotated[str, Depends(Repo.lookup)]):
    return {"v": v}


CASES = [
    {"method": "GET", "url": "/no-annotation"},
    {"method": "GET", "url": "/no-annotation?args=1&kwargs=2"},
    {"method": "GET", "url": "/no-annotation?args=1&kwargs=2", "raise_server_exceptions": True},
    {"method": "GET", "url": "/star"},
    {"method": "GET", "url": "/star?args=1&kwargs=2&other=3"},
    {"method": "GET", "url": "/two-depends?q=1&r=2"},
    {"method": "GET", "url": "/depends-then-query?v=1&q=2"},
    {"method": "GET", "url": "/depends-then-query?q=2"},
    {"method": "GET", "url": "/query-then-depends?v=1&q=2"},
    {"method": "GET", "url": "/annotated-depends-plain-default"},
    {"method": "GET", "url": "/annotated-depends-plain-default?q=x"},
    {"method": "GET", "url": "/lambdas"},
    {"method": "GET", "url": "/partial?a=1"},
    {"method": "GET", "url": "/partial?a=1&b=5"},
    {"method": "GET", "url": "/partial"},
    {"method": "GET", "url": "/gen-callable?n=3"},
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/unvalidated"},
    {"method": "GET", "url": "/scopes-as-string"},
    {"method": "GET", "url": "/scopes-as-tuple"},
    {"method": "GET", "url": "/same-name"},
    {"method": "GET", "url": "/same-name?q=both"},
    {"method": "GET", "url": "/same-name-other-type?q=word"},
    {"method": "GET", "url": "/same-name-other-type?q=7"},
    {"method": "GET", "url": "/unbound-method?key=k"},
    {"method": "GET", "url": "/unbound-method?key=k&self=s"},
]
