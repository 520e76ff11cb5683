"""The SQLite store's table and statements: the schema (and the columns added to older files
since the first one), and the queries whose text is worth reading on its own."""

from __future__ import annotations

SCHEMA = """
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
    scheduled_for REAL,
    takeovers INTEGER NOT NULL DEFAULT 0,
    worker TEXT,
    lost_worker TEXT,
    lost_at REAL,
    errors TEXT
);
DROP INDEX IF EXISTS fastapi_tasks_due;
CREATE INDEX IF NOT EXISTS fastapi_tasks_queue
    ON fastapi_tasks (state, not_before, created_at, seq);
CREATE INDEX IF NOT EXISTS fastapi_tasks_group ON fastapi_tasks (group_id, seq);
CREATE INDEX IF NOT EXISTS fastapi_tasks_finished ON fastapi_tasks (finished_at);
"""

# Columns added since the first schema, added to older databases on open.
ADDED_COLUMNS = {
    "result": "TEXT",
    "cancel_requested": "INTEGER NOT NULL DEFAULT 0",
    "scheduled_for": "REAL",
    "takeovers": "INTEGER NOT NULL DEFAULT 0",
    "worker": "TEXT",
    "lost_worker": "TEXT",
    "lost_at": "REAL",
    "errors": "TEXT",
}

# A task is claimable when every earlier task of its group has finished, and it is due:
# pending and its time has come (or, for the process that stored it, never tried yet). A task
# running on an expired lease is first put back to pending (``_reclaim``, in the claim's
# transaction), saying which worker vanished. Each query below walks an index in claim order and stops at
# the first claimable row, so a claim costs the same with ten or a million tasks waiting.
GROUP_CLEAR = """
NOT EXISTS (
    SELECT 1 FROM fastapi_tasks p
    WHERE p.group_id = t.group_id AND p.seq < t.seq AND p.state IN ('pending', 'running')
)
"""

CLAIMABLE = {
    "by_id": f"""
        SELECT t.id FROM fastapi_tasks t
        WHERE t.id = :task_id AND t.state = 'pending'
            AND (t.not_before <= :now OR t.attempts = 0) AND {GROUP_CLEAR}
    """,
    "pending": f"""
        SELECT t.id FROM fastapi_tasks t
        WHERE t.state = 'pending' AND t.not_before <= :now AND {GROUP_CLEAR}
        ORDER BY t.not_before, t.created_at, t.seq LIMIT 1
    """,
}

CLAIM = """
UPDATE fastapi_tasks
SET state = 'running', lease_owner = :owner, worker = :owner, lease_expires = :expires,
    finished_at = NULL, attempts = attempts + 1, started_at = :now
WHERE id = ({claimable})
RETURNING id, group_id, seq, name, payload, options, attempts, max_attempts, takeovers, lost_worker
"""
CLAIMS = {kind: CLAIM.format(claimable=select) for kind, select in CLAIMABLE.items()}

COLUMNS = (
    "id, name, state, attempts, max_attempts, not_before, created_at, started_at, finished_at,"
    " error, progress, result, cancel_requested, scheduled_for, lease_expires, takeovers,"
    " worker, lost_worker, lost_at, errors"
)

EXPIRED = (
    "SELECT id, lease_owner, lease_expires, attempts, errors, cancel_requested FROM fastapi_tasks"
    " WHERE state = 'running' AND lease_expires < ?"
)
# The worker vanished: pending again, in its first place in the queue (due by the time its
# lease ended at the latest), its attempt counted as a takeover. One whose cancellation was
# asked for ends cancelled instead.
TAKEN_BACK = (
    "UPDATE fastapi_tasks SET state = 'pending', not_before = min(not_before, lease_expires),"
    " lease_owner = NULL,"
    " lost_worker = lease_owner, lost_at = lease_expires, lease_expires = NULL,"
    " takeovers = takeovers + 1, progress = NULL, errors = ? WHERE id = ?"
)
CANCELLED_ON_LOSS = (
    "UPDATE fastapi_tasks SET state = 'cancelled', finished_at = ?, lease_owner = NULL,"
    " lease_expires = NULL, errors = ? WHERE id = ?"
)


# The end of an attempt (then the errors, the task id and the owner): a task whose
# cancellation was asked for ends cancelled whatever the outcome.
FINISH_RETRY = (
    "UPDATE fastapi_tasks SET state = CASE cancel_requested WHEN 0 THEN 'pending'"
    " ELSE 'cancelled' END, not_before = ?, error = ?, lease_owner = NULL,"
    " lease_expires = NULL, finished_at = CASE cancel_requested WHEN 0 THEN NULL"
    " ELSE ? END, lost_worker = NULL, lost_at = NULL, errors = coalesce(?, errors)"
    " WHERE id = ? AND lease_owner = ? AND state = 'running'"
)
FINISH_END = (
    "UPDATE fastapi_tasks SET state = CASE cancel_requested WHEN 0 THEN ?"
    " ELSE 'cancelled' END, finished_at = ?, error = ?, result = ?,"
    " lease_owner = NULL, lease_expires = NULL, lost_worker = NULL, lost_at = NULL,"
    " errors = coalesce(?, errors) WHERE id = ? AND lease_owner = ? AND state = 'running'"
)

INSERT = (
    "INSERT INTO fastapi_tasks (id, group_id, seq, name, payload, options, state, max_attempts,"
    " not_before, created_at, scheduled_for) VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?)"
)
