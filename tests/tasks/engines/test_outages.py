"""Redis (broker and result backend) stopped and started again on the same port, under an
idle and then under a busy engine worker: the same ``fastapi worker`` command runs the
tasks enqueued afterwards, with no manual restart, and the task running through the
outage ends once, its outcome stored."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from fastapi.cli.worker_restart import FIRST_WAIT, LONGEST_WAIT, STEADY_AFTER, WorkerLife
from tests.tasks.engines.cluster import EngineCluster, RedisServer, wait_for


def _log_count(cluster: EngineCluster, line: str) -> Callable[[], int]:
    log = cluster.directory / "w1.log"
    return lambda: log.read_text(errors="replace").count(line)


def _outages(cluster: EngineCluster, server: RedisServer, lost_line: str, waits_line: str) -> None:
    """An outage while ``w1`` waits for work, then one while it runs a task that ends
    during the outage (``waits_line``: the worker logs that its outcome waits for Redis)."""
    worker = cluster.workers["w1"]
    lost = _log_count(cluster, lost_line)
    waits = _log_count(cluster, waits_line)
    seen = lost()
    assert cluster.ended(cluster.post("/where?seconds=0"))["state"] == "succeeded"

    server.stop()
    wait_for(lambda: lost() > seen, 120, "the idle worker noticing the outage")
    assert cluster.client.post("/where").status_code == 503
    server.start()
    found = cluster.ended(cluster.post("/where?seconds=0"), timeout=180)
    assert found["state"] == "succeeded" and found["result"] == "w1", found

    busy = cluster.post("/slow/busy?seconds=4")
    wait_for(lambda: cluster.marked("busy"), 60, "the busy task started")
    seen = lost()
    server.stop()
    wait_for(lambda: lost() > seen, 120, "the busy worker noticing the outage")
    assert cluster.client.get(f"/tasks/{busy}").status_code == 503
    wait_for(waits, 120, "the busy task ending while Redis is down")
    server.start()
    found = cluster.ended(busy, timeout=180)
    assert found["state"] == "succeeded" and found["result"] == "w1", found
    assert cluster.marked("busy") == ["busy.w1"]  # it ran once
    after = cluster.ended(cluster.post("/where?seconds=0"), timeout=180)
    assert after["state"] == "succeeded" and after["result"] == "w1", after
    assert worker.poll() is None  # the very command started before the outages


def test_a_celery_worker_outlasts_redis_outages(tmp_path: Path) -> None:
    pytest.importorskip("celery")
    from tests.tasks.engines.test_celery import Cluster

    (tmp_path / "redis").mkdir()
    server = RedisServer(tmp_path / "redis")
    server.start()
    (tmp_path / "app").mkdir()
    cluster = Cluster(tmp_path / "app", server.url)
    try:
        cluster.start_worker("w1", beat=False)
        cluster.wait_serving()
        _outages(cluster, server, "Connection to broker lost", "Failed operation _store_result")
        log = (cluster.directory / "w1.log").read_text(errors="replace")
        # Kombu may end Celery's worker on reconnection ("Unrecoverable error", its
        # unacknowledged messages not restorable): then it was started again, once.
        if "Unrecoverable error" in log:
            assert "ended without being asked to stop" in log
            assert "Celery worker w1@test is ready again" in log
    finally:
        cluster.close()
        server.stop()


def test_a_taskiq_worker_outlasts_redis_outages(tmp_path: Path) -> None:
    pytest.importorskip("taskiq_redis")
    from tests.tasks.engines.test_taskiq import Cluster

    (tmp_path / "redis").mkdir()
    server = RedisServer(tmp_path / "redis")
    server.start()
    (tmp_path / "app").mkdir()
    cluster = Cluster(tmp_path / "app", server.url)
    try:
        cluster.start_worker("w1")
        cluster.wait_workers()
        cluster.wait_serving()
        _outages(
            cluster, server, "unreachable (retrying)", "record could not be written (retrying)"
        )
        log = (cluster.directory / "w1.log").read_text(errors="replace")
        assert "is dead" not in log  # taskiq's worker process lived through both
    finally:
        cluster.close()
        server.stop()


def test_a_celery_worker_that_never_got_ready_is_not_restarted(tmp_path: Path) -> None:
    """Bad options: the error is the answer, not a restart loop."""
    pytest.importorskip("celery")
    (tmp_path / "main.py").write_text(
        "from fastapi import FastAPI\napp = FastAPI(tasks='celery+redis://127.0.0.1:9/0')\n"
    )
    argv = [sys.executable, "-m", "fastapi", "worker", "main.py", "--engine", "celery"]
    ended = subprocess.run(
        [*argv, "--pool", "no-such-pool"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert ended.returncode != 0
    assert "celery worker: Invalid value for '-P' / '--pool': 'no-such-pool'" in ended.stderr
    assert "Traceback" not in ended.stderr
    assert "starting it again" not in ended.stderr + ended.stdout


def test_restart_waits_double_while_restarts_follow_each_other(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    life = WorkerLife("Celery worker w1")
    assert not life.ended_unasked()  # never ready: not restarted
    life.ready()
    assert life.ended_unasked()
    assert life.next_wait() == FIRST_WAIT
    monkeypatch.setenv("FASTAPI_WORKER_RESTART_WAIT", "4")
    assert life.next_wait() == 8
    monkeypatch.setenv("FASTAPI_WORKER_RESTART_WAIT", str(LONGEST_WAIT))
    assert life.next_wait() == LONGEST_WAIT
    assert life.ready_at is not None
    life.ready_at -= STEADY_AFTER  # ready long enough: a steady run
    assert life.next_wait() == FIRST_WAIT
    life.asked_to_stop()
    assert not life.ended_unasked()
