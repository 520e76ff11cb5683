"""The Celery engine with real components: redis-server, two Celery workers started by
``fastapi worker --engine celery``, and the app on uvicorn."""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from fastapi import BackgroundTasks, FastAPI
from fastapi.tasks import task_dashboard_router, task_status_router
from fastapi.testclient import TestClient
from tests.tasks.engines.cluster import EngineCluster, RedisServer, wait_for

pytest.importorskip("celery")

APP = textwrap.dedent(
    """
    import asyncio, os, time
    from fastapi import BackgroundTasks, FastAPI
    from fastapi.tasks import (
        Retry, current_task, task, task_dashboard_router, task_status_router,
    )

    app = FastAPI(tasks="celery+" + os.environ["REDIS_URL"])
    app.include_router(task_dashboard_router())
    # A worker killed mid-task gives its message back after this long (Redis broker).
    app.tasks.backend.app.conf.broker_transport_options = {
        "visibility_timeout": 4, "unacked_restore_interval": 1, "unacked_restore_throttle": 1,
    }
    app.include_router(task_status_router())
    MARKS = os.environ["MARKS_DIR"]

    def where(seconds: float) -> str:
        time.sleep(seconds)
        return os.environ["WORKER_NAME"]

    @task(retry=Retry(attempts=3, delay=0.2, backoff=2.0, jitter=0.5))
    def flaky(key: str) -> str:
        mark = os.path.join(MARKS, key)
        tries = int(open(mark).read()) if os.path.exists(mark) else 0
        open(mark, "w").write(str(tries + 1))
        if tries < 2:
            raise ConnectionError(f"try {tries + 1} failed")
        return f"ok after {tries + 1}"

    async def counting(steps: int) -> int:
        for done in range(1, steps + 1):
            current_task().progress(done, steps, "counting")
            await asyncio.sleep(0.3)
        return steps * 10

    def slow(key: str, seconds: float) -> str:
        open(os.path.join(MARKS, key + "." + os.environ["WORKER_NAME"]), "w").close()
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

    @app.post("/where")
    def post_where(background_tasks: BackgroundTasks, seconds: float = 0.5):
        return {"id": background_tasks.add_task(where, seconds).id}

    @app.post("/flaky/{key}")
    def post_flaky(key: str, background_tasks: BackgroundTasks):
        return {"id": background_tasks.add_task(flaky, key).id}

    @app.post("/counting")
    def post_counting(background_tasks: BackgroundTasks):
        return {"id": background_tasks.add_task(counting, 5).id}

    def holds(key: str) -> str:
        open(os.path.join(MARKS, key + "." + os.environ["WORKER_NAME"]), "w").close()
        current_task().progress(1, 2, "held")
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

    def mark(name: str) -> None:
        open(os.path.join(MARKS, name), "w").close()

    async def waits(key: str) -> str:
        mark(key + ".started")
        try:
            await asyncio.sleep(120)
        except asyncio.CancelledError:
            mark(key + ".cancelled-at-await")
            raise
        return "not cancelled"

    def loops(key: str) -> str:
        mark(key + ".started")
        deadline = time.monotonic() + 120
        while not current_task().cancelled and time.monotonic() < deadline:
            time.sleep(0.05)
        mark(key + ".saw-cancelled")
        return "stopped early"

    def noted_failure(status, exc) -> None:
        open(os.path.join(MARKS, status.id + ".on_failure"), "w").write(
            f"{status.state.value} {status.attempts} {exc}"
        )

    @task(on_failure=noted_failure)
    def fails_once(key: str) -> str:
        if not os.path.exists(os.path.join(MARKS, key + ".fixed")):
            raise ValueError(f"{key} is broken")
        return "fixed"

    @task(timeout=1)
    async def sleeps_past_its_timeout() -> None:
        await asyncio.sleep(60)

    @task(timeout=1)
    async def blocks_its_event_loop() -> None:
        time.sleep(60)  # no await: only Celery's hard time limit ends it

    @task(every=2)
    def tick() -> str:
        mark("tick." + current_task().id + "." + os.environ["WORKER_NAME"])
        return "tick"

    @app.post("/run/{what}/{key}")
    def post_run(what: str, key: str, background_tasks: BackgroundTasks):
        functions = {"waits": waits, "loops": loops, "fails_once": fails_once}
        return {"id": background_tasks.add_task(functions[what], key).id}

    @app.post("/timeout/{what}")
    def post_timeout(what: str, background_tasks: BackgroundTasks):
        functions = {"await": sleeps_past_its_timeout, "block": blocks_its_event_loop}
        return {"id": background_tasks.add_task(functions[what]).id}

    @app.post("/retry/{task_id}")
    def post_retry(task_id: str):
        return {"retried": app.tasks.retry(task_id)}

    @app.get("/counts")
    def get_counts():
        return {state.value: count for state, count in app.tasks.counts().items()}
    """
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Cluster(EngineCluster):
    """The app on uvicorn and Celery workers."""

    def __init__(self, directory: Path, redis_url: str, *, serve: bool = True) -> None:
        super().__init__(directory, redis_url, APP, serve=serve)

    def start_worker(self, name: str, *, beat: bool = True) -> None:
        argv = [sys.executable, "-m", "fastapi", "worker", "main.py", "--engine", "celery"]
        # Prefork (Celery's default pool): the one that enforces time limits.
        argv += ["--pool", "prefork", "--concurrency", "2", "--prefetch", "1"]
        argv += ["--beat"] if beat else []
        argv += ["--hostname", f"{name}@test", "--loglevel", "INFO"]
        self.workers[name] = self._start(argv, name)
        log = self.directory / f"{name}.log"
        wait_for(lambda: b"ready." in log.read_bytes(), 60, f"celery worker {name} ready")


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory, redis_url: str) -> Iterator[Cluster]:
    import redis

    redis.Redis.from_url(redis_url).flushdb()
    running = Cluster(tmp_path_factory.mktemp("celery"), redis_url)
    try:
        running.start_worker("w1")
        running.start_worker("w2")
        running.wait_serving()
        yield running
    finally:
        running.close()


def test_tasks_spread_over_both_workers(cluster: Cluster) -> None:
    ids = [cluster.post("/where?seconds=1") for _ in range(8)]
    first = cluster.status(ids[0])
    assert first["state"] in ("pending", "running", "succeeded")
    assert first["name"].endswith("where") and first["durable"] is True
    results = [cluster.ended(task_id) for task_id in ids]
    assert all(found["state"] == "succeeded" for found in results)
    assert {found["result"] for found in results} == {"w1", "w2"}


def test_a_retry_that_succeeds(cluster: Cluster) -> None:
    found = cluster.ended(cluster.post("/flaky/retry-once"))
    assert found["state"] == "succeeded", found
    assert found["result"] == "ok after 3"
    assert found["attempts"] == 3 and found["max_attempts"] == 3 and found["takeovers"] == 0
    assert (cluster.marks / "retry-once").read_text() == "3"
    assert [(error["attempt"], error["error"]) for error in found["errors"]] == [
        (1, "ConnectionError: try 1 failed"),
        (2, "ConnectionError: try 2 failed"),
    ]
    assert found["error"] is None and found["worker"] in ("w1@test", "w2@test")
    # Celery's own retries (Task.retry with a countdown), as its logs show them.
    logs = "".join((cluster.directory / f"{name}.log").read_text() for name in ("w1", "w2"))
    retried = f"Task fastapi.run[{found['id']}] retry: Retry in "
    assert logs.count(retried) == 2


def test_progress_and_result_of_an_async_task(cluster: Cluster) -> None:
    task_id = cluster.post("/counting")
    seen = wait_for(
        lambda: (found := cluster.status(task_id))["progress"] and found, 60, "progress"
    )
    assert seen["progress"]["total"] == 5 and seen["progress"]["message"] == "counting"
    assert seen["state"] in ("running", "succeeded")
    found = cluster.ended(task_id)
    assert found["state"] == "succeeded" and found["result"] == 50


def test_progress_is_celerys_own_progress_state(cluster: Cluster) -> None:
    """What Flower and ``AsyncResult`` read: the custom ``PROGRESS`` state, the progress
    as its meta, then Celery's ``SUCCESS`` with the result."""
    from celery import Celery

    task_id = cluster.post("/hold/reported")
    url = cluster.env["REDIS_URL"]
    result = Celery("reader", broker=url, backend=url).AsyncResult(task_id)
    wait_for(lambda: result.state == "PROGRESS", 60, "Celery's PROGRESS state")
    assert result.info["progress"] == {"done": 1, "total": 2, "message": "held"}
    assert cluster.status(task_id)["progress"]["message"] == "held"
    (cluster.marks / "reported.release").touch()
    assert result.get(timeout=90) in ("w1", "w2") and result.state == "SUCCESS"


def test_a_deduplication_key_publishes_once(cluster: Cluster) -> None:
    first = cluster.post("/once/report-7")
    assert cluster.ended(first)["state"] == "succeeded"
    assert cluster.post("/once/report-7") == first
    # Not published again: a new message would have recorded it as queued first.
    assert cluster.status(first)["state"] == "succeeded"
    assert len(list(cluster.marks.glob("report-7.*"))) == 1


def test_unknown_task_is_404(cluster: Cluster) -> None:
    assert cluster.client.get("/tasks/not-a-task").status_code == 404


def test_a_cancelled_task_never_runs(cluster: Cluster) -> None:
    cancelled = cluster.post("/later/cancelled")
    kept = cluster.post("/later/kept")
    assert cluster.client.post(f"/cancel/{cancelled}").json() == {"cancelled": True}
    assert cluster.status(cancelled)["state"] == "cancelled"
    assert cluster.ended(kept)["state"] == "succeeded"
    assert cluster.status(cancelled)["state"] == "cancelled"
    assert not list(cluster.marks.glob("cancelled.*"))
    assert cluster.client.post(f"/cancel/{cancelled}").json() == {"cancelled": False}


def test_a_broker_that_is_down_answers_503() -> None:
    app = FastAPI(tasks=f"celery+redis://127.0.0.1:{free_port()}/0")

    @app.post("/")
    def enqueue(background_tasks: BackgroundTasks) -> dict[str, str]:
        return {"id": background_tasks.add_task(print, "never").id}

    app.include_router(task_status_router())
    app.include_router(task_dashboard_router())
    with TestClient(app) as client:
        response = client.post("/")
        assert response.status_code == 503
        assert response.json() == {"detail": "Background tasks could not be stored"}
        for path in ("/tasks/abc", "/tasks", "/task-dashboard/data"):
            response = client.get(path)
            assert response.status_code == 503, path
            assert response.json() == {"detail": "Task statuses could not be read"}


def test_a_task_refused_by_the_broker_leaves_no_pending_record(redis_url: str) -> None:
    """The result backend is up, the broker is down: the request's 503 is the whole story,
    no "pending" task that will never run stays listed."""
    from celery import Celery

    backend_url = redis_url.rsplit("/", 1)[0] + "/9"  # a database of its own
    broker_url = f"redis://127.0.0.1:{free_port()}/0"
    app = FastAPI(tasks=Celery("refused", broker=broker_url, backend=backend_url))

    @app.post("/")
    def enqueue(background_tasks: BackgroundTasks) -> dict[str, str]:
        return {"id": background_tasks.add_task(print, "never").id}

    engine = app.tasks.backend
    with TestClient(app) as client:
        assert client.post("/").status_code == 503
        # The publishing thread may outlive the request's timeout: poll for its clean-up.
        deadline = time.monotonic() + 60
        while engine.list() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert engine.list() == []
        assert sum(engine.counts().values()) == 0


def test_engine_settings_are_checked() -> None:
    from celery import Celery

    from fastapi.tasks.engines.celery import CeleryBackend

    with pytest.raises(ValueError, match="celery\\+ URL names a Redis server"):
        FastAPI(tasks="celery+amqp://guest@localhost//")
    own = Celery("mine", broker="memory://", backend="cache+memory://")
    backend = FastAPI(tasks=own).tasks.backend
    assert isinstance(backend, CeleryBackend) and backend.app is own
    assert own.tasks["fastapi.run"].acks_late and own.tasks["fastapi.run"].reject_on_worker_lost


def marked(cluster: Cluster, name: str) -> bool:
    return (cluster.marks / name).exists()


def test_listed_and_counted_from_the_result_backend(cluster: Cluster) -> None:
    done = cluster.ended(cluster.post("/where?seconds=0"))
    assert done["state"] == "succeeded"
    listed = cluster.client.get("/tasks", params={"state": "succeeded", "limit": 500}).json()
    assert done["id"] in [found["id"] for found in listed]
    assert all(found["state"] == "succeeded" for found in listed)
    newest = cluster.client.get("/tasks", params={"limit": 1}).json()
    assert len(newest) == 1
    counts = cluster.client.get("/counts").json()
    assert counts["succeeded"] >= len(listed) >= 1
    dashboard = cluster.client.get("/task-dashboard/data").json()
    assert dashboard["counts"]["succeeded"] >= 1 and dashboard["tasks"]
    shown = subprocess.run(
        [sys.executable, "-m", "fastapi", "tasks", "show", done["id"], "--path", "main.py"],
        cwd=cluster.directory,
        env=cluster.env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert shown.returncode == 0, shown.stderr
    assert "succeeded" in shown.stdout


def test_the_tasks_command_on_the_engine_without_the_app(cluster: Cluster, tmp_path: Path) -> None:
    """``fastapi tasks ... --store celery+redis://...`` from a directory without the app:
    list, show, counts, cancel and retry act on the engine's tasks."""

    def tasks(*argv: str) -> str:
        return cluster.tasks_command("celery+" + cluster.env["REDIS_URL"], tmp_path, *argv)

    failed = cluster.post("/run/fails_once/from-cli")
    assert cluster.ended(failed)["state"] == "failed"
    waiting = cluster.post("/later/cancelled-from-cli?delay=600")
    shown = json.loads(tasks("show", failed, "--json"))
    assert shown["state"] == "failed" and shown["error"] == "ValueError: from-cli is broken"
    listed = tasks("list", "--state", "failed", "--json", "--limit", "500").splitlines()
    assert failed in [json.loads(line)["id"] for line in listed]
    assert json.loads(tasks("counts", "--json"))["failed"] >= 1
    assert tasks("cancel", waiting) == f"{waiting}: cancelled\n"
    assert cluster.status(waiting)["state"] == "cancelled"
    (cluster.marks / "from-cli.fixed").touch()
    assert "pending again" in tasks("retry", failed)
    found = cluster.ended(failed)
    assert found["state"] == "succeeded" and found["result"] == "fixed", found
    assert not cluster.marked("cancelled-from-cli")


def test_started_at_and_scheduled_for(cluster: Cluster) -> None:
    task_id = cluster.post("/later/scheduled")
    waiting = cluster.status(task_id)
    assert waiting["state"] == "pending" and waiting["attempts"] == 0
    assert waiting["scheduled_for"] > waiting["created_at"]
    found = cluster.ended(task_id)
    assert found["state"] == "succeeded" and found["attempts"] == 1
    assert found["created_at"] <= found["started_at"] <= found["finished_at"]
    assert found["started_at"] >= waiting["scheduled_for"][:19]


def test_a_running_async_task_is_cancelled_at_its_next_await(cluster: Cluster) -> None:
    task_id = cluster.post("/run/waits/async-cancel")
    wait_for(lambda: marked(cluster, "async-cancel.started"), 60, "the task started")
    assert cluster.client.post(f"/cancel/{task_id}").json() == {"cancelled": True}
    found = cluster.ended(task_id, timeout=60)
    assert found["state"] == "cancelled" and found["result"] is None
    assert marked(cluster, "async-cancel.cancelled-at-await")
    assert cluster.client.post(f"/cancel/{task_id}").json() == {"cancelled": False}


def test_a_running_sync_task_sees_cancelled(cluster: Cluster) -> None:
    task_id = cluster.post("/run/loops/sync-cancel")
    wait_for(lambda: marked(cluster, "sync-cancel.started"), 60, "the task started")
    running = wait_for(
        lambda: (found := cluster.status(task_id))["state"] == "running" and found, 60, "running"
    )
    assert running["started_at"] is not None and running["cancel_requested"] is False
    assert cluster.client.post(f"/cancel/{task_id}").json() == {"cancelled": True}
    found = cluster.ended(task_id, timeout=60)
    assert found["state"] == "cancelled", found  # whatever it returned
    assert marked(cluster, "sync-cancel.saw-cancelled")


def test_a_failed_task_records_its_error_and_is_retried_by_id(cluster: Cluster) -> None:
    task_id = cluster.post("/run/fails_once/broken")
    failed = cluster.ended(task_id)
    assert failed["state"] == "failed", failed
    assert failed["error"] == "ValueError: broken is broken"
    assert failed["attempts"] == 1 and failed["max_attempts"] == 1
    hook = wait_for(
        lambda: (
            marked(cluster, f"{task_id}.on_failure")
            and (cluster.marks / f"{task_id}.on_failure").read_text()
        ),
        30,
        "the on_failure hook",
    )
    assert hook == "failed 1 broken is broken"
    (cluster.marks / "broken.fixed").touch()
    assert cluster.client.post(f"/retry/{task_id}").json() == {"retried": True}
    found = cluster.ended(task_id)
    assert found["state"] == "succeeded" and found["result"] == "fixed", found
    assert found["attempts"] == 1 and found["error"] is None
    assert cluster.client.post(f"/retry/{task_id}").json() == {"retried": False}


def test_timeouts_in_the_worker_and_as_celery_time_limits(cluster: Cluster) -> None:
    awaiting = cluster.post("/timeout/await")
    blocking = cluster.post("/timeout/block")
    found = cluster.ended(awaiting)
    assert found["state"] == "failed"
    assert found["error"] == "TimeoutError: the task took longer than its timeout of 1s"
    # Its event loop blocked, the call cannot time out: the prefork pool's hard time limit
    # (timeout + 2 s) ends the process running it.
    found = cluster.ended(blocking, timeout=120)
    assert found["state"] == "failed"
    assert found["error"].startswith("TimeLimitExceeded"), found


def test_periodic_tasks_fire_once_per_period_with_two_beats(cluster: Cluster) -> None:
    def occurrences() -> dict[str, list[str]]:
        seen: dict[str, list[str]] = {}
        for path in cluster.marks.glob("tick.*"):
            _, task_id, worker = path.name.split(".")
            seen.setdefault(task_id, []).append(worker)
        return seen

    wait_for(lambda: len(occurrences()) >= 3, 90, "three occurrences of the periodic task")
    seen = occurrences()
    assert all(len(workers) == 1 for workers in seen.values()), seen
    for task_id in seen:
        found = cluster.ended(task_id)
        assert found["state"] == "succeeded" and found["result"] == "tick"
        assert found["name"].endswith(":tick")
    logs = [(cluster.directory / f"{name}.log").read_text() for name in ("w1", "w2")]
    assert all("Celery beat inside, periodic tasks: main:tick" in log for log in logs)


def test_a_message_given_back_while_its_task_runs_is_not_run_twice(cluster: Cluster) -> None:
    """Celery's Redis transport gives a message back to the queue once it is unacknowledged
    for longer than the visibility timeout (4 s here), though its worker is alive and
    running it: the second delivery finds the attempt claimed, waits, and is skipped."""
    task_id = cluster.post("/hold/held")
    wait_for(lambda: cluster.marked("held"), 60, "the held task started")
    waiting = f"Task {task_id} (main:holds) delivered again while another worker runs it"

    def logged() -> bool:
        return any(
            waiting in (cluster.directory / f"{name}.log").read_text() for name in ("w1", "w2")
        )

    wait_for(logged, 120, "the message delivered again and its delivery waiting")
    (cluster.marks / "held.release").touch()
    found = cluster.ended(task_id)
    assert found["state"] == "succeeded" and found["attempts"] == 1, found
    assert found["takeovers"] == 0 and found["errors"] == [] and found["reason"] is None
    assert len(cluster.marked("held")) == 1  # started once
    assert found["result"] == cluster.marked("held")[0].rpartition(".")[2]


def test_worker_killed_mid_task_completes_on_the_other(cluster: Cluster) -> None:
    task_id = cluster.post("/slow/killed?seconds=3")
    started = wait_for(
        lambda: [path.name for path in cluster.marks.glob("killed.*")], 60, "the slow task started"
    )
    victim = started[0].rpartition(".")[2]
    survivor = "w2" if victim == "w1" else "w1"
    cluster.kill(cluster.workers[victim], signal.SIGKILL)
    found = cluster.ended(task_id, timeout=120)
    assert found["state"] == "succeeded", found
    assert found["result"] == survivor
    assert (cluster.marks / f"killed.{survivor}").exists()
    # The vanished worker's attempt and the survivor's: a takeover, not a retry.
    assert found["attempts"] == 2 and found["max_attempts"] == 1 and found["takeovers"] == 1
    assert found["worker"] == f"{survivor}@test"
    assert found["reason"] == (
        f"worker {victim}@test vanished during attempt 1; taken over by {survivor}@test"
    )
    [lost] = found["errors"]
    assert lost["attempt"] == 1 and lost["worker"] == f"{victim}@test"
    assert lost["error"] == f"WorkerLost: worker {victim}@test vanished during attempt 1"
    log = (cluster.directory / f"{survivor}.log").read_text()
    assert f"Task {task_id} (main:slow) taken over: worker {victim}@test vanished" in log
    assert f"now on {survivor}@test" in log


def test_a_request_whose_second_task_is_refused_runs_none(
    redis_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """All or none: the broker refuses the request's second message (injected: a real
    broker cannot be made to fail on cue), so the first, already sent, is cancelled."""
    from celery import Celery

    base = redis_url.rsplit("/", 1)[0]
    app = FastAPI(tasks=Celery("half", broker=f"{base}/10", backend=f"{base}/11"))

    @app.post("/")
    def enqueue(background_tasks: BackgroundTasks) -> dict[str, str]:
        first = background_tasks.add_task(print, "first").id
        background_tasks.add_task(print, "second")
        return {"id": first}

    engine = app.tasks.backend
    send, sent = engine._send, []

    def refuse_the_second(*args: Any) -> None:
        if sent:
            raise ConnectionError("the broker refuses the message")
        sent.append(args[0])
        send(*args)

    monkeypatch.setattr(engine, "_send", refuse_the_second)
    with TestClient(app) as client:
        assert client.post("/").status_code == 503
        # The publishing thread may outlive the request's timeout: poll for its clean-up.
        deadline = time.monotonic() + 60
        while [s.state for s in engine.list()] != ["cancelled"] and time.monotonic() < deadline:
            time.sleep(0.2)
        assert [(s.id, s.state) for s in engine.list()] == [(sent[0], "cancelled")]
        assert engine.counts().get("pending", 0) == 0


def test_counts_are_one_zcard_per_state_with_hundreds_of_tasks(tmp_path: Path) -> None:
    """Celery's own state writes (the worker's ``store_result``, a revoke) keep each task in
    its state's set: ``counts()`` reads no record, and agrees with reading them all. A
    redis-server of its own: its command counts are this test's alone."""
    import redis

    server = RedisServer(tmp_path)
    server.start()
    try:
        _count_hundreds_of_tasks(server.url, redis.Redis.from_url(server.url))
    finally:
        server.stop()


def _count_hundreds_of_tasks(url: str, client: Any) -> None:
    from celery.app.task import Context

    app = FastAPI(tasks=f"celery+{url}")
    engine = app.tasks.backend
    ids = [app.tasks.enqueue(print, number).id for number in range(300)]
    results = engine.app.backend

    def store(task_id: str, state: str, result: Any = None) -> None:
        meta = results.get_task_meta(task_id, cache=False)
        call = meta.get("args") or [meta["result"][key] for key in ("name", "payload", "info")]
        request = Context(task="fastapi.run", id=task_id, args=call, kwargs={})
        results.store_result(task_id, result, state, request=request)

    for task_id in ids[:60]:
        store(task_id, "STARTED")
    for task_id in ids[60:160]:
        store(task_id, "STARTED")
        store(task_id, "SUCCESS", "done")
    for task_id in ids[160:190]:
        store(task_id, "FAILURE", ValueError("broken"))
    for task_id in ids[190:210]:
        assert engine.cancel(task_id)
    expected = {"pending": 90, "running": 60, "succeeded": 100, "failed": 30, "cancelled": 20}

    def reads() -> int:
        stats = client.info("commandstats")
        return sum(
            int(stats.get(f"cmdstat_{name}", {}).get("calls", 0)) for name in ("get", "mget")
        )

    before = reads()
    assert {state.value: count for state, count in engine.counts().items()} == expected
    assert reads() == before  # no record read
    scanned: dict[str, int] = dict.fromkeys(expected, 0)
    for status in engine.list(limit=1000):
        scanned[status.state.value] += 1
    assert scanned == expected
    # Ids indexed before the state sets existed are placed once, from their records.
    client.delete(*client.keys("fastapi-celery-tasks:*"))
    assert {state.value: count for state, count in engine.counts().items()} == expected
    before = reads()
    assert {state.value: count for state, count in engine.counts().items()} == expected
    assert reads() == before
    client.close()
