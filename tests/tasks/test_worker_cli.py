"""`fastapi worker`: worker processes sharing a store run every task exactly once."""

from __future__ import annotations

import collections
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from fastapi.testclient import TestClient

from .conftest import StoreFactory

PRODUCER = textwrap.dedent(
    """
    import os, time
    from fastapi import BackgroundTasks, FastAPI
    from fastapi.tasks import TaskSettings, current_task

    app = FastAPI(tasks=TaskSettings(store=os.environ["TASK_STORE"], workers=False, poll_interval=0.05, lease=2.0))

    def append(path: str, line: str) -> None:
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT)
        try:
            os.write(fd, f"{line}\\n".encode())
        finally:
            os.close(fd)

    def job(n: int) -> None:
        append(os.environ["STARTED_FILE"], str(os.getpid()))
        deadline = time.monotonic() + 60
        while not os.path.exists(os.environ["GATE_FILE"]) and time.monotonic() < deadline:
            time.sleep(0.01)  # the first tasks wait until both workers hold some
        append(os.environ["DONE_FILE"], f"{current_task().id} {n} {os.getpid()}")

    @app.post("/jobs/{n}")
    def enqueue(n: int, background_tasks: BackgroundTasks):
        return {"id": background_tasks.add_task(job, n).id}
    """
)


def lines_of(path: Path) -> list[str]:
    return path.read_text().splitlines() if path.exists() else []


def start_worker(directory: Path, env: dict[str, str]) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "fastapi", "worker", "producer.py", "--concurrency", "2"]
    return subprocess.Popen(command, cwd=directory, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def test_worker_processes_share_the_store_and_run_each_task_once(
    stores: StoreFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "producer.py").write_text(PRODUCER)
    env = {
        **os.environ,
        "TASK_STORE": stores.url,
        "DONE_FILE": str(tmp_path / "done.txt"),
        "STARTED_FILE": str(tmp_path / "started.txt"),
        "GATE_FILE": str(tmp_path / "gate"),
    }
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    monkeypatch.syspath_prepend(str(tmp_path))
    import producer

    with TestClient(producer.app) as client:  # the web side only stores the tasks
        ids = [client.post(f"/jobs/{n}").json()["id"] for n in range(40)]
    assert not (tmp_path / "done.txt").exists()

    workers = [start_worker(tmp_path, env), start_worker(tmp_path, env)]
    try:
        deadline = time.monotonic() + 60
        while len(set(lines_of(tmp_path / "started.txt"))) < 2:  # both workers hold a task
            assert time.monotonic() < deadline, "the workers did not both start tasks"
            assert all(worker.poll() is None for worker in workers), workers[0].stderr.read()  # type: ignore[union-attr]
            time.sleep(0.05)
        (tmp_path / "gate").touch()
        while len((tmp_path / "done.txt").read_text().splitlines() if (tmp_path / "done.txt").exists() else []) < 40:
            assert time.monotonic() < deadline, "workers did not finish the tasks"
            assert all(worker.poll() is None for worker in workers), workers[0].stderr.read()  # type: ignore[union-attr]
            time.sleep(0.05)
    finally:
        for worker in workers:
            worker.send_signal(signal.SIGINT)
        codes = [worker.wait(timeout=20) for worker in workers]
    assert codes == [0, 0]
    lines = (tmp_path / "done.txt").read_text().splitlines()
    runs = collections.Counter(line.split()[0] for line in lines)
    assert set(runs) == set(ids) and max(runs.values()) == 1
    assert len({line.split()[2] for line in lines}) == 2, "both workers took tasks"
    status = producer.app.tasks.get(ids[0])
    assert status is not None and status.state.value == "succeeded"
    del sys.modules["producer"]


def test_worker_refuses_an_in_memory_app(tmp_path: Path) -> None:
    (tmp_path / "main.py").write_text("from fastapi import FastAPI\napp = FastAPI()\n")
    result = subprocess.run(
        [sys.executable, "-m", "fastapi", "worker", "main.py"], cwd=tmp_path, capture_output=True, text=True
    )
    assert result.returncode == 1
    assert "keeps its background tasks in memory" in result.stderr
