"""Server-Sent Events and JSON Lines from endpoints that ``yield``.

The wire format, validation and OpenAPI are checked in process; a real uvicorn server and
an HTTP client check resuming with ``Last-Event-ID``, the keep-alive comment, and that a
client hanging up mid-stream closes the endpoint's generator (sync and async) with nothing
left in the server log.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterable, Iterator
from typing import Annotated

import httpx
import pytest
from pydantic import BaseModel, ValidationError

from fastapi import Depends, FastAPI, Header, Response
from fastapi.exceptions import ResponseValidationError
from fastapi.responses import StreamingResponse
from fastapi.sse import EventSourceResponse, ServerSentEvent, format_sse_event
from fastapi.testclient import TestClient

from .uvicorn_server import Server, serve_app


class Item(BaseModel):
    name: str
    price: float = 1.0


def build_app() -> FastAPI:
    app = FastAPI()

    @app.get("/typed", response_class=EventSourceResponse)
    async def typed() -> AsyncIterable[Item]:
        yield Item(name="x")
        yield {"name": "é", "price": 2}

    @app.get("/events", response_class=EventSourceResponse)
    def events(last_event_id: Annotated[int | None, Header()] = None):
        start = (last_event_id or 0) + 1
        for number in range(start, start + 2):
            yield ServerSentEvent(data={"n": number}, id=str(number), event="tick", retry=500)
        yield ServerSentEvent(raw_data="plain\nsecond", comment="a\r\nb")
        yield "text"
        yield None

    @app.get("/bad-item", response_class=EventSourceResponse)
    async def bad_item() -> AsyncIterable[Item]:
        yield {"name": "fine"}
        yield {"price": "no name"}

    def counted(response: Response) -> None:
        response.headers["x-count"] = "2"  # a generator's own code runs once streaming began

    @app.post("/lines", status_code=201, dependencies=[Depends(counted)])
    async def lines(item: Item) -> AsyncIterable[Item]:
        yield item
        yield {"name": item.name.upper(), "price": item.price * 2}

    @app.get("/untyped-lines")
    def untyped_lines():
        yield {"a": "é"}
        yield [1, 2]

    @app.get("/bytes", response_class=StreamingResponse)
    async def raw_bytes():
        yield b"ab"
        yield b"cd"

    return app


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(build_app())


def test_typed_events_are_validated_and_dumped_by_pydantic(client: TestClient) -> None:
    response = client.get("/typed")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/event-stream; charset=utf-8"
    assert response.headers["cache-control"] == "no-cache"
    assert response.headers["x-accel-buffering"] == "no"
    assert response.content == (
        b'data: {"name":"x","price":1.0}\n\n' + 'data: {"name":"é","price":2.0}\n\n'.encode()
    )


def test_event_objects_and_untyped_items(client: TestClient) -> None:
    response = client.get("/events", headers={"last-event-id": "3"})
    assert response.text == (
        'event: tick\ndata: {"n": 4}\nid: 4\nretry: 500\n\n'
        'event: tick\ndata: {"n": 5}\nid: 5\nretry: 500\n\n'
        ": a\n: b\ndata: plain\ndata: second\n\n"
        'data: "text"\n\n'
        "data: null\n\n"
    )


def test_a_bad_item_ends_the_stream_with_a_response_validation_error() -> None:
    with pytest.raises(ResponseValidationError) as caught:
        TestClient(build_app()).get("/bad-item")
    assert caught.value.errors()[0]["loc"] == ("response", "name")
    answer = TestClient(build_app(), raise_server_exceptions=False).get("/bad-item")
    assert answer.content == b'data: {"name":"fine","price":1.0}\n\n'


def test_json_lines_keep_status_and_headers_set_by_dependencies(client: TestClient) -> None:
    response = client.post("/lines", json={"name": "ann", "price": 1.5})
    assert response.status_code == 201
    assert response.headers["content-type"] == "application/jsonl"
    assert response.headers["x-count"] == "2"
    assert response.content == b'{"name":"ann","price":1.5}\n{"name":"ANN","price":3.0}\n'
    untyped = client.get("/untyped-lines")
    assert untyped.content == b'{"a": "\\u00e9"}\n[1, 2]\n'
    assert client.post("/lines", json={"price": 1}).status_code == 422


def test_raw_chunks_with_a_streaming_response_class(client: TestClient) -> None:
    response = client.get("/bytes")
    assert response.content == b"abcd"
    assert "content-type" not in response.headers


def test_event_fields_are_validated() -> None:
    bad = [
        ({"event": "a\nb"}, "SSE 'event' must be a single line"),
        ({"id": "a\rb"}, "SSE 'id' must be a single line"),
        ({"id": "a\x00"}, "SSE 'id' must not contain null characters"),
        ({"data": 1, "raw_data": "x"}, "Cannot set both 'data' and 'raw_data'"),
        ({"retry": -1}, "greater than or equal to 0"),
    ]
    for fields, message in bad:
        with pytest.raises(ValidationError, match=message):
            ServerSentEvent(**fields)
    assert format_sse_event() == b"\n"
    assert format_sse_event(data_str="a\rb\n", comment="c") == b": c\ndata: a\ndata: b\ndata: \n\n"


def test_openapi_documents_each_item(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    event = paths["/typed"]["get"]["responses"]["200"]["content"]["text/event-stream"]
    assert event["itemSchema"]["properties"]["data"] == {
        "type": "string",
        "contentMediaType": "application/json",
        "contentSchema": {"$ref": "#/components/schemas/Item"},
    }
    assert event["itemSchema"]["required"] == ["data"]
    untyped = paths["/events"]["get"]["responses"]["200"]["content"]["text/event-stream"]
    assert untyped["itemSchema"]["properties"]["data"] == {"type": "string"}
    lines = paths["/lines"]["post"]["responses"]["201"]["content"]
    assert lines == {"application/jsonl": {"itemSchema": {"$ref": "#/components/schemas/Item"}}}
    assert paths["/untyped-lines"]["get"]["responses"]["200"]["content"] == {
        "application/jsonl": {"itemSchema": {}}
    }
    assert "content" not in paths["/bytes"]["get"]["responses"]["200"]


SERVER_APP = """\
import asyncio
import time
from typing import Annotated

from fastapi import FastAPI, Header
from fastapi.sse import EventSourceResponse, ServerSentEvent


class QuickPings(EventSourceResponse):
    ping_interval = 0.2


app = FastAPI()


@app.get("/feed", response_class=QuickPings)
async def feed(last_event_id: Annotated[int | None, Header()] = None):
    number = (last_event_id or 0) + 1
    try:
        yield ServerSentEvent(data={"n": number}, id=str(number))
        await asyncio.sleep(3600)  # idle: only keep-alive comments flow now
    finally:
        print(f"MARK async feed closed after {number}", flush=True)


@app.get("/sync-feed", response_class=QuickPings)
def sync_feed():
    number = 0
    try:
        while True:
            number += 1
            yield ServerSentEvent(data=number, id=str(number))
            time.sleep(0.05)
    finally:
        print("MARK sync feed closed", flush=True)
"""


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with serve_app(tmp_path_factory.mktemp("sse_server"), "sse_app", SERVER_APP) as srv:
        yield srv


def read_until(response: httpx.Response, marker: bytes) -> bytes:
    received = b""
    for piece in response.iter_raw():
        received += piece
        if marker in received:
            return received
    raise AssertionError(f"the stream ended before {marker!r}: {received!r}")


def test_resume_keep_alive_and_disconnect_over_uvicorn(server: Server) -> None:
    base = f"http://127.0.0.1:{server.port}"
    with httpx.Client(base_url=base, timeout=30) as http:
        with http.stream("GET", "/feed", headers={"last-event-id": "41"}) as response:
            assert response.headers["content-type"] == "text/event-stream; charset=utf-8"
            received = read_until(response, b": ping\n\n")
        assert received.startswith(b'data: {"n": 42}\nid: 42\n\n')
        server.wait_for_output("MARK async feed closed after 42", timeout=30)

        with http.stream("GET", "/sync-feed") as response:
            received = read_until(response, b"id: 3\n\n")
        # On a loaded machine a keep-alive may fall between two events: the events are checked.
        assert received.replace(b": ping\n\n", b"").startswith(b"data: 1\nid: 1\n\ndata: 2\nid: 2\n\n")
        server.wait_for_output("MARK sync feed closed", timeout=30)
    time.sleep(0.3)  # let any late error reach the log
    for bad in ("Traceback", "ERROR", "Exception in ASGI application"):
        assert bad not in server.output(), server.output()
