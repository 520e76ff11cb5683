"""fastapi._core.serialize.item_stream: what a yielding endpoint sends, by format."""

from __future__ import annotations

from collections.abc import AsyncIterable, AsyncIterator, Iterator
from typing import Any

import anyio
import pytest
from pydantic import BaseModel
from starlette.responses import JSONResponse, PlainTextResponse, Response, StreamingResponse

from fastapi._core import params
from fastapi._core.analyse.field import create_model_field
from fastapi._core.errors import ResponseValidationError
from fastapi._core.serialize.item_stream import (
    JSON_LINES,
    ItemStream,
    is_generator_endpoint,
    item_annotation,
    stream_format,
)
from fastapi._core.serialize.sse import EventSourceResponse
from tests.core.requests import run_asgi_response


class Point(BaseModel):
    x: int
    label: str | None = None


def points() -> Iterator[dict[str, Any]]:
    yield {"x": 1}
    yield {"x": "2", "label": "two"}


async def async_points() -> AsyncIterator[dict[str, Any]]:
    for item in points():
        yield item


def test_generator_endpoints_and_their_item_type() -> None:
    assert is_generator_endpoint(points) and is_generator_endpoint(async_points)
    assert not is_generator_endpoint(lambda: [1])
    assert item_annotation(AsyncIterable[Point]) is Point
    assert item_annotation(Iterator[int]) is int
    assert item_annotation(list[int]) is None
    assert item_annotation(AsyncIterator) is None


@pytest.mark.parametrize(
    "response_class, expected",
    [
        (JSONResponse, "jsonl"),
        (EventSourceResponse, "sse"),
        (StreamingResponse, "raw"),
        (PlainTextResponse, "raw"),
    ],
)
def test_the_response_class_decides_the_format(
    response_class: type[Response], expected: str
) -> None:
    assert stream_format(response_class) == expected


def sent_by(stream: ItemStream, source: Any) -> dict[str, Any]:
    return anyio.run(run_asgi_response, stream.response(source, None, None))


def typed() -> Any:
    return create_model_field(params.Body(annotation=Point), "item", mode="serialization")


@pytest.mark.parametrize("is_async", [True, False])
def test_json_lines_validate_each_item_against_the_item_type(is_async: bool) -> None:
    stream = ItemStream(typed(), JSONResponse, is_async=is_async, options={"exclude_none": True})
    sent = sent_by(stream, async_points() if is_async else points())
    assert sent["headers"]["content-type"] == JSON_LINES
    assert sent["body"] == b'{"x":1}\n{"x":2,"label":"two"}\n'


def test_items_of_no_declared_type_are_encoded_as_jsonable() -> None:
    stream = ItemStream(None, JSONResponse, is_async=False, options={})
    assert sent_by(stream, iter([{"a": Point(x=1)}, [1, None]]))["body"] == (
        b'{"a": {"x": 1, "label": null}}\n[1, null]\n'
    )


def test_a_bad_item_ends_the_stream_with_a_validation_error() -> None:
    stream = ItemStream(typed(), JSONResponse, is_async=False, options={})
    with pytest.raises(ResponseValidationError):
        sent_by(stream, iter([{"x": 1}, {"x": "not a number"}]))


def test_server_sent_events_carry_each_item_as_data() -> None:
    stream = ItemStream(typed(), EventSourceResponse, is_async=False, options={})
    sent = sent_by(stream, points())
    assert sent["body"] == b'data: {"x":1,"label":null}\n\ndata: {"x":2,"label":"two"}\n\n'
    assert sent["headers"]["cache-control"] == "no-cache"
    assert sent["headers"]["x-accel-buffering"] == "no"


def test_raw_streams_send_chunks_as_they_are_with_the_class_media_type() -> None:
    stream = ItemStream(None, PlainTextResponse, is_async=False, options={})
    sent = sent_by(stream, iter(["a", b"b"]))
    assert sent["body"] == b"ab" and sent["headers"]["content-type"].startswith("text/plain")
