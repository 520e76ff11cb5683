"""A taskiq task's status record: its states, how it is made, and the ``TaskStatus`` read
from it (with its taskiq result and, for a running task, the hold on its stream message).

The record lives in taskiq's progress tracking (``set_progress``/``get_progress`` of the
result backend): written ``QUEUED`` before the message is published, then by the worker at
each step (``STARTED``, ``RETRY``, ``SUCCESS``, ``FAILURE``, ``CANCELLED``).
"""

from __future__ import annotations

import json
import time
from datetime import datetime, timezone
from typing import Any

from fastapi.tasks.inline import error_text
from fastapi.tasks.policy import TaskPolicy
from fastapi.tasks.records import (
    MAX_ATTEMPT_ERRORS,
    AttemptError,
    TaskProgress,
    TaskState,
    TaskStatus,
    timestamp,
)
from fastapi.tasks.store.history import WORKER_LOST, takeover_reason

#: Record states (taskiq progress states); a finished task also has a taskiq result.
QUEUED, STARTED, RETRY, CANCELLED = "QUEUED", "STARTED", "RETRY", "CANCELLED"
SUCCESS, FAILURE = "SUCCESS", "FAILURE"

_STATES = {
    QUEUED: TaskState.pending,
    RETRY: TaskState.pending,
    STARTED: TaskState.running,
    SUCCESS: TaskState.succeeded,
    CANCELLED: TaskState.cancelled,
    FAILURE: TaskState.failed,
}


def cancel_key(task_id: str) -> str:
    """The id under which a cancel request is recorded (a progress record of its own, so
    that the worker's progress writes cannot overwrite it)."""
    return f"{task_id}.cancel"


def call_info(display: str, policy: TaskPolicy, not_before: float | None) -> dict[str, Any]:
    """What the generic task is told besides the call: the policy, when it is due."""
    return {
        "display": display,
        "created_at": time.time(),
        "retry": {
            **policy.retry.to_dict(),
            "on": [f"{cls.__module__}:{cls.__qualname__}" for cls in policy.retry.on],
        },
        "timeout": policy.timeout,
        "not_before": not_before,
    }


def new_record(name: str, payload: str, info: dict[str, Any]) -> dict[str, Any]:
    """The status record of a task just published (its meta, as taskiq progress)."""
    return {
        "name": name,
        "run": 1,
        "display": info.get("display") or name,
        "payload": payload,
        "info": info,
        "created_at": info["created_at"],
        "attempt": 0,
        "max_attempts": int(info["retry"]["attempts"]),
        "started_at": None,
        "finished_at": None,
        "next_attempt_at": None,
        "progress": None,
        "error": None,
        "worker": None,
        "attempts": 0,
        "takeovers": 0,
        "errors": [],
        "reason": None,
    }


def _state_of(state: str, result: Any) -> TaskState:
    """The record's state; a taskiq result the record does not show yet decides otherwise."""
    if state in (SUCCESS, FAILURE, CANCELLED) or result is None:
        return _STATES.get(state, TaskState.running)
    return TaskState.failed if result.is_err else TaskState.succeeded


def _result_of(record: dict[str, Any], result: Any) -> Any:
    if "result" in record:
        return record["result"]  # the record keeps it too: it does not wait for taskiq's
    return getattr(result, "return_value", None)


def _error_of(record: dict[str, Any], result: Any) -> str | None:
    if record.get("error"):
        return str(record["error"])
    error = getattr(result, "error", None)
    return None if error is None else error_text(error)


def _vanished(record: dict[str, Any], lease: float) -> dict[str, Any]:
    """The record of a task whose worker stopped refreshing its message, as a store tells it:
    waiting for another worker, the lost attempt counted as a takeover."""
    lost = record.get("worker")
    errors = [
        *record.get("errors", ()),
        {
            "attempt": int(record.get("attempt", 1)),
            "error": WORKER_LOST,
            "worker": lost,
            "at": lease,
        },
    ]
    return {
        **record,
        "takeovers": int(record.get("takeovers", 0)) + 1,
        "errors": errors[-MAX_ATTEMPT_ERRORS:],
        "reason": takeover_reason(TaskState.pending, lost, lease),
        "progress": None,
    }


def status_from_record(
    task_id: str,
    state: str,
    record: dict[str, Any],
    result: Any,
    cancel_requested: bool,
    *,
    arguments: bool = False,
    lease: float | None = None,
) -> TaskStatus:
    """A ``TaskStatus`` from a task's record and taskiq result; ``lease``: when the hold on a
    running task's message ends (past it, its worker vanished: shown pending, as a store
    shows it, until another worker takes the message over)."""
    if lease is not None and lease <= time.time() and state == STARTED:
        record, state = _vanished(record, lease), QUEUED
        lease = None
    shown = _state_of(state, result)
    finished = shown in (TaskState.succeeded, TaskState.failed, TaskState.cancelled)
    finished_at = record.get("finished_at")
    not_before = record["info"].get("not_before")
    status = TaskStatus(
        id=task_id,
        name=record["display"],
        state=shown,
        attempts=int(record.get("attempts", record["attempt"])),
        max_attempts=int(record["max_attempts"]),
        takeovers=int(record.get("takeovers", 0)),
        errors=[
            AttemptError(**{**item, "at": timestamp(item["at"])})
            for item in record.get("errors", ())
        ],
        reason=record.get("reason"),
        worker=record.get("worker"),
        created_at=datetime.fromtimestamp(record["created_at"], tz=timezone.utc),
        started_at=timestamp(record.get("started_at")),
        finished_at=timestamp(finished_at) if finished_at else None,
        next_attempt_at=timestamp(record.get("next_attempt_at")) if state == RETRY else None,
        durable=True,
        error=_error_of(record, result) if shown is not TaskState.succeeded else None,
        result=_result_of(record, result) if shown is TaskState.succeeded else None,
        progress=TaskProgress(**record["progress"]) if record.get("progress") else None,
        cancel_requested=cancel_requested and not finished,
        scheduled_for=timestamp(not_before),
        lease_expires_at=timestamp(lease) if shown is TaskState.running else None,
    )
    if arguments:
        status.arguments = json.loads(record["payload"])
    return status
