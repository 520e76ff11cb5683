"""Status records of in-memory (non-durable) tasks, bounded in count and age."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from dataclasses import dataclass

from fastapi.tasks.records import FINISHED, TaskProgress, TaskState, TaskStatus, timestamp


@dataclass
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
        )


class MemoryRecords:
    """The last ``max_records`` tasks; finished ones are also dropped after ``max_age`` seconds.

    Pending and running tasks are never dropped (they are bounded by the work in flight).
    """

    def __init__(self, *, max_records: int = 10_000, max_age: float = 3600.0) -> None:
        self.max_records = max_records
        self.max_age = max_age
        self._records: OrderedDict[str, _Record] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._records)

    def __contains__(self, task_id: object) -> bool:
        return task_id in self._records

    def create(self, task_id: str, name: str, max_attempts: int) -> None:
        with self._lock:
            self._records[task_id] = _Record(task_id, name, max_attempts, time.time())
            self._evict()

    def start(self, task_id: str) -> int:
        """Mark an attempt started; return its number."""
        with self._lock:
            record = self._records.get(task_id)
            if record is None:
                return 1
            record.state = TaskState.running
            record.attempts += 1
            record.started_at = time.time()
            record.next_attempt_at = None
            return record.attempts

    def finish(
        self, task_id: str, *, error: str | None = None, retry_at: float | None = None
    ) -> None:
        with self._lock:
            record = self._records.get(task_id)
            if record is None:
                return
            record.error = error
            if retry_at is not None:
                record.state = TaskState.pending
                record.next_attempt_at = retry_at
                return
            record.state = TaskState.failed if error is not None else TaskState.succeeded
            record.finished_at = time.time()

    def report(self, task_id: str, progress: TaskProgress) -> None:
        record = self._records.get(task_id)
        if record is not None:
            record.progress = progress

    def get(self, task_id: str) -> TaskStatus | None:
        with self._lock:
            record = self._records.get(task_id)
            return None if record is None else record.status()

    def list(self, *, state: TaskState | None = None, limit: int = 100) -> list[TaskStatus]:
        with self._lock:
            records = [
                r for r in reversed(self._records.values()) if state is None or r.state is state
            ]
            return [record.status() for record in records[:limit]]

    def _evict(self) -> None:
        """Drop finished records past the age limit, then the oldest finished past the count."""
        cutoff = time.time() - self.max_age
        excess = len(self._records) - self.max_records
        for task_id, record in list(self._records.items()):
            if record.state not in FINISHED:
                continue
            if excess > 0:
                del self._records[task_id]
                excess -= 1
            elif record.finished_at is not None and record.finished_at < cutoff:
                del self._records[task_id]
            else:
                break
