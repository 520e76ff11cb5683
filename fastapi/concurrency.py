"""Running blocking code from async code without blocking the event loop."""

from __future__ import annotations

from contextlib import AbstractContextManager
from contextlib import asynccontextmanager as asynccontextmanager  # FastAPI's module has it
from typing import TypeVar

from starlette.concurrency import iterate_in_threadpool as iterate_in_threadpool
from starlette.concurrency import run_in_threadpool as run_in_threadpool
from starlette.concurrency import run_until_first_complete as run_until_first_complete

from fastapi._core.execute.thread_context import ThreadedContext
from fastapi._lazy import lazy_attributes, reexports

__all__ = ["contextmanager_in_threadpool", "iterate_in_threadpool", "run_in_threadpool"]

_T = TypeVar("_T")


def contextmanager_in_threadpool(cm: AbstractContextManager[_T]) -> ThreadedContext[_T]:
    """``async with`` a sync context manager, entering and exiting it in worker threads."""
    return ThreadedContext(cm)


# Names FastAPI's module carries from elsewhere, which extensions import from it.
__getattr__ = lazy_attributes(
    __name__,
    {
        **reexports("typing", "AsyncGenerator", "ContextManager"),
        "anyio": "anyio",
        "CapacityLimiter": "anyio",
    },
)
