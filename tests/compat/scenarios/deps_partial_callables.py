"""Dependencies and endpoints that are not plain functions: functools.partial of a yield
dependency (sync and async), and a function marked with asyncio's coroutine marker."""
import asyncio
import functools

from fastapi import Depends, FastAPI

app = FastAPI()
LOG = []


def numbered(a: int, label: str = "sync"):
    LOG.append(f"{label} set up {a}")
    yield f"{label} {a}"
    LOG.append(f"{label} torn down {a}")


async def numbered_async(a: int, label: str = "async"):
    LOG.append(f"{label} set up {a}")
    yield f"{label} {a}"
    LOG.append(f"{label} torn down {a}")


def plain(a: int, scale: int = 1):
    return a * scale


@app.get("/generator")
def generator(value: str = Depends(functools.partial(numbered, label="partial"))):
    return value


@app.get("/async-generator")
def async_generator(value: str = Depends(functools.partial(numbered_async, label="apartial"))):
    return value


@app.get("/plain")
def plain_partial(value: int = Depends(functools.partial(plain, scale=10))):
    return value


async def marked_target(q: int = 1):
    return {"q": q}


def marked(q: int = 1):
    return marked_target(q=q)


marked._is_coroutine = asyncio.coroutines._is_coroutine
app.get("/marked")(marked)


@app.get("/log")
def log():
    entries = list(LOG)
    LOG.clear()
    return entries


CASES = [
    {"method": "GET", "url": "/generator?a=1"},
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/generator"},
    {"method": "GET", "url": "/async-generator?a=2"},
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/plain?a=3"},
    {"method": "GET", "url": "/plain?a=x"},
    {"method": "GET", "url": "/marked?q=4"},
    {"method": "GET", "url": "/marked?q=x"},
]
