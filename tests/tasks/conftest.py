"""Durable task settings for the tests: a SQLite file, and a real Redis server started here
(the taskiq engine)."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from fastapi.tasks.engines import open_backend
from fastapi.tasks.store import open_store


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A throwaway redis-server on loopback (CI installs it; see .ci/run)."""
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip(
            "redis-server is not installed (.ci/run installs it: apt-get install redis-server)"
        )
    port = _free_port()
    directory = tmp_path_factory.mktemp("redis")
    process = subprocess.Popen(
        [
            binary,
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(directory),
        ],
        stdout=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    import redis

    client = redis.Redis.from_url(url)
    deadline = time.monotonic() + 10
    while True:
        try:
            client.ping()
            break
        except redis.ConnectionError:
            if time.monotonic() > deadline:
                process.kill()
                raise
            time.sleep(0.05)
    yield url
    process.terminate()
    process.wait(timeout=10)


@dataclass
class StoreFactory:
    """A durable task setting: ``sqlite`` (a store) or ``redis`` (the taskiq engine on a
    real Redis, the app's processes running tasks as with a store)."""

    kind: str
    url: str

    def open(self) -> Any:
        return open_tasks(self.url)


def open_tasks(url: str) -> Any:
    """What ``fastapi tasks --store URL`` opens: ``get``, ``list``, ``cancel``, ``retry`` and
    ``counts`` from outside the app (a SQLite store, or the taskiq engine of a Redis URL)."""
    return open_store(url) if url.startswith("sqlite:") else open_backend(url)


@pytest.fixture(params=["sqlite", "redis"])
def stores(request: pytest.FixtureRequest, tmp_path: Path) -> StoreFactory:
    if request.param == "sqlite":
        return StoreFactory("sqlite", f"sqlite:///{tmp_path / 'tasks.db'}")
    url = request.getfixturevalue("redis_url")
    import redis

    redis.Redis.from_url(url).flushdb()
    return StoreFactory("redis", url)


@pytest.fixture
def sqlite_stores(tmp_path: Path) -> StoreFactory:
    """A SQLite store alone, for what only a store has (claims, leases, batches of writes):
    the taskiq engine behind ``redis://`` has messages held by its workers instead."""
    return StoreFactory("sqlite", f"sqlite:///{tmp_path / 'tasks.db'}")
