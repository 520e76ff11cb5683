"""Depends with the different kinds of callables: functions (sync/async), classes
(Depends() shorthand, __init__ params), callable instances, bound/class/static methods."""
from typing import Annotated

from fastapi import Depends, FastAPI, Header, Query

app = FastAPI()


# --- plain functions -------------------------------------------------------


def common_sync(q: str | None = None, skip: int = 0, limit: int = 100):
    return {"q": q, "skip": skip, "limit": limit, "kind": "sync"}


async def common_async(q: str | None = None, skip: int = 0, limit: int = 100):
    return {"q": q, "skip": skip, "limit": limit, "kind": "async"}


@app.get("/func/sync")
def func_sync(commons: dict = Depends(common_sync)):
    return commons


@app.get("/func/async")
async def func_async(commons: Annotated[dict, Depends(common_async)]):
    return commons


@app.get("/func/mixed")
async def func_mixed(
    a: Annotated[dict, Depends(common_sync)],
    b: Annotated[dict, Depends(common_async)],
):
    return {"a": a, "b": b}


# --- classes ---------------------------------------------------------------


class CommonQueryParams:
    def __init__(self, q: str | None = None, skip: int = 0, limit: int = 100):
        self.q = q
        self.skip = skip
        self.limit = limit


@app.get("/class/explicit")
def class_explicit(commons: CommonQueryParams = Depends(CommonQueryParams)):
    return {"type": type(commons).__name__, "q": commons.q, "skip": commons.skip, "limit": commons.limit}


@app.get("/class/shorthand")
def class_shorthand(commons: CommonQueryParams = Depends()):
    return {"type": type(commons).__name__, "q": commons.q, "skip": commons.skip, "limit": commons.limit}


@app.get("/class/annotated-shorthand")
def class_annotated_shorthand(commons: Annotated[CommonQueryParams, Depends()]):
    return {"type": type(commons).__name__, "q": commons.q, "skip": commons.skip, "limit": commons.limit}


@app.get("/class/any-annotation")
def class_any_annotation(commons=Depends(CommonQueryParams)):
    return {"type": type(commons).__name__, "q": commons.q}


class RequiredParams:
    def __init__(self, name: str, age: int, tags: list[str] = Query([])):
        self.name = name
        self.age = age
        self.tags = tags


@app.get("/class/required")
def class_required(p: Annotated[RequiredParams, Depends()]):
    return {"name": p.name, "age": p.age, "tags": p.tags}


class WithHeader:
    def __init__(self, x_token: Annotated[str, Header()], x_count: Annotated[int, Header()] = 1):
        self.token = x_token
        self.count = x_count


@app.get("/class/header")
def class_header(h: Annotated[WithHeader, Depends()]):
    return {"token": h.token, "count": h.count}


# --- callable instances ----------------------------------------------------


class FixedContentQueryChecker:
    def __init__(self, fixed_content: str):
        self.fixed_content = fixed_content

    def __call__(self, q: str = ""):
        if q:
            return self.fixed_content in q
        return False


checker = FixedContentQueryChecker("bar")


@app.get("/instance/sync")
def instance_sync(fixed_content_included: bool = Depends(checker)):
    return {"fixed_content_in_query": fixed_content_included}


class AsyncChecker:
    def __init__(self, prefix: str):
        self.prefix = prefix

    async def __call__(self, value: int):
        return f"{self.prefix}-{value}"


async_checker = AsyncChecker("pre")


@app.get("/instance/async")
async def instance_async(v: Annotated[str, Depends(async_checker)]):
    return {"v": v}


# --- methods -----------------------------------------------------------------


class Service:
    factor = 10

    def __init__(self, factor: int):
        self.factor = factor

    def multiply(self, n: int):
        return n * self.factor

    async def amultiply(self, n: int):
        return n * self.factor * 2

    @classmethod
    def from_class(cls, n: int):
        return n + cls.factor

    @staticmethod
    def static(n: int, m: int = 1):
        return n - m


service = Service(3)


@app.get("/method/bound")
def method_bound(r: Annotated[int, Depends(service.multiply)]):
    return {"r": r}


@app.get("/method/bound-async")
async def method_bound_async(r: int = Depends(service.amultiply)):
    return {"r": r}


@app.get("/method/classmethod")
def method_classmethod(r: Annotated[int, Depends(Service.from_class)]):
    return {"r": r}


@app.get("/method/staticmethod")
def method_staticmethod(r: Annotated[int, Depends(Service.static)]):
    return {"r": r}


# --- return values of various types -------------------------------------------


def returns_none():
    return None


def returns_list(n: int = 2):
    return list(range(n))


@app.get("/returns")
def returns(a: Annotated[None, Depends(returns_none)], b: Annotated[list, Depends(returns_list)]):
    return {"a": a, "b": b}


CASES = [
    {"method": "GET", "url": "/func/sync"},
    {"method": "GET", "url": "/func/sync?q=foo&skip=5&limit=10"},
    {"method": "GET", "url": "/func/sync?skip=abc&limit=1.5"},
    {"method": "GET", "url": "/func/sync?skip=&q="},
    {"method": "GET", "url": "/func/sync?skip=99999999999999999999999999"},
    {"method": "GET", "url": "/func/async?q=%E2%9C%93"},
    {"method": "GET", "url": "/func/async?limit=x"},
    {"method": "GET", "url": "/func/mixed?q=z&skip=1"},
    {"method": "GET", "url": "/func/mixed?skip=bad"},
    {"method": "GET", "url": "/class/explicit?q=a"},
    {"method": "GET", "url": "/class/shorthand?skip=2&limit=3"},
    {"method": "GET", "url": "/class/annotated-shorthand?q=x&q=y"},
    {"method": "GET", "url": "/class/annotated-shorthand?limit=-1"},
    {"method": "GET", "url": "/class/annotated-shorthand?limit=nope"},
    {"method": "GET", "url": "/class/any-annotation?q=zz"},
    {"method": "GET", "url": "/class/required?name=bob&age=3&tags=a&tags=b"},
    {"method": "GET", "url": "/class/required"},
    {"method": "GET", "url": "/class/required?name=&age="},
    {"method": "GET", "url": "/class/required?age=1e3"},
    {"method": "GET", "url": "/class/header", "headers": {"x-token": "tok"}},
    {"method": "GET", "url": "/class/header", "headers": {"x-token": "tok", "x-count": "7"}},
    {"method": "GET", "url": "/class/header", "headers": {"x-count": "seven"}},
    {"method": "GET", "url": "/class/header", "headers": {"x_token": "underscored"}},
    {"method": "GET", "url": "/instance/sync"},
    {"method": "GET", "url": "/instance/sync?q=foobarbaz"},
    {"method": "GET", "url": "/instance/sync?q=foo"},
    {"method": "GET", "url": "/instance/async?value=4"},
    {"method": "GET", "url": "/instance/async"},
    {"method": "GET", "url": "/instance/async?value=4.0"},
    {"method": "GET", "url": "/instance/async?value=4.5"},
    {"method": "GET", "url": "/method/bound?n=5"},
    {"method": "GET", "url": "/method/bound"},
    {"method": "GET", "url": "/method/bound-async?n=5"},
    {"method": "GET", "url": "/method/classmethod?n=5"},
    {"method": "GET", "url": "/method/staticmethod?n=5"},
    {"method": "GET", "url": "/method/staticmethod?n=5&m=10"},
    {"method": "GET", "url": "/method/staticmethod?m=x"},
    {"method": "GET", "url": "/returns"},
    {"method": "GET", "url": "/returns?n=0"},
]
