"""Leaving an async ``yield`` dependency that a generated runner entered itself.

A route's generated runner drives its async generator dependencies directly (``__anext__``
to enter, nested ``try`` blocks for the exits) instead of wrapping each in
``asynccontextmanager`` on an ``AsyncExitStack``: the same protocol at a third of the cost.
What the generator sees must stay what ``asynccontextmanager`` shows it, on every Python
version, so the error exit is the standard library's own ``__aexit__``, run on a holder of
the generator; the clean exit (the common case) is written into the runner, and only its
failure ("the generator yielded twice") comes here.
"""

from __future__ import annotations

import sys
from collections.abc import AsyncGenerator
from contextlib import _AsyncGeneratorContextManager
from typing import Any

_STANDARD_EXIT: Any = _AsyncGeneratorContextManager.__aexit__


class _Held:
    """What the standard ``__aexit__`` reads of its context manager: the generator."""

    __slots__ = ("gen",)

    def __init__(self, gen: AsyncGenerator[Any, None]) -> None:
        self.gen = gen


async def throw_into(gen: AsyncGenerator[Any, None], error: BaseException) -> bool:
    """Raise ``error`` at the generator's ``yield``; True when the generator suppressed it
    (as ``asynccontextmanager``'s exit answers)."""
    suppressed: bool = await _STANDARD_EXIT(_Held(gen), type(error), error, error.__traceback__)
    return suppressed


async def not_stopped(gen: AsyncGenerator[Any, None]) -> None:
    """The generator yielded again on its clean exit: the standard library's error."""
    if sys.version_info < (3, 11):  # pragma: no cover - 3.10 leaves it to the collector
        raise RuntimeError("generator didn't stop")
    try:
        raise RuntimeError("generator didn't stop")
    finally:
        await gen.aclose()
