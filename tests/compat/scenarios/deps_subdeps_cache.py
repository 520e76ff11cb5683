"""Sub-dependencies several levels deep, per-request caching of a dependency used in several
places, use_cache=False, and cache keys (same callable with different Security scopes)."""
from typing import Annotated

from fastapi import Cookie, Depends, FastAPI, Header

app = FastAPI()

CALLS: list[str] = []


@app.get("/calls")
def read_calls():
    entries = list(CALLS)
    CALLS.clear()
    return entries


# four levels: level4 -> level3 -> level2 -> level1


def level1(base: int = 1):
    CALLS.append("level1")
    return base


def level2(l1: Annotated[int, Depends(level1)], mult: int = 2):
    CALLS.append("level2")
    return l1 * mult


async def level3(l2: Annotated[int, Depends(level2)], add: int = 3):
    CALLS.append("level3")
    return l2 + add


def level4(l3: Annotated[int, Depends(level3)], l1: Annotated[int, Depends(level1)], neg: bool = False):
    CALLS.append("level4")
    return -(l3 + l1) if neg else l3 + l1


@app.get("/deep")
def deep(l4: Annotated[int, Depends(level4)]):
    return {"l4": l4}


@app.get("/deep-all")
def deep_all(
    l4: Annotated[int, Depends(level4)],
    l3: Annotated[int, Depends(level3)],
    l2: Annotated[int, Depends(level2)],
    l1: Annotated[int, Depends(level1)],
):
    return {"l1": l1, "l2": l2, "l3": l3, "l4": l4}


@app.get("/deep-nocache")
def deep_nocache(
    l4: Annotated[int, Depends(level4)],
    l1: Annotated[int, Depends(level1, use_cache=False)],
    l2: Annotated[int, Depends(level2, use_cache=False)],
):
    return {"l1": l1, "l2": l2, "l4": l4}


# --- the tutorial's query_or_cookie extractor ----------------------------------


def query_extractor(q: str | None = None):
    CALLS.append("query_extractor")
    return q


def query_or_cookie_extractor(
    q: Annotated[str, Depends(query_extractor)],
    last_query: Annotated[str | None, Cookie()] = None,
):
    CALLS.append("query_or_cookie_extractor")
    if not q:
        return last_query
    return q


@app.get("/items/")
async def read_query(query_or_default: Annotated[str, Depends(query_or_cookie_extractor)]):
    return {"q_or_cookie": query_or_default}


# --- cache counting ---------------------------------------------------------------

COUNTER = {"n": 0}


def counter():
    COUNTER["n"] += 1
    return COUNTER["n"]


def uses_counter(c: Annotated[int, Depends(counter)]):
    return c


def uses_counter_nocache(c: Annotated[int, Depends(counter, use_cache=False)]):
    return c


@app.get("/counter/cached")
def counter_cached(
    a: Annotated[int, Depends(counter)],
    b: Annotated[int, Depends(counter)],
    c: Annotated[int, Depends(uses_counter)],
):
    return {"a": a, "b": b, "c": c}


@app.get("/counter/nocache")
def counter_nocache(
    a: Annotated[int, Depends(counter)],
    b: Annotated[int, Depends(counter, use_cache=False)],
    c: Annotated[int, Depends(uses_counter_nocache)],
    d: Annotated[int, Depends(uses_counter)],
):
    return {"a": a, "b": b, "c": c, "d": d}


@app.get("/counter/first-nocache")
def counter_first_nocache(
    a: Annotated[int, Depends(counter, use_cache=False)],
    b: Annotated[int, Depends(counter)],
    c: Annotated[int, Depends(counter)],
):
    return {"a": a, "b": b, "c": c}


@app.get("/counter/across-requests")
def counter_across(a: Annotated[int, Depends(counter)]):
    return {"a": a}


@app.get("/counter/path-dep", dependencies=[Depends(counter), Depends(counter)])
def counter_path_dep(a: Annotated[int, Depends(counter)]):
    return {"a": a}


# --- different instances of a callable class are different cache keys -------------


class Tag:
    def __init__(self, label: str):
        self.label = label

    def __call__(self, x_req: Annotated[str, Header()] = "-"):
        CALLS.append(f"tag:{self.label}")
        return f"{self.label}:{x_req}"


tag_a = Tag("a")
tag_b = Tag("b")


@app.get("/instances")
def instances(
    a1: Annotated[str, Depends(tag_a)],
    b1: Annotated[str, Depends(tag_b)],
    a2: Annotated[str, Depends(tag_a)],
):
    return [a1, b1, a2]


# --- mutation through a cached dependency is visible to the other users ------------


def shared_list():
    return []


def appender_one(lst: Annotated[list, Depends(shared_list)]):
    lst.append(1)
    return len(lst)


def appender_two(lst: Annotated[list, Depends(shared_list)]):
    lst.append(2)
    return len(lst)


@app.get("/shared")
def shared(
    one: Annotated[int, Depends(appender_one)],
    two: Annotated[int, Depends(appender_two)],
    lst: Annotated[list, Depends(shared_list)],
):
    return {"one": one, "two": two, "lst": lst}


CASES = [
    {"method": "GET", "url": "/deep"},
    {"method": "GET", "url": "/calls"},
    {"method": "GET", "url": "/deep?base=10&mult=3&add=0&neg=true"},
    {"method": "GET", "url": "/calls"},
    {"method": "GET", "url": "/deep?base=x&mult=y&add=z&neg=maybe"},
    {"method": "GET", "url": "/calls"},
    {"method": "GET", "url": "/deep?neg=yes"},
    {"method": "GET", "url": "/deep?neg=off"},
    {"method": "GET", "url": "/deep?neg=2"},
    {"method": "GET", "url": "/calls"},
    {"method": "GET", "url": "/deep-all?base=5"},
    {"method": "GET", "url": "/calls"},
    {"method": "GET", "url": "/deep-nocache?base=5"},
    {"method": "GET", "url": "/calls"},
    {"method": "GET", "url": "/deep-nocache?base=x"},
    {"method": "GET", "url": "/calls"},
    {"method": "GET", "url": "/items/?q=foo"},
    {"method": "GET", "url": "/calls"},
    {"method": "GET", "url": "/items/", "headers": {"cookie": "last_query=from-cookie"}},
    {"method": "GET", "url": "/items/?q=", "headers": {"cookie": "last_query=cookie2"}},
    {"method": "GET", "url": "/items/"},
    {"method": "GET", "url": "/calls"},
    {"method": "GET", "url": "/counter/cached"},
    {"method": "GET", "url": "/counter/nocache"},
    {"method": "GET", "url": "/counter/first-nocache"},
    {"method": "GET", "url": "/counter/across-requests"},
    {"method": "GET", "url": "/counter/across-requests"},
    {"method": "GET", "url": "/counter/path-dep"},
    {"method": "GET", "url": "/instances", "headers": {"x-req": "r"}},
    {"method": "GET", "url": "/calls"},
    {"method": "GET", "url": "/shared"},
    {"method": "GET", "url": "/shared"},
]
