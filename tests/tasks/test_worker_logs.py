"""What `fastapi worker` logs: each attempt's start and end with --verbose, failures with
their duration always, and one line when it stops."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from fastapi.tasks import TaskState, open_store

APP = textwrap.dedent(
    """
    import os
    from fastapi import FastAPI
    from fastapi.tasks import TaskSettings

    app = FastAPI(tasks=TaskSettings(store=os.environ["TASK_STORE"], workers=False, poll_interval=0.05))

    def greet(name: str) -> str:
        return f"hello {name}"

    def explode() -> None:
        raise RuntimeError("boom")
    """
)


def run_worker(directory: Path, url: str, *flags: str, expected: int) -> str:
    """Start a worker, wait until ``expected`` tasks have ended, stop it; its log."""
    env = {**os.environ, "TASK_STORE": url}
    worker = subprocess.Popen(
        [sys.executable, "-m", "fastapi", "worker", "jobs.py", *flags],
        cwd=directory, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    store = open_store(url)
    try:
        deadline = time.monotonic() + 60
        while sum(store.counts()[state] for state in (TaskState.succeeded, TaskState.failed)) < expected:
            assert worker.poll() is None, worker.stderr.read()  # type: ignore[union-attr]
            assert time.monotonic() < deadline, "the worker did not run the tasks"
            time.sleep(0.05)
    finally:
        worker.send_signal(signal.SIGINT)
        _, log = worker.communicate(timeout=30)
    assert worker.returncode == 0, log
    return log


@pytest.fixture
def producer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    (tmp_path / "jobs.py").write_text(APP)
    url = f"sqlite:///{tmp_path / 'tasks.db'}"
    monkeypatch.setenv("TASK_STORE", url)
    monkeypatch.syspath_prepend(str(tmp_path))
    import jobs

    yield jobs, url
    del sys.modules["jobs"]


def test_verbose_worker_logs_each_attempt_and_its_shutdown(producer, tmp_path: Path) -> None:
    jobs, url = producer
    ok = jobs.app.tasks.enqueue(jobs.greet, "ann")
    bad = jobs.app.tasks.enqueue(jobs.explode)
    log = run_worker(tmp_path, url, "--verbose", expected=2)
    assert f"Task {ok.id} (jobs:greet) attempt 1/1 started" in log
    assert f"Task {ok.id} (jobs:greet) attempt 1/1 succeeded in " in log
    assert f"Background task {bad.id} (jobs:explode) failed after 1 attempt(s) (the last took " in log
    assert "RuntimeError: boom" in log
    assert "Workers stopped: 2 task(s) ended here (1 succeeded, 1 failed, 0 cancelled" in log
    assert jobs.app.tasks.get(ok.id).result == "hello ann"


def test_quiet_worker_logs_failures_and_its_shutdown_only(producer, tmp_path: Path) -> None:
    jobs, url = producer
    jobs.app.tasks.enqueue(jobs.greet, "bob")
    bad = jobs.app.tasks.enqueue(jobs.explode)
    log = run_worker(tmp_path, url, expected=2)
    assert "started" not in log and "succeeded in" not in log
    assert f"Background task {bad.id} (jobs:explode) failed after 1 attempt(s)" in log
    assert "Workers stopped: 2 task(s) ended here" in log
