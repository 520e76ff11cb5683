"""Server-Sent Events: the event model, its wire format, and the streaming response.

An event is written as ``text/event-stream`` lines: comments first, then ``event``,
``data`` (one line per line of the payload), ``id`` and ``retry``, and a blank line. A
stream that sends nothing for ``ping_interval`` seconds gets a keep-alive comment, so
proxies do not close an idle connection and a gone client is noticed.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterable, Iterable, Mapping
from typing import Annotated, Any, Union

import anyio
from pydantic import AfterValidator, BaseModel, Field, model_validator
from starlette.background import BackgroundTask
from starlette.types import Send

from fastapi._core.serialize.jsonable import jsonable_encoder
from fastapi._core.serialize.stream import ClosingStreamingResponse

KEEPALIVE_COMMENT = b": ping\n\n"
PING_INTERVAL = 15.0


def _single_line(field: str) -> Any:
    def check(value: str | None) -> str | None:
        if value is not None and ("\n" in value or "\r" in value):
            raise ValueError(f"SSE '{field}' must be a single line")
        return value

    return check


def _valid_id(value: str | None) -> str | None:
    _single_line("id")(value)
    if value is not None and "\0" in value:
        raise ValueError("SSE 'id' must not contain null characters")
    return value


class ServerSentEvent(BaseModel):
    # One event of a stream. ``data`` is sent as JSON; ``raw_data`` as written (not both).
    # ``event`` and ``id`` are single lines; ``retry`` is the reconnection delay in ms.

    data: Any = None
    raw_data: str | None = None
    event: Annotated[str | None, AfterValidator(_single_line("event"))] = None
    id: Annotated[str | None, AfterValidator(_valid_id)] = None
    retry: Annotated[int | None, Field(ge=0)] = None
    comment: str | None = None

    @model_validator(mode="after")
    def _one_payload(self) -> ServerSentEvent:
        if self.data is not None and self.raw_data is not None:
            raise ValueError(
                "Cannot set both 'data' and 'raw_data' on the same ServerSentEvent. Use 'data' "
                "for JSON-serialized payloads or 'raw_data' for pre-formatted strings."
            )
        return self


def format_sse_event(
    *,
    data_str: str | None = None,
    event: str | None = None,
    id: str | None = None,
    retry: int | None = None,
    comment: str | None = None,
) -> bytes:
    """The wire bytes of one event (multi-line comments and data become several lines)."""
    lines: list[str] = []
    if comment is not None:
        lines.extend(f": {line}" for line in _lines(comment))
    if event is not None:
        lines.append(f"event: {event}")
    if data_str is not None:
        lines.extend(f"data: {line}" for line in _lines(data_str))
    if id is not None:
        lines.append(f"id: {id}")
    if retry is not None:
        lines.append(f"retry: {retry}")
    return ("".join(line + "\n" for line in lines) + "\n").encode("utf-8")


def _lines(text: str) -> list[str]:
    """Split on CR, LF and CRLF as the event-stream format does; a trailing break counts."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def dumps_untyped(value: Any) -> str:
    """JSON for a value no declared type describes (``json.dumps`` of its JSON-able form)."""
    return json.dumps(jsonable_encoder(value))


def encode_event(event: ServerSentEvent) -> bytes:
    """An event object on the wire; a model as ``data`` is dumped by Pydantic."""
    data_str: str | None = event.raw_data
    if event.data is not None:
        if isinstance(event.data, BaseModel):
            data_str = event.data.model_dump_json()
        else:
            data_str = dumps_untyped(event.data)
    return format_sse_event(
        data_str=data_str, event=event.event, id=event.id, retry=event.retry, comment=event.comment
    )


ContentStream = Union[AsyncIterable[Any], Iterable[Any]]


class EventSourceResponse(ClosingStreamingResponse):
    """A ``text/event-stream`` response, with a keep-alive comment when the stream is idle.

    Chunks may be bytes, strings or ``ServerSentEvent`` objects. ``ping_interval`` (seconds;
    the class attribute is the default) sets how long the stream may stay silent.
    """

    media_type = "text/event-stream"
    ping_interval: float = PING_INTERVAL

    def __init__(
        self,
        content: ContentStream,
        status_code: int = 200,
        headers: Mapping[str, str] | None = None,
        media_type: str | None = None,
        background: BackgroundTask | None = None,
        *,
        ping_interval: float | None = None,
    ) -> None:
        super().__init__(content, status_code, headers, media_type, background)
        if ping_interval is not None:
            self.ping_interval = ping_interval

    def encode_chunk(self, chunk: Any) -> bytes:
        if isinstance(chunk, ServerSentEvent):
            return encode_event(chunk)
        return super().encode_chunk(chunk)

    async def send_chunks(self, send: Send) -> None:
        """Forward the chunks; a concurrent task pings whenever nothing was sent for a while."""
        clock = {"last": anyio.current_time()}
        lock = anyio.Lock()

        async def emit(body: bytes) -> None:
            async with lock:
                await send({"type": "http.response.body", "body": body, "more_body": True})
                clock["last"] = anyio.current_time()

        async def keep_alive() -> None:
            while True:
                await anyio.sleep(
                    max(0.0, clock["last"] + self.ping_interval - anyio.current_time())
                )
                if anyio.current_time() - clock["last"] >= self.ping_interval:
                    await emit(KEEPALIVE_COMMENT)

        async with anyio.create_task_group() as group:
            group.start_soon(keep_alive)
            async for chunk in self.body_iterator:
                await emit(self.encode_chunk(chunk))
            group.cancel_scope.cancel()
