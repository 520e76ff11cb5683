"""Streaming responses that always close what they stream, whatever ends the response.

Starlette's ``StreamingResponse`` stops iterating when the client goes away but leaves the
iterator open (a sync generator is never closed at all), so an endpoint's ``finally`` may
run late or never. Here the iterator is closed as soon as the response stops, and an async
iterator that wraps a generator closes that generator in turn.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, Callable, Iterator
from typing import Any

import anyio
import anyio.to_thread
from starlette.responses import StreamingResponse
from starlette.types import Send

#: The media type of a JSON Lines stream (one JSON document per line).
JSON_LINES = "application/jsonl"

_DONE: Any = object()


def sole_exception(error: BaseException) -> BaseException:
    """The one error inside a task group's exception group (else the group itself)."""
    inner = getattr(error, "exceptions", None)
    if isinstance(inner, tuple) and len(inner) == 1 and isinstance(inner[0], Exception):
        return sole_exception(inner[0])
    return error


async def close_quietly(iterator: Any) -> None:
    """Close an async iterator, even while the surrounding task is being cancelled."""
    aclose = getattr(iterator, "aclose", None)
    if aclose is not None:
        with anyio.CancelScope(shield=True):
            await aclose()


async def items_of(source: Any, *, is_async: bool) -> AsyncGenerator[Any, None]:
    """Iterate an endpoint's generator (a sync one in a worker thread); close it at the end."""
    try:
        if is_async:
            async for item in source:
                yield item
        else:
            iterator: Iterator[Any] = source
            while True:
                # AnyIO's thread call: a cancelled stream still waits for the item under way.
                item = await anyio.to_thread.run_sync(next, iterator, _DONE)
                if item is _DONE:
                    break
                yield item
    finally:
        with anyio.CancelScope(shield=True):
            if is_async:
                aclose = getattr(source, "aclose", None)
                if aclose is not None:
                    await aclose()
            else:
                close: Callable[[], Any] | None = getattr(source, "close", None)
                if close is not None:
                    await anyio.to_thread.run_sync(close)


class ClosingStreamingResponse(StreamingResponse):
    """A ``StreamingResponse`` whose iterator is closed when the response stops, however."""

    def encode_chunk(self, chunk: Any) -> bytes:
        if isinstance(chunk, (bytes, memoryview)):
            return bytes(chunk)
        return str(chunk).encode(self.charset)

    async def send_chunks(self, send: Send) -> None:
        async for chunk in self.body_iterator:
            await send(
                {"type": "http.response.body", "body": self.encode_chunk(chunk), "more_body": True}
            )

    async def stream_response(self, send: Send) -> None:
        await send(
            {"type": "http.response.start", "status": self.status_code, "headers": self.raw_headers}
        )
        try:
            await self.send_chunks(send)
        except Exception as error:
            sole = sole_exception(error)
            if sole is error:
                raise
            raise sole from None
        finally:
            await close_quietly(self.body_iterator)
        await send({"type": "http.response.body", "body": b"", "more_body": False})
