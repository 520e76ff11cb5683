"""An engine's reachability, as its callers find it: one WARNING when it stops answering,
one INFO when it is back, and a watch that finds out it is back by itself.

A store's worker loops call it all the time, so they notice its return; an engine is called
only by requests and status reads, which may all have stopped. While it is down, the watch
asks it once a second (a cheap read) and marks it back at the first answer.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

from fastapi.tasks.engines.owner_loop import OwnerLoop
from fastapi.tasks.health import StoreHealth


class EngineHealth(StoreHealth):
    """``StoreHealth`` for an engine: ``probe()`` is asked on ``owner`` until it answers."""

    def __init__(self, engine: Any, owner: OwnerLoop, probe: Callable[[], Awaitable[Any]]) -> None:
        super().__init__(engine)
        self.owner = owner
        self.probe = probe
        self._watching = False

    def failed(self, exc: BaseException) -> None:
        super().failed(exc)
        if not self._watching:
            self._watching = True
            self.owner.spawn(self._until_back())

    async def _until_back(self) -> None:
        try:
            while not self.reachable:
                await asyncio.sleep(self.settle)
                try:
                    await self.probe()
                except Exception:
                    continue
                self.succeeded()
        finally:
            self._watching = False
