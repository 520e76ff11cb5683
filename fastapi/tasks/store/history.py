"""A task's story as the stores keep it: the errors of its last attempts, and why it runs again.

Both bundled stores keep the same raw fields (``errors``: a JSON list of ``{attempt, error,
worker, at}``; ``lost_worker`` and ``lost_at``: the worker that vanished and when its lease
expired), so that what a status says is worded in one place.
"""

from __future__ import annotations

import json
from typing import Any

from fastapi.tasks.records import MAX_ATTEMPT_ERRORS, AttemptError, TaskState, timestamp

#: The error of an attempt whose worker stopped renewing its lease.
WORKER_LOST = (
    "WorkerLost: the worker stopped renewing the task's lease (killed, crashed, or cut off "
    "from the store)"
)


def with_error(raw: str | None, *, attempt: int, error: str, worker: str | None, at: float) -> str:
    """``raw`` (a stored JSON list, or None) with one more entry, the oldest dropped past the bound."""
    entries = _entries(raw)
    entries.append({"attempt": attempt, "error": error, "worker": worker, "at": at})
    return json.dumps(entries[-MAX_ATTEMPT_ERRORS:])


def attempt_errors(raw: str | None) -> list[AttemptError]:
    return [
        AttemptError(
            attempt=int(entry.get("attempt") or 0),
            error=str(entry.get("error") or ""),
            worker=entry.get("worker") or None,
            at=timestamp(float(entry.get("at") or 0.0)),  # type: ignore[arg-type]
        )
        for entry in _entries(raw)
    ]


def takeover_reason(state: TaskState, lost_worker: str | None, lost_at: float | None) -> str | None:
    """Why a task whose worker vanished is pending (or running) again; None for the others."""
    if not lost_worker or state not in (TaskState.pending, TaskState.running):
        return None
    when = timestamp(lost_at).isoformat() if lost_at is not None else "an unknown time"  # type: ignore[union-attr]
    if state is TaskState.pending:
        return (
            f"worker {lost_worker} vanished (its lease expired at {when}); "
            "waiting for another worker"
        )
    return f"taken over from worker {lost_worker}, which vanished (its lease expired at {when})"


def _entries(raw: str | None) -> list[dict[str, Any]]:
    if not raw:
        return []
    decoded = json.loads(raw)
    return decoded if isinstance(decoded, list) else []  # anything else: no history
