"""Lifespans: a router's start-up and shutdown handlers as one, and two lifespans entered as one."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any, TypeVar

from starlette._utils import is_async_callable
from starlette.types import AppType, Lifespan

if TYPE_CHECKING:  # pragma: no cover
    from fastapi.routing import APIRouter

_T = TypeVar("_T")


class _DefaultLifespan:
    """Runs a router's ``on_startup``/``on_shutdown`` handlers (what the default lifespan does)."""

    def __init__(self, router: APIRouter) -> None:
        self._router = router

    async def __aenter__(self) -> None:
        await self._router.startup()

    async def __aexit__(self, *exc_info: object) -> None:
        await self._router.shutdown()

    def __call__(self: _T, app: object) -> _T:
        return self


def _merge_lifespan_context(
    original_context: Lifespan[Any], nested_context: Lifespan[Any]
) -> Lifespan[Any]:
    """Enter ``original_context`` then ``nested_context``; their states merge, the outer one
    winning."""

    @asynccontextmanager
    async def merged(app: AppType) -> AsyncIterator[Any]:
        async with (
            original_context(app) as original_state,  # type: ignore[union-attr]
            nested_context(app) as nested_state,  # type: ignore[union-attr]
        ):
            if original_state is None and nested_state is None:
                yield None
            else:
                yield {**(nested_state or {}), **(original_state or {})}

    return merged  # type: ignore[return-value]


async def _run_handlers(handlers: Sequence[Callable[[], Any]]) -> None:
    for handler in handlers:
        if is_async_callable(handler):
            await handler()
        else:
            handler()
