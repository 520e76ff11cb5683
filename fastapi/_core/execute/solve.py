"""Running a plan's steps for one request: validate, resolve dependencies, collect errors."""

from __future__ import annotations

from contextlib import AsyncExitStack
from typing import Any

from starlette.background import BackgroundTasks as StarletteBackgroundTasks
from starlette.requests import HTTPConnection
from starlette.responses import Response

from fastapi._core.compile.plan import Plan
from fastapi._core.execute.resolution import Resolution, Sources, read_params, read_step
from fastapi._core.execute.task_port import STARLETTE_TASKS, TaskPort
from fastapi._core.execute.thread_context import ThreadedContext
from fastapi._core.execute.unrolled import dependency_runner

__all__ = ["Resolution", "enter_yield_dependency", "read_params", "read_step", "solve"]


async def solve(
    plan: Plan,
    connection: HTTPConnection,
    body: Any,
    stack: AsyncExitStack | None,
    *,
    cache: dict[Any, Any] | None = None,
    background: StarletteBackgroundTasks | None = None,
    response: Response | None = None,
    tasks: TaskPort = STARLETTE_TASKS,
    request_stack: AsyncExitStack | None = None,
) -> Resolution:
    """Validate every parameter and call every dependency, in FastAPI's order.

    ``cache``, ``background`` and ``response`` let a caller share them across solves;
    ``tasks`` makes the ``BackgroundTasks`` injected.
    """
    resolution = Resolution(tasks, background, response)
    if plan.trivial:
        return resolution
    # Without a cache shared by the caller, results are remembered only where the plan
    # holds a dependency twice (nothing else could find them).
    remember = cache is not None or plan.repeats
    resolution.cache = {} if cache is None else cache
    sources = Sources(connection)
    if plan.dependencies:
        run = plan.runner or dependency_runner(plan, read_step)
        values, ok = await run(sources, body, resolution, remember, stack, request_stack)
    else:
        values, ok = {}, True
    endpoint = plan.endpoint
    if endpoint.reads:
        ok = await read_step(endpoint, sources, body, values, resolution) and ok
    if ok:
        resolution.values = values
    return resolution


async def enter_yield_dependency(stack: AsyncExitStack, manager: Any, *, in_thread: bool) -> Any:
    """The value a yield dependency's context manager gives, its exit left to ``stack`` (a
    sync generator runs in a worker thread)."""
    if in_thread:
        manager = ThreadedContext(manager)
    return await stack.enter_async_context(manager)
