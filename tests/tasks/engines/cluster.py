"""What the engine tests share: the app on uvicorn and engine workers started by
``fastapi worker``, each in its own process group, around one redis-server (or one of the
test's own, stopped and started again on the same port)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.uvicorn_server import free_port

ENDED = ("succeeded", "failed", "cancelled")


def wait_for(condition: Callable[[], Any], timeout: float, what: str) -> Any:
    """Poll ``condition`` until it is truthy (its value), or fail naming ``what``."""
    deadline = time.monotonic() + timeout
    while True:
        found = condition()
        if found:
            return found
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.1)


class EngineCluster:
    """``app_source`` written as ``main.py``, served by uvicorn (unless ``serve=False``);
    each engine module adds how its workers start. Every process logs to ``NAME.log``."""

    def __init__(
        self, directory: Path, redis_url: str, app_source: str, *, serve: bool = True
    ) -> None:
        self.directory = directory
        self.marks = directory / "marks"
        self.marks.mkdir()
        (directory / "main.py").write_text(app_source)
        self.env = {
            **os.environ,
            "REDIS_URL": redis_url,
            "MARKS_DIR": str(self.marks),
            "PYTHONPATH": str(directory),
        }
        self.workers: dict[str, subprocess.Popen[bytes]] = {}
        self.port = free_port()
        self.server: subprocess.Popen[bytes] | None = None
        if serve:
            argv = [sys.executable, "-m", "uvicorn", "main:app", "--port", str(self.port)]
            self.server = self._start(argv, "server")
        self.client = httpx.Client(base_url=f"http://127.0.0.1:{self.port}", timeout=30)

    def _start(self, argv: list[str], name: str) -> subprocess.Popen[bytes]:
        log = open(self.directory / f"{name}.log", "wb")  # noqa: SIM115 - kept for the process
        env = {**self.env, "WORKER_NAME": name}
        return subprocess.Popen(
            argv, cwd=self.directory, env=env, stdout=log, stderr=log, start_new_session=True
        )

    def wait_serving(self) -> None:
        def answers() -> bool:
            if self.server is not None:
                assert self.server.poll() is None, (self.directory / "server.log").read_text()
            try:
                return self.client.get("/docs").status_code == 200
            except httpx.HTTPError:
                return False

        wait_for(answers, 90, "uvicorn serving the app")

    def post(self, path: str) -> str:
        response = self.client.post(path)
        assert response.status_code == 200, response.text
        return str(response.json()["id"])

    def status(self, task_id: str) -> dict[str, Any]:
        response = self.client.get(f"/tasks/{task_id}")
        assert response.status_code == 200, response.text
        return dict(response.json())

    def ended(self, task_id: str, timeout: float = 90) -> dict[str, Any]:
        return dict(
            wait_for(
                lambda: (found := self.status(task_id))["state"] in ENDED and found,
                timeout,
                f"task {task_id} to end",
            )
        )

    def tasks_command(self, store: str, cwd: Path, *argv: str) -> str:
        """``fastapi tasks ARGV --store STORE`` run in ``cwd``, without the app on the path:
        its standard output (it must succeed)."""
        env = {key: value for key, value in self.env.items() if key != "PYTHONPATH"}
        command = [sys.executable, "-m", "fastapi", "tasks", *argv, "--store", store]
        done = subprocess.run(
            command, cwd=cwd, env=env, capture_output=True, text=True, timeout=120
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    def marked(self, key: str) -> list[str]:
        return [path.name for path in self.marks.glob(f"{key}.w*")]

    def kill(self, process: subprocess.Popen[bytes], sig: int = signal.SIGTERM) -> None:
        if process.poll() is None:
            os.killpg(process.pid, sig)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)

    def close(self) -> None:
        self.client.close()
        for process in [*self.workers.values(), self.server]:
            if process is not None:
                self.kill(process)


class RedisServer:
    """A redis-server of one test on a port of its own, that keeps every write across a
    stop and a start (append-only file, fsync always): an outage, then the same server."""

    def __init__(self, directory: Path) -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            pytest.skip("redis-server is not installed (.ci/run installs it)")
        self.argv = [binary, "--port", str(free_port()), "--bind", "127.0.0.1"]
        self.argv += ["--dir", str(directory), "--save", "", "--appendonly", "yes"]
        self.argv += ["--appendfsync", "always"]
        self.url = f"redis://127.0.0.1:{self.argv[2]}/0"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        import redis

        self.process = subprocess.Popen(self.argv, stdout=subprocess.DEVNULL)
        client = redis.Redis.from_url(self.url)

        def answers() -> bool:
            assert self.process is not None and self.process.poll() is None, "redis-server died"
            try:
                return bool(client.ping())
            except redis.RedisError:
                return False

        wait_for(answers, 60, "redis-server answering")
        client.close()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)
