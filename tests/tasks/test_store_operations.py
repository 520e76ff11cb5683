"""Job-queue operations of the store contract (``TaskStore``), on real SQLite files: results,
cancel, retry, counts, deduplicated and scheduled tasks, arguments on request. (A Redis URL is
the taskiq engine, whose same operations are tested end to end in test_job_queue.py.)"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest

from fastapi.tasks import TaskState, open_store
from fastapi.tasks.memory import MemoryRecords
from fastapi.tasks.store import NewTask, TaskStore
from fastapi.tasks.store.sqlite import SQLiteTaskStore

from .conftest import StoreFactory


def new(task_id: str, *, group: str | None = None, seq: int = 0, delay: float = 0.0, **extra) -> NewTask:
    now = time.time()
    return NewTask(
        id=task_id,
        group_id=group or f"g-{task_id}",
        seq=seq,
        name="tests.tasks.test_store_operations:new",
        payload='{"args": [1], "kwargs": {"to": "x"}}',
        options={},
        max_attempts=1,
        created_at=now,
        not_before=now + delay,
        **extra,
    )


@pytest.fixture
def store(sqlite_stores: StoreFactory) -> TaskStore:
    opened = open_store(sqlite_stores.url)
    yield opened
    opened.close()


def counts_of(store: TaskStore) -> dict[str, int]:
    return {state.value: count for state, count in store.counts().items() if count}


def test_result_is_stored_as_json_and_shown_in_the_status(store: TaskStore) -> None:
    store.add([new("a")])
    assert store.claim("w", 30.0) is not None
    assert store.finish("a", "w", result='{"sent": 3, "to": ["x"]}')
    status = store.get("a")
    assert status.state is TaskState.succeeded and status.result == {"sent": 3, "to": ["x"]}


def test_a_cancelled_pending_task_is_never_claimed(store: TaskStore) -> None:
    store.add([new("a"), new("b")])
    assert store.cancel("a")
    claimed = store.claim("w", 30.0)
    assert claimed is not None and claimed.id == "b"
    assert store.claim("w", 30.0) is None
    status = store.get("a")
    assert status.state is TaskState.cancelled and status.finished_at is not None
    assert not store.cancel("a"), "a finished task cannot be cancelled again"
    assert not store.cancel("unknown")


def test_a_running_task_is_flagged_and_ends_cancelled_whatever_it_returns(store: TaskStore) -> None:
    store.add([new("a"), new("b"), new("c")])
    for _ in range(3):
        assert store.claim("w", 30.0) is not None
    for task_id in ("a", "b", "c"):
        assert store.cancel(task_id)
        assert store.get(task_id).cancel_requested and store.get(task_id).state is TaskState.running
    assert store.finish("a", "w", result='"done"')
    assert store.finish("b", "w", error="ValueError: x", retry_at=time.time())
    assert store.release("c", "w")  # shut down while it ran
    assert [store.get(task_id).state for task_id in "abc"] == [TaskState.cancelled] * 3
    assert store.claim("w", 30.0) is None, "no retry or release brings a cancelled task back"


def test_a_cancelled_task_of_a_vanished_worker_is_closed_not_run_again(store: TaskStore) -> None:
    store.add([new("a")])
    assert store.claim("dead", 0.05) is not None
    assert store.cancel("a")
    time.sleep(0.2)  # the lease runs out: the worker is gone
    assert store.claim("w", 30.0) is None
    assert store.get("a").state is TaskState.cancelled


def test_cancelling_tasks_of_a_group_keeps_the_order_of_the_rest(store: TaskStore) -> None:
    store.add([new("a", group="g", seq=0), new("b", group="g", seq=1), new("c", group="g", seq=2)])
    assert store.cancel("b")  # waits behind a
    first = store.claim("w", 30.0)
    assert first is not None and first.id == "a"
    assert store.claim("w", 30.0) is None, "c still waits for a"
    assert store.finish("a", "w")
    after = store.claim("w", 30.0)
    assert after is not None and after.id == "c"

    store.add([new("d", group="h", seq=0), new("e", group="h", seq=1)])
    assert store.cancel("d")  # the head of its group: the next one becomes due
    head = store.claim("w", 30.0)
    assert head is not None and head.id == "e"


def test_retry_runs_a_failed_task_again_from_its_first_attempt(store: TaskStore) -> None:
    store.add([new("a")])
    store.claim("w", 30.0)
    store.finish("a", "w", error="RuntimeError: down")
    assert not store.retry("unknown")
    assert store.retry("a")
    status = store.get("a")
    assert status.state is TaskState.pending and status.attempts == 0 and status.error is None
    claimed = store.claim("w", 30.0)
    assert claimed is not None and claimed.id == "a" and claimed.attempt == 1
    assert not store.retry("a"), "a running task is not retried"
    store.finish("a", "w", result="1")
    assert store.get("a").state is TaskState.succeeded and store.get("a").result == 1
    assert not store.retry("a"), "nor a succeeded one"


def test_a_cancelled_task_can_be_retried(store: TaskStore) -> None:
    store.add([new("a")])
    store.cancel("a")
    assert store.retry("a")
    assert store.claim("w", 30.0).id == "a"


def test_counts_follow_every_move(store: TaskStore) -> None:
    assert counts_of(store) == {}
    store.add([new("a"), new("b"), new("c"), new("d")])
    assert counts_of(store) == {"pending": 4}
    store.claim("w", 30.0)
    store.claim("w", 30.0)
    assert counts_of(store) == {"pending": 2, "running": 2}
    store.finish("a", "w", result="1")
    store.finish("b", "w", error="E: x")
    store.cancel("c")
    assert counts_of(store) == {"pending": 1, "succeeded": 1, "failed": 1, "cancelled": 1}
    store.retry("b")
    assert counts_of(store) == {"pending": 2, "succeeded": 1, "cancelled": 1}
    time.sleep(0.05)
    assert store.prune(time.time()) == 2
    assert counts_of(store) == {"pending": 2}


def test_a_deduplicated_task_is_stored_once(store: TaskStore) -> None:
    assert store.add([new("k1", dedupe=True), new("x")]) == []
    assert store.add([new("k1", dedupe=True, group="other"), new("y", group="other", seq=1)]) == ["k1"]
    assert counts_of(store) == {"pending": 3}
    claimed = {store.claim("w", 30.0).id for _ in range(3)}
    assert claimed == {"k1", "x", "y"}, "the task after a skipped one does not wait for it"


def test_a_scheduled_task_waits_for_its_time(store: TaskStore) -> None:
    store.add([new("later", delay=0.5, scheduled=True)])
    status = store.get("later")
    assert status.state is TaskState.pending and status.scheduled_for is not None
    assert store.claim("w", 30.0) is None
    assert store.next_due() is not None
    deadline = time.monotonic() + 10
    claimed = None
    while claimed is None:
        assert time.monotonic() < deadline
        time.sleep(0.05)
        claimed = store.claim("w", 30.0)
    assert claimed.id == "later"


def test_arguments_only_when_asked_for(store: TaskStore) -> None:
    store.add([new("a")])
    assert store.get("a").arguments is None
    assert all(status.arguments is None for status in store.list())
    assert store.get("a", arguments=True).arguments == {"args": [1], "kwargs": {"to": "x"}}


def test_an_older_sqlite_database_gets_the_new_columns(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db = sqlite3.connect(path)
    db.execute(
        "CREATE TABLE fastapi_tasks (id TEXT PRIMARY KEY, group_id TEXT NOT NULL, seq INTEGER NOT NULL,"
        " name TEXT NOT NULL, payload TEXT NOT NULL, options TEXT NOT NULL, state TEXT NOT NULL,"
        " attempts INTEGER NOT NULL DEFAULT 0, max_attempts INTEGER NOT NULL, not_before REAL NOT NULL,"
        " lease_owner TEXT, lease_expires REAL, created_at REAL NOT NULL, started_at REAL,"
        " finished_at REAL, error TEXT, progress TEXT)"
    )
    db.execute(
        "INSERT INTO fastapi_tasks (id, group_id, seq, name, payload, options, state, max_attempts,"
        " not_before, created_at) VALUES ('old', 'g', 0, 'm:f', '{\"args\": [], \"kwargs\": {}}', '{}',"
        " 'pending', 1, 0, 0)"
    )
    db.commit()
    db.close()
    store = SQLiteTaskStore(str(path))
    assert store.get("old").state is TaskState.pending
    store.claim("w", 30.0)
    store.finish("old", "w", result="[1, 2]")
    assert store.get("old").result == [1, 2]
    assert counts_of(store) == {"succeeded": 1}


def test_memory_records_cancel_results_and_counts() -> None:
    records = MemoryRecords()
    records.create("a", "m:f", 1)
    records.create("b", "m:f", 1)
    assert records.cancel("a") and records.is_cancelled("a")
    assert records.get("a").state is TaskState.cancelled
    records.start("b")
    assert records.cancel("b") and records.get("b").cancel_requested
    records.finish("b", result={"n": 1})
    assert records.get("b").state is TaskState.cancelled
    records.create("c", "m:f", 1)
    records.start("c")
    records.finish("c", result=[1])
    assert records.get("c").result == [1]
    assert {state.value: n for state, n in records.counts().items() if n} == {"cancelled": 2, "succeeded": 1}
    assert not records.cancel("c") and not records.cancel("unknown")
