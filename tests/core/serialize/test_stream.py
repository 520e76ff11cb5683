"""fastapi._core.serialize.stream: streamed responses close what they stream, however they end."""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator, Iterator

import anyio
import pytest

from fastapi._core.serialize.stream import (
    ClosingStreamingResponse,
    close_quietly,
    items_of,
    sole_exception,
)
from tests.core.requests import run_asgi_response

if sys.version_info < (3, 11):
    from exceptiongroup import ExceptionGroup


def test_sole_exception_unwraps_groups_of_one() -> None:
    inner = ValueError("x")
    assert sole_exception(ExceptionGroup("g", [ExceptionGroup("h", [inner])])) is inner
    several = ExceptionGroup("g", [ValueError(), KeyError()])
    assert sole_exception(several) is several
    assert sole_exception(inner) is inner


@pytest.mark.parametrize("is_async", [True, False])
def test_items_are_taken_in_order_and_the_source_closed(is_async: bool) -> None:
    closed: list[str] = []

    def sync_source() -> Iterator[int]:
        try:
            yield from range(3)
        finally:
            closed.append("sync")

    async def async_source() -> AsyncIterator[int]:
        try:
            for n in range(3):
                yield n
        finally:
            closed.append("async")

    async def main() -> list[int]:
        source = async_source() if is_async else sync_source()
        items = items_of(source, is_async=is_async)
        taken = [await items.__anext__(), await items.__anext__()]
        await items.aclose()  # stopped early: the source is closed all the same
        return taken

    assert anyio.run(main) == [0, 1]
    assert closed == ["async" if is_async else "sync"]


def test_close_quietly_closes_even_when_cancelled() -> None:
    closed: list[bool] = []

    async def source() -> AsyncIterator[int]:
        try:
            yield 1
            yield 2
        finally:
            await anyio.sleep(0)  # an await in the exit code survives the cancellation
            closed.append(True)

    async def main() -> None:
        iterator = source()
        await iterator.__anext__()
        with anyio.CancelScope() as scope:
            scope.cancel()
            await close_quietly(iterator)
        await close_quietly(object())  # nothing to close

    anyio.run(main)
    assert closed == [True]


def test_a_response_sends_every_chunk_encoded_and_closes_its_iterator() -> None:
    closed: list[bool] = []

    async def chunks() -> AsyncIterator[object]:
        try:
            yield b"bytes "
            yield "text "
            yield memoryview(b"view")
        finally:
            closed.append(True)

    sent = anyio.run(run_asgi_response, ClosingStreamingResponse(chunks(), media_type="text/plain"))
    assert sent["status"] == 200 and sent["body"] == b"bytes text view"
    assert closed == [True]


def test_a_client_going_away_closes_the_iterator() -> None:
    closed: list[bool] = []

    async def endless() -> AsyncIterator[bytes]:
        try:
            while True:
                yield b"tick"
                await anyio.sleep(0.01)
        finally:
            closed.append(True)

    response = ClosingStreamingResponse(endless())
    sent = anyio.run(lambda: run_asgi_response(response, disconnect_after=3))
    assert sent["chunks"][:3] == [b"tick"] * 3
    assert closed == [True]


def test_the_sole_error_of_a_failing_stream_is_raised_as_itself() -> None:
    async def failing() -> AsyncIterator[bytes]:
        yield b"a"
        raise LookupError("inside")

    with pytest.raises(LookupError, match="inside"):
        anyio.run(run_asgi_response, ClosingStreamingResponse(failing()))
