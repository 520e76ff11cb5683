"""The durable task store on SQLite: one file, safe to share between processes of one machine.

Claims are atomic: a claim is one ``UPDATE`` inside a ``BEGIN IMMEDIATE`` transaction, so of
several processes (``uvicorn --workers 4``, ``fastapi worker``) exactly one gets a task. A
claim is a lease: the worker extends it while the task runs; if the worker dies, the lease
expires and the task can be claimed again (at-least-once). Tasks of one response form a
group that runs in order: a task is claimable only once the tasks before it have finished.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from fastapi.tasks.records import TaskProgress, TaskState, TaskStatus, timestamp
from fastapi.tasks.store.base import (
    CallResult,
    ClaimedTask,
    NewTask,
    StoreCall,
    TaskStore,
    run_each,
)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS fastapi_tasks (
    id TEXT PRIMARY KEY,
    group_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    name TEXT NOT NULL,
    payload TEXT NOT NULL,
    options TEXT NOT NULL,
    state TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    max_attempts INTEGER NOT NULL,
    not_before REAL NOT NULL,
    lease_owner TEXT,
    lease_expires REAL,
    created_at REAL NOT NULL,
    started_at REAL,
    finished_at REAL,
    error TEXT,
    progress TEXT
);
DROP INDEX IF EXISTS fastapi_tasks_due;
CREATE INDEX IF NOT EXISTS fastapi_tasks_queue
    ON fastapi_tasks (state, not_before, created_at, seq);
CREATE INDEX IF NOT EXISTS fastapi_tasks_group ON fastapi_tasks (group_id, seq);
CREATE INDEX IF NOT EXISTS fastapi_tasks_finished ON fastapi_tasks (finished_at);
"""

# A task is claimable when every earlier task of its group has finished, and it is due:
# pending and its time has come (or, for the process that stored it, never tried yet), or
# running on an expired lease. Each query below walks an index in claim order and stops at
# the first claimable row, so a claim costs the same with ten or a million tasks waiting.
_GROUP_CLEAR = """
NOT EXISTS (
    SELECT 1 FROM fastapi_tasks p
    WHERE p.group_id = t.group_id AND p.seq < t.seq AND p.state IN ('pending', 'running')
)
"""

_CLAIMABLE = {
    "by_id": f"""
        SELECT t.id FROM fastapi_tasks t
        WHERE t.id = :task_id AND (
            (t.state = 'pending' AND (t.not_before <= :now OR t.attempts = 0))
            OR (t.state = 'running' AND t.lease_expires < :now)
        ) AND {_GROUP_CLEAR}
    """,
    "expired": f"""
        SELECT t.id FROM fastapi_tasks t
        WHERE t.state = 'running' AND t.lease_expires < :now AND {_GROUP_CLEAR}
        ORDER BY t.lease_expires LIMIT 1
    """,
    "pending": f"""
        SELECT t.id FROM fastapi_tasks t
        WHERE t.state = 'pending' AND t.not_before <= :now AND {_GROUP_CLEAR}
        ORDER BY t.not_before, t.created_at, t.seq LIMIT 1
    """,
}

_CLAIM = """
UPDATE fastapi_tasks
SET state = 'running', lease_owner = :owner, lease_expires = :expires,
    attempts = attempts + 1, started_at = :now
WHERE id = ({claimable})
RETURNING id, group_id, seq, name, payload, options, attempts, max_attempts
"""
_CLAIMS = {kind: _CLAIM.format(claimable=select) for kind, select in _CLAIMABLE.items()}

_COLUMNS = "id, name, state, attempts, max_attempts, not_before, created_at, started_at, finished_at, error, progress"


class SQLiteTaskStore(TaskStore):
    """Tasks in a SQLite database file (WAL mode, one connection per thread)."""

    durable = True

    def __init__(self, path: str, *, synchronous: str = "FULL", busy_timeout: float = 30.0) -> None:
        self.path = path
        self._synchronous = synchronous
        self._busy_timeout = busy_timeout
        self._local = threading.local()
        directory = os.path.dirname(os.path.abspath(path))
        os.makedirs(directory, exist_ok=True)
        self._connection().executescript(_SCHEMA)  # its own transaction

    def __repr__(self) -> str:
        return f"SQLiteTaskStore({self.path!r})"

    # -- connections ------------------------------------------------------------------------

    def _connection(self) -> sqlite3.Connection:
        db: sqlite3.Connection | None = getattr(self._local, "db", None)
        if db is None:
            db = sqlite3.connect(
                self.path, timeout=self._busy_timeout, isolation_level=None, check_same_thread=False
            )
            db.execute("PRAGMA journal_mode=WAL")
            db.execute(f"PRAGMA synchronous={self._synchronous}")
            db.row_factory = sqlite3.Row
            self._local.db = db
        return db

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction holding the database's write lock from its first statement.

        Inside ``run_batch`` it is a savepoint of the batch's one transaction instead.
        """
        db = self._connection()
        if getattr(self._local, "batching", False):
            db.execute("SAVEPOINT operation")
            try:
                yield db
            except BaseException:
                if db.in_transaction:  # else SQLite has rolled everything back already
                    db.execute("ROLLBACK TO operation")
                    db.execute("RELEASE operation")
                raise
            else:
                db.execute("RELEASE operation")
            return
        db.execute("BEGIN IMMEDIATE")
        try:
            yield db
        except BaseException:
            db.execute("ROLLBACK")
            raise
        else:
            db.execute("COMMIT")

    def run_batch(self, calls: Sequence[StoreCall]) -> Sequence[CallResult]:
        """Several operations in one transaction (one disk sync); each succeeds or fails alone."""
        db = self._connection()
        db.execute("BEGIN IMMEDIATE")
        self._local.batching = True
        try:
            # An error that made SQLite roll the transaction back (I/O, disk full) undid the
            # calls before it too: then the whole batch has failed.
            results = run_each(self, calls, fatal=lambda _: not db.in_transaction)
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise
        finally:
            self._local.batching = False
        return results

    def close(self) -> None:
        db = getattr(self._local, "db", None)
        if db is not None:
            db.close()
            self._local.db = None

    # -- writing --------------------------------------------------------------------------------

    def add(self, tasks: Sequence[NewTask]) -> None:
        rows = [
            (
                task.id,
                task.group_id,
                task.seq,
                task.name,
                task.payload,
                json.dumps(task.options),
                task.max_attempts,
                task.not_before,
                task.created_at,
            )
            for task in tasks
        ]
        with self._transaction() as db:
            db.executemany(
                "INSERT INTO fastapi_tasks (id, group_id, seq, name, payload, options, state, max_attempts,"
                " not_before, created_at) VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?)",
                rows,
            )

    def claim(self, owner: str, lease: float, *, task_id: str | None = None) -> ClaimedTask | None:
        now = time.time()
        values: dict[str, Any] = {
            "owner": owner,
            "expires": now + lease,
            "now": now,
            "task_id": task_id,
        }
        kinds = ("by_id",) if task_id else ("expired", "pending")
        with self._transaction() as db:
            for kind in kinds:
                row = db.execute(_CLAIMS[kind], values).fetchone()
                if row is not None:
                    break
        if row is None:
            return None
        return ClaimedTask(
            id=row["id"],
            group_id=row["group_id"],
            seq=row["seq"],
            name=row["name"],
            payload=row["payload"],
            options=json.loads(row["options"]),
            attempt=row["attempts"],
            max_attempts=row["max_attempts"],
        )

    def extend(self, task_id: str, owner: str, lease: float) -> bool:
        with self._transaction() as db:
            cursor = db.execute(
                "UPDATE fastapi_tasks SET lease_expires = ? WHERE id = ? AND lease_owner = ? AND state = 'running'",
                (time.time() + lease, task_id, owner),
            )
        return cursor.rowcount == 1

    def finish(
        self, task_id: str, owner: str, *, error: str | None = None, retry_at: float | None = None
    ) -> bool:
        now = time.time()
        if retry_at is not None:
            sql = (
                "UPDATE fastapi_tasks SET state = 'pending', not_before = ?, error = ?, lease_owner = NULL,"
                " lease_expires = NULL WHERE id = ? AND lease_owner = ? AND state = 'running'"
            )
            values: tuple[Any, ...] = (retry_at, error, task_id, owner)
        else:
            state = TaskState.failed.value if error is not None else TaskState.succeeded.value
            sql = (
                "UPDATE fastapi_tasks SET state = ?, finished_at = ?, error = ?, lease_owner = NULL,"
                " lease_expires = NULL WHERE id = ? AND lease_owner = ? AND state = 'running'"
            )
            values = (state, now, error, task_id, owner)
        with self._transaction() as db:
            cursor = db.execute(sql, values)
        return cursor.rowcount == 1

    def release(self, task_id: str, owner: str) -> bool:
        """Give a claimed task back (shutdown): pending again, the attempt not counted."""
        with self._transaction() as db:
            cursor = db.execute(
                "UPDATE fastapi_tasks SET state = 'pending', attempts = attempts - 1, lease_owner = NULL,"
                " lease_expires = NULL WHERE id = ? AND lease_owner = ? AND state = 'running'",
                (task_id, owner),
            )
        return cursor.rowcount == 1

    def report(self, task_id: str, progress: TaskProgress) -> None:
        with self._transaction() as db:
            db.execute(
                "UPDATE fastapi_tasks SET progress = ? WHERE id = ?",
                (progress.model_dump_json(), task_id),
            )

    def prune(self, finished_before: float) -> int:
        with self._transaction() as db:
            cursor = db.execute(
                "DELETE FROM fastapi_tasks WHERE state IN ('succeeded', 'failed') AND finished_at < ?",
                (finished_before,),
            )
        return cursor.rowcount

    # -- reading --------------------------------------------------------------------------------

    def get(self, task_id: str) -> TaskStatus | None:
        row = (
            self._connection()
            .execute(f"SELECT {_COLUMNS} FROM fastapi_tasks WHERE id = ?", (task_id,))
            .fetchone()
        )
        return None if row is None else _status(row)

    def list(self, *, state: TaskState | None = None, limit: int = 100) -> list[TaskStatus]:
        if state is None:
            rows = self._connection().execute(
                f"SELECT {_COLUMNS} FROM fastapi_tasks ORDER BY created_at DESC LIMIT ?", (limit,)
            )
        else:
            rows = self._connection().execute(
                f"SELECT {_COLUMNS} FROM fastapi_tasks WHERE state = ? ORDER BY created_at DESC LIMIT ?",
                (state.value, limit),
            )
        return [_status(row) for row in rows]

    def next_due(self) -> float | None:
        """When the earliest pending task becomes due (None when nothing waits)."""
        row = (
            self._connection()
            .execute("SELECT MIN(not_before) FROM fastapi_tasks WHERE state = 'pending'")
            .fetchone()
        )
        return None if row is None else row[0]


def _status(row: sqlite3.Row) -> TaskStatus:
    state = TaskState(row["state"])
    pending_retry = state is TaskState.pending and row["attempts"] > 0
    return TaskStatus(
        id=row["id"],
        name=row["name"],
        state=state,
        attempts=row["attempts"],
        max_attempts=row["max_attempts"],
        created_at=timestamp(row["created_at"]),  # type: ignore[arg-type]
        started_at=timestamp(row["started_at"]),
        finished_at=timestamp(row["finished_at"]),
        next_attempt_at=timestamp(row["not_before"]) if pending_retry else None,
        error=row["error"],
        progress=TaskProgress.model_validate_json(row["progress"]) if row["progress"] else None,
        durable=True,
    )
