"""fastapi._core.execute.generator_exits: leaving an async generator as asynccontextmanager does."""

import sys
from collections.abc import AsyncGenerator
from typing import Any

import anyio
import pytest

from fastapi._core.execute.generator_exits import not_stopped, throw_into


async def started(generator: AsyncGenerator[Any, None]) -> AsyncGenerator[Any, None]:
    await generator.__anext__()
    return generator


def test_the_error_reaches_the_yield_and_a_swallowed_one_is_suppressed() -> None:
    seen: list[str] = []

    async def swallowing() -> AsyncGenerator[int, None]:
        try:
            yield 1
        except ValueError as exc:
            seen.append(str(exc))

    async def main() -> bool:
        return await throw_into(await started(swallowing()), ValueError("boom"))

    assert anyio.run(main) is True
    assert seen == ["boom"]


def test_the_same_error_raised_again_is_not_suppressed_and_a_new_one_propagates() -> None:
    async def reraising() -> AsyncGenerator[int, None]:
        yield 1

    async def converting() -> AsyncGenerator[int, None]:
        try:
            yield 1
        except ValueError as exc:
            raise KeyError("converted") from exc

    async def main() -> None:
        assert await throw_into(await started(reraising()), ValueError("boom")) is False
        with pytest.raises(KeyError):
            await throw_into(await started(converting()), ValueError("boom"))

    anyio.run(main)


def test_a_generator_yielding_again_is_refused_and_closed() -> None:
    closed: list[bool] = []

    async def twice() -> AsyncGenerator[int, None]:
        try:
            yield 1
            yield 2
        finally:
            closed.append(True)

    async def main() -> None:
        generator = await started(twice())
        await generator.__anext__()
        with pytest.raises(RuntimeError, match="didn't stop"):
            await not_stopped(generator)
        # closed at once where contextlib closes it (3.11+), else when it is collected
        assert closed == ([True] if sys.version_info >= (3, 11) else [])

    anyio.run(main)
