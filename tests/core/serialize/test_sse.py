"""fastapi._core.serialize.sse: events, their wire format, and the keep-alive stream."""

from __future__ import annotations

from collections.abc import AsyncIterator

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
    assert encode_event(ServerSentEvent(raw_data="as is", event="e")) == b"event: e\ndata: as is\n\n"
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
    async def events() -> AsyncIterator[object]:
        yield ServerSentEvent(data=1)
        await anyio.sleep(0.3)  # idle far longer than the ping interval
        yield b"data: raw\n\n"

    response = EventSourceResponse(events(), ping_interval=0.05)
    sent = anyio.run(run_asgi_response, response)
    assert sent["headers"]["content-type"].startswith("text/event-stream")
    assert sent["chunks"][0] == b"data: 1\n\n" and sent["chunks"][-1] == b"data: raw\n\n"
    assert KEEPALIVE_COMMENT in sent["chunks"][1:-1]


def test_a_busy_stream_sends_no_pings() -> None:
    async def events() -> AsyncIterator[str]:
        for n in range(5):
            yield f"data: {n}\n\n"

    sent = anyio.run(run_asgi_response, EventSourceResponse(events(), ping_interval=60))
    assert KEEPALIVE_COMMENT not in sent["chunks"]
    assert len(sent["chunks"]) == 5
