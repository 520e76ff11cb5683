"""What the Celery engine keeps in Celery's result backend, and how it reads as a ``TaskStatus``.

Each task's record is the result backend's own (``celery-task-meta-<id>``), written by Celery
at every state change with the call attached (``result_extended``). The call is
``[name, payload, info]``: the function's import name, its JSON arguments and ``info``, a
small dict with the task's policy and what its attempts did (``started_at``, ``attempt``,
``worker``, ``takeovers``, ``errors``). The worker updates ``info`` in the running request,
so every state Celery stores afterwards (``STARTED``, ``PROGRESS``, ``RETRY``, ``SUCCESS``,
``FAILURE``) carries it without a write of its own.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any

from fastapi.tasks.inline import error_text
from fastapi.tasks.records import (
    MAX_ATTEMPT_ERRORS,
    AttemptError,
    TaskProgress,
    TaskState,
    TaskStatus,
)

#: The one Celery task every background task is published to.
GENERIC_TASK = "fastapi.run"
#: The state of a task published and not yet started (Celery's PENDING means "unknown").
QUEUED = "QUEUED"
#: The state a running task is in once it reported progress.
PROGRESS = "PROGRESS"
#: Errors of earlier attempts kept in a task's record (the newest ones).
KEPT_ERRORS = MAX_ATTEMPT_ERRORS

STATES = {
    QUEUED: TaskState.pending,
    "PENDING": TaskState.pending,
    "RECEIVED": TaskState.pending,
    "RETRY": TaskState.pending,
    "STARTED": TaskState.running,
    PROGRESS: TaskState.running,
    "SUCCESS": TaskState.succeeded,
    "FAILURE": TaskState.failed,
    "REVOKED": TaskState.cancelled,
}


class TaskError(Exception):
    """A task's last error, as ``'ExceptionType: message'``: what the result backend keeps,
    readable by any process (the original exception class may not import there)."""


def cancel_key(task_id: str) -> str:
    """The result-backend key that asks a task's worker to stop it (polled while it runs)."""
    return f"fastapi-cancel-{task_id}"


def call_of(meta: dict[str, Any]) -> tuple[str, str | None, dict[str, Any]] | None:
    """The ``(name, payload, info)`` a record carries, or None for an id Celery never saw."""
    call = meta.get("args") or []
    if len(call) == 3 and isinstance(call[2], dict):
        return call[0], call[1], call[2]
    result = meta.get("result")
    if isinstance(result, dict) and "info" in result:  # the record written at publish
        return result["name"], result.get("payload"), result["info"]
    return None


def shown_error(value: Any) -> str | None:
    """The ``'ExceptionType: message'`` text of an error the result backend gives back."""
    if not isinstance(value, BaseException):
        return None
    if type(value).__name__ == "TaskError":  # already that text
        return str(value)
    return error_text(value)


def _time(seconds: Any) -> datetime | None:
    return None if seconds is None else datetime.fromtimestamp(float(seconds), tz=timezone.utc)


def _attempts(meta: dict[str, Any], info: dict[str, Any], state: TaskState) -> int:
    """Attempts started: the worker notes each in ``info``; a record Celery itself wrote
    from the original message (a hard time limit) only has Celery's retry count."""
    if "attempt" in info:
        return int(info["attempt"])
    if state in (TaskState.running, TaskState.succeeded, TaskState.failed):
        return int(meta.get("retries") or 0) + 1
    return 0


def status_from_meta(
    task_id: str, meta: dict[str, Any], *, arguments: bool = False, cancel_requested: bool = False
) -> TaskStatus | None:
    """A ``TaskStatus`` from a result-backend record (None for an id Celery never saw)."""
    call = call_of(meta)
    if call is None:
        return None
    name, payload, info = call
    celery_state = meta.get("status", "")
    state = STATES.get(celery_state, TaskState.running)
    result = meta.get("result")
    finished = state in (TaskState.succeeded, TaskState.failed, TaskState.cancelled)
    errors = info.get("errors") or []
    error = None
    if state is TaskState.failed:
        error = shown_error(result)
    elif state is TaskState.pending and errors:
        error = errors[-1]["error"]  # a pending retry shows why it is retried
    status = TaskStatus(
        id=task_id,
        name=info.get("display") or name,
        state=state,
        attempts=_attempts(meta, info, state),
        max_attempts=int(info["retry"]["attempts"]),
        created_at=datetime.fromtimestamp(float(info["created_at"]), tz=timezone.utc),
        started_at=_time(info.get("started_at")) if celery_state != QUEUED else None,
        finished_at=meta.get("date_done") if finished else None,
        next_attempt_at=_time(info.get("next_attempt_at")) if celery_state == "RETRY" else None,
        durable=True,
        error=error,
        result=result if state is TaskState.succeeded else None,
        progress=TaskProgress(**result["progress"])
        if state is TaskState.running and isinstance(result, dict) and "progress" in result
        else None,
        cancel_requested=cancel_requested and not finished,
        takeovers=int(info.get("takeovers", 0)),
        errors=[
            AttemptError(
                attempt=entry["attempt"],
                error=entry["error"],
                worker=entry.get("worker"),
                at=datetime.fromtimestamp(float(entry["at"]), tz=timezone.utc),
            )
            for entry in errors
        ],
        reason=info.get("reason"),
        worker=info.get("worker") or meta.get("worker"),
        scheduled_for=_time(info.get("not_before")) if state is TaskState.pending else None,
    )
    if arguments and payload is not None:
        status.arguments = json.loads(payload)
    return status
