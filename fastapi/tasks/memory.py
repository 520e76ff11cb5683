"""Status records of in-memory (non-durable) tasks, bounded in count and age.

One object per task is all an in-memory task costs: its record (``MemoryTask``) is also what
``current_task()`` answers during its first attempt, so running it allocates no second handle
and keeps no second table of what is running. A retry gets a handle of its own: the thread of
an attempt abandoned at its timeout keeps seeing ``cancelled`` on the one it has.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from datetime import datetime, timezone
from typing import Any

from fastapi.tasks.context import RunningTask
from fastapi.tasks.records import (
    MAX_ATTEMPT_ERRORS,
    AttemptError,
    TaskProgress,
    TaskState,
    TaskStatus,
    empty_counts,
    timestamp,
)

_PENDING = TaskState.pending
_RUNNING = TaskState.running
_SUCCEEDED = TaskState.succeeded


class MemoryTask(RunningTask):
    """An in-memory task's record, and its ``current_task()`` handle while an attempt runs
    (``attempt`` counts the attempts started; ``cancel_requested`` is the user's cancel,
    apart from the handle's ``cancelled``, which a timeout sets too)."""

    __slots__ = (
        "cancel_requested",
        "created_at",
        "error",
        "errors",
        "finished_at",
        "max_attempts",
        "next_attempt_at",
        "progress_report",
        "result",
        "retry_handle",
        "scheduled_for",
        "started_at",
        "state",
    )

    def __init__(
        self,
        task_id: str,
        name: str,
        max_attempts: int,
        created_at: float,
        scheduled_for: float | None,
        report: Callable[[str, TaskProgress], Any],
    ) -> None:
        # RunningTask's fields, set here: one call fewer for every task.
        self.id = task_id
        self.name = name
        self.attempt = 0
        self._report = report
        self._last_write = 0.0
        self._cancelled = False
        self._delivered = False
        self._target: tuple[asyncio.AbstractEventLoop, Any] | None = None
        self.max_attempts = max_attempts
        self.created_at = created_at
        self.scheduled_for = scheduled_for
        self.state = _PENDING
        self.started_at: float | None = None
        self.finished_at: float | None = None
        self.next_attempt_at: float | None = None
        self.error: str | None = None
        self.errors: list[AttemptError] | None = None  # made at the first error: most have none
        self.progress_report: TaskProgress | None = None
        self.result: Any = None
        self.cancel_requested = False
        self.retry_handle: RunningTask | None = None

    def handle(self) -> RunningTask:
        """What ``current_task()`` answers in the attempt under way."""
        return self.retry_handle or self

    def status(self) -> TaskStatus:
        return TaskStatus(
            id=self.id,
            name=self.name,
            state=self.state,
            attempts=self.attempt,
            max_attempts=self.max_attempts,
            created_at=timestamp(self.created_at),  # type: ignore[arg-type]
            started_at=timestamp(self.started_at),
            finished_at=timestamp(self.finished_at),
            next_attempt_at=timestamp(self.next_attempt_at),
            error=self.error,
            progress=self.progress_report,
            durable=False,
            result=self.result,
            cancel_requested=self.cancel_requested,
            scheduled_for=timestamp(self.scheduled_for),
            errors=list(self.errors or ()),
        )


class MemoryRecords:
    """The last ``max_records`` finished tasks, none older than ``max_age`` seconds, plus all
    pending and running ones (those are bounded by the work in flight).

    Finished records are kept in finishing order, so dropping the oldest is O(1). One lock
    guards both tables (readers in other threads iterate them), not one per record.
    """

    def __init__(self, *, max_records: int = 10_000, max_age: float = 3600.0) -> None:
        self.max_records = max_records
        self.max_age = max_age
        self._active: dict[str, MemoryTask] = {}
        self._finished: OrderedDict[str, MemoryTask] = OrderedDict()
        self._lock = threading.Lock()
        self._next_age_check = 0.0

    def __len__(self) -> int:
        return len(self._active) + len(self._finished)

    def __contains__(self, task_id: object) -> bool:
        return task_id in self._active or task_id in self._finished

    def _find(self, task_id: str) -> MemoryTask | None:
        return self._active.get(task_id) or self._finished.get(task_id)

    def create(
        self, task_id: str, name: str, max_attempts: int, scheduled_for: float | None = None
    ) -> None:
        self.create_many([(task_id, name, max_attempts, scheduled_for)])

    def create_many(self, rows: Iterable[tuple[str, str, int, float | None]]) -> None:
        """Records for new tasks, pending: ``(id, name, max_attempts, scheduled_for)`` each
        (a response's tasks at once: one lock, one clock read)."""
        now = time.time()
        report = self.report
        self.add(
            [
                MemoryTask(task_id, name, max_attempts, now, scheduled_for, report)
                for task_id, name, max_attempts, scheduled_for in rows
            ]
        )

    def add(self, made: Iterable[MemoryTask]) -> None:
        """Keep new records (made by the caller, as pending), under one lock."""
        with self._lock:
            active = self._active
            for record in made:
                active[record.id] = record

    def running(self, task_id: str) -> RunningTask | None:
        """The handle of a task's attempt under way, if one is."""
        record = self._active.get(task_id)
        return record.handle() if record is not None and record.state is _RUNNING else None

    def cancel(self, task_id: str) -> bool:
        """A pending task is closed as cancelled; a running one is flagged (its runner stops it)."""
        with self._lock:
            record = self._active.get(task_id)
            if record is None:
                return False
            if record.state is _RUNNING:
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
        record = self.begin(task_id)
        return None if record is None else record.attempt

    def begin(self, task_id: str) -> MemoryTask | None:
        """Start an attempt; its record (the attempt's ``current_task()``), or None if the
        task was cancelled (closed before it ran, or asked to stop before this attempt)."""
        with self._lock:
            record = self._active.get(task_id)
            if record is None or record.cancel_requested:
                return None
            record.state = _RUNNING
            attempt = record.attempt = record.attempt + 1
            record.started_at = time.time()
            record.next_attempt_at = None
            if attempt > 1:  # a retry, rare: a handle of its own (see the module's docstring)
                record.retry_handle = RunningTask(task_id, record.name, attempt, record._report)
            return record

    def succeed(self, record: MemoryTask, result: Any) -> None:
        """An attempt returned ``result``: what nearly every task does, in one lock."""
        with self._lock:
            # Asked to stop, and returned anyway: cancelled all the same.
            record.state = TaskState.cancelled if record.cancel_requested else _SUCCEEDED
            record.error = None
            record.result = result
            self._close(record)

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
                errors.append(AttemptError(attempt=record.attempt, error=error, at=now))
                del errors[:-MAX_ATTEMPT_ERRORS]
            cancelled = cancelled or record.cancel_requested
            if retry_at is not None and not cancelled:
                record.state = _PENDING
                record.next_attempt_at = retry_at
                return
            record.result = result
            if cancelled:
                record.state = TaskState.cancelled
            else:
                record.state = TaskState.failed if error is not None else _SUCCEEDED
            self._close(record)

    def _close(self, record: MemoryTask) -> None:
        """Move a finished record (under the lock) to the finished ones, in finishing order."""
        record.finished_at = now = time.time()
        task_id = record.id
        if self._active.pop(task_id, None) is not None:
            self._finished[task_id] = record
        if len(self._finished) > self.max_records or now >= self._next_age_check:
            self._evict(now)

    def report(self, task_id: str, progress: TaskProgress) -> None:
        record = self._active.get(task_id)
        if record is not None:
            record.progress_report = progress

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
        for _ in range(len(finished) - self.max_records):  # at the bound: one per finish
            finished.popitem(last=False)
        if not force and now < self._next_age_check:
            return
        self._next_age_check = now + 1.0
        cutoff = now - self.max_age
        while finished:
            oldest = next(iter(finished.values()))
            if (oldest.finished_at or now) >= cutoff:
                break
            finished.popitem(last=False)
