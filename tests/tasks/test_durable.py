"""Durable mode in one process: storing, running, retrying, recovering, pruning."""

from __future__ import annotations

import datetime
import importlib
import importlib.util
import sqlite3
import time
import uuid
from decimal import Decimal
from pathlib import Path

import anyio
import httpx
import pytest
from pydantic import BaseModel

from fastapi import BackgroundTasks, FastAPI
from fastapi.tasks import (
    Retry,
    TaskNotStorableError,
    TaskSettings,
    TaskState,
    codec,
    open_store,
    task,
)
from fastapi.tasks.runtime import TaskRuntime
from fastapi.tasks.store import AddTasks, Claim, Extend, Finish, NewTask
from fastapi.tasks.store.sqlite import SQLiteTaskStore
from fastapi.testclient import TestClient

from .conftest import StoreFactory

LOG: list[object] = []


def note(message: str) -> None:
    LOG.append(message)


class Order(BaseModel):
    id: int
    total: Decimal


def typed(order: Order, when: datetime.date, key: uuid.UUID, *, tags: list[str]) -> None:
    LOG.append((type(order).__name__, order.total, type(when).__name__, type(key).__name__, tags))


ATTEMPTS: dict[str, int] = {}


@task(retry=Retry(attempts=3, delay=0.05, backoff=1.0, jitter=0.0))
def flaky_first(key: str) -> None:
    ATTEMPTS[key] = ATTEMPTS.get(key, 0) + 1
    if ATTEMPTS[key] < 2:
        raise ConnectionError("not yet")
    LOG.append(f"flaky {key}")


async def slow(seconds: float) -> None:
    LOG.append("slow started")
    await anyio.sleep(seconds)
    LOG.append("slow finished")


@pytest.fixture(autouse=True)
def clean() -> None:
    LOG.clear()
    ATTEMPTS.clear()


def durable_app(url: str, **overrides) -> FastAPI:
    options = {"store": url, "poll_interval": 0.05, "lease": 2.0, "handoff": 0.2, **overrides}
    app = FastAPI(tasks=TaskSettings(**options))

    @app.post("/note/{message}")
    def add_note(message: str, background_tasks: BackgroundTasks):
        return {"id": background_tasks.add_task(note, message).id}

    @app.post("/typed")
    def add_typed(background_tasks: BackgroundTasks):
        order = Order(id=1, total=Decimal("9.50"))
        key = uuid.UUID(int=7)
        handle = background_tasks.add_task(typed, order, datetime.date(2024, 5, 1), key, tags=["a"])
        return {"id": handle.id}

    @app.post("/ordered")
    def ordered(background_tasks: BackgroundTasks):
        background_tasks.add_task(flaky_first, "one")
        background_tasks.add_task(note, "after flaky")
        return {}

    @app.post("/slow")
    def add_slow(background_tasks: BackgroundTasks):
        return {"id": background_tasks.add_task(slow, 30.0).id}

    @app.post("/lambda")
    def add_lambda(background_tasks: BackgroundTasks):
        background_tasks.add_task(lambda: None)

    @app.post("/unstorable-argument")
    def add_unstorable(background_tasks: BackgroundTasks):
        background_tasks.add_task(note, object())

    @app.post("/in-memory-escape")
    def in_memory_escape(background_tasks: BackgroundTasks):
        handle = background_tasks.options(durable=False).add_task(note, "kept in memory")
        return {"id": handle.id}

    return app


def wait_for(condition, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not reached in time")
        time.sleep(0.02)


def test_tasks_are_stored_and_run_right_after_the_response(stores: StoreFactory) -> None:
    app = durable_app(stores.url)
    with TestClient(app) as client:
        task_id = client.post("/note/hello").json()["id"]
        if stores.kind == "redis":  # published to the stream, received by the app's workers
            wait_for(lambda: (found := app.tasks.get(task_id)) and found.finished_at)
        assert LOG == ["hello"]  # already run, like FastAPI, before the client got control back
        status = client.app.tasks.get(task_id)
    assert status is not None and status.durable and status.state is TaskState.succeeded
    stored = stores.open().get(task_id)
    assert stored is not None and stored.state is TaskState.succeeded


def test_unstorable_tasks_fail_at_add_task(stores: StoreFactory) -> None:
    app = durable_app(stores.url)
    with TestClient(app) as client:
        with pytest.raises(TaskNotStorableError, match="module-level functions"):
            client.post("/lambda")
        with pytest.raises(TaskNotStorableError, match="cannot be stored as JSON"):
            client.post("/unstorable-argument")
        kept = client.post("/in-memory-escape").json()["id"]
        assert app.tasks.get(kept).durable is False
    assert LOG == ["kept in memory"]


def test_a_module_run_as_main_stores_its_tasks_by_importable_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # ``python -m jobs`` runs a second copy of ``jobs``: its functions are stored by the name
    # a worker imports, since it holds the same definitions. A different object is refused.
    (tmp_path / "jobs_module.py").write_text("def send():\n    pass\n\nother = send\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    spec = importlib.util.spec_from_file_location("jobs_module", tmp_path / "jobs_module.py")
    copy = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(copy)
    assert copy.send is not importlib.import_module("jobs_module").send
    assert codec.reference(copy.send) == "jobs_module:send"

    def impostor() -> None:
        pass

    impostor.__module__, impostor.__qualname__ = "jobs_module", "send"
    with pytest.raises(TaskNotStorableError, match="imports a different object"):
        codec.reference(impostor)


def test_a_store_failure_fails_the_request_instead_of_losing_tasks(tmp_path: Path) -> None:
    class BrokenStore(SQLiteTaskStore):
        def add(self, tasks):
            raise OSError("disk full")

    app = durable_app("unused", store=BrokenStore(str(tmp_path / "broken.db")))
    with TestClient(app) as client:
        response = client.post("/note/lost")
    assert response.status_code == 503
    assert response.json() == {"detail": "Background tasks could not be stored"}
    assert LOG == []


def test_arguments_come_back_as_the_annotated_types_in_another_runtime(
    stores: StoreFactory,
) -> None:
    producer = durable_app(stores.url, workers=False)  # stores only
    with TestClient(producer) as client:
        task_id = client.post("/typed").json()["id"]
    assert LOG == []
    consumer = durable_app(stores.url)
    with TestClient(consumer):
        wait_for(lambda: LOG, timeout=15)
    assert LOG == [("Order", Decimal("9.50"), "date", "UUID", ["a"])]
    assert consumer.tasks.get(task_id).state is TaskState.succeeded


def test_tasks_of_one_response_keep_their_order_across_retries(stores: StoreFactory) -> None:
    app = durable_app(stores.url)
    with TestClient(app) as client:
        client.post("/ordered")
        assert LOG == []  # the first task failed once and waits for its retry; the second waits too
        wait_for(lambda: len(LOG) == 2, timeout=15)
    assert LOG == ["flaky one", "after flaky"]
    assert ATTEMPTS == {"one": 2}


def test_pending_and_lease_expired_tasks_resume_on_start(sqlite_stores: StoreFactory) -> None:
    with TestClient(durable_app(sqlite_stores.url, workers=False, handoff=0.0)) as client:
        first = client.post("/note/pending").json()["id"]
        second = client.post("/note/leased").json()["id"]
    store = open_store(sqlite_stores.url)
    claimed = store.claim("dead-worker", lease=0.1)  # a worker that dies holding a task
    assert claimed is not None and claimed.id == first
    time.sleep(0.15)
    app = durable_app(sqlite_stores.url)
    with TestClient(app):
        wait_for(lambda: len(LOG) == 2)
    assert sorted(LOG) == ["leased", "pending"]
    assert app.tasks.get(first).attempts == 2  # the dead worker's attempt counts
    assert app.tasks.get(second).attempts == 1


def test_shutdown_gives_unfinished_tasks_back(sqlite_stores: StoreFactory) -> None:
    with TestClient(durable_app(sqlite_stores.url, workers=False, handoff=0.0)) as client:
        task_id = client.post("/slow").json()["id"]
    app = durable_app(sqlite_stores.url, shutdown_grace=0.2)
    with TestClient(app):
        wait_for(lambda: LOG == ["slow started"])
    status = open_store(sqlite_stores.url).get(task_id)
    assert status.state is TaskState.pending and status.attempts == 0  # released, not failed


def test_concurrent_requests_commit_their_tasks_together(tmp_path: Path) -> None:
    calls: list[int] = []

    class CountingStore(SQLiteTaskStore):
        def run_batch(self, batch):
            calls.append(sum(len(call.tasks) for call in batch if isinstance(call, AddTasks)))
            time.sleep(0.01)  # a disk sync
            return super().run_batch(batch)

    store = CountingStore(str(tmp_path / "tasks.db"))
    app = durable_app("unused", store=store, workers=False)

    async def burst() -> None:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            async with anyio.create_task_group() as group:
                for index in range(40):
                    group.start_soon(client.post, f"/note/{index}")

    anyio.run(burst)
    assert sum(calls) == 40
    assert len(calls) < 20  # many requests per commit
    assert len(store.list(limit=100)) == 40


def _new_task(task_id: str) -> NewTask:
    now = time.time()
    return NewTask(
        id=task_id,
        group_id=task_id,
        seq=0,
        name=f"{__name__}:note",
        payload='{"args": ["x"], "kwargs": {}}',
        options={},
        max_attempts=1,
        created_at=now,
        not_before=now,
    )


def test_a_failing_call_in_a_sqlite_batch_undoes_only_itself(tmp_path: Path) -> None:
    store = SQLiteTaskStore(str(tmp_path / "tasks.db"))
    results = store.run_batch(
        [
            AddTasks([_new_task("a")]),
            AddTasks([_new_task("b"), _new_task("a")]),  # duplicate id: fails whole
            Claim("me", 30.0),
        ]
    )
    assert [ok for ok, _ in results] == [True, False, True]
    assert "UNIQUE" in str(results[1][1])
    assert results[2][1].id == "a"
    assert store.get("b") is None  # the failed call's first row was rolled back with it
    assert store.get("a").state is TaskState.running  # the others committed
    assert not store._connection().in_transaction


def test_a_batch_of_writes_answers_each_call_on_its_own(sqlite_stores: StoreFactory) -> None:
    store = open_store(sqlite_stores.url)
    results = store.run_batch(
        [
            AddTasks([_new_task("a")]),
            Claim("me", 30.0),
            Extend("a", "me", "not a number"),  # type: ignore[arg-type]  # fails alone
            Finish("a", "me"),
            Claim("me", 30.0),  # nothing left
        ]
    )
    assert [ok for ok, _ in results] == [True, True, False, True, True]
    assert results[1][1].id == "a" and results[1][1].attempt == 1
    assert results[3][1] is True and results[4][1] is None
    assert store.get("a").state is TaskState.succeeded


def test_an_error_that_ends_the_sqlite_transaction_fails_the_whole_batch(tmp_path: Path) -> None:
    class FailingStore(SQLiteTaskStore):
        def extend(self, task_id, owner, lease) -> bool:  # as SQLite on an I/O error or full disk
            self._connection().execute("ROLLBACK")
            raise sqlite3.OperationalError("disk I/O error")

    store = FailingStore(str(tmp_path / "tasks.db"))
    with pytest.raises(sqlite3.OperationalError, match="disk I/O"):
        store.run_batch(
            [AddTasks([_new_task("a")]), Extend("a", "me", 1.0), AddTasks([_new_task("b")])]
        )
    assert store.get("a") is None and store.get("b") is None  # none reported done, none kept
    assert [ok for ok, _ in store.run_batch([AddTasks([_new_task("c")])])] == [True]
    assert store.get("c") is not None


def test_a_claim_whose_caller_gave_up_is_handed_back(tmp_path: Path) -> None:
    class SlowStore(SQLiteTaskStore):
        def run_batch(self, calls):
            time.sleep(0.2)
            return super().run_batch(calls)

    store = SlowStore(str(tmp_path / "tasks.db"))
    store.add([_new_task("a")])
    runtime = TaskRuntime(TaskSettings(store=store))
    writer = runtime.backend.writer  # type: ignore[attr-defined]

    async def give_up_then_settle() -> None:
        with anyio.move_on_after(0.05):
            await writer.write(Claim(runtime.owner, 30.0))
        await anyio.sleep(0.6)

    anyio.run(give_up_then_settle, backend="asyncio")
    status = store.get("a")
    assert status.state is TaskState.pending and status.attempts == 0


def test_finished_records_are_pruned_after_the_retention_period(stores: StoreFactory) -> None:
    app = durable_app(stores.url, retention=0.5)
    with TestClient(app) as client:
        old = client.post("/note/old").json()["id"]
        wait_for(lambda: app.tasks.get(old) is None, timeout=10)
        assert LOG == ["old"]


def test_runtime_settings_accept_a_url_string(tmp_path: Path) -> None:
    runtime = TaskRuntime(f"sqlite:///{tmp_path / 'x.db'}")
    assert runtime.durable and isinstance(runtime.store, SQLiteTaskStore)
    assert not TaskRuntime().durable
    with pytest.raises(TypeError, match="tasks= takes a store URL"):
        FastAPI(tasks=[1])  # type: ignore[arg-type]


def test_a_running_task_shows_when_its_lease_ends(sqlite_stores: StoreFactory) -> None:
    # A task whose worker vanished stays "running" until its lease ends: the status says when.
    store = open_store(sqlite_stores.url)
    store.add([_new_task("held")])
    before = time.time()
    claimed = store.claim("vanished-worker", lease=60.0)
    assert claimed is not None and claimed.id == "held"
    status = store.get("held")
    assert status.state is TaskState.running and status.lease_expires_at is not None
    assert before + 50 < status.lease_expires_at.timestamp() < time.time() + 70
    assert store.finish("held", "vanished-worker")
    assert store.get("held").lease_expires_at is None  # finished: no lease
