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
from fastapi.tasks.store import sqlite_schema as sql
from fastapi.tasks.store.base import (
    CallResult,
    ClaimedTask,
    NewTask,
    StoreCall,
    TaskStore,
    run_each,
)
from fastapi.tasks.store.history import WORKER_LOST, attempt_errors, takeover_reason, with_error


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
                db.executescript(sql.SCHEMA)  # its own transaction
                self._add_new_columns(db)
                self._ready = True

    def _add_new_columns(self, db: sqlite3.Connection) -> None:
        """Bring a database made by an older version up to the current columns (another
        process opening it at the same moment may add some first)."""
        present = {row["name"] for row in db.execute("PRAGMA table_info(fastapi_tasks)")}
        for name, declaration in sql.ADDED_COLUMNS.items():
            if name not in present:
                try:
                    db.execute(f"ALTER TABLE fastapi_tasks ADD COLUMN {name} {declaration}")
                except sqlite3.OperationalError as exc:
                    if "duplicate column" not in str(exc):
                        raise

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
        """Refuse files this process cannot write, before SQLite opens them, with the file
        and the fix named: SQLite itself opens an unwritable ``-shm`` read-only, then fails
        every write with "attempt to write a readonly database", naming no file."""
        directory = os.path.dirname(os.path.abspath(self.path))
        user = f"user {os.getuid()}" if hasattr(os, "getuid") else "this user"
        for file, fix in (
            (self.path, "give that user write access to it"),
            (
                f"{self.path}-wal",
                "give that user write access to it (never delete it: it holds committed tasks)",
            ),
            (
                f"{self.path}-shm",
                "give that user write access to it, or delete it while no "
                "process has the database open (SQLite makes it again)",
            ),
        ):
            if os.path.exists(file) and not os.access(file, os.W_OK):
                raise sqlite3.OperationalError(
                    f"{file} is not writable by this process ({user}): {fix}"
                )
        if not os.access(directory, os.W_OK):
            raise sqlite3.OperationalError(
                f"{directory} is not writable by this process ({user}): give that user write "
                "access to it (SQLite keeps its -wal and -shm files beside the database)"
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
                db.executemany(sql.INSERT, rows)
                return skipped
            for task, row in zip(tasks, rows, strict=True):
                if task.dedupe:
                    if db.execute(sql.INSERT + " ON CONFLICT (id) DO NOTHING", row).rowcount == 0:
                        skipped.append(task.id)
                else:
                    db.execute(sql.INSERT, row)
        return skipped

    def claim(self, owner: str, lease: float, *, task_id: str | None = None) -> ClaimedTask | None:
        now = time.time()
        values: dict[str, Any] = {
            "owner": owner,
            "expires": now + lease,
            "now": now,
            "task_id": task_id,
        }
        with self._transaction() as db:
            self._reclaim(db, now)
            row = db.execute(sql.CLAIMS["by_id" if task_id else "pending"], values).fetchone()
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
            takeovers=row["takeovers"],
            taken_over_from=row["lost_worker"],
        )

    def reclaim(self) -> int:
        now = time.time()
        if self._connection().execute(f"{sql.EXPIRED} LIMIT 1", (now,)).fetchone() is None:
            return 0  # the common case, without taking the write lock
        with self._transaction() as db:
            return self._reclaim(db, now)

    def _reclaim(self, db: sqlite3.Connection, now: float) -> int:
        """Tasks whose lease expired: pending again, with the vanished worker's error kept."""
        rows = db.execute(sql.EXPIRED, (now,)).fetchall()
        for row in rows:
            errors = with_error(
                row["errors"],
                attempt=row["attempts"],
                error=WORKER_LOST,
                worker=row["lease_owner"],
                at=row["lease_expires"],
            )
            if row["cancel_requested"]:
                db.execute(sql.CANCELLED_ON_LOSS, (now, errors, row["id"]))
            else:
                db.execute(sql.TAKEN_BACK, (errors, row["id"]))
        return len(rows)

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
            statement = sql.FINISH_RETRY
            values: tuple[Any, ...] = (retry_at, error, now)
        else:
            state = TaskState.failed.value if error is not None else TaskState.succeeded.value
            statement = sql.FINISH_END
            values = (state, now, error, result)
        with self._transaction() as db:
            errors = None if error is None else self._errors_with(db, task_id, owner, error, now)
            cursor = db.execute(statement, (*values, errors, task_id, owner))
        return cursor.rowcount == 1

    def _errors_with(
        self, db: sqlite3.Connection, task_id: str, owner: str, error: str, now: float
    ) -> str | None:
        row = db.execute(
            "SELECT attempts, errors FROM fastapi_tasks"
            " WHERE id = ? AND lease_owner = ? AND state = 'running'",
            (task_id, owner),
        ).fetchone()
        if row is None:
            return None  # the lease is lost: the update below changes nothing
        return with_error(row["errors"], attempt=row["attempts"], error=error, worker=owner, at=now)

    def release(self, task_id: str, owner: str) -> bool:
        """Give a claimed task back (shutdown): pending again, the attempt not counted."""
        with self._transaction() as db:
            cursor = db.execute(
                "UPDATE fastapi_tasks SET state = CASE cancel_requested WHEN 0 THEN 'pending'"
                " ELSE 'cancelled' END, finished_at = CASE cancel_requested WHEN 0 THEN NULL"
                " ELSE ? END, attempts = attempts - 1, lease_owner = NULL, lease_expires = NULL,"
                " lost_worker = NULL, lost_at = NULL"
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
                " result = NULL, progress = NULL, cancel_requested = 0, scheduled_for = NULL,"
                " takeovers = 0, lost_worker = NULL, lost_at = NULL, errors = NULL"
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
        columns = f"{sql.COLUMNS}, payload" if arguments else sql.COLUMNS
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
                f"SELECT {sql.COLUMNS} FROM fastapi_tasks ORDER BY created_at DESC LIMIT ?",
                (limit,),
            )
        else:
            rows = self._connection().execute(
                f"SELECT {sql.COLUMNS} FROM fastapi_tasks WHERE state = ? ORDER BY created_at DESC LIMIT ?",
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
        takeovers=row["takeovers"],
        errors=attempt_errors(row["errors"]),
        reason=takeover_reason(state, row["lost_worker"], row["lost_at"]),
        worker=row["worker"],
        arguments=json.loads(row["payload"]) if "payload" in row.keys() else None,  # noqa: SIM118 - `in row` looks at values
    )
