"""A task whose worker vanished tells the truth: running on a lease about to end, then
pending with the vanished worker named, then run by another worker; the takeover is logged
with both workers, counted apart from retries, and every attempt's error is kept."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from fastapi import FastAPI
from fastapi.tasks import Retry, TaskSettings, TaskState, TaskStatus, open_store
from fastapi.tasks.records import MAX_ATTEMPT_ERRORS
from fastapi.tasks.store import NewTask, TaskStore
from fastapi.tasks.store.history import WORKER_LOST
from fastapi.testclient import TestClient

from .conftest import StoreFactory


def new_task(task_id: str, name: str = "jobs:work", max_attempts: int = 1) -> NewTask:
    now = time.time()
    return NewTask(
        id=task_id,
        group_id=f"g-{task_id}",
        seq=0,
        name=name,
        payload='{"args": [], "kwargs": {}}',
        options={},
        max_attempts=max_attempts,
        created_at=now,
        not_before=now,
    )


def wait_for(condition: Callable[[], Any], what: str, timeout: float = 60.0) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        found = condition()
        if found:
            return found
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


def expire(store: TaskStore, task_id: str, owner: str) -> None:
    """Hold ``task_id`` as ``owner`` on a lease that ends at once: a worker that vanished."""
    assert store.claim(owner, 0.05, task_id=task_id) is not None
    wait_for(lambda: store.get(task_id).lease_expires_at.timestamp() < time.time() - 0.05, "expiry")


def test_a_reclaimed_task_is_pending_with_the_vanished_worker_then_taken_over(sqlite_stores: StoreFactory) -> None:
    store = open_store(sqlite_stores.url)
    store.add([new_task("lost", max_attempts=2)])
    expire(store, "lost", "worker-a")
    assert store.get("lost").state is TaskState.running  # until someone notices

    assert store.reclaim() == 1
    pending = store.get("lost")
    assert pending.state is TaskState.pending and pending.lease_expires_at is None
    assert pending.reason is not None and "worker worker-a vanished" in pending.reason
    assert pending.takeovers == 1 and pending.attempts == 1 and pending.worker == "worker-a"
    [lost] = pending.errors
    assert (lost.attempt, lost.error, lost.worker) == (1, WORKER_LOST, "worker-a")
    assert store.reclaim() == 0

    claimed = store.claim("worker-b", 30.0)
    assert claimed is not None and claimed.id == "lost"
    assert (claimed.attempt, claimed.takeovers, claimed.taken_over_from) == (2, 1, "worker-a")
    running = store.get("lost")
    assert running.state is TaskState.running and running.worker == "worker-b"
    assert running.reason is not None and "taken over from worker worker-a" in running.reason

    assert store.finish("lost", "worker-b", error="ValueError: bad row", retry_at=time.time())
    claimed = store.claim("worker-b", 30.0)
    assert claimed is not None and claimed.taken_over_from is None  # a retry, not a takeover
    assert store.finish("lost", "worker-b")
    done = store.get("lost")
    assert done.state is TaskState.succeeded and done.reason is None
    assert (done.attempts, done.takeovers, done.max_attempts) == (3, 1, 2)
    assert [(e.attempt, e.error, e.worker) for e in done.errors] == [
        (1, WORKER_LOST, "worker-a"),
        (2, "ValueError: bad row", "worker-b"),
    ]
    assert store.retry("lost") is False  # succeeded: nothing to retry
    store.close()


def test_a_claim_takes_over_an_expired_task_itself_and_errors_stay_bounded(sqlite_stores: StoreFactory) -> None:
    store = open_store(sqlite_stores.url)
    store.add([new_task("flaky", max_attempts=50)])
    expire(store, "flaky", "worker-a")
    store.add([new_task("cancelled")])  # due later than the first place of the vanished one
    claimed = store.claim("worker-b", 30.0)  # no reclaimer ran: the claim reclaims first
    assert claimed is not None and claimed.id == "flaky" and claimed.taken_over_from == "worker-a"
    for attempt in range(MAX_ATTEMPT_ERRORS + 2):
        assert store.finish("flaky", "worker-b", error=f"OSError: try {attempt}", retry_at=time.time())
        assert store.claim("worker-b", 30.0, task_id="flaky") is not None
    errors = store.get("flaky").errors
    assert len(errors) == MAX_ATTEMPT_ERRORS
    assert errors[-1].error == f"OSError: try {MAX_ATTEMPT_ERRORS + 1}" and errors[0].worker == "worker-b"

    # A task whose cancel was asked for while its worker vanished ends cancelled, untaken.
    expire(store, "cancelled", "worker-c")
    assert store.cancel("cancelled")
    assert store.reclaim() == 1
    status = store.get("cancelled")
    assert status.state is TaskState.cancelled and status.takeovers == 0 and status.reason is None
    assert [e.worker for e in status.errors] == ["worker-c"]

    store.finish("flaky", "worker-b", error="OSError: last")
    assert store.retry("flaky")
    fresh = store.get("flaky")
    assert (fresh.attempts, fresh.takeovers, fresh.errors, fresh.reason) == (0, 0, [], None)
    store.close()


FAILURES: list[int] = []


def always_fails() -> None:
    FAILURES.append(1)
    raise ValueError("still broken")


def test_takeovers_do_not_use_up_retries(sqlite_stores: StoreFactory) -> None:
    FAILURES.clear()
    app = FastAPI(tasks=TaskSettings(store=sqlite_stores.url, poll_interval=0.05, handoff=0.0))
    handle = app.tasks.options(retry=Retry(attempts=2, delay=0.01, jitter=0.0)).enqueue(always_fails)
    expire(app.tasks.backend.store, handle.id, "vanished-worker")  # type: ignore[attr-defined]
    with TestClient(app):
        status: TaskStatus = wait_for(
            lambda: (s := app.tasks.get(handle.id)) is not None and s.state is TaskState.failed and s,
            "the task to fail for good",
        )
    assert len(FAILURES) == 2, "both attempts the policy allows ran after the takeover"
    assert (status.attempts, status.takeovers, status.max_attempts) == (3, 1, 2)
    assert [e.error for e in status.errors] == [WORKER_LOST, *["ValueError: still broken"] * 2]
    assert status.errors[0].worker == "vanished-worker" and status.reason is None


OLD_SCHEMA = """
CREATE TABLE fastapi_tasks (
    id TEXT PRIMARY KEY, group_id TEXT NOT NULL, seq INTEGER NOT NULL, name TEXT NOT NULL,
    payload TEXT NOT NULL, options TEXT NOT NULL, state TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0, max_attempts INTEGER NOT NULL, not_before REAL NOT NULL,
    lease_owner TEXT, lease_expires REAL, created_at REAL NOT NULL, started_at REAL,
    finished_at REAL, error TEXT, progress TEXT
);
CREATE INDEX fastapi_tasks_due ON fastapi_tasks (state, not_before);
"""


def test_a_tasks_db_of_an_older_version_still_works(tmp_path: Path) -> None:
    """The first schema (no result, cancel, schedule or takeover columns): opened, every
    task kept, the old running one taken over, a new one stored and claimed."""
    import sqlite3

    path = tmp_path / "tasks.db"
    with sqlite3.connect(path) as db:
        db.executescript(OLD_SCHEMA)
        now = time.time()
        db.execute(
            "INSERT INTO fastapi_tasks VALUES ('old-done', 'g1', 0, 'jobs:a', '{}', '{}',"
            " 'failed', 1, 1, ?, NULL, NULL, ?, ?, ?, 'KeyError: x', NULL)",
            (now, now, now, now),
        )
        db.execute(
            "INSERT INTO fastapi_tasks VALUES ('old-running', 'g2', 0, 'jobs:b', '{}', '{}',"
            " 'running', 1, 3, ?, 'old-worker', ?, ?, ?, NULL, NULL, NULL)",
            (now, now - 1, now, now),
        )
    store = open_store(f"sqlite:///{path}")
    old = store.get("old-done")
    assert old.state is TaskState.failed and old.error == "KeyError: x"
    assert (old.takeovers, old.errors, old.reason, old.result) == (0, [], None, None)
    claimed = store.claim("new-worker", 30.0)
    assert claimed is not None and claimed.id == "old-running" and claimed.taken_over_from == "old-worker"
    store.add([new_task("new")])
    assert store.claim("new-worker", 30.0, task_id="new") is not None
    assert store.finish("new", "new-worker", result='"ok"') and store.get("new").result == "ok"
    assert store.counts()[TaskState.running] == 1
    store.close()


APP = textwrap.dedent(
    """
    import os, time
    from fastapi import FastAPI
    from fastapi.tasks import TaskSettings, current_task

    app = FastAPI(tasks=TaskSettings(store=os.environ["TASK_STORE"], workers=False, lease=2.0, poll_interval=0.1))

    def wait_for_gate(name: str) -> int:
        with open(os.path.join(os.environ["RUN_DIR"], f"{name}.{current_task().attempt}.{os.getpid()}"), "w"):
            pass
        deadline = time.monotonic() + 120
        while not os.path.exists(os.path.join(os.environ["RUN_DIR"], f"{name}.gate")):
            assert time.monotonic() < deadline
            current_task().progress(1, 2, "waiting for its gate")
            time.sleep(0.05)
        return os.getpid()
    """
)


def start_worker(directory: Path, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "fastapi", "worker", "gated.py", "--concurrency", "1"],
        cwd=directory, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )


def started(directory: Path, name: str, worker: subprocess.Popen[str]) -> bool:
    assert worker.poll() is None, worker.stderr.read()  # type: ignore[union-attr]
    return any(directory.glob(f"{name}.*.{worker.pid}"))


def test_sigkilled_worker_status_goes_running_pending_succeeded(
    stores: StoreFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # On redis:// (the taskiq engine) the lease is the hold on the task's stream message.
    (tmp_path / "gated.py").write_text(APP)
    env = {**os.environ, "TASK_STORE": stores.url, "RUN_DIR": str(tmp_path)}
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    monkeypatch.syspath_prepend(str(tmp_path))
    import gated

    app = gated.app
    victim = app.tasks.enqueue(gated.wait_for_gate, "victim")
    first = start_worker(tmp_path, env)
    second = None
    try:
        wait_for(lambda: started(tmp_path, "victim", first), "the first worker to start the task")
        running = wait_for(lambda: (s := app.tasks.get(victim.id)).progress and s, "its progress")
        assert running.state is TaskState.running and running.lease_expires_at is not None
        assert running.worker is not None and f":{first.pid}:" in running.worker
        vanished = running.worker

        blocker = app.tasks.enqueue(gated.wait_for_gate, "blocker")  # keeps the second worker busy
        second = start_worker(tmp_path, env)
        wait_for(lambda: started(tmp_path, "blocker", second), "the second worker to start the blocker")
        first.kill()  # SIGKILL: no release, no outcome, the lease just stops being renewed
        first.wait(timeout=30)

        pending = wait_for(
            lambda: (s := app.tasks.get(victim.id)).state is TaskState.pending and s,
            "the second worker's reclaimer to put the task back",
        )
        assert pending.reason is not None and f"worker {vanished} vanished" in pending.reason
        assert (pending.attempts, pending.takeovers, pending.lease_expires_at) == (1, 1, None)
        assert [(e.attempt, e.error, e.worker) for e in pending.errors] == [(1, WORKER_LOST, vanished)]

        (tmp_path / "blocker.gate").touch()
        (tmp_path / "victim.gate").touch()
        done = wait_for(
            lambda: (s := app.tasks.get(victim.id)).state is TaskState.succeeded and s,
            "the second worker to run the task",
        )
        assert done.result == second.pid and done.worker is not None and f":{second.pid}:" in done.worker
        assert (done.attempts, done.takeovers, done.max_attempts) == (2, 1, 1)
        assert [(e.attempt, e.worker) for e in done.errors] == [(1, vanished)] and done.reason is None
        assert app.tasks.get(blocker.id).state is TaskState.succeeded
    finally:
        for worker in (first, second):
            if worker is not None and worker.poll() is None:
                worker.send_signal(signal.SIGINT)
        logs = [worker.communicate(timeout=30)[1] for worker in (first, second) if worker is not None]
        del sys.modules["gated"]
    takeover = [line for line in logs[-1].splitlines() if "taken over by worker" in line]
    assert len(takeover) == 1, logs[-1]
    assert "WARNING" in takeover[0] and f"from worker {vanished}" in takeover[0]
    assert f"taken over by worker {done.worker} " in takeover[0]
