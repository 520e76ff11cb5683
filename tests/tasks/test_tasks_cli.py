"""`fastapi tasks`: list, show, cancel, retry and count the tasks of a real store, and of
the taskiq engine a redis:// app runs on."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import anyio
import pytest

from fastapi import FastAPI
from fastapi.cli import main
from fastapi.tasks import TaskState, open_store
from fastapi.tasks.store import NewTask, TaskStore
from fastapi.testclient import TestClient

from .conftest import StoreFactory


def stored(store: TaskStore, task_id: str) -> None:
    now = time.time()
    store.add(
        [
            NewTask(
                id=task_id,
                group_id=f"g-{task_id}",
                seq=0,
                name="billing:charge",
                payload='{"args": [42], "kwargs": {}}',
                options={},
                max_attempts=1,
                created_at=now,
                not_before=now,
            )
        ]
    )


@pytest.fixture
def store(sqlite_stores: StoreFactory) -> TaskStore:
    opened = open_store(sqlite_stores.url)
    for task_id in ("t-ok", "t-failed", "t-running", "t-pending"):
        stored(opened, task_id)
    for task_id in ("t-ok", "t-failed", "t-running"):
        assert opened.claim("w", 60.0, task_id=task_id) is not None
    opened.finish("t-ok", "w", result='{"charged": 42}')
    opened.finish("t-failed", "w", error="ConnectionError: card service down")
    yield opened
    opened.close()


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(["tasks", *argv], prog="fastapi")
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_list_counts_and_show(sqlite_stores: StoreFactory, store: TaskStore, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "list", "--store", sqlite_stores.url)
    assert status == 0
    lines = out.splitlines()
    assert lines[0].split() == ["ID", "STATE", "TRIES", "CREATED", "NAME", "DETAIL"]
    assert len(lines) == 5
    failed = next(line for line in lines if line.startswith("t-failed"))
    assert "failed" in failed and "ConnectionError: card service down" in failed

    status, out, _ = run(capsys, "list", "--store", sqlite_stores.url, "--state", "failed", "--json")
    assert status == 0 and [json.loads(line)["id"] for line in out.splitlines()] == ["t-failed"]

    status, out, _ = run(capsys, "counts", "--store", sqlite_stores.url, "--json")
    assert json.loads(out) == {"pending": 1, "running": 1, "succeeded": 1, "failed": 1, "cancelled": 0}

    status, out, _ = run(capsys, "show", "t-ok", "--store", sqlite_stores.url)
    shown = json.loads(out)
    assert shown["result"] == {"charged": 42} and "arguments" not in shown
    status, out, _ = run(capsys, "show", "t-ok", "--store", sqlite_stores.url, "--arguments")
    assert json.loads(out)["arguments"] == {"args": [42], "kwargs": {}}

    status, _, err = run(capsys, "show", "nope", "--store", sqlite_stores.url)
    assert status == 1 and "No task nope" in err


def test_cancel_and_retry(sqlite_stores: StoreFactory, store: TaskStore, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "cancel", "t-pending", "t-running", "t-ok", "--store", sqlite_stores.url)
    assert status == 1
    assert "t-pending: cancelled" in out
    assert "t-running: cancellation requested" in out
    assert "Task t-ok is succeeded: there is nothing to cancel" in err
    assert store.get("t-pending").state is TaskState.cancelled
    assert store.get("t-running").cancel_requested

    status, out, err = run(capsys, "retry", "t-failed", "--store", sqlite_stores.url)
    assert status == 0 and "t-failed: pending again" in out
    assert store.get("t-failed").state is TaskState.pending
    status, _, err = run(capsys, "retry", "t-ok", "--store", sqlite_stores.url)
    assert status == 1 and "only failed or cancelled tasks are retried" in err
    status, _, err = run(capsys, "retry", "--store", sqlite_stores.url)
    assert status == 1 and "needs at least one task id" in err


def test_the_store_of_the_discovered_app(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'tasks.db'}"
    stored(open_store(url), "from-app")
    (tmp_path / "main.py").write_text(
        textwrap.dedent(
            f"""
            from fastapi import FastAPI
            app = FastAPI(tasks={url!r})
            """
        )
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    result = subprocess.run(
        [sys.executable, "-m", "fastapi", "tasks", "list", "--json"],
        cwd=tmp_path, capture_output=True, text=True, env=env, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["id"] == "from-app"

    (tmp_path / "main.py").write_text("from fastapi import FastAPI\napp = FastAPI()\n")
    result = subprocess.run(
        [sys.executable, "-m", "fastapi", "tasks", "list"],
        cwd=tmp_path, capture_output=True, text=True, env=env, timeout=60,
    )
    assert result.returncode == 1 and "keeps its background tasks in memory" in result.stderr


def test_show_and_list_tell_a_takeover(sqlite_stores: StoreFactory, store: TaskStore, capsys: pytest.CaptureFixture[str]) -> None:
    stored(store, "t-lost")
    assert store.claim("gone-worker", 0.01, task_id="t-lost") is not None
    time.sleep(0.05)  # the worker vanished: its lease ends
    assert store.reclaim() == 1
    status, out, _ = run(capsys, "show", "t-lost", "--store", sqlite_stores.url)
    shown = json.loads(out)
    assert status == 0 and shown["state"] == "pending" and shown["takeovers"] == 1
    assert shown["reason"].startswith("worker gone-worker vanished") and shown["worker"] == "gone-worker"
    assert [(e["attempt"], e["worker"]) for e in shown["errors"]] == [(1, "gone-worker")]
    status, out, _ = run(capsys, "list", "--store", sqlite_stores.url, "--state", "pending")
    lost = next(line for line in out.splitlines() if line.startswith("t-lost"))
    assert "1/1 (1 taken over)" in lost and "worker gone-worker vanished" in lost


def charge(amount: int) -> dict[str, int]:
    return {"charged": amount}


def decline(amount: int) -> None:
    raise ConnectionError("card service down")


async def held(amount: int) -> None:
    await anyio.sleep(60)  # until cancelled


def test_the_tasks_of_a_redis_app(redis_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    """``--store redis://...`` opens the taskiq engine the app runs on: the same commands
    on tasks run by the app's own workers."""
    import redis

    redis.Redis.from_url(redis_url).flushdb()
    app = FastAPI(tasks=redis_url)
    with TestClient(app):
        ok = app.tasks.enqueue(charge, 42).id
        failed = app.tasks.enqueue(decline, 7).id
        running = app.tasks.enqueue(held, 1).id
        pending = app.tasks.options(delay=60).enqueue(charge, 1).id
        wait_for(lambda: _state(app, ok) == "succeeded" and _state(app, failed) == "failed")
        wait_for(lambda: _state(app, running) == "running")

        status, out, _ = run(capsys, "counts", "--store", redis_url, "--json")
        assert json.loads(out) == {"pending": 1, "running": 1, "succeeded": 1, "failed": 1, "cancelled": 0}
        status, out, _ = run(capsys, "list", "--store", redis_url, "--state", "failed", "--json")
        assert status == 0 and [json.loads(line)["id"] for line in out.splitlines()] == [failed]
        status, out, _ = run(capsys, "show", ok, "--store", redis_url, "--arguments")
        shown = json.loads(out)
        assert shown["result"] == {"charged": 42} and shown["arguments"] == {"args": [42], "kwargs": {}}

        status, out, err = run(capsys, "cancel", pending, running, ok, "--store", redis_url)
        assert status == 1 and f"{pending}: cancelled" in out
        assert f"{running}: cancellation requested" in out
        assert f"Task {ok} is succeeded: there is nothing to cancel" in err
        status, out, _ = run(capsys, "retry", failed, "--store", redis_url)
        assert status == 0 and f"{failed}: pending again" in out
        wait_for(lambda: (found := app.tasks.get(failed)) and found.attempts == 1 and found.finished_at)
        wait_for(lambda: _state(app, running) == "cancelled")
        status, _, err = run(capsys, "show", "nope", "--store", redis_url)
        assert status == 1 and "No task nope" in err


def _state(app: FastAPI, task_id: str) -> str | None:
    found = app.tasks.get(task_id)
    return None if found is None else found.state.value


def wait_for(condition, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not reached in time"
        time.sleep(0.05)
