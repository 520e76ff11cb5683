"""Status records: what is known about a task, as returned by ``app.tasks.get(task_id)``."""

from __future__ import annotations

from datetime import datetime, timezone
from enum import Enum

from pydantic import BaseModel, Field


class TaskState(str, Enum):
    pending = "pending"
    running = "running"
    succeeded = "succeeded"
    failed = "failed"


FINISHED = (TaskState.succeeded, TaskState.failed)


class TaskProgress(BaseModel):
    """How far a running task has got, as it reported with ``current_task().progress()``."""

    done: int = Field(description="Units of work completed")
    total: int | None = Field(default=None, description="Units of work in all, when known")
    message: str | None = Field(default=None, description="What the task is doing")


class TaskStatus(BaseModel):
    """The status of one background task."""

    id: str = Field(description="The task id returned by add_task()")
    name: str = Field(description="The task function, as module:qualified_name")
    state: TaskState
    attempts: int = Field(description="Attempts started so far")
    max_attempts: int = Field(description="Attempts allowed by the retry policy")
    created_at: datetime
    started_at: datetime | None = Field(default=None, description="Start of the latest attempt")
    finished_at: datetime | None = None
    next_attempt_at: datetime | None = Field(
        default=None, description="When a pending retry is due"
    )
    error: str | None = Field(
        default=None, description="The last error, as 'ExceptionType: message'"
    )
    progress: TaskProgress | None = None
    durable: bool = Field(description="Whether the task is stored (survives restarts)")


def timestamp(seconds: float | None) -> datetime | None:
    return None if seconds is None else datetime.fromtimestamp(seconds, tz=timezone.utc)
