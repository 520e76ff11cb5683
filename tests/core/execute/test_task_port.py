"""fastapi._core.execute.task_port: the engine's one view of background tasks."""

from __future__ import annotations

import anyio
from starlette.background import BackgroundTasks
from starlette.responses import Response

from fastapi._core.execute.task_port import STARLETTE_TASKS, TaskPort
from tests.core.requests import make_request


def test_without_a_runtime_tasks_are_starlettes_run_by_the_response() -> None:
    port: TaskPort = STARLETTE_TASKS
    request = make_request()
    first, second = port.collector(request), port.collector(request)
    assert isinstance(first, BackgroundTasks) and first is not second  # one per request
    ran: list[int] = []
    first.add_task(ran.append, 1)
    response = Response(background=first)
    anyio.run(port.hand_over, request, response)
    assert ran == [] and response.background is first  # handed over as it is: run after sending
