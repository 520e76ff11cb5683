"""Store faults, with the real stores: Redis stopped, restarted and frozen; SQLite locked,
read-only and on a full disk. Workers survive, acknowledged tasks run once, outages are
logged once, requests get 503s rather than hang, and the app's own lifespan ends normally."""

from __future__ import annotations

import collections
import contextlib
import logging
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from fastapi import BackgroundTasks, FastAPI
from fastapi.tasks import TaskSettings, TaskState
from fastapi.tasks.store.sqlite import SQLiteTaskStore
from fastapi.testclient import TestClient

from .conftest import _free_port

RUNS: list[int] = []
GATE = threading.Event()
GATED_RUNNING = threading.Event()  # a gated task holds its worker


def record(n: int) -> None:
    RUNS.append(n)


def gated(n: int) -> None:
    """Holds its worker until the test opens the gate (to fail the outcome write after it)."""
    GATED_RUNNING.set()
    GATE.wait(60)
    RUNS.append(n)


@pytest.fixture(autouse=True)
def clean() -> Iterator[None]:
    RUNS.clear()
    GATE.clear()
    GATED_RUNNING.clear()
    yield
    GATE.set()


def faulty_app(store: object, **overrides: object) -> FastAPI:
    events: list[str] = []

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI):
        events.append("started")
        yield
        events.append("stopped")

    options = {"poll_interval": 0.05, "lease": 3.0, "handoff": 0.2, "store_timeout": 2.0}
    app = FastAPI(lifespan=lifespan, tasks=TaskSettings(store=store, **{**options, **overrides}))  # type: ignore[arg-type]
    app.state.events = events

    @app.post("/jobs/{n}")
    def enqueue(n: int, background_tasks: BackgroundTasks):
        return {"id": background_tasks.add_task(record, n).id}

    @app.post("/gated/{n}")
    def enqueue_gated(n: int, background_tasks: BackgroundTasks):
        background_tasks.add_task(gated, n)
        return {"id": background_tasks.add_task(record, n + 1).id}

    @app.get("/ping")
    def ping():
        return {"pong": True}

    return app


def wait_for(condition, timeout: float = 60.0, what: str = "condition") -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"{what} not reached in time"
        time.sleep(0.02)


def all_succeeded(app: FastAPI) -> bool:
    return {status.state for status in app.tasks.list(limit=1000)} == {TaskState.succeeded}


def outage_warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [
        r.getMessage()
        for r in caplog.records
        if r.levelno == logging.WARNING and "is unavailable" in r.getMessage()
    ]


def recoveries(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if "is available again" in r.getMessage()]


def post_all(client: TestClient, first: int, count: int) -> dict[int, int]:
    return {n: client.post(f"/jobs/{n}").status_code for n in range(first, first + count)}


# -- Redis ---------------------------------------------------------------------------------------


class RedisServer:
    """A redis-server that keeps every write (appendfsync always), stopped and started at will."""

    def __init__(self, directory: Path) -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            pytest.skip("redis-server is not installed (.ci/run installs it)")
        self.binary = binary
        self.directory = directory
        self.port = _free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        argv = [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.directory)]
        argv += ["--save", "", "--appendonly", "yes", "--appendfsync", "always"]
        self.process = subprocess.Popen(argv, stdout=subprocess.DEVNULL)
        import redis

        client = redis.Redis.from_url(self.url)

        def answers() -> bool:
            try:
                return bool(client.ping())
            except redis.RedisError:
                return False

        wait_for(answers, 20, "redis-server answering")

    def stop(self) -> None:
        assert self.process is not None
        self.process.terminate()
        self.process.wait(timeout=20)

    def signal(self, sig: int) -> None:
        assert self.process is not None
        self.process.send_signal(sig)


@pytest.fixture
def redis_server(tmp_path: Path) -> Iterator[RedisServer]:
    server = RedisServer(tmp_path)
    server.start()
    yield server
    if server.process is not None and server.process.poll() is None:
        server.signal(signal.SIGCONT)
        server.stop()


def test_redis_stopped_and_restarted_mid_run(
    redis_server: RedisServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="fastapi")
    # A lease longer than the outage: the running task's outcome is written once the server
    # is back, before its lease could expire (past it, another worker may take it over).
    app = faulty_app(redis_server.url, lease=30.0)
    with TestClient(app) as client:
        before = post_all(client, 0, 20)
        # A task running when the store goes: its outcome write fails, then is retried.
        waiting = threading.Thread(target=client.post, args=("/gated/1000",))
        waiting.start()
        # Stopped only once that task is stored and running: stopped sooner, the request
        # itself would get a 503 and its tasks would never exist.
        assert GATED_RUNNING.wait(60), "the gated task did not start"
        redis_server.stop()
        GATE.set()
        during = post_all(client, 100, 10)
        assert client.get("/ping").json() == {"pong": True}  # everything else serves
        redis_server.start()
        waiting.join(60)
        after = post_all(client, 200, 20)
        acknowledged = [n for n, code in {**before, **during, **after}.items() if code == 200]
        wait_for(lambda: set(acknowledged + [1000, 1001]) <= set(RUNS), what="every task run")
        wait_for(lambda: recoveries(caplog), what="the recovery logged")
        # A task's outcome is written after its function returned (that of the task running
        # through the outage once a retried write gets through): polled, not read at once.
        wait_for(lambda: all_succeeded(app), what="every task's outcome written")
        statuses = app.tasks.list(limit=1000)
    assert set(during.values()) == {503}  # refused while the store was down, not lost
    assert all(code == 200 for code in [*before.values(), *after.values()])
    runs = collections.Counter(RUNS)
    assert max(runs.values()) == 1, runs  # nothing ran twice
    assert not set(during) & set(runs)
    assert {status.state for status in statuses} == {TaskState.succeeded}
    assert len(outage_warnings(caplog)) == 1, outage_warnings(caplog)
    assert app.state.events == ["started", "stopped"]  # the app's own shutdown code ran


def test_a_frozen_redis_gives_503s_not_hung_requests(
    redis_server: RedisServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="fastapi")
    app = faulty_app(redis_server.url, store_timeout=1.0)
    with TestClient(app) as client:
        assert post_all(client, 0, 5) == dict.fromkeys(range(5), 200)
        redis_server.signal(signal.SIGSTOP)
        try:
            frozen = post_all(client, 10, 3)
        finally:
            redis_server.signal(signal.SIGCONT)
        wait_for(lambda: client.post("/jobs/99").status_code == 200, what="enqueueing again")
        wait_for(lambda: {0, 1, 2, 3, 4, 99} <= set(RUNS), what="tasks run")
    assert set(frozen.values()) == {503}
    assert not {10, 11, 12} & set(RUNS)  # stored once the server woke up, but cancelled
    assert outage_warnings(caplog)
    assert app.state.events == ["started", "stopped"]


def test_a_redis_without_persistence_is_warned_about_at_start(
    redis_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="fastapi")
    with TestClient(faulty_app(redis_url)):
        wait_for(lambda: any("no persistence" in r.getMessage() for r in caplog.records))


# -- SQLite --------------------------------------------------------------------------------------


def test_sqlite_locked_then_released(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="fastapi")
    path = tmp_path / "tasks.db"
    app = faulty_app(SQLiteTaskStore(str(path), busy_timeout=0.2), store_timeout=1.0)
    with TestClient(app) as client:
        assert post_all(client, 0, 5) == dict.fromkeys(range(5), 200)
        locker = sqlite3.connect(path, isolation_level=None)
        locker.execute("BEGIN EXCLUSIVE")  # another process holds the write lock
        try:
            locked = post_all(client, 10, 3)
            wait_for(lambda: outage_warnings(caplog), what="the outage warning")
        finally:
            locker.execute("ROLLBACK")
            locker.close()
        after = post_all(client, 20, 5)
        wait_for(lambda: {*range(5), *range(20, 25)} <= set(RUNS), what="tasks run")
        wait_for(lambda: recoveries(caplog), what="the recovery logged")
    assert set(locked.values()) == {503}
    assert set(after.values()) == {200}
    assert max(collections.Counter(RUNS).values()) == 1
    assert len(outage_warnings(caplog)) == 1
    assert app.state.events == ["started", "stopped"]


@contextlib.contextmanager
def small_filesystem(directory: Path, size: str = "2m") -> Iterator[Path]:
    """A real tmpfs of its own (mounting needs root; the test is skipped without it)."""
    directory.mkdir()
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(directory)],
        capture_output=True,
    )
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {result.stderr.decode().strip()}")
    try:
        yield directory
    finally:
        subprocess.run(["umount", "-l", str(directory)], check=False)


@contextlib.contextmanager
def read_only_view(directory: Path, view: Path) -> Iterator[Path]:
    """``directory`` seen through a read-only bind mount at ``view`` (needs root)."""
    view.mkdir()
    result = subprocess.run(["mount", "--bind", str(directory), str(view)], capture_output=True)
    if result.returncode != 0:
        pytest.skip(f"cannot bind-mount here: {result.stderr.decode().strip()}")
    try:
        subprocess.run(["mount", "-o", "remount,ro,bind", str(view)], check=True)
        yield view
    finally:
        subprocess.run(["umount", "-l", str(view)], check=False)


def test_sqlite_read_only_then_writable_again(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="fastapi")
    (tmp_path / "data").mkdir()
    producer = faulty_app(f"sqlite:///{tmp_path / 'data' / 'tasks.db'}", workers=False)
    with TestClient(producer) as client:
        assert post_all(client, 0, 3) == dict.fromkeys(range(3), 200)  # stored, not run
    assert RUNS == []
    with read_only_view(tmp_path / "data", tmp_path / "view") as view:
        app = faulty_app(f"sqlite:///{view / 'tasks.db'}")  # starts with its store read-only
        with TestClient(app) as client:
            assert client.get("/ping").status_code == 200  # everything else serves
            refused = post_all(client, 10, 3)
            wait_for(lambda: outage_warnings(caplog), what="the outage warning")
            subprocess.run(["mount", "-o", "remount,rw,bind", str(view)], check=True)
            wait_for(lambda: client.post("/jobs/20").status_code == 200, what="storing again")
            wait_for(lambda: {0, 1, 2, 20} <= set(RUNS), what="the tasks run")
            wait_for(lambda: recoveries(caplog), what="the recovery logged")
    assert set(refused.values()) == {503}
    assert max(collections.Counter(RUNS).values()) == 1
    assert len(outage_warnings(caplog)) == 1
    assert app.state.events == ["started", "stopped"]


def test_sqlite_on_a_full_disk_then_freed(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="fastapi")
    with small_filesystem(tmp_path / "fs") as directory:
        app = faulty_app(f"sqlite:///{directory / 'tasks.db'}")
        with TestClient(app) as client:
            assert post_all(client, 0, 3) == dict.fromkeys(range(3), 200)
            wait_for(lambda: set(range(3)) <= set(RUNS), what="tasks run")
            filler = directory / "filler"
            with contextlib.suppress(OSError), filler.open("wb") as out:
                while True:
                    out.write(b"\0" * 65536)
                    out.flush()
                    os.fsync(out.fileno())
            full = post_all(client, 10, 20)
            filler.unlink()
            wait_for(lambda: client.post("/jobs/50").status_code == 200, what="storing again")
            acknowledged = [n for n, code in full.items() if code == 200] + [50]
            wait_for(lambda: set(acknowledged) <= set(RUNS), what="the tasks run")
            wait_for(lambda: recoveries(caplog), what="the recovery logged")
    assert 503 in full.values()
    assert max(collections.Counter(RUNS).values()) == 1
    assert len(outage_warnings(caplog)) == 1
    assert app.state.events == ["started", "stopped"]


LEFT_BY_A_KILLED_PROCESS = """
import os, signal, sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("PRAGMA journal_mode=WAL")
db.execute("CREATE TABLE left_here (x)")
db.execute("INSERT INTO left_here VALUES (1)")
os.kill(os.getpid(), signal.SIGKILL)  # no close: the -wal and -shm files stay behind
"""


def test_an_unwritable_shm_file_gives_503s_naming_it_and_the_fix(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The -shm file a killed process left, made unwritable (a read-only bind mount of that
    one file: root may write any file otherwise): requests answer 503, the one warning names
    the file and the fix, nothing dies; writable again, storing and running resume."""
    caplog.set_level(logging.INFO, logger="fastapi")
    path = tmp_path / "tasks.db"
    shm = tmp_path / "tasks.db-shm"
    subprocess.run([sys.executable, "-c", LEFT_BY_A_KILLED_PROCESS, str(path)], check=False)
    assert shm.exists() and (tmp_path / "tasks.db-wal").exists()
    result = subprocess.run(["mount", "--bind", str(shm), str(shm)], capture_output=True)
    if result.returncode != 0:
        pytest.skip(f"cannot bind-mount here: {result.stderr.decode().strip()}")
    try:
        subprocess.run(["mount", "-o", "remount,ro,bind", str(shm)], check=True)
        app = faulty_app(f"sqlite:///{path}")
        with TestClient(app) as client:
            assert client.get("/ping").status_code == 200
            refused = post_all(client, 0, 3)
            wait_for(lambda: outage_warnings(caplog), what="the outage warning")
            [warning] = outage_warnings(caplog)
            assert f"{shm} is not writable by this process" in warning
            assert "give that user write access to it, or delete it while no process" in warning
            subprocess.run(["umount", str(shm)], check=True)
            wait_for(lambda: client.post("/jobs/10").status_code == 200, what="storing again")
            wait_for(lambda: 10 in RUNS, what="the task run")
            wait_for(lambda: recoveries(caplog), what="the recovery logged")
    finally:
        subprocess.run(["umount", "-l", str(shm)], check=False, capture_output=True)
    assert set(refused.values()) == {503} and RUNS == [10]
    assert app.state.events == ["started", "stopped"]
    with sqlite3.connect(path) as db:  # what the killed process committed is still there
        assert db.execute("SELECT x FROM left_here").fetchall() == [(1,)]
