"""The session handler of a WebSocket route: solve its parameters, then run the endpoint."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from contextlib import AsyncExitStack
from typing import Any

from starlette.websockets import WebSocket

from fastapi._core.compile.plan_cache import PlanCache
from fastapi._core.dependant import Dependant
from fastapi._core.errors import WebSocketRequestValidationError
from fastapi._core.execute.solve import solve
from fastapi._core.execute.task_port import TaskPort


def build_websocket_handler(
    *,
    dependant: Dependant,
    dependency_overrides_provider: Any = None,
    embed_body_fields: bool = False,
    tasks: TaskPort,
) -> Callable[[WebSocket], Awaitable[None]]:
    plans = PlanCache(
        dependant, embed_body=embed_body_fields, provider=dependency_overrides_provider
    )

    async def session(websocket: WebSocket) -> None:
        plan = plans.current()
        async with AsyncExitStack() as stack:
            # Where the session's cleanups go, as in FastAPI: the endpoint may add its own.
            websocket.scope["fastapi_astack"] = stack
            resolution = await solve(plan, websocket, None, stack, tasks=tasks)
            if resolution.errors:
                raise WebSocketRequestValidationError(resolution.errors)
            await plan.endpoint.call(**resolution.values)

    return session
