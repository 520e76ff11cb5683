"""Sync task functions run in threads of their own: however many block, a real server still
answers its sync and async endpoints, other tasks still run as far as the settings allow,
a timed-out or cancelled sync attempt says its thread runs on, and shutdown is bounded."""

from __future__ import annotations

import signal
import sys
import textwrap
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from fastapi import BackgroundTasks, FastAPI
from fastapi.tasks import TaskState
from fastapi.testclient import TestClient

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from uvicorn_server import Server, serve_app  # noqa: E402

#: The served app: sync tasks that block until the test creates a file, and endpoints that
#: tell what ran. ``TASKS`` is filled in per test (memory, or a store's settings).
APP = """
import os
import threading
import time
from pathlib import Path

from fastapi import BackgroundTasks, FastAPI
from fastapi.tasks import TaskSettings

RELEASE = Path(os.environ["RELEASE_FILE"])
app = FastAPI(tasks={tasks})
started = []
lock = threading.Lock()


def blocked(number: int) -> str:
    with lock:
        started.append(number)
    while not RELEASE.exists():  # a sync function nothing can interrupt
        time.sleep(0.02)
    return "released"


def quick(number: int) -> int:
    return number


async def quick_async(number: int) -> int:
    return number


def decline(number: int) -> None:
    raise ConnectionError("card service down")


FUNCTIONS = {{"blocked": blocked, "quick": quick, "quick_async": quick_async, "decline": decline}}


@app.post("/queue/{{name}}/{{number}}")
async def queue(name: str, number: int, background_tasks: BackgroundTasks, timeout: float = 0):
    tasks = background_tasks.options(timeout=timeout) if timeout else background_tasks
    return {{"id": tasks.add_task(FUNCTIONS[name], number).id}}


@app.post("/enqueue/{{name}}/{{number}}")
async def enqueue(name: str, number: int, timeout: float = 0):
    tasks = app.tasks.options(timeout=timeout) if timeout else app.tasks
    return {{"id": (await tasks.enqueue(FUNCTIONS[name], number)).id}}


@app.get("/sync")
def sync_endpoint():
    return {{"thread": threading.current_thread().name}}


@app.get("/async")
async def async_endpoint():
    return {{"started": len(started)}}


@app.get("/status/{{task_id}}")
def status(task_id: str):
    found = app.tasks.get(task_id)
    return None if found is None else found.model_dump(mode="json")


@app.post("/cancel/{{task_id}}")
def cancel(task_id: str):
    return {{"cancelled": app.tasks.cancel(task_id)}}


@app.post("/retry/{{task_id}}")
def retry(task_id: str):
    return {{"retried": app.tasks.retry(task_id)}}
"""


def wait_for(condition: Callable[[], Any], what: str, timeout: float = 60.0) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        found = condition()
        if found:
            return found
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


class Served:
    """The app on a real uvicorn, and a fresh connection per request (a response's tasks
    run within its connection's ASGI call, as with FastAPI: a kept-alive connection would
    wait for them)."""

    def __init__(self, server: Server, release: Path) -> None:
        self.server = server
        self.base = f"http://127.0.0.1:{server.port}"
        self.release = release

    def post(self, path: str) -> Any:
        return httpx.post(self.base + path, timeout=60, headers={"connection": "close"}).json()

    def get(self, path: str) -> Any:
        return httpx.get(self.base + path, timeout=60, headers={"connection": "close"}).json()

    def state(self, task_id: str) -> str | None:
        found = self.get(f"/status/{task_id}")
        return None if found is None else found["state"]


def serve(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tasks: str) -> Any:
    release = tmp_path / "release"
    monkeypatch.setenv("RELEASE_FILE", str(release))
    return release, serve_app(tmp_path, "threads_app", textwrap.dedent(APP).format(tasks=tasks))


def test_blocked_sync_tasks_leave_endpoints_and_other_tasks_running(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """45 sync tasks that block, in memory (FastAPI 0.116 itself stops answering its sync
    endpoints past 40: they share AnyIO's 40 threads)."""
    release, served_app = serve(tmp_path, monkeypatch, "None")
    with served_app as server:
        app = Served(server, release)
        blocked = [app.post(f"/queue/blocked/{number}")["id"] for number in range(45)]
        wait_for(lambda: app.get("/async")["started"] == 40, "40 task threads busy")
        assert app.get("/sync")["thread"] == "AnyIO worker thread"  # the request path's own
        assert app.get("/async") == {"started": 40}
        # An async task needs no thread: it runs. A sync one waits for a task thread.
        async_id = app.post("/queue/quick_async/7")["id"]
        wait_for(lambda: app.state(async_id) == "succeeded", "the async task")
        sync_id = app.post("/queue/quick/8")["id"]
        assert app.state(sync_id) == "pending" and app.state(blocked[44]) == "pending"
        release.touch()
        for task_id in [*blocked, sync_id]:
            wait_for(lambda task_id=task_id: app.state(task_id) == "succeeded", task_id)
        assert app.get("/async") == {"started": 45}


def test_a_timed_out_sync_attempt_says_its_thread_runs_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    release, served_app = serve(tmp_path, monkeypatch, "None")
    with served_app as server:
        app = Served(server, release)
        task_id = app.post("/queue/blocked/1?timeout=0.3")["id"]
        wait_for(lambda: app.state(task_id) == "failed", "the timeout")
        found = app.get(f"/status/{task_id}")
        assert found["error"] == "TimeoutError: the task took longer than its timeout of 0.3s"
        server.wait_for_output(
            f"Background task {task_id} (threads_app:blocked) timed out after 0.3s, but its "
            "function still runs in its thread",
            timeout=60,
        )
        assert app.get("/sync")["thread"] == "AnyIO worker thread"
        release.touch()
        server.wait_for_output(
            f"Background task {task_id} (threads_app:blocked): the function left running in "
            "its thread returned",
            timeout=60,
        )


def test_a_durable_app_retries_after_a_blocked_sync_task_was_cancelled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The case that once hung in a test process: a blocked sync task cancelled (it runs on
    in its thread, as cancelled sync code does), then a failed sync task retried."""
    settings = f"TaskSettings(store='sqlite:///{tmp_path / 'tasks.db'}', concurrency=2)"
    release, served_app = serve(tmp_path, monkeypatch, settings)
    with served_app as server:
        app = Served(server, release)
        failed = app.post("/enqueue/decline/1")["id"]
        held = app.post("/enqueue/blocked/2")["id"]
        wait_for(lambda: app.state(failed) == "failed", "the failure")
        wait_for(lambda: app.state(held) == "running", "the blocked task to start")
        assert app.post(f"/cancel/{held}") == {"cancelled": True}
        found = app.get(f"/status/{held}")
        assert found["state"] == "running" and found["cancel_requested"]  # still in its thread
        assert app.post(f"/retry/{failed}") == {"retried": True}
        retried = wait_for(
            lambda: (found := app.get(f"/status/{failed}"))["finished_at"] and found,
            "the retried attempt",
        )
        assert retried["state"] == "failed" and retried["attempts"] == 1
        assert app.get("/sync")["thread"] == "AnyIO worker thread"
        release.touch()
        wait_for(lambda: app.state(held) == "cancelled", "the cancelled task to end")


def test_shutdown_is_bounded_by_the_grace_with_a_sync_task_blocked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The blocked function never returns by itself; the server still stops, past
    shutdown_grace, and gives the task back to the store, saying its thread was left."""
    store = f"sqlite:///{tmp_path / 'tasks.db'}"
    settings = f"TaskSettings(store='{store}', shutdown_grace=1)"
    release, served_app = serve(tmp_path, monkeypatch, settings)
    with served_app as server:
        app = Served(server, release)
        held = app.post("/enqueue/blocked/1")["id"]
        wait_for(lambda: app.state(held) == "running", "the blocked task to start")
        server.process.send_signal(signal.SIGINT)
        wait_for(lambda: server.process.poll() is not None, "the server to stop", timeout=120)
        assert f"Background task {held} (threads_app:blocked) was stopped by shutdown" in (
            server.output()
        )
    from fastapi.tasks import open_store

    opened = open_store(store)
    try:
        assert opened.get(held).state is TaskState.pending  # given back: it runs again
    finally:
        opened.close()
    assert not release.exists()


def _blocked_until(gate: threading.Event, blocked: list[str], kind: str) -> None:
    blocked.append(kind)
    gate.wait(300)


def test_threads_blocked_on_another_event_loop_take_none_of_this_ones() -> None:
    """Threads are kept per event loop, as AnyIO keeps its own: 45 sync endpoints and 45 sync
    tasks left blocked by other loops (earlier tests' apps, say) hold up neither the sync
    endpoints nor the sync tasks of this one."""
    gate = threading.Event()
    blocked: list[str] = []
    first = FastAPI()

    @first.post("/block-endpoint")
    def block_endpoint() -> None:
        _blocked_until(gate, blocked, "endpoint")

    @first.post("/block-task")
    async def block_task(later: BackgroundTasks) -> None:
        later.add_task(_blocked_until, gate, blocked, "task")

    second = FastAPI()
    ran: list[str] = []

    @second.post("/work")
    def work(background_tasks: BackgroundTasks) -> dict[str, str]:
        background_tasks.add_task(ran.append, "task ran")
        return {"thread": threading.current_thread().name}

    def blocker(path: str) -> None:
        with TestClient(first) as client:  # an event loop of its own
            client.post(path)

    paths = ["/block-endpoint", "/block-task"] * 45
    blockers = [threading.Thread(target=blocker, args=(path,), daemon=True) for path in paths]
    try:
        for thread in blockers:
            thread.start()
        wait_for(lambda: len(blocked) == 90, "45 blocked endpoints and 45 blocked tasks")
        with TestClient(second) as client:
            assert client.post("/work").json() == {"thread": "AnyIO worker thread"}
        assert ran == ["task ran"]
    finally:
        gate.set()
        for thread in blockers:
            thread.join(60)
