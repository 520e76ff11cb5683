"""What users expect of a job queue, end to end through an app on the real stores (and in
memory where it applies): results, cancel, retry, delays and schedules, timeouts,
deduplication, and enqueueing from outside a request."""

from __future__ import annotations

import datetime
import threading
import time

import anyio
import pytest

from fastapi import BackgroundTasks, FastAPI
from fastapi.tasks import TaskSettings, TaskState, current_task, task
from fastapi.testclient import TestClient

from .conftest import StoreFactory, open_tasks

LOG: list[object] = []
FAILS_LEFT: dict[str, int] = {}


def summary(order_id: int) -> dict[str, object]:
    LOG.append(("summary", order_id))
    return {"order": order_id, "lines": [1, 2], "total": 9.5}


def note(message: str) -> None:
    LOG.append(message)


async def parked(label: str) -> str:
    LOG.append(f"{label} started")
    await anyio.sleep(60)
    LOG.append(f"{label} finished")
    return "never"


def polite(label: str) -> str:
    LOG.append(f"{label} started")
    deadline = time.monotonic() + 60
    while not current_task().cancelled and time.monotonic() < deadline:
        time.sleep(0.01)
    LOG.append(f"{label} saw cancelled={current_task().cancelled}")
    return "stopped early"


def fails_once(key: str) -> str:
    if FAILS_LEFT.get(key, 1) > 0:
        FAILS_LEFT[key] = FAILS_LEFT.get(key, 1) - 1
        raise ConnectionError("service down")
    LOG.append(f"{key} ok")
    return "recovered"


@task(timeout=0.3)
async def too_slow() -> None:
    await anyio.sleep(60)


@task(timeout=0.3)
def too_slow_sync() -> None:
    deadline = time.monotonic() + 60
    while not current_task().cancelled and time.monotonic() < deadline:
        time.sleep(0.01)
    LOG.append("sync timeout seen")


def chain(n: int) -> None:
    """A task that enqueues the next one (from its worker thread)."""
    LOG.append(("chain", n))
    if n < 3:
        from tests.tasks.test_job_queue import CURRENT_APP

        CURRENT_APP[0].tasks.enqueue(chain, n + 1)


CURRENT_APP: list[FastAPI] = []


def returns_a_lock() -> object:
    return threading.Lock()  # no JSON for that


@pytest.fixture(autouse=True)
def clean() -> None:
    LOG.clear()
    FAILS_LEFT.clear()
    CURRENT_APP.clear()


def make_app(url: str | None) -> FastAPI:
    settings = TaskSettings(store=url, poll_interval=0.05, lease=3.0, handoff=0.2) if url else None
    app = FastAPI(tasks=settings)
    CURRENT_APP.append(app)

    @app.post("/summary/{order_id}")
    def add_summary(order_id: int, background_tasks: BackgroundTasks):
        return {"id": background_tasks.add_task(summary, order_id).id}

    @app.post("/later")
    def add_later(seconds: float, background_tasks: BackgroundTasks):
        handle = background_tasks.options(delay=seconds).add_task(note, f"after {seconds}")
        return {"id": handle.id}

    @app.post("/at")
    def add_at(background_tasks: BackgroundTasks):
        when = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(seconds=1.5)
        return {"id": background_tasks.options(at=when).add_task(note, "on time").id}

    @app.post("/parked")
    def add_parked(background_tasks: BackgroundTasks):
        return {"id": background_tasks.add_task(parked, "parked").id}

    @app.post("/polite")
    def add_polite(background_tasks: BackgroundTasks):
        return {"id": background_tasks.add_task(polite, "polite").id}

    @app.post("/fails-once/{key}")
    def add_fails_once(key: str, background_tasks: BackgroundTasks):
        return {"id": background_tasks.add_task(fails_once, key).id}

    @app.post("/slow/{kind}")
    def add_slow(kind: str, background_tasks: BackgroundTasks):
        func = too_slow if kind == "async" else too_slow_sync
        return {"id": background_tasks.add_task(func).id}

    @app.post("/per-call-timeout")
    def per_call_timeout(background_tasks: BackgroundTasks):
        return {"id": background_tasks.options(timeout=0.3).add_task(parked, "limited").id}

    @app.post("/welcome/{user}")
    def welcome(user: int, background_tasks: BackgroundTasks):
        handle = background_tasks.options(dedupe_key=f"welcome:{user}").add_task(note, f"welcome {user}")
        return {"id": handle.id}

    return app


def wait_for(condition, timeout: float = 15.0, what: str = "condition"):
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} not reached in time")
        time.sleep(0.02)


def post_meanwhile(client: TestClient, path: str) -> tuple[threading.Thread, dict]:
    """POST from another thread: the call returns only once the response's tasks have run
    (as with FastAPI's TestClient), and the test acts on them meanwhile."""
    answer: dict = {}

    def call() -> None:
        answer.update(client.post(path).json())

    thread = threading.Thread(target=call)
    thread.start()
    return thread, answer


def state_of(app: FastAPI, task_id: str) -> TaskState | None:
    status = app.tasks.get(task_id)
    return None if status is None else status.state


def running_id(app: FastAPI) -> str | None:
    """The id of the one running task (the response with it has not been answered yet)."""
    found = app.tasks.list(state=TaskState.running)
    return found[0].id if found else None


def ended(app: FastAPI, task_id: str):
    status = app.tasks.get(task_id)
    return status if status is not None and status.finished_at is not None else None


@pytest.fixture(params=["memory", "sqlite", "redis"])
def url(request: pytest.FixtureRequest, tmp_path) -> str | None:
    if request.param == "memory":
        return None
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'tasks.db'}"
    redis_url = request.getfixturevalue("redis_url")
    import redis

    redis.Redis.from_url(redis_url).flushdb()
    return redis_url


def test_the_return_value_is_the_result(url: str | None) -> None:
    app = make_app(url)
    with TestClient(app) as client:
        task_id = client.post("/summary/7").json()["id"]
        status = wait_for(lambda: ended(app, task_id), what="the task's end")
    assert status.state is TaskState.succeeded
    assert status.result == {"order": 7, "lines": [1, 2], "total": 9.5}
    if url is not None:
        assert open_tasks(url).get(task_id).result == status.result


def test_a_cancelled_pending_task_never_runs(url: str | None) -> None:
    app = make_app(url)
    with TestClient(app) as client:
        task_id = client.post("/later", params={"seconds": 1.5}).json()["id"]
        assert app.tasks.cancel(task_id)
        assert state_of(app, task_id) is TaskState.cancelled
        time.sleep(2.0)  # past its time: it must still not have run
        client.post("/summary/1")  # the app keeps working
        wait_for(lambda: ("summary", 1) in LOG)
    assert "after 1.5" not in LOG
    assert not app.tasks.cancel(task_id), "a finished task cannot be cancelled"


def test_a_running_async_task_is_cancelled_at_its_next_await(url: str | None) -> None:
    app = make_app(url)
    with TestClient(app) as client:
        thread, answer = post_meanwhile(client, "/parked")
        wait_for(lambda: "parked started" in LOG)
        task_id = wait_for(lambda: answer.get("id") or running_id(app), what="the task's id")
        assert app.tasks.cancel(task_id)
        status = wait_for(lambda: ended(app, task_id), what="the cancellation")
        thread.join(timeout=30)
    assert status.state is TaskState.cancelled and status.error is None
    assert "parked finished" not in LOG


def test_a_running_sync_task_sees_the_cancellation(url: str | None) -> None:
    app = make_app(url)
    with TestClient(app) as client:
        thread, answer = post_meanwhile(client, "/polite")
        wait_for(lambda: "polite started" in LOG)
        task_id = wait_for(lambda: answer.get("id") or running_id(app), what="the task's id")
        assert app.tasks.cancel(task_id)
        status = wait_for(lambda: ended(app, task_id), what="the cancellation")
        thread.join(timeout=30)
    assert "polite saw cancelled=True" in LOG
    assert status.state is TaskState.cancelled


def test_a_cancel_from_another_process_reaches_the_running_worker(stores: StoreFactory) -> None:
    app = make_app(stores.url)
    with TestClient(app) as client:
        thread, _ = post_meanwhile(client, "/parked")
        wait_for(lambda: "parked started" in LOG)
        task_id = running_id(app)
        other = stores.open()  # what `fastapi tasks cancel` does, elsewhere
        assert other.cancel(task_id)
        status = wait_for(lambda: ended(app, task_id), what="the cancellation")
        thread.join(timeout=30)
    assert status.state is TaskState.cancelled and "parked finished" not in LOG


def test_retry_of_a_failed_task(stores: StoreFactory) -> None:
    app = make_app(stores.url)
    with TestClient(app, raise_server_exceptions=False) as client:
        task_id = client.post("/fails-once/crm").json()["id"]
        status = wait_for(lambda: ended(app, task_id))
        assert status.state is TaskState.failed and status.error == "ConnectionError: service down"
        assert app.tasks.retry(task_id)
        status = wait_for(lambda: ended(app, task_id), what="the retried run")
    assert status.state is TaskState.succeeded and status.result == "recovered"
    assert status.attempts == 1 and LOG == ["crm ok"]
    assert not app.tasks.retry(task_id), "only failed or cancelled tasks are retried"


def test_delayed_and_scheduled_tasks(url: str | None) -> None:
    app = make_app(url)
    with TestClient(app) as client:
        started = time.time()
        delayed = client.post("/later", params={"seconds": 1.5}).json()["id"]
        scheduled = client.post("/at").json()["id"]
        status = app.tasks.get(delayed)
        assert status.state is TaskState.pending and status.scheduled_for is not None
        assert LOG == [], "neither runs right after the response"
        wait_for(lambda: ended(app, delayed) and ended(app, scheduled), what="both tasks")
    assert sorted(LOG) == ["after 1.5", "on time"]
    for task_id in (delayed, scheduled):
        status = app.tasks.get(task_id)
        assert status.state is TaskState.succeeded
        assert status.started_at.timestamp() >= status.scheduled_for.timestamp() - 0.05
    assert app.tasks.get(delayed).started_at.timestamp() >= started + 1.45


@pytest.mark.parametrize("kind", ["async", "sync"])
def test_a_task_over_its_timeout_fails_with_timeout_error(url: str | None, kind: str) -> None:
    app = make_app(url)
    with TestClient(app, raise_server_exceptions=False) as client:
        task_id = client.post(f"/slow/{kind}").json()["id"]
        status = wait_for(lambda: ended(app, task_id), what="the timeout")
        if kind == "sync":
            wait_for(lambda: "sync timeout seen" in LOG, what="the sync task seeing its timeout")
    assert status.state is TaskState.failed
    assert status.error == "TimeoutError: the task took longer than its timeout of 0.3s"


def test_a_per_call_timeout(url: str | None) -> None:
    app = make_app(url)
    with TestClient(app, raise_server_exceptions=False) as client:
        task_id = client.post("/per-call-timeout").json()["id"]
        status = wait_for(lambda: ended(app, task_id), what="the timeout")
    assert status.state is TaskState.failed and status.error.startswith("TimeoutError")


def test_a_deduplication_key_enqueues_the_job_once(url: str | None) -> None:
    app = make_app(url)
    with TestClient(app) as client:
        first = client.post("/welcome/5").json()["id"]
        wait_for(lambda: ended(app, first))
        second = client.post("/welcome/5").json()["id"]
        other = client.post("/welcome/6").json()["id"]
        wait_for(lambda: ended(app, other))
    assert first == second != other
    assert LOG.count("welcome 5") == 1 and LOG.count("welcome 6") == 1


def test_enqueue_from_sync_code_async_code_and_another_task(stores: StoreFactory) -> None:
    app = make_app(stores.url)
    with TestClient(app) as client:
        handle = app.tasks.enqueue(summary, 3)  # a script's (or a sync endpoint's) thread
        status = wait_for(lambda: ended(app, handle.id), what="the enqueued task")
        assert status.result["order"] == 3

        async def from_async_code() -> str:
            later = await app.tasks.options(delay=0.2).enqueue(note, "async enqueue")
            return later.id

        task_id = client.portal.call(from_async_code)  # on the app's own event loop
        wait_for(lambda: ended(app, task_id))
        chained = app.tasks.enqueue(chain, 1)
        wait_for(lambda: ("chain", 3) in LOG, what="the chained tasks")
    assert "async enqueue" in LOG and chained.id


def test_enqueue_without_a_running_app_stores_for_the_workers(stores: StoreFactory) -> None:
    producer = FastAPI(tasks=TaskSettings(store=stores.url, workers=False))
    handle = producer.tasks.enqueue(summary, 11)  # a cron job's script: no server, no loop
    assert stores.open().get(handle.id).state is TaskState.pending
    consumer = make_app(stores.url)
    with TestClient(consumer):
        status = wait_for(lambda: ended(consumer, handle.id), what="a worker running it")
    assert status.result["order"] == 11


def test_enqueue_in_memory_needs_the_running_app() -> None:
    app = make_app(None)
    with pytest.raises(RuntimeError, match="in memory"):
        app.tasks.enqueue(note, "nowhere to run")
    with TestClient(app):
        handle = app.tasks.enqueue(note, "from a thread")
        wait_for(lambda: ended(app, handle.id))
    assert LOG == ["from a thread"]


def test_an_unstorable_result_is_logged_and_the_task_still_succeeds(
    stores: StoreFactory, caplog: pytest.LogCaptureFixture
) -> None:
    app = make_app(stores.url)
    with TestClient(app):
        handle = app.tasks.enqueue(returns_a_lock)
        status = wait_for(lambda: ended(app, handle.id))
    assert status.state is TaskState.succeeded and status.result is None
    assert any("return value cannot be stored" in record.getMessage() for record in caplog.records)


def test_schedules_are_checked_where_they_are_given() -> None:
    tasks = BackgroundTasks()
    with pytest.raises(ValueError, match="delay= or at=, not both"):
        tasks.options(delay=5, at=datetime.datetime.now(datetime.timezone.utc))
    with pytest.raises(ValueError, match="timezone-aware datetime"):
        tasks.options(at=datetime.datetime.now())
    with pytest.raises(ValueError, match="timeout= must be a positive duration"):
        tasks.options(timeout=0)
    app = make_app(None)
    with pytest.raises(ValueError, match="timezone-aware datetime"):
        app.tasks.options(at=datetime.datetime(2030, 1, 1)).enqueue(note, "x")
