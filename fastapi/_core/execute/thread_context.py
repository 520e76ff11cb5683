"""A sync context manager (a sync ``yield`` dependency) entered and exited in worker threads."""

from __future__ import annotations

from contextlib import AbstractContextManager
from types import TracebackType
from typing import Generic, TypeVar

import anyio
import anyio.to_thread

_T = TypeVar("_T")


class ThreadedContext(Generic[_T]):
    """``async with ThreadedContext(manager)``: the manager's enter and exit run off the loop.

    The exit runs under a limiter of its own: when every pool thread is busy waiting for
    something this exit would release (a lock, a connection), it must not queue behind them.
    Only an ``Exception`` reaches the manager's exit; a cancellation or a ``GeneratorExit``
    leaves it unexited, as the reference implementation does.
    """

    __slots__ = ("_manager",)

    def __init__(self, manager: AbstractContextManager[_T]) -> None:
        self._manager = manager

    async def __aenter__(self) -> _T:
        return await anyio.to_thread.run_sync(self._manager.__enter__)

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> bool:
        if exc is not None and not isinstance(exc, Exception):
            return False
        own_limiter = anyio.CapacityLimiter(1)
        suppressed = await anyio.to_thread.run_sync(
            self._manager.__exit__, exc_type, exc, traceback, limiter=own_limiter
        )
        return bool(suppressed) and exc is not None
