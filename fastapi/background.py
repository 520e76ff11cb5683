"""``BackgroundTasks``: work to run after the response has been sent."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from starlette.background import BackgroundTasks as StarletteBackgroundTasks
from typing_extensions import ParamSpec

P = ParamSpec("P")


class BackgroundTasks(StarletteBackgroundTasks):
    """Declare a parameter of this type to queue functions that run after the response.

    Sync functions run in a worker thread, async ones are awaited, in the order added.
    """

    def add_task(self, func: Callable[P, Any], *args: P.args, **kwargs: P.kwargs) -> None:
        return super().add_task(func, *args, **kwargs)
