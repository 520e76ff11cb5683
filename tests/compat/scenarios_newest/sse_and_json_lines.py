"""Endpoints that yield: Server-Sent Events (typed, untyped, event objects, Last-Event-ID)
and JSON Lines (typed, untyped, sync and async), with their OpenAPI item schemas. (A bad item mid-stream
is left to tests/test_sse.py: what a test client shows of a failed stream depends on the
Starlette version.)"""

from collections.abc import AsyncIterable, AsyncIterator, Iterable, Iterator
from typing import Annotated

from pydantic import BaseModel

from fastapi import FastAPI, Header
from fastapi.responses import StreamingResponse
from fastapi.sse import EventSourceResponse, ServerSentEvent

app = FastAPI()


class Item(BaseModel):
    name: str
    price: float = 1.0


@app.get("/sse/typed", response_class=EventSourceResponse)
async def sse_typed() -> AsyncIterable[Item]:
    yield Item(name="x")
    yield {"name": "é", "price": 2}
    yield ServerSentEvent(data=Item(name="inside"), event="wrapped")


@app.get("/sse/events", response_class=EventSourceResponse)
def sse_events(last_event_id: Annotated[int | None, Header()] = None):
    start = (last_event_id or 0) + 1
    for number in range(start, start + 2):
        yield ServerSentEvent(data={"n": number}, id=str(number), event="tick", retry=1000)
    yield ServerSentEvent(raw_data="plain\nsecond line", comment="one\r\ntwo")
    yield ServerSentEvent(comment="only a comment")
    yield ServerSentEvent()
    yield ServerSentEvent(id="")
    yield "text é"
    yield None
    yield 5
    yield [1, {"a": None}]


@app.post("/sse/post", response_class=EventSourceResponse, status_code=201)
async def sse_post(item: Item) -> AsyncIterator[str]:
    yield item.name
    yield "a\nb"


@app.get("/jsonl/typed")
async def jsonl_typed() -> AsyncIterable[Item]:
    yield Item(name="j")
    yield {"name": "é", "price": 3}


@app.get("/jsonl/sync")
def jsonl_sync() -> Iterator[Item]:
    yield {"name": "s"}


@app.get("/jsonl/untyped")
async def jsonl_untyped():
    yield {"a": "é"}
    yield [1, 2.5, None]
    yield "text"


@app.get("/jsonl/sync-untyped")
def jsonl_sync_untyped() -> Iterable:
    yield {"b": 1}


@app.get("/jsonl/strings")
async def jsonl_strings() -> AsyncIterable[str]:
    yield "abc"


@app.get("/raw", response_class=StreamingResponse)
async def raw_chunks():
    yield b"ab"
    yield b"cd"


CASES = [
    {"method": "GET", "url": "/sse/typed"},
    {"method": "GET", "url": "/sse/events"},
    {"method": "GET", "url": "/sse/events", "headers": {"last-event-id": "41"}},
    {"method": "GET", "url": "/sse/events", "headers": {"last-event-id": "x"}},
    {"method": "POST", "url": "/sse/post", "json": {"name": "n"}},
    {"method": "POST", "url": "/sse/post", "json": {"price": 1}},
    {"method": "GET", "url": "/jsonl/typed"},
    {"method": "GET", "url": "/jsonl/sync"},
    {"method": "GET", "url": "/jsonl/untyped"},
    {"method": "GET", "url": "/jsonl/sync-untyped"},
    {"method": "GET", "url": "/jsonl/strings"},
    {"method": "GET", "url": "/raw"},
]
