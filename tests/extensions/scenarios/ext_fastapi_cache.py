"""fastapi-cache2 (0.2): cached endpoints on the in-memory backend, set up in the lifespan."""
import time
from contextlib import asynccontextmanager

from fastapi_cache import FastAPICache
from fastapi_cache.backends.inmemory import InMemoryBackend
from fastapi_cache.decorator import cache
from pydantic import BaseModel

from fastapi import FastAPI, Query

REQUIRES = "fastapi_cache"

calls = {"count": 0, "model": 0}


class SteadyClockBackend(InMemoryBackend):
    """The in-memory backend on a clock that stands still: a hit's ``max-age`` is the full
    600 s on every run, not 599 when a second ticks between storing and reading."""

    _started = int(time.time())

    @property
    def _now(self) -> int:
        return self._started


@asynccontextmanager
async def lifespan(app: FastAPI):
    FastAPICache.init(SteadyClockBackend(), prefix="test-cache")
    yield


app = FastAPI(lifespan=lifespan)


@app.middleware("http")
async def stable_etag(request, call_next):
    # The ETag is Python's hash() of the cached text, which changes with each interpreter's
    # hash seed: kept as "set" to compare runs.
    response = await call_next(request)
    if "etag" in response.headers:
        response.headers["etag"] = "set"
    return response


class Item(BaseModel):
    name: str
    calls: int


@app.get("/count")
@cache(expire=600)
async def count(q: int = Query(0)):
    calls["count"] += 1
    return {"q": q, "calls": calls["count"]}


@app.get("/model", response_model=Item)
@cache(expire=600)
def model():
    calls["model"] += 1
    return Item(name="cached", calls=calls["model"])


CASES = [
    {"method": "GET", "url": "/count"},
    {"method": "GET", "url": "/count"},
    {"method": "GET", "url": "/count?q=2"},
    {"method": "GET", "url": "/count?q=2"},
    {"method": "GET", "url": "/count?q=x"},
    {"method": "GET", "url": "/count", "headers": {"Cache-Control": "no-cache"}},
    {"method": "GET", "url": "/model"},
    {"method": "GET", "url": "/model"},
]
