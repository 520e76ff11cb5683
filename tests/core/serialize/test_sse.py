"""fastapi._core.serialize.sse: events, their wire format, and the keep-alive stream."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import anyio
import pytest
from pydantic import BaseModel, ValidationError

from fastapi._core.serialize.sse import (
    KEEPALIVE_COMMENT,
    EventSourceResponse,
    ServerSentEvent,
    dumps_untyped,
    encode_event,
    format_sse_event,
)
from tests.core.requests import run_asgi_response


class Point(BaseModel):
    x: int


def test_fields_are_written_in_order_with_multi_line_data_and_comments() -> None:
    wire = format_sse_event(
        data_str="one\ntwo\r\nthree", event="update", id="7", retry=500, comment="a\rb"
    )
    assert wire == (
        b": a\n: b\nevent: update\ndata: one\ndata: two\ndata: three\nid: 7\nretry: 500\n\n"
    )
    assert format_sse_event() == b"\n"
    assert format_sse_event(data_str="") == b"data: \n\n"


def test_event_objects_send_json_data_or_raw_data() -> None:
    assert encode_event(ServerSentEvent(data={"a": [1]}, id="1")) == b'data: {"a": [1]}\nid: 1\n\n'
    assert encode_event(ServerSentEvent(data=Point(x=1))) == b'data: {"x":1}\n\n'
    assert (
        encode_event(ServerSentEvent(raw_data="as is", event="e")) == b"event: e\ndata: as is\n\n"
    )
    assert dumps_untyped({"when": Point(x=2)}) == '{"when": {"x": 2}}'


@pytest.mark.parametrize(
    "fields",
    [
        {"data": 1, "raw_data": "1"},
        {"event": "two\nlines"},
        {"id": "a\0b"},
        {"id": "a\rb"},
        {"retry": -1},
    ],
)
def test_invalid_events_are_refused(fields: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        ServerSentEvent(**fields)  # type: ignore[arg-type]


def test_the_response_streams_events_and_pings_when_idle() -> None:
    chunks: list[bytes] = []
    headers: dict[str, str] = {}

    async def main() -> None:
        pinged = anyio.Event()

        async def events() -> AsyncIterator[object]:
            yield ServerSentEvent(data=1)
            await pinged.wait()  # silent until the stream has pinged
            yield b"data: raw\n\n"

        async def receive() -> dict[str, Any]:
            await anyio.sleep_forever()
            raise AssertionError  # pragma: no cover

        async def send(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                headers.update({k.decode(): v.decode() for k, v in message["headers"]})
            elif message.get("body"):
                chunks.append(message["body"])
                if message["body"] == KEEPALIVE_COMMENT:
                    pinged.set()

        scope = {"type": "http", "asgi": {"spec_version": "2.4"}}
        with anyio.fail_after(60):
            await EventSourceResponse(events(), ping_interval=0.05)(scope, receive, send)

    anyio.run(main)
    assert headers["content-type"].startswith("text/event-stream")
    assert KEEPALIVE_COMMENT in chunks
    assert [chunk for chunk in chunks if chunk != KEEPALIVE_COMMENT] == [
        b"data: 1\n\n",
        b"data: raw\n\n",
    ]


def test_a_busy_stream_sends_no_pings() -> None:
    async def events() -> AsyncIterator[str]:
        for n in range(5):
            yield f"data: {n}\n\n"

    sent = anyio.run(run_asgi_response, EventSourceResponse(events(), ping_interval=60))
    assert KEEPALIVE_COMMENT not in sent["chunks"]
    assert len(sent["chunks"]) == 5
