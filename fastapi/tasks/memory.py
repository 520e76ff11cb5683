"""Status records of in-memory (non-durable) tasks, bounded in count and age."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from fastapi.tasks.records import (
    MAX_ATTEMPT_ERRORS,
    AttemptError,
    TaskProgress,
    TaskState,
    TaskStatus,
    empty_counts,
    timestamp,
)


@dataclass(slots=True)
class _Record:
    id: str
    name: str
    max_attempts: int
    created_at: float
    state: TaskState = TaskState.pending
    attempts: int = 0
    started_at: float | None = None
    finished_at: float | None = None
    next_attempt_at: float | None = None
    error: str | None = None
    progress: TaskProgress | None = None
    result: Any = None
    cancel_requested: bool = False
    scheduled_for: float | None = None
    errors: list[AttemptError] | None = None  # made at the first error: most tasks have none

    def status(self) -> TaskStatus:
        return TaskStatus(
            id=self.id,
            name=self.name,
            state=self.state,
            attempts=self.attempts,
            max_attempts=self.max_attempts,
            created_at=timestamp(self.created_at),  # type: ignore[arg-type]
            started_at=timestamp(self.started_at),
            finished_at=timestamp(self.finished_at),
            next_attempt_at=timestamp(self.next_attempt_at),
            error=self.error,
            progress=self.progress,
            durable=False,
            result=self.result,
            cancel_requested=self.cancel_requested,
            scheduled_for=timestamp(self.scheduled_for),
            errors=list(self.errors or ()),
        )


class MemoryRecords:
    """The last ``max_records`` finished tasks, none older than ``max_age`` seconds, plus all
    pending and running ones (those are bounded by the work in flight).

    Finished records are kept in finishing order, so dropping the oldest is O(1).
    """

    def __init__(self, *, max_records: int = 10_000, max_age: float = 3600.0) -> None:
        self.max_records = max_records
        self.max_age = max_age
        self._active: dict[str, _Record] = {}
        self._finished: OrderedDict[str, _Record] = OrderedDict()
        self._lock = threading.Lock()
        self._next_age_check = 0.0

    def __len__(self) -> int:
        return len(self._active) + len(self._finished)

    def __contains__(self, task_id: object) -> bool:
        return task_id in self._active or task_id in self._finished

    def _find(self, task_id: str) -> _Record | None:
        return self._active.get(task_id) or self._finished.get(task_id)

    def create(
        self, task_id: str, name: str, max_attempts: int, scheduled_for: float | None = None
    ) -> None:
        self.create_many([(task_id, name, max_attempts, scheduled_for)])

    def create_many(self, rows: Iterable[tuple[str, str, int, float | None]]) -> None:
        """Records for new tasks, pending: ``(id, name, max_attempts, scheduled_for)`` each
        (a response's tasks at once: one lock, one clock read)."""
        now = time.time()
        with self._lock:
            active = self._active
            for task_id, name, max_attempts, scheduled_for in rows:
                active[task_id] = _Record(
                    task_id, name, max_attempts, now, scheduled_for=scheduled_for
                )

    def cancel(self, task_id: str) -> bool:
        """A pending task is closed as cancelled; a running one is flagged (its runner stops it)."""
        with self._lock:
            record = self._active.get(task_id)
            if record is None:
                return False
            if record.state is TaskState.running:
                record.cancel_requested = True
                return True
        self.finish(task_id, cancelled=True)
        return True

    def is_cancelled(self, task_id: str) -> bool:
        """Whether the task was cancelled (before it ran) or asked to stop (while it runs)."""
        record = self._find(task_id)
        return record is not None and (
            record.cancel_requested or record.state is TaskState.cancelled
        )

    def counts(self) -> dict[TaskState, int]:
        found = empty_counts()
        with self._lock:
            self._evict(time.time(), force=True)
            for record in (*self._active.values(), *self._finished.values()):
                found[record.state] += 1
        return found

    def start(self, task_id: str) -> int | None:
        """Mark an attempt started; return its number, or None if the task was cancelled
        (closed before it ran, or asked to stop before this attempt)."""
        with self._lock:
            record = self._active.get(task_id)
            if record is None or record.cancel_requested:
                return None
            record.state = TaskState.running
            record.attempts += 1
            record.started_at = time.time()
            record.next_attempt_at = None
            return record.attempts

    def finish(
        self,
        task_id: str,
        *,
        error: str | None = None,
        retry_at: float | None = None,
        result: Any = None,
        cancelled: bool = False,
    ) -> None:
        """End an attempt; a task asked to stop ends ``cancelled`` whatever the outcome."""
        with self._lock:
            record = self._active.get(task_id)
            if record is None:
                return
            record.error = error
            if error is not None:
                errors = record.errors = record.errors or []
                now = datetime.now(timezone.utc)
                errors.append(AttemptError(attempt=record.attempts, error=error, at=now))
                del errors[:-MAX_ATTEMPT_ERRORS]
            cancelled = cancelled or record.cancel_requested
            if retry_at is not None and not cancelled:
                record.state = TaskState.pending
                record.next_attempt_at = retry_at
                return
            record.result = result
            if cancelled:
                record.state = TaskState.cancelled
            else:
                record.state = TaskState.failed if error is not None else TaskState.succeeded
            record.finished_at = time.time()
            del self._active[task_id]
            self._finished[task_id] = record
            self._evict(record.finished_at)

    def report(self, task_id: str, progress: TaskProgress) -> None:
        record = self._active.get(task_id)
        if record is not None:
            record.progress = progress

    def get(self, task_id: str) -> TaskStatus | None:
        with self._lock:
            self._evict(time.time(), force=True)
            record = self._find(task_id)
            return None if record is None else record.status()

    def list(self, *, state: TaskState | None = None, limit: int = 100) -> list[TaskStatus]:
        with self._lock:
            self._evict(time.time(), force=True)
            records = [*self._active.values(), *self._finished.values()]
        records.sort(key=lambda record: record.created_at, reverse=True)
        return [record.status() for record in records if state is None or record.state is state][
            :limit
        ]

    def _evict(self, now: float, force: bool = False) -> None:
        """Drop finished records beyond the count and those past the age limit (the age is
        checked at most once a second as tasks finish, and on every read)."""
        finished = self._finished
        if not force and len(finished) <= self.max_records and now < self._next_age_check:
            return
        self._next_age_check = now + 1.0
        cutoff = now - self.max_age
        while finished:
            oldest = next(iter(finished.values()))
            if len(finished) <= self.max_records and (oldest.finished_at or now) >= cutoff:
                break
            finished.popitem(last=False)
