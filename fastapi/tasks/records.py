"""Status records: what is known about a task, as returned by ``app.tasks.get(task_id)``."""

from __future__ import annotations

from datetime import datetime, timezone
from enum import Enum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class TaskState(str, Enum):
    pending = "pending"
    running = "running"
    succeeded = "succeeded"
    failed = "failed"
    cancelled = "cancelled"


FINISHED = (TaskState.succeeded, TaskState.failed, TaskState.cancelled)


# The models are built when first used (a status read, a failed attempt, the task routes'
# schema): an app that queues tasks does not pay for them at import.
_DEFERRED = ConfigDict(defer_build=True)


class TaskProgress(BaseModel):
    """How far a running task has got, as it reported with ``current_task().progress()``."""

    model_config = _DEFERRED

    done: int = Field(description="Units of work completed")
    total: int | None = Field(default=None, description="Units of work in all, when known")
    message: str | None = Field(default=None, description="What the task is doing")


class AttemptError(BaseModel):
    """How one attempt ended in error: the task's history, kept beside its latest error."""

    model_config = _DEFERRED

    attempt: int = Field(description="The attempt's number (1-based)")
    error: str = Field(
        description="'ExceptionType: message'; 'WorkerLost: ...' when the attempt's worker vanished"
    )
    worker: str | None = Field(default=None, description="The worker that ran the attempt")
    at: datetime = Field(description="When the attempt ended (or its lease expired)")


#: How many attempt errors a task keeps (the most recent ones).
MAX_ATTEMPT_ERRORS = 10


class TaskStatus(BaseModel):
    """The status of one background task."""

    model_config = _DEFERRED

    id: str = Field(description="The task id returned by add_task()")
    name: str = Field(description="The task function, as module:qualified_name")
    state: TaskState
    attempts: int = Field(
        description="Attempts started so far, takeovers included: at most max_attempts + takeovers"
    )
    max_attempts: int = Field(
        description="Attempts allowed by the retry policy (attempts ended by a vanished worker "
        "do not count against it)"
    )
    takeovers: int = Field(
        default=0,
        description="Attempts whose worker vanished (killed, crashed, cut off from the store), "
        "after which another worker took the task over",
    )
    created_at: datetime
    started_at: datetime | None = Field(default=None, description="Start of the latest attempt")
    finished_at: datetime | None = None
    next_attempt_at: datetime | None = Field(
        default=None, description="When a pending retry is due"
    )
    error: str | None = Field(
        default=None, description="The last error, as 'ExceptionType: message'"
    )
    errors: list[AttemptError] = Field(
        default_factory=list,
        description=f"The errors of the last {MAX_ATTEMPT_ERRORS} attempts that failed, oldest first",
    )
    reason: str | None = Field(
        default=None,
        description="Why the task waits or runs again: which worker vanished, and when",
    )
    worker: str | None = Field(
        default=None, description="The worker running the task, or the last one that ran it"
    )
    progress: TaskProgress | None = None
    durable: bool = Field(description="Whether the task is stored (survives restarts)")
    result: Any = Field(
        default=None, description="What the task returned (as JSON), once it succeeded"
    )
    cancel_requested: bool = Field(
        default=False, description="Cancellation was asked for while the task was running"
    )
    scheduled_for: datetime | None = Field(
        default=None, description="When a delayed or scheduled task becomes due"
    )
    lease_expires_at: datetime | None = Field(
        default=None,
        description="A running durable task's lease: its worker renews it while it runs; once "
        "past, the worker is gone and another one takes the task over",
    )
    arguments: dict[str, Any] | None = Field(
        default=None,
        description="The call's arguments ({'args': [...], 'kwargs': {...}}), only when asked for",
    )


def empty_counts() -> dict[TaskState, int]:
    """A count for every state, all zero: what ``counts()`` starts from."""
    return dict.fromkeys(TaskState, 0)


def timestamp(seconds: float | None) -> datetime | None:
    return None if seconds is None else datetime.fromtimestamp(seconds, tz=timezone.utc)
