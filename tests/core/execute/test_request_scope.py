"""fastapi._core.execute.request_scope: request-scoped exits, run once the response is sent."""

from __future__ import annotations

from contextlib import asynccontextmanager
from typing import Any

import anyio

from fastapi._core.execute.request_scope import (
    REQUEST_EXIT_STACK,
    close_request_stack,
    open_request_stack,
)
from tests.core.requests import make_request


def test_the_stack_is_opened_once_per_request_and_closed_with_the_error_it_saw() -> None:
    seen: list[Any] = []

    @asynccontextmanager
    async def resource():  # type: ignore[no-untyped-def]
        try:
            yield "r"
        except LookupError as error:
            seen.append(error)
            raise
        finally:
            seen.append("closed")

    async def main() -> None:
        request = make_request()
        stack = open_request_stack(request)
        assert open_request_stack(request) is stack
        assert await stack.enter_async_context(resource()) == "r"
        failure = LookupError("during the response")
        try:
            await close_request_stack(request.scope, failure)
        except LookupError:
            pass
        assert REQUEST_EXIT_STACK not in request.scope
        assert seen == [failure, "closed"]

    anyio.run(main)


def test_closing_without_an_error_or_without_a_stack() -> None:
    closed: list[str] = []

    async def main() -> None:
        request = make_request()
        await close_request_stack(request.scope)  # none opened: nothing to do
        open_request_stack(request).push_async_callback(_append, closed)
        await close_request_stack(request.scope)
        await close_request_stack(request.scope)  # once only

    anyio.run(main)
    assert closed == ["exit"]


async def _append(target: list[str]) -> None:
    target.append("exit")
