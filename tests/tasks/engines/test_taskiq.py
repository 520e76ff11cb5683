"""The taskiq engine with real components: redis-server, two taskiq workers started by
``fastapi worker --engine taskiq``, and the app on uvicorn."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from fastapi import BackgroundTasks, FastAPI
from fastapi.testclient import TestClient
from tests.tasks.engines.cluster import EngineCluster, wait_for
from tests.uvicorn_server import free_port

pytest.importorskip("taskiq_redis")

APP = textwrap.dedent(
    """
    import asyncio, os, time
    from fastapi import BackgroundTasks, FastAPI
    from fastapi.tasks import Retry, current_task, task, task_status_router

    # A worker killed mid-task has its message taken over after 3 s without a refresh.
    app = FastAPI(tasks="taskiq+" + os.environ["REDIS_URL"] + "?idle_timeout=3000")
    app.include_router(task_status_router())
    MARKS = os.environ["MARKS_DIR"]

    def mark(key: str) -> None:
        open(os.path.join(MARKS, key + "." + os.environ["WORKER_NAME"]), "a").write("x")

    def where(seconds: float) -> str:
        time.sleep(seconds)
        return os.environ["WORKER_NAME"]

    @task(retry=Retry(attempts=3, delay=0.2, backoff=2.0, jitter=0.5))
    def flaky(key: str) -> str:
        path = os.path.join(MARKS, key)
        tries = int(open(path).read()) if os.path.exists(path) else 0
        open(path, "w").write(str(tries + 1))
        if tries < 2:
            raise ConnectionError(f"try {tries + 1} failed")
        return f"ok after {tries + 1}"

    def broken(key: str) -> None:
        mark(key)
        raise ValueError("always")

    async def counting(steps: int) -> int:
        for done in range(1, steps + 1):
            current_task().progress(done, steps, "counting")
            await asyncio.sleep(0.3)
        return steps * 10

    async def sleepy(key: str) -> None:
        mark(key)
        await asyncio.sleep(120)
        mark(key + ".woke")

    @task(every=1)
    def tick() -> None:
        open(os.path.join(MARKS, "ticks"), "a").write(current_task().id + "\\n")

    def slow(key: str, seconds: float) -> str:
        mark(key)
        time.sleep(seconds)
        return os.environ["WORKER_NAME"]

    @app.post("/later/{key}")
    def post_later(key: str, background_tasks: BackgroundTasks, delay: float = 3):
        return {"id": background_tasks.options(delay=delay).add_task(slow, key, 0).id}

    @app.post("/once/{key}")
    def post_once(key: str, background_tasks: BackgroundTasks):
        return {"id": background_tasks.options(dedupe_key=key).add_task(slow, key, 0).id}

    @app.post("/cancel/{task_id}")
    def post_cancel(task_id: str):
        return {"cancelled": app.tasks.cancel(task_id)}

    @app.post("/retry/{task_id}")
    def post_retry(task_id: str):
        return {"retried": app.tasks.retry(task_id)}

    @app.get("/counts")
    def get_counts():
        return app.tasks.counts()

    @app.post("/where")
    def post_where(background_tasks: BackgroundTasks, seconds: float = 0.5):
        return {"id": background_tasks.add_task(where, seconds).id}

    @app.post("/flaky/{key}")
    def post_flaky(key: str, background_tasks: BackgroundTasks):
        return {"id": background_tasks.add_task(flaky, key).id}

    @app.post("/broken/{key}")
    def post_broken(key: str, background_tasks: BackgroundTasks):
        return {"id": background_tasks.add_task(broken, key).id}

    @app.post("/counting")
    def post_counting(background_tasks: BackgroundTasks):
        return {"id": background_tasks.add_task(counting, 5).id}

    @app.post("/sleepy/{key}")
    def post_sleepy(key: str, background_tasks: BackgroundTasks):
        return {"id": background_tasks.add_task(sleepy, key).id}

    def holds(key: str) -> str:
        mark(key)
        deadline = time.monotonic() + 120
        while not os.path.exists(os.path.join(MARKS, key + ".release")):
            assert time.monotonic() < deadline, "never released"
            time.sleep(0.1)
        return os.environ["WORKER_NAME"]

    @app.post("/hold/{key}")
    def post_hold(key: str, background_tasks: BackgroundTasks):
        return {"id": background_tasks.add_task(holds, key).id}

    @app.post("/slow/{key}")
    def post_slow(key: str, background_tasks: BackgroundTasks, seconds: float = 3.0):
        return {"id": background_tasks.add_task(slow, key, seconds).id}
    """
)


class Cluster(EngineCluster):
    """The app on uvicorn and taskiq workers."""

    def __init__(self, directory: Path, redis_url: str) -> None:
        super().__init__(directory, redis_url, APP)

    def start_scheduler(self, name: str) -> subprocess.Popen[bytes]:
        argv = [sys.executable, "-m", "fastapi", "worker", "main.py", "--engine", "taskiq"]
        return self._start([*argv, "--scheduler"], name)

    def start_worker(self, name: str) -> None:
        argv = [sys.executable, "-m", "fastapi", "worker", "main.py", "--engine", "taskiq"]
        argv += ["--workers", "1", "--concurrency", "2"]
        self.workers[name] = self._start(argv, name)

    def wait_workers(self) -> None:
        for name, process in self.workers.items():
            log = self.directory / f"{name}.log"

            def listening() -> bool:
                assert process.poll() is None, log.read_text()
                return b"Listening started." in log.read_bytes()

            wait_for(listening, 90, f"taskiq worker {name} listening")


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory, redis_url: str) -> Iterator[Cluster]:
    import redis

    redis.Redis.from_url(redis_url).flushdb()
    running = Cluster(tmp_path_factory.mktemp("taskiq"), redis_url)
    try:
        running.start_worker("w1")
        running.start_worker("w2")
        running.wait_workers()
        running.wait_serving()
        yield running
    finally:
        running.close()


def test_tasks_spread_over_both_workers(cluster: Cluster) -> None:
    ids = [cluster.post("/where?seconds=1") for _ in range(8)]
    first = cluster.status(ids[0])
    assert first["state"] in ("pending", "running", "succeeded")
    assert first["name"] == "main:where" and first["durable"] is True
    results = [cluster.ended(task_id) for task_id in ids]
    assert all(found["state"] == "succeeded" for found in results)
    assert {found["result"] for found in results} == {"w1", "w2"}


def test_a_retry_that_succeeds(cluster: Cluster) -> None:
    found = cluster.ended(cluster.post("/flaky/retry-once"))
    assert found["state"] == "succeeded", found
    assert found["result"] == "ok after 3" and found["error"] is None
    assert [item["error"] for item in found["errors"]] == [
        "ConnectionError: try 1 failed",
        "ConnectionError: try 2 failed",
    ]
    assert found["attempts"] == 3 and found["max_attempts"] == 3
    assert (cluster.marks / "retry-once").read_text() == "3"


def test_progress_and_result_of_an_async_task(cluster: Cluster) -> None:
    task_id = cluster.post("/counting")
    seen = wait_for(
        lambda: (found := cluster.status(task_id))["progress"] and found, 60, "progress"
    )
    assert seen["progress"]["total"] == 5 and seen["progress"]["message"] == "counting"
    assert seen["state"] in ("running", "succeeded")
    found = cluster.ended(task_id)
    assert found["state"] == "succeeded" and found["result"] == 50
    assert found["progress"] == {"done": 5, "total": 5, "message": "counting"}


def test_a_failure_and_its_retry_by_id(cluster: Cluster) -> None:
    task_id = cluster.post("/broken/fails")
    found = cluster.ended(task_id)
    assert found["state"] == "failed" and found["error"] == "ValueError: always"
    assert found["attempts"] == 1 and found["result"] is None
    assert cluster.client.post(f"/retry/{task_id}").json() == {"retried": True}
    wait_for(lambda: sum(len(p.read_text()) for p in cluster.marks.glob("fails.*")) == 2, 90, "rerun")
    again = cluster.ended(task_id)
    assert again["state"] == "failed" and again["error"] == "ValueError: always"


def test_a_deduplication_key_publishes_once(cluster: Cluster) -> None:
    first = cluster.post("/once/report-7")
    assert cluster.ended(first)["state"] == "succeeded"
    assert cluster.post("/once/report-7") == first
    assert cluster.status(first)["state"] == "succeeded"
    assert len(cluster.marked("report-7")) == 1


def test_unknown_task_is_404(cluster: Cluster) -> None:
    assert cluster.client.get("/tasks/not-a-task").status_code == 404


def test_a_cancelled_pending_task_never_runs(cluster: Cluster) -> None:
    cancelled = cluster.post("/later/cancelled")
    kept = cluster.post("/later/kept")
    assert cluster.status(kept)["scheduled_for"] is not None
    assert cluster.client.post(f"/cancel/{cancelled}").json() == {"cancelled": True}
    assert cluster.status(cancelled)["state"] == "cancelled"
    assert cluster.ended(kept)["state"] == "succeeded"
    assert cluster.status(cancelled)["state"] == "cancelled"
    assert not cluster.marked("cancelled")
    assert cluster.client.post(f"/cancel/{cancelled}").json() == {"cancelled": False}


def test_a_running_async_task_is_cancelled(cluster: Cluster) -> None:
    task_id = cluster.post("/sleepy/nap")
    wait_for(lambda: cluster.marked("nap"), 60, "the sleepy task started")
    assert cluster.status(task_id)["state"] == "running"
    assert cluster.client.post(f"/cancel/{task_id}").json() == {"cancelled": True}
    found = cluster.ended(task_id)
    assert found["state"] == "cancelled" and found["finished_at"] is not None
    assert not cluster.marked("nap.woke")


def test_a_message_reclaimed_from_a_stalled_worker_is_not_run_twice(cluster: Cluster) -> None:
    """A worker stalled (SIGSTOP) past the idle timeout has its message reclaimed by the
    other, while its attempt's claim is still alive: the second delivery waits, the stalled
    worker resumes and ends the task, and it ran once."""
    task_id = cluster.post("/hold/stalled")
    [started] = wait_for(lambda: cluster.marked("stalled"), 60, "the held task started")
    holder = started.rpartition(".")[2]
    other = "w2" if holder == "w1" else "w1"
    waiting = f"Task {task_id} (main:holds) delivered again while another worker runs it"
    os.killpg(cluster.workers[holder].pid, signal.SIGSTOP)
    try:
        log = cluster.directory / f"{other}.log"
        wait_for(lambda: waiting in log.read_text(), 60, "the reclaimed delivery waiting")
    finally:
        os.killpg(cluster.workers[holder].pid, signal.SIGCONT)
    (cluster.marks / "stalled.release").touch()
    found = cluster.ended(task_id)
    assert found["state"] == "succeeded" and found["result"] == holder, found
    assert found["attempts"] == 1 and found["takeovers"] == 0 and found["reason"] is None
    assert cluster.marked("stalled") == [started]  # started once


def test_worker_killed_mid_task_completes_on_the_other(cluster: Cluster) -> None:
    task_id = cluster.post("/slow/killed?seconds=3")
    started = wait_for(lambda: cluster.marked("killed"), 60, "the slow task started")
    victim = started[0].rpartition(".")[2]
    survivor = "w2" if victim == "w1" else "w1"
    cluster.kill(cluster.workers[victim], signal.SIGKILL)
    found = cluster.ended(task_id, timeout=120)
    assert found["state"] == "succeeded", found
    assert found["result"] == survivor
    assert (cluster.marks / f"killed.{survivor}").exists()
    log = (cluster.directory / f"{survivor}.log").read_text()
    assert f"Background task {task_id} (main:slow) taken over by worker" in log
    assert found["takeovers"] == 1 and found["attempts"] == 2 and found["max_attempts"] == 1
    assert found["errors"][0]["error"].startswith("WorkerLost: ")
    assert found["reason"] is None  # ended: the takeover is told by takeovers and errors


def test_the_tasks_command_on_the_engine_without_the_app(
    cluster: Cluster, tmp_path: Path
) -> None:
    """``fastapi tasks ... --store taskiq+redis://...`` from a directory without the app."""

    def tasks(*argv: str) -> str:
        return cluster.tasks_command("taskiq+" + cluster.env["REDIS_URL"], tmp_path, *argv)

    failed = cluster.post("/broken/from-cli")
    assert cluster.ended(failed)["state"] == "failed"
    waiting = cluster.post("/later/cancelled-from-cli?delay=600")
    shown = json.loads(tasks("show", failed, "--json"))
    assert shown["state"] == "failed" and shown["error"] == "ValueError: always"
    listed = tasks("list", "--state", "failed", "--json", "--limit", "500").splitlines()
    assert failed in [json.loads(line)["id"] for line in listed]
    assert json.loads(tasks("counts", "--json"))["failed"] >= 1
    assert tasks("cancel", waiting) == f"{waiting}: cancelled\n"
    assert cluster.status(waiting)["state"] == "cancelled"
    assert "pending again" in tasks("retry", failed)

    def runs() -> int:
        return sum(len(path.read_text()) for path in cluster.marks.glob("from-cli.*"))

    wait_for(lambda: runs() == 2, 90, "the retried task run again")
    assert cluster.ended(failed)["state"] == "failed"
    assert not cluster.marked("cancelled-from-cli")


def test_tasks_are_listed_newest_first_and_counted(cluster: Cluster) -> None:
    older, newer = cluster.post("/where?seconds=0"), cluster.post("/where?seconds=0")
    cancelled = cluster.post("/later/listed")
    assert cluster.client.post(f"/cancel/{cancelled}").json() == {"cancelled": True}
    cluster.ended(newer)
    listed = [found["id"] for found in cluster.client.get("/tasks?limit=1000").json()]
    assert listed.index(cancelled) < listed.index(newer) < listed.index(older)
    only = cluster.client.get("/tasks?state=cancelled").json()
    assert cancelled in [found["id"] for found in only]
    assert {found["state"] for found in only} == {"cancelled"}
    counts = cluster.client.get("/counts").json()
    assert counts["cancelled"] >= 1 and counts["succeeded"] >= 2
    assert sum(counts.values()) == len(listed)


def test_periodic_tasks_fire_once_per_occurrence_with_two_schedulers(cluster: Cluster) -> None:
    schedulers = [cluster.start_scheduler("s1"), cluster.start_scheduler("s2")]
    ticks = cluster.marks / "ticks"
    try:
        wait_for(lambda: ticks.exists() and len(ticks.read_text().split()) >= 4, 90, "4 ticks")
    finally:
        for process in schedulers:
            cluster.kill(process)
    fired = ticks.read_text().split()
    assert len(fired) == len(set(fired)), fired  # no occurrence ran twice
    found = cluster.status(fired[0])
    assert found["name"] == "main:tick" and found["state"] == "succeeded"


def test_a_broker_that_is_down_answers_503() -> None:
    app = FastAPI(tasks=f"taskiq+redis://127.0.0.1:{free_port()}/0")

    @app.post("/")
    def enqueue(background_tasks: BackgroundTasks) -> dict[str, str]:
        return {"id": background_tasks.add_task(print, "never").id}

    with TestClient(app) as client:
        response = client.post("/")
    assert response.status_code == 503
    assert response.json() == {"detail": "Background tasks could not be stored"}


def test_engine_settings_are_checked() -> None:
    from taskiq import InMemoryBroker
    from taskiq_redis import RedisAsyncResultBackend, RedisStreamBroker

    from fastapi.tasks.engines.taskiq import GENERIC_TASK, TaskiqBackend

    with pytest.raises(ValueError, match="taskiq\\+ URL names a Redis server"):
        FastAPI(tasks="taskiq+amqp://guest@localhost//")
    with pytest.raises(ValueError, match="result backend"):
        FastAPI(tasks=RedisStreamBroker("redis://127.0.0.1:1/0"))
    own = RedisStreamBroker("redis://127.0.0.1:1/0").with_result_backend(
        RedisAsyncResultBackend("redis://127.0.0.1:1/0")
    )
    backend = FastAPI(tasks=own).tasks.backend
    assert isinstance(backend, TaskiqBackend) and backend.broker is own
    assert own.find_task(GENERIC_TASK) is not None
    assert isinstance(FastAPI(tasks=InMemoryBroker()).tasks.backend, TaskiqBackend)


def test_a_redis_outage_is_waited_out(tmp_path_factory: pytest.TempPathFactory) -> None:
    from tests.tasks.test_store_faults import RedisServer

    server = RedisServer(tmp_path_factory.mktemp("redis-outage"))
    server.start()
    cluster = Cluster(tmp_path_factory.mktemp("taskiq-outage"), server.url)
    try:
        cluster.start_worker("w1")
        cluster.wait_workers()
        cluster.wait_serving()
        task_id = cluster.post("/slow/through?seconds=4")
        wait_for(lambda: cluster.marked("through"), 60, "the slow task started")
        server.stop()
        assert cluster.client.post("/where").status_code == 503
        time.sleep(1.5)  # the outage lasts (nothing is waited for here)
        server.start()
        found = cluster.ended(task_id)
        assert found["state"] == "succeeded" and found["result"] == "w1", found
        assert cluster.ended(cluster.post("/where?seconds=0"))["state"] == "succeeded"
        log = (cluster.directory / "w1.log").read_text()
        assert "unreachable (retrying)" in log and "reachable again" in log
        assert "is dead" not in log  # the worker process lived through it
        assert len(cluster.marked("through")) == 1  # run once
    finally:
        cluster.close()
        server.stop()


def _refusing_broker(redis_url: str, accepted: int, database: int) -> Any:
    """A taskiq-redis stream broker on ``redis_url`` whose broker side refuses every message
    after the first ``accepted`` ones (a broker failing mid-request, which a real server
    cannot be made to do on cue); results live on the same real Redis."""
    from taskiq_redis import RedisAsyncResultBackend, RedisStreamBroker

    class Refusing(RedisStreamBroker):
        async def kick(self, message: Any) -> None:
            nonlocal accepted
            if accepted <= 0:
                raise ConnectionError("the broker refuses the message")
            accepted -= 1
            await super().kick(message)

    url = f"{redis_url.rsplit('/', 1)[0]}/{database}"  # a database of the test's own
    return Refusing(url, queue_name="refusing").with_result_backend(RedisAsyncResultBackend(url))


def test_a_task_refused_by_the_broker_leaves_no_pending_record(redis_url: str) -> None:
    """The result backend is up, the broker refuses the message: the 503 is the whole
    story, no task stays listed "pending" with nothing to run it."""
    app = FastAPI(tasks=_refusing_broker(redis_url, accepted=0, database=7))

    @app.post("/")
    def enqueue(background_tasks: BackgroundTasks) -> dict[str, str]:
        return {"id": background_tasks.add_task(print, "never").id}

    engine = app.tasks.backend
    with TestClient(app) as client:
        assert client.post("/").status_code == 503
        assert engine.list() == []
        assert sum(engine.counts().values()) == 0


def test_a_request_whose_second_task_is_refused_runs_none(redis_url: str) -> None:
    """All or none: the first task, already published, is cancelled with the 503."""
    app = FastAPI(tasks=_refusing_broker(redis_url, accepted=1, database=8))

    @app.post("/")
    def enqueue(background_tasks: BackgroundTasks) -> dict[str, str]:
        first = background_tasks.add_task(print, "first").id
        background_tasks.add_task(print, "second")
        return {"id": first}

    engine = app.tasks.backend
    with TestClient(app) as client:
        response = client.post("/")
        assert response.status_code == 503
        listed = engine.list()
        assert [found.state for found in listed] == ["cancelled"]
        assert engine.counts().get("pending", 0) == 0


def test_a_redis_url_without_taskiq_installed_names_the_extra(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``redis://`` is the taskiq engine: without its packages the app is refused at
    creation, with the extra that installs them."""
    for name in [name for name in sys.modules if name.startswith("fastapi.tasks.engines.taskiq")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "taskiq", None)  # what an environment without it imports
    with pytest.raises(ImportError, match=r'pip install "fastapi\[redis\]"'):
        FastAPI(tasks="redis://127.0.0.1:6379/0")
    with pytest.raises(ImportError, match=r'pip install "fastapi\[taskiq\]"'):
        FastAPI(tasks="taskiq+redis://127.0.0.1:6379/0")


def test_a_redis_url_is_the_taskiq_engine_run_by_the_app() -> None:
    from fastapi.tasks import TaskSettings
    from fastapi.tasks.engines.taskiq import TaskiqBackend

    backend = FastAPI(tasks="redis://127.0.0.1:1/0").tasks.backend
    assert isinstance(backend, TaskiqBackend) and backend.workers is not None
    assert backend.workers.concurrency == 4 and backend.broker.idle_timeout == 30_000
    settings = TaskSettings(store="unix:///tmp/redis.sock?db=0", workers=False, lease=5, store_timeout=2)
    backend = FastAPI(tasks=settings).tasks.backend
    assert isinstance(backend, TaskiqBackend) and backend.workers is None
    assert backend.broker.idle_timeout == 5_000 and backend.publish_timeout == 2
    engine = FastAPI(tasks="taskiq+redis://127.0.0.1:1/0").tasks.backend
    assert isinstance(engine, TaskiqBackend) and engine.workers is None  # its workers run apart
