"""Running blocking code from async code without blocking the event loop."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from contextlib import AbstractContextManager, asynccontextmanager
from typing import TypeVar

import anyio.to_thread
from anyio import CapacityLimiter as CapacityLimiter
from starlette.concurrency import iterate_in_threadpool as iterate_in_threadpool
from starlette.concurrency import run_in_threadpool as run_in_threadpool
from starlette.concurrency import run_until_first_complete as run_until_first_complete

__all__ = ["contextmanager_in_threadpool", "iterate_in_threadpool", "run_in_threadpool"]

_T = TypeVar("_T")


@asynccontextmanager
async def contextmanager_in_threadpool(cm: AbstractContextManager[_T]) -> AsyncGenerator[_T, None]:
    """Enter and exit a sync context manager in worker threads.

    The exit runs under its own limiter: when every pool thread is busy waiting on
    something this exit would release, it must not queue behind them.
    """
    exit_limiter = anyio.CapacityLimiter(1)
    try:
        yield await run_in_threadpool(cm.__enter__)
    except Exception as exc:
        suppressed = await anyio.to_thread.run_sync(
            cm.__exit__, type(exc), exc, exc.__traceback__, limiter=exit_limiter
        )
        if not suppressed:
            raise exc
    else:
        await anyio.to_thread.run_sync(cm.__exit__, None, None, None, limiter=exit_limiter)
