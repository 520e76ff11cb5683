"""Background tasks without a store: FastAPI's semantics, plus failures, statuses and progress."""

from __future__ import annotations

import contextvars
import logging
import os
import time

import pytest

from fastapi import BackgroundTasks, Depends, FastAPI, Response
from fastapi.background import TaskHandle
from fastapi.tasks import Retry, TaskState, current_task, task, task_status_router
from fastapi.tasks.memory import MemoryRecords
from fastapi.testclient import TestClient

LOG: list[str] = []


def note(message: str) -> None:
    LOG.append(message)


async def async_note(message: str) -> None:
    LOG.append(message)


def boom(message: str) -> None:
    LOG.append(f"boom {message}")
    raise ValueError(message)


def with_progress(total: int) -> None:
    for done in range(1, total + 1):
        current_task().progress(done, total, f"item {done}")


async def async_with_progress() -> None:
    current_task().progress(3, 3, "async done")


FLAKY: dict[str, int] = {}


@task(retry=Retry(attempts=3, delay=0.0, jitter=0.0))
def flaky(key: str) -> None:
    FLAKY[key] = FLAKY.get(key, 0) + 1
    if FLAKY[key] < 3:
        raise ConnectionError(f"attempt {FLAKY[key]}")
    LOG.append(f"flaky {key} ok")


FAILURES: list[tuple[str, str]] = []


def record_failure(status, exc) -> None:
    FAILURES.append((status.state.value, type(exc).__name__))


@task(
    retry=Retry(attempts=2, delay=0.0, jitter=0.0, on=(ConnectionError,)), on_failure=record_failure
)
def always_fails(kind: str) -> None:
    raise ConnectionError(kind) if kind == "connection" else KeyError(kind)


def make_app() -> FastAPI:
    app = FastAPI()
    app.include_router(task_status_router())

    def dependency(background_tasks: BackgroundTasks) -> BackgroundTasks:
        background_tasks.add_task(note, "from dependency")
        return background_tasks

    @app.post("/mixed")
    def mixed(background_tasks: BackgroundTasks, shared=Depends(dependency)):
        assert shared is background_tasks
        first = background_tasks.add_task(note, "sync")
        second = background_tasks.add_task(async_note, "async")
        return {"ids": [first.id, second.id], "same": shared is background_tasks}

    @app.post("/failing")
    def failing(background_tasks: BackgroundTasks):
        ids = [
            background_tasks.add_task(note, "before").id,
            background_tasks.add_task(boom, "first failure").id,
            background_tasks.add_task(boom, "second failure").id,
            background_tasks.add_task(note, "after").id,
        ]
        return {"ids": ids}

    @app.post("/progress")
    def progress(background_tasks: BackgroundTasks):
        return {
            "sync": background_tasks.add_task(with_progress, 4).id,
            "async": background_tasks.add_task(async_with_progress).id,
        }

    @app.post("/flaky/{key}")
    def flaky_endpoint(key: str, background_tasks: BackgroundTasks):
        return {"id": background_tasks.add_task(flaky, key).id}

    @app.post("/always-fails/{kind}")
    def always_fails_endpoint(kind: str, background_tasks: BackgroundTasks):
        return {"id": background_tasks.add_task(always_fails, kind).id}

    @app.post("/override")
    def override(background_tasks: BackgroundTasks):
        handle = background_tasks.options(retry=Retry(attempts=1), name="custom").add_task(
            flaky, "override"
        )
        return {"id": handle.id, "name": handle.name}

    @app.post("/hand-made")
    def hand_made():
        tasks = BackgroundTasks()
        tasks.add_task(note, "hand-made")
        return Response(b"", background=tasks)

    return app


@pytest.fixture(autouse=True)
def clean() -> None:
    LOG.clear()
    FLAKY.clear()
    FAILURES.clear()


def test_add_task_returns_a_handle_and_statuses_are_recorded() -> None:
    with TestClient(make_app()) as client:
        ids = client.post("/mixed").json()["ids"]
        assert LOG == ["from dependency", "sync", "async"]
        for task_id in ids:
            status = client.get(f"/tasks/{task_id}").json()
            assert status["state"] == "succeeded"
            assert status["attempts"] == 1
            assert status["durable"] is False
            assert status["started_at"] <= status["finished_at"]
        assert client.get(f"/tasks/{ids[0]}").json()["name"].endswith(":note")


def test_failing_task_is_logged_later_tasks_run_and_the_first_error_reaches_the_server(
    caplog: pytest.LogCaptureFixture,
) -> None:
    app = make_app()
    with TestClient(app) as client, caplog.at_level(logging.ERROR, logger="fastapi"):
        with pytest.raises(ValueError, match="first failure"):
            client.post("/failing")
    assert LOG == ["before", "boom first failure", "boom second failure", "after"]
    failures = [r for r in caplog.records if r.name == "fastapi" and r.levelno == logging.ERROR]
    assert len(failures) == 2
    assert (
        ":boom" in failures[0].getMessage() and "failed after 1 attempt" in failures[0].getMessage()
    )
    assert failures[0].exc_info is not None and failures[0].exc_info[0] is ValueError


def test_failing_task_statuses_when_the_server_swallows_errors() -> None:
    app = make_app()
    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.post("/failing")
        assert response.status_code == 200  # the response was sent before the tasks ran
        states = [app.tasks.get(task_id) for task_id in response.json()["ids"]]
    assert [s.state for s in states] == [
        TaskState.succeeded,
        TaskState.failed,
        TaskState.failed,
        TaskState.succeeded,
    ]
    assert states[1].error == "ValueError: first failure"


def test_progress_is_reported_without_passing_anything() -> None:
    with TestClient(make_app()) as client:
        ids = client.post("/progress").json()
        assert client.get(f"/tasks/{ids['sync']}").json()["progress"] == {
            "done": 4,
            "total": 4,
            "message": "item 4",
        }
        assert client.get(f"/tasks/{ids['async']}").json()["progress"]["message"] == "async done"


def test_current_task_outside_a_task() -> None:
    with pytest.raises(LookupError):
        current_task()


def test_retry_policy_declared_on_the_function() -> None:
    app = make_app()
    with TestClient(app) as client:
        task_id = client.post("/flaky/a").json()["id"]
    status = app.tasks.get(task_id)
    assert status is not None and status.state is TaskState.succeeded and status.attempts == 3
    assert LOG == ["flaky a ok"]
    assert [entry.attempt for entry in status.errors] == [1, 2]  # each failed attempt's error
    assert all(entry.error.startswith("ConnectionError: ") for entry in status.errors)
    assert status.error is None and status.takeovers == 0  # in memory no worker vanishes


def test_final_failure_goes_to_the_on_failure_hook() -> None:
    app = make_app()
    with TestClient(app, raise_server_exceptions=False) as client:
        connection_id = client.post("/always-fails/connection").json()["id"]
        other_id = client.post("/always-fails/other").json()["id"]
    assert app.tasks.get(connection_id).attempts == 2  # retried on ConnectionError
    assert app.tasks.get(other_id).attempts == 1  # KeyError is not in Retry(on=...)
    assert FAILURES == [("failed", "ConnectionError"), ("failed", "KeyError")]


def test_options_override_the_declared_policy() -> None:
    app = make_app()
    with TestClient(app, raise_server_exceptions=False) as client:
        body = client.post("/override").json()
    assert body["name"] == "custom"
    status = app.tasks.get(body["id"])
    assert status.state is TaskState.failed and status.attempts == 1


def test_hand_made_background_tasks_are_recorded_too() -> None:
    app = make_app()
    with TestClient(app) as client:
        client.post("/hand-made")
        listed = client.get("/tasks").json()
    assert LOG == ["hand-made"]
    assert listed[0]["state"] == "succeeded"


def test_status_router_answers_404_and_is_documented() -> None:
    app = make_app()
    with TestClient(app) as client:
        missing = client.get("/tasks/nope")
        assert missing.status_code == 404
        assert missing.json() == {"detail": "Task not found"}
        assert client.get("/tasks?state=bogus").status_code == 422
        document = client.get("/openapi.json").json()
    assert "/tasks/{task_id}" in document["paths"]
    assert document["components"]["schemas"]["TaskStatus"]["properties"]["state"] == {
        "$ref": "#/components/schemas/TaskState"
    }


def test_plain_background_tasks_still_work_standalone() -> None:
    tasks = BackgroundTasks()
    handle = tasks.add_task(note, "standalone")
    assert isinstance(handle, TaskHandle)
    assert tasks.tasks[0].func is note and tasks.tasks[0].args == ("standalone",)
    import anyio

    anyio.run(tasks)
    assert LOG == ["standalone"]


def test_memory_records_are_bounded_in_count_and_age() -> None:
    records = MemoryRecords(max_records=3, max_age=3600)
    for index in range(5):
        records.create(f"t{index}", "f", 1)
        records.start(f"t{index}")
        records.finish(f"t{index}")
    records.create("t5", "f", 1)
    assert len(records) <= 4
    assert records.get("t0") is None and records.get("t5") is not None

    aging = MemoryRecords(max_records=100, max_age=0.01)
    aging.create("old", "f", 1)
    aging.start("old")
    aging.finish("old")
    aging.create("running", "f", 1)
    aging.start("running")
    time.sleep(0.02)
    aging.create("new", "f", 1)
    assert aging.get("old") is None
    assert aging.get("running") is not None  # unfinished records are never dropped


ATTEMPTS: list[str] = []


@task(timeout=0.3, retry=Retry(attempts=2, delay=0.0, jitter=0.0))
def slow_first_time() -> str:
    """The first attempt outlives its timeout until the retry has started, then looks whether
    it was told to stop; the second returns at once."""
    running = current_task()
    ATTEMPTS.append(f"attempt {running.attempt} starts, cancelled={running.cancelled}")
    if running.attempt == 1:
        deadline = time.monotonic() + 30
        while "attempt 2 starts, cancelled=False" not in ATTEMPTS and time.monotonic() < deadline:
            time.sleep(0.01)
        ATTEMPTS.append(f"attempt 1 told to stop: {running.cancelled}")
        return "too late"
    return "second"


def wait_until(condition, what: str, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.01)


def test_a_retry_after_a_timeout_leaves_the_abandoned_attempt_told_to_stop() -> None:
    """The record is the first attempt's current_task(); a retry's handle is its own, so
    the thread left running at the timeout still sees ``cancelled`` while the retry runs."""
    ATTEMPTS.clear()
    app = FastAPI()

    @app.post("/slow")
    def slow(background_tasks: BackgroundTasks):
        return {"id": background_tasks.add_task(slow_first_time).id}

    with TestClient(app) as client:
        task_id = client.post("/slow").json()["id"]
    wait_until(lambda: len(ATTEMPTS) == 3, "the first attempt to look")
    status = app.tasks.get(task_id)
    assert status is not None and status.state is TaskState.succeeded
    assert status.attempts == 2 and status.result == "second" and not status.cancel_requested
    assert [entry.error for entry in status.errors] == [
        "TimeoutError: the task took longer than its timeout of 0.3s"
    ]
    assert ATTEMPTS == [
        "attempt 1 starts, cancelled=False",
        "attempt 2 starts, cancelled=False",
        "attempt 1 told to stop: True",  # its handle was not reset by the retry's start
    ]


def test_task_ids_drawn_before_a_fork_are_not_handed_out_again_in_the_child() -> None:
    """Ids come from the OS in batches; a forked child draws its own instead of the parent's
    spare ones (as with gunicorn's workers forked from an app that already queued a task)."""
    from fastapi.background import new_task_id

    first = new_task_id()  # the batch is drawn: the spare ids sit in this process
    reading, writing = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child process
        os.write(writing, new_task_id().encode())
        os._exit(0)
    os.close(writing)
    os.waitpid(child, 0)
    child_id = os.read(reading, 64).decode()
    os.close(reading)
    parents = {new_task_id() for _ in range(200)}
    assert len(parents) == 200 and first not in parents
    assert len(child_id) == 32 and child_id not in parents | {first}
    assert all(len(task_id) == 32 and int(task_id, 16) >= 0 for task_id in parents)


MARKER: contextvars.ContextVar[str] = contextvars.ContextVar("marker", default="unset")
RAN: list[tuple[int, str, str]] = []


def plain_step(number: int, app: FastAPI, ids: list[str]) -> None:
    RAN.append((number, MARKER.get(), current_task().id))
    MARKER.set(f"set by {number}")  # in its own context: the next task must not see it
    if number == 1:
        assert app.tasks.cancel(ids[2])  # the third, pending: it must not run
    if number == 2:
        raise ValueError("two")


def test_plain_sync_tasks_in_a_row_run_in_one_thread_hand_off(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from fastapi.tasks import memory_group

    RAN.clear()
    hand_offs: list[int] = []
    real_run = memory_group.run_in_task_thread

    async def counted(func, records, batch, who):
        hand_offs.append(len(batch))
        return await real_run(func, records, batch, who=who)

    monkeypatch.setattr(memory_group, "run_in_task_thread", counted)
    app = FastAPI()
    ids: list[str] = []

    @app.post("/steps")
    def steps(background_tasks: BackgroundTasks):
        ids.extend(background_tasks.add_task(plain_step, n, app, ids).id for n in range(1, 5))
        ids.append(background_tasks.add_task(async_note, "async between").id)
        ids.append(background_tasks.add_task(plain_step, 5, app, ids).id)
        return {}

    with TestClient(app, raise_server_exceptions=False) as client:
        assert client.post("/steps").status_code == 200
    assert hand_offs == [4, 1]  # steps 1-4 in one hand-off; 5 after the async task, alone
    assert [(number, marker) for number, marker, _ in RAN] == [
        (1, "unset"),
        (2, "unset"),
        (4, "unset"),
        (5, "unset"),
    ]
    assert [task_id for *_, task_id in RAN] == [ids[0], ids[1], ids[3], ids[5]]
    states = [app.tasks.get(task_id).state.value for task_id in ids]
    assert states == ["succeeded", "failed", "cancelled", "succeeded", "succeeded", "succeeded"]
    assert app.tasks.get(ids[1]).error == "ValueError: two" and LOG == ["async between"]
    failures = [record for record in caplog.records if record.levelno == logging.ERROR]
    assert len(failures) == 1 and ids[1] in failures[0].getMessage()
