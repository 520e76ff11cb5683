"""Periodic tasks: once per period however many processes schedule them (two real
`fastapi worker` processes on each store), in memory too, and their declarations checked."""

from __future__ import annotations

import collections
import os
import signal
import subprocess
import sys
import textwrap
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from fastapi import FastAPI
from fastapi.tasks import TaskSettings, current_task, task
from fastapi.tasks import periodic as periodic_module
from fastapi.testclient import TestClient

from .conftest import StoreFactory

PRODUCER = textwrap.dedent(
    """
    import os
    from fastapi import FastAPI
    from fastapi.tasks import TaskSettings, current_task, task

    app = FastAPI(tasks=TaskSettings(store=os.environ["TASK_STORE"], workers=False, poll_interval=0.05))

    @task(every=1)
    def tick() -> None:
        fd = os.open(os.environ["DONE_FILE"], os.O_WRONLY | os.O_APPEND | os.O_CREAT)
        try:
            os.write(fd, f"{current_task().id} {os.getpid()}\\n".encode())
        finally:
            os.close(fd)
    """
)


def lines(path: Path) -> list[str]:
    return path.read_text().splitlines() if path.exists() else []


def test_two_worker_processes_fire_each_period_once(stores: StoreFactory, tmp_path: Path) -> None:
    (tmp_path / "producer.py").write_text(PRODUCER)
    done = tmp_path / "done.txt"
    env = {**os.environ, "TASK_STORE": stores.url, "DONE_FILE": str(done)}
    command = [sys.executable, "-m", "fastapi", "worker", "producer.py", "--verbose"]
    workers = [
        subprocess.Popen(command, cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    try:
        deadline = time.monotonic() + 60
        while len(lines(done)) < 4:
            assert time.monotonic() < deadline, "the periodic task did not fire four times"
            assert all(worker.poll() is None for worker in workers), "a worker died"
            time.sleep(0.05)
    finally:
        for worker in workers:
            worker.send_signal(signal.SIGINT)
        logs = [worker.communicate(timeout=30)[1] for worker in workers]
    assert [worker.returncode for worker in workers] == [0, 0], logs
    runs = collections.Counter(line.split()[0] for line in lines(done))
    assert max(runs.values()) == 1, f"an occurrence ran twice: {runs}"
    assert len(runs) >= 4
    assert all("Workers stopped" in log for log in logs), logs
    assert any("producer:tick" in log and "succeeded in" in log for log in logs), logs


def test_periodic_tasks_in_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(periodic_module, "_REGISTRY", {})
    fired: list[str] = []

    @task(every=0.2)
    def beat() -> None:
        fired.append(current_task().id)  # one id per occurrence

    app = FastAPI()
    with TestClient(app):
        deadline = time.monotonic() + 20
        while len(fired) < 3:
            assert time.monotonic() < deadline, "the periodic task did not fire"
            time.sleep(0.02)
    assert len(set(fired)) == len(fired), "each occurrence ran once"


def test_settings_choose_which_periodic_tasks_an_app_schedules(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(periodic_module, "_REGISTRY", {})
    fired: list[str] = []

    @task(every=0.1)
    def wanted() -> None:
        fired.append("wanted")

    @task(every=0.1)
    def unwanted() -> None:
        fired.append("unwanted")

    app = FastAPI(tasks=TaskSettings(periodic=[wanted]))
    with TestClient(app):
        deadline = time.monotonic() + 20
        while len(fired) < 2:
            assert time.monotonic() < deadline
            time.sleep(0.02)
    assert set(fired) == {"wanted"}
    quiet = FastAPI(tasks=TaskSettings(periodic=[]))
    fired.clear()
    with TestClient(quiet):
        time.sleep(0.3)
    assert fired == []


def test_occurrences_are_the_same_instants_everywhere() -> None:
    @task(every=timedelta(minutes=5))
    def every_five() -> None: ...

    @task(cron="30 3 * * 1")  # Mondays at 03:30 UTC
    def weekly() -> None: ...

    try:
        start = datetime(2026, 12, 3, 10, 2, 7, tzinfo=timezone.utc).timestamp()  # a Thursday
        following = periodic_module.next_occurrence(every_five, start)
        assert datetime.fromtimestamp(following, timezone.utc) == datetime(2026, 12, 3, 10, 5, tzinfo=timezone.utc)
        assert periodic_module.next_occurrence(every_five, following) == following + 300
        monday = periodic_module.next_occurrence(weekly, start)
        assert datetime.fromtimestamp(monday, timezone.utc) == datetime(2026, 12, 7, 3, 30, tzinfo=timezone.utc)
        key = periodic_module.occurrence_key(weekly, monday)
        assert key == periodic_module.occurrence_key(weekly, monday) and "weekly" in key
    finally:
        periodic_module._REGISTRY.pop(periodic_module.task_name(every_five), None)
        periodic_module._REGISTRY.pop(periodic_module.task_name(weekly), None)


def test_bad_periods_are_refused_where_they_are_declared() -> None:
    with pytest.raises(ValueError, match="not a valid cron expression"):
        task(cron="every monday")
    with pytest.raises(ValueError, match="every= or cron=, not both"):
        task(every=5, cron="* * * * *")
    with pytest.raises(ValueError, match="every= must be a positive duration"):
        task(every=0)
    with pytest.raises(ValueError, match="timeout= must be a positive duration"):
        task(timeout=-1)


BEATS: list[str] = []


@task(every=0.3)
def durable_beat() -> None:
    BEATS.append(current_task().id)  # one id per occurrence


# Scheduled only by the app below that names it (not by every app of the test session).
periodic_module._REGISTRY.pop(periodic_module.task_name(durable_beat))


def test_one_unschedulable_periodic_task_does_not_stop_the_others(
    stores: StoreFactory, caplog: pytest.LogCaptureFixture
) -> None:
    @task(every=0.3)
    def not_importable() -> None: ...  # a local function: no worker could import it

    periodic_module._REGISTRY.pop(periodic_module.task_name(not_importable))
    BEATS.clear()
    app = FastAPI(tasks=TaskSettings(store=stores.url, poll_interval=0.05, periodic=[not_importable, durable_beat]))
    with TestClient(app), caplog.at_level("WARNING", logger="fastapi"):
        deadline = time.monotonic() + 30
        while len(BEATS) < 3:
            assert time.monotonic() < deadline, "the importable periodic task did not run"
            time.sleep(0.02)
    warnings = [r.getMessage() for r in caplog.records if "could not be scheduled" in r.getMessage()]
    assert len(warnings) == 1 and "not_importable" in warnings[0] and "cannot be stored" in warnings[0]
    assert len(set(BEATS)) == len(BEATS), "each occurrence ran once"
