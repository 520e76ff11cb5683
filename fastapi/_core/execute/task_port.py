"""What the request path needs of background tasks, given to it by the public layer.

The core knows no task runtime: a route's handler gets a ``TaskPort`` when it is built, asks
it for the ``BackgroundTasks`` to inject, and hands the response over to it once, after the
endpoint and the exit code of its dependencies ran and before the response is sent.
"""

from __future__ import annotations

from typing import Protocol

from starlette.background import BackgroundTasks
from starlette.requests import HTTPConnection
from starlette.responses import Response


class TaskPort(Protocol):
    def collector(self, connection: HTTPConnection) -> BackgroundTasks:
        """A new collector for a request that injects one."""

    async def hand_over(self, connection: HTTPConnection, response: Response) -> None:
        """The response's tasks leave the request (they may be stored, and may fail it)."""


class StarletteTasks:
    """No port given: Starlette's own collector, run by the response as Starlette runs it."""

    def collector(self, connection: HTTPConnection) -> BackgroundTasks:
        return BackgroundTasks()

    async def hand_over(self, connection: HTTPConnection, response: Response) -> None:
        return None


STARLETTE_TASKS = StarletteTasks()
