"""Background tasks that can't fail silently, report progress, survive restarts and scale out.

from fastapi import BackgroundTasks, FastAPI
from fastapi.tasks import Retry, current_task, task, task_status_router

app = FastAPI(tasks="sqlite:///./tasks.db")       # durable; omit for in-memory
app.include_router(task_status_router())          # GET /tasks/{id}

@task(retry=Retry(attempts=5, delay=1.0))
def send_report(user_id: int) -> None:
    current_task().progress(1, 3, "rendering")
    ...

@app.post("/reports/{user_id}")
def create(user_id: int, background_tasks: BackgroundTasks):
    handle = background_tasks.add_task(send_report, user_id)
    return {"task": handle.id}
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# Exported lazily: fastapi.background and fastapi.routing build on these modules.
_EXPORTS = {
    "AttemptError": "fastapi.tasks.records",
    "BackgroundTasks": "fastapi.background",
    "EnqueuedTask": "fastapi.background",
    "TaskHandle": "fastapi.background",
    "TaskNotStorableError": "fastapi.tasks.codec",
    "RunningTask": "fastapi.tasks.context",
    "current_task": "fastapi.tasks.context",
    "Retry": "fastapi.tasks.policy",
    "TaskPolicy": "fastapi.tasks.policy",
    "task": "fastapi.tasks.policy",
    "TaskProgress": "fastapi.tasks.records",
    "TaskState": "fastapi.tasks.records",
    "TaskBackend": "fastapi.tasks.backend",
    "TaskStatus": "fastapi.tasks.records",
    "task_status_router": "fastapi.tasks.router",
    "task_dashboard_router": "fastapi.tasks.dashboard",
    "TaskRuntime": "fastapi.tasks.runtime",
    "TaskSettings": "fastapi.tasks.runtime",
    "TaskStoreError": "fastapi.tasks.runtime",
    "TaskStore": "fastapi.tasks.store",
    "open_store": "fastapi.tasks.store",
}

__all__ = [
    "AttemptError",
    "BackgroundTasks",
    "EnqueuedTask",
    "Retry",
    "RunningTask",
    "TaskBackend",
    "TaskHandle",
    "TaskNotStorableError",
    "TaskPolicy",
    "TaskProgress",
    "TaskRuntime",
    "TaskSettings",
    "TaskState",
    "TaskStatus",
    "TaskStore",
    "TaskStoreError",
    "current_task",
    "open_store",
    "task",
    "task_dashboard_router",
    "task_status_router",
]

if TYPE_CHECKING:  # pragma: no cover
    from fastapi.background import BackgroundTasks, EnqueuedTask, TaskHandle
    from fastapi.tasks.backend import TaskBackend
    from fastapi.tasks.codec import TaskNotStorableError
    from fastapi.tasks.context import RunningTask, current_task
    from fastapi.tasks.dashboard import task_dashboard_router
    from fastapi.tasks.policy import Retry, TaskPolicy, task
    from fastapi.tasks.records import AttemptError, TaskProgress, TaskState, TaskStatus
    from fastapi.tasks.router import task_status_router
    from fastapi.tasks.runtime import TaskRuntime, TaskSettings, TaskStoreError
    from fastapi.tasks.store import TaskStore, open_store


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'fastapi.tasks' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
