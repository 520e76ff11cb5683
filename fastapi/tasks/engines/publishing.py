"""Publishing to an engine's broker: a failure or a hang is one ERROR line and a 503
(``TaskStoreError``), the same for every engine, never a server error or a silent drop."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

import anyio

from fastapi.tasks.inline import error_text
from fastapi.tasks.settings import TaskStoreError

logger = logging.getLogger("fastapi.tasks")


async def publish_or_fail(
    engine: str, publish: Callable[[], Awaitable[Any]], timeout: float, health: Any = None
) -> None:
    """Await ``publish()`` within ``timeout`` seconds, before the response is sent. With a
    ``health`` (``fastapi.tasks.health.StoreHealth``), an outage is its one WARNING instead
    of an ERROR per request."""
    try:
        with anyio.fail_after(timeout):
            await publish()
    except Exception as exc:
        if health is None:
            logger.error("Publishing background tasks to %s failed: %s", engine, error_text(exc))
        else:
            health.failed(exc)
        raise TaskStoreError() from exc
    if health is not None:
        health.succeeded()


def publish_one_or_fail(task_id: str, publish: Callable[[], Any], health: Any = None) -> None:
    """Call ``publish()`` for one task from code without an event loop."""
    try:
        publish()
    except Exception as exc:
        if health is None:
            logger.error("Publishing background task %s failed: %s", task_id, error_text(exc))
        else:
            health.failed(exc)
        raise TaskStoreError() from exc
    if health is not None:
        health.succeeded()
