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

from fastapi.tasks.records import TaskProgress, TaskState, TaskStatus, empty_counts, timestamp
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
    progress TEXT,
    result TEXT,
    cancel_requested INTEGER NOT NULL DEFAULT 0,
    scheduled_for REAL
);
DROP INDEX IF EXISTS fastapi_tasks_due;
CREATE INDEX IF NOT EXISTS fastapi_tasks_queue
    ON fastapi_tasks (state, not_before, created_at, seq);
CREATE INDEX IF NOT EXISTS fastapi_tasks_group ON fastapi_tasks (group_id, seq);
CREATE INDEX IF NOT EXISTS fastapi_tasks_finished ON fastapi_tasks (finished_at);
"""

# Columns added since the first schema, added to older databases on open.
_ADDED_COLUMNS = {
    "result": "TEXT",
    "cancel_requested": "INTEGER NOT NULL DEFAULT 0",
    "scheduled_for": "REAL",
}

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

# A task whose cancellation was asked for while it ran, and whose worker then vanished, is
# not run again: the claim closes it as cancelled (and answers no task).
_CLAIM = """
UPDATE fastapi_tasks
SET state = CASE cancel_requested WHEN 0 THEN 'running' ELSE 'cancelled' END,
    lease_owner = CASE cancel_requested WHEN 0 THEN :owner END,
    lease_expires = CASE cancel_requested WHEN 0 THEN :expires END,
    finished_at = CASE cancel_requested WHEN 0 THEN NULL ELSE :now END,
    attempts = attempts + 1 - cancel_requested, started_at = :now
WHERE id = ({claimable})
RETURNING id, group_id, seq, name, payload, options, attempts, max_attempts, state
"""
_CLAIMS = {kind: _CLAIM.format(claimable=select) for kind, select in _CLAIMABLE.items()}

_COLUMNS = (
    "id, name, state, attempts, max_attempts, not_before, created_at, started_at, finished_at,"
    " error, progress, result, cancel_requested, scheduled_for, lease_expires"
)


_INSERT = (
    "INSERT INTO fastapi_tasks (id, group_id, seq, name, payload, options, state, max_attempts,"
    " not_before, created_at, scheduled_for) VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?)"
)


class SQLiteTaskStore(TaskStore):
    """Tasks in a SQLite database file (WAL mode, one connection per thread)."""

    durable = True

    def __init__(self, path: str, *, synchronous: str = "FULL", busy_timeout: float = 30.0) -> None:
        self.path = path
        self._synchronous = synchronous
        self._busy_timeout = busy_timeout
        self._local = threading.local()
        self._ready = False  # the schema is in place
        self._ready_lock = threading.Lock()
        try:
            os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
            self._connection()
        except (OSError, sqlite3.Error):
            pass  # unavailable now (the app still starts): each call says why until it is back

    def __repr__(self) -> str:
        return f"SQLiteTaskStore({self.path!r})"

    def _prepare(self, db: sqlite3.Connection) -> None:
        with self._ready_lock:
            if not self._ready:
                db.executescript(_SCHEMA)  # its own transaction
                self._add_new_columns(db)
                self._ready = True

    def _add_new_columns(self, db: sqlite3.Connection) -> None:
        """Bring a database made by an older version up to the current columns."""
        present = {row["name"] for row in db.execute("PRAGMA table_info(fastapi_tasks)")}
        for name, declaration in _ADDED_COLUMNS.items():
            if name not in present:
                db.execute(f"ALTER TABLE fastapi_tasks ADD COLUMN {name} {declaration}")

    # -- connections ------------------------------------------------------------------------

    def _connection(self) -> sqlite3.Connection:
        db: sqlite3.Connection | None = getattr(self._local, "db", None)
        if db is None:
            self._check_writable()
            db = sqlite3.connect(
                self.path, timeout=self._busy_timeout, isolation_level=None, check_same_thread=False
            )
            try:
                db.execute("PRAGMA journal_mode=WAL")
                db.execute(f"PRAGMA synchronous={self._synchronous}")
            except sqlite3.Error:
                db.close()
                raise
            db.row_factory = sqlite3.Row
            self._local.db = db
        if not self._ready:
            self._prepare(db)
        return db

    def _check_writable(self) -> None:
        """Refuse files this process cannot write, before SQLite opens them: it maps the
        ``-shm`` file into memory, where a write that cannot land kills the process
        (SIGBUS) instead of failing a call."""
        directory = os.path.dirname(os.path.abspath(self.path))
        for file in (self.path, f"{self.path}-wal", f"{self.path}-shm"):
            if os.path.exists(file) and not os.access(file, os.W_OK):
                raise sqlite3.OperationalError(f"{file} is not writable by this process")
        if not os.access(directory, os.W_OK):
            raise sqlite3.OperationalError(
                f"{directory} is not writable by this process (SQLite keeps its -wal and -shm "
                "files beside the database)"
            )

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

    def add(self, tasks: Sequence[NewTask]) -> Sequence[str]:
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
                task.not_before if task.scheduled else None,
            )
            for task in tasks
        ]
        skipped: list[str] = []
        with self._transaction() as db:
            if not any(task.dedupe for task in tasks):
                db.executemany(_INSERT, rows)
                return skipped
            for task, row in zip(tasks, rows, strict=True):
                if task.dedupe:
                    if db.execute(_INSERT + " ON CONFLICT (id) DO NOTHING", row).rowcount == 0:
                        skipped.append(task.id)
                else:
                    db.execute(_INSERT, row)
        return skipped

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
        if row is None or row["state"] != TaskState.running.value:
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
        self,
        task_id: str,
        owner: str,
        *,
        error: str | None = None,
        retry_at: float | None = None,
        result: str | None = None,
    ) -> bool:
        now = time.time()
        if retry_at is not None:
            sql = (
                "UPDATE fastapi_tasks SET state = CASE cancel_requested WHEN 0 THEN 'pending'"
                " ELSE 'cancelled' END, not_before = ?, error = ?, lease_owner = NULL,"
                " lease_expires = NULL, finished_at = CASE cancel_requested WHEN 0 THEN NULL"
                " ELSE ? END WHERE id = ? AND lease_owner = ? AND state = 'running'"
            )
            values: tuple[Any, ...] = (retry_at, error, now, task_id, owner)
        else:
            state = TaskState.failed.value if error is not None else TaskState.succeeded.value
            sql = (
                "UPDATE fastapi_tasks SET state = CASE cancel_requested WHEN 0 THEN ?"
                " ELSE 'cancelled' END, finished_at = ?, error = ?, result = ?,"
                " lease_owner = NULL, lease_expires = NULL"
                " WHERE id = ? AND lease_owner = ? AND state = 'running'"
            )
            values = (state, now, error, result, task_id, owner)
        with self._transaction() as db:
            cursor = db.execute(sql, values)
        return cursor.rowcount == 1

    def release(self, task_id: str, owner: str) -> bool:
        """Give a claimed task back (shutdown): pending again, the attempt not counted."""
        with self._transaction() as db:
            cursor = db.execute(
                "UPDATE fastapi_tasks SET state = CASE cancel_requested WHEN 0 THEN 'pending'"
                " ELSE 'cancelled' END, finished_at = CASE cancel_requested WHEN 0 THEN NULL"
                " ELSE ? END, attempts = attempts - 1, lease_owner = NULL, lease_expires = NULL"
                " WHERE id = ? AND lease_owner = ? AND state = 'running'",
                (time.time(), task_id, owner),
            )
        return cursor.rowcount == 1

    def cancel(self, task_id: str) -> bool:
        with self._transaction() as db:
            closed = db.execute(
                "UPDATE fastapi_tasks SET state = 'cancelled', finished_at = ?"
                " WHERE id = ? AND state = 'pending'",
                (time.time(), task_id),
            ).rowcount
            flagged = db.execute(
                "UPDATE fastapi_tasks SET cancel_requested = 1 WHERE id = ? AND state = 'running'",
                (task_id,),
            ).rowcount
        return bool(closed or flagged)

    def retry(self, task_id: str) -> bool:
        """Its own group from now on: the tasks it came with have finished."""
        with self._transaction() as db:
            cursor = db.execute(
                "UPDATE fastapi_tasks SET state = 'pending', attempts = 0, not_before = ?,"
                " group_id = id, seq = 0, started_at = NULL, finished_at = NULL, error = NULL,"
                " result = NULL, progress = NULL, cancel_requested = 0, scheduled_for = NULL"
                " WHERE id = ? AND state IN ('failed', 'cancelled')",
                (time.time(), task_id),
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
                "DELETE FROM fastapi_tasks WHERE state IN ('succeeded', 'failed', 'cancelled')"
                " AND finished_at < ?",
                (finished_before,),
            )
        return cursor.rowcount

    # -- reading --------------------------------------------------------------------------------

    def get(self, task_id: str, *, arguments: bool = False) -> TaskStatus | None:
        columns = f"{_COLUMNS}, payload" if arguments else _COLUMNS
        row = (
            self._connection()
            .execute(f"SELECT {columns} FROM fastapi_tasks WHERE id = ?", (task_id,))
            .fetchone()
        )
        return None if row is None else _status(row)

    def counts(self) -> dict[TaskState, int]:
        found = empty_counts()
        for state, count in self._connection().execute(
            "SELECT state, COUNT(*) FROM fastapi_tasks GROUP BY state"
        ):
            found[TaskState(state)] = count
        return found

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
        result=json.loads(row["result"]) if row["result"] is not None else None,
        cancel_requested=bool(row["cancel_requested"]),
        scheduled_for=timestamp(row["scheduled_for"]),
        lease_expires_at=timestamp(row["lease_expires"]) if state is TaskState.running else None,
        arguments=json.loads(row["payload"]) if "payload" in row.keys() else None,  # noqa: SIM118 - `in row` looks at values
    )
