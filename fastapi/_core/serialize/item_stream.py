"""What an endpoint that ``yield``\\s sends: JSON Lines, Server-Sent Events, or raw chunks.

The route is inspected once: a generator function, its declared item type (the ``X`` of
``AsyncIterable[X]``, ``Iterator[X]``, ...) and its response class decide the format.
Each item is then validated against the item type and serialized as a response model
would be; items of an undeclared type are encoded as ``jsonable_encoder`` then
``json.dumps`` would. A bad item ends the stream with a ``ResponseValidationError``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any

from starlette.background import BackgroundTask
from starlette.responses import JSONResponse, Response, StreamingResponse

from fastapi._core.analyse.field import ModelField
from fastapi._core.compile.yielding import is_generator_endpoint as is_generator_endpoint
from fastapi._core.compile.yielding import item_annotation as item_annotation
from fastapi._core.errors import ResponseValidationError
from fastapi._core.serialize.sse import (
    EventSourceResponse,
    ServerSentEvent,
    dumps_untyped,
    format_sse_event,
)
from fastapi._core.serialize.stream import JSON_LINES as JSON_LINES
from fastapi._core.serialize.stream import ClosingStreamingResponse, items_of


def stream_format(response_class: type[Response]) -> str:
    """``"sse"``, ``"jsonl"`` (JSON response classes) or ``"raw"`` (chunks sent as they are)."""
    if issubclass(response_class, EventSourceResponse):
        return "sse"
    if issubclass(response_class, JSONResponse):
        return "jsonl"
    return "raw"


class ItemStream:
    """Turns the generator an endpoint returned into the streaming response of its route."""

    __slots__ = ("_encode", "_options", "field", "format", "is_async", "response_class")

    def __init__(
        self,
        field: ModelField | None,
        response_class: type[Response],
        *,
        is_async: bool,
        options: dict[str, Any],
    ) -> None:
        self.field = field
        self.response_class = response_class
        self.format = stream_format(response_class)
        self.is_async = is_async
        self._options = options
        self._encode: Callable[[Any], Any] = {
            "sse": self._event,
            "jsonl": self._json_line,
            "raw": _as_is,
        }[self.format]

    def _typed_json(self, item: Any) -> bytes:
        assert self.field is not None
        value, errors = self.field.validate(item, loc=("response",))
        if errors:
            raise ResponseValidationError(errors, body=item)
        return self.field._type_adapter.dump_json(value, **self._options)

    def _json_line(self, item: Any) -> bytes:
        if self.field is None:
            return dumps_untyped(item).encode("utf-8") + b"\n"
        return self._typed_json(item) + b"\n"

    def _event(self, item: Any) -> Any:
        if isinstance(item, ServerSentEvent):
            return item
        if self.field is None:
            return format_sse_event(data_str=dumps_untyped(item))
        return format_sse_event(data_str=self._typed_json(item).decode("utf-8"))

    async def _chunks(self, source: Any) -> AsyncIterator[Any]:
        items = items_of(source, is_async=self.is_async)
        try:
            async for item in items:
                yield self._encode(item)
        finally:
            await items.aclose()

    def response(
        self, source: Any, status_code: int | None, background: BackgroundTask | None
    ) -> Response:
        status = 200 if status_code is None else status_code
        chunks = self._chunks(source)
        if self.format == "jsonl":
            return ClosingStreamingResponse(
                chunks, status, media_type=JSON_LINES, background=background
            )
        response_class = self.response_class
        if response_class is StreamingResponse or not issubclass(response_class, StreamingResponse):
            return ClosingStreamingResponse(
                chunks, status, media_type=response_class.media_type, background=background
            )
        if self.format == "sse":
            # Not cached, and not held back by a buffering proxy (nginx reads the second).
            response = response_class(chunks, status, background=background)
            response.headers.update(_SSE_HEADERS)
            return response
        return response_class(chunks, status, background=background)


_SSE_HEADERS = {"cache-control": "no-cache", "x-accel-buffering": "no"}


def _as_is(item: Any) -> Any:
    return item
