"""A real uvicorn serving ``tests/robustness/app.py`` on a free loopback port, for one test module."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until(condition: Callable[[], Any], timeout: float = 30.0, interval: float = 0.05) -> Any:
    """Poll ``condition`` until it answers something true (or fail after ``timeout``)."""
    deadline = time.monotonic() + timeout
    while True:
        result = condition()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"condition not met within {timeout} s (last: {result!r})")
        time.sleep(interval)


class Server:
    """uvicorn in a subprocess, its temporary directory and its log in ``workdir``."""

    def __init__(self, workdir: Path, *, env: dict[str, str] | None = None, extra: list[str] | None = None):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.temp_dir = workdir / "tmp"
        self.temp_dir.mkdir()
        self.log_path = workdir / "server.log"
        self._log = self.log_path.open("wb")
        command = [sys.executable, "-m", "uvicorn", "tests.robustness.app:app", "--port", str(self.port)]
        command += ["--log-level", "warning", "--no-access-log", *(extra or [])]
        self.process = subprocess.Popen(
            command,
            cwd=ROOT,
            env={**os.environ, "TMPDIR": str(self.temp_dir), **(env or {})},
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )
        self.client = httpx.Client(base_url=self.url, timeout=60)
        wait_until(self._ready, timeout=60)

    def _ready(self) -> bool:
        if self.process.poll() is not None:
            raise RuntimeError(f"uvicorn exited: {self.log()}")
        try:
            return self.client.get("/hello").status_code == 200
        except httpx.TransportError:
            return False

    def probe(self) -> dict[str, Any]:
        return self.client.get("/probe").json()

    def log(self) -> str:
        self._log.flush()
        return self.log_path.read_text(errors="replace")

    def connect(self) -> socket.socket:
        return socket.create_connection(("127.0.0.1", self.port), timeout=30)

    def stop(self) -> None:
        self.client.close()
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=20)
        self._log.close()
