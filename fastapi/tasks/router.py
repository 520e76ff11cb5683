"""An opt-in router that exposes task statuses: ``app.include_router(task_status_router())``."""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum
from typing import Annotated, Any

from starlette.requests import Request

from fastapi.exceptions import HTTPException
from fastapi.param_functions import Path, Query
from fastapi.routing import APIRouter
from fastapi.tasks.records import TaskState, TaskStatus
from fastapi.tasks.runtime import TaskRuntime, runtime_or_404


def _runtime(request: Request) -> TaskRuntime:
    return runtime_or_404(request, "Task not found")


def task_status_router(
    *,
    prefix: str = "/tasks",
    tags: Sequence[str | Enum] = ("tasks",),
    list_tasks: bool = True,
    dependencies: Sequence[Any] | None = None,
    show_arguments: bool = False,
    **options: Any,
) -> APIRouter:
    """``GET {prefix}/{task_id}`` (and ``GET {prefix}``, recent tasks) with typed status models.

    ``dependencies=[Depends(require_admin)]`` protects every route of it. A task's call
    arguments (which may hold personal data) are left out unless ``show_arguments=True``.
    Extra ``options`` go to ``APIRouter``.
    """
    router = APIRouter(
        prefix=prefix, tags=list(tags), dependencies=list(dependencies or ()), **options
    )

    @router.get(
        "/{task_id}",
        response_model=TaskStatus,
        summary="Background task status",
        responses={404: {"description": "No such task (unknown, or its record was pruned)"}},
    )
    def read_task(
        task_id: Annotated[str, Path(description="The id add_task() returned")], request: Request
    ) -> Any:
        status = _runtime(request).get(task_id, arguments=show_arguments)
        if status is None:
            raise HTTPException(status_code=404, detail="Task not found")
        return status

    if list_tasks:

        @router.get("", response_model=list[TaskStatus], summary="Recent background tasks")
        def list_recent(
            request: Request,
            state: Annotated[
                TaskState | None, Query(description="Only tasks in this state")
            ] = None,
            limit: Annotated[int, Query(ge=1, le=1000)] = 100,
        ) -> Any:
            return _runtime(request).list(state=state, limit=limit)

    return router
