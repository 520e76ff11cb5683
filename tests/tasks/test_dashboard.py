"""The task dashboard: protected by the app's dependencies, no arguments sent, and really
drawn by headless Chromium (rows by state, a progress bar, errors) against uvicorn."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import httpx
import pytest

from fastapi import Depends, FastAPI, Header, HTTPException
from fastapi.tasks import (
    TaskProgress,
    TaskSettings,
    open_store,
    task_dashboard_router,
    task_status_router,
)
from fastapi.tasks.store import NewTask, TaskStore
from fastapi.testclient import TestClient

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def stored(store: TaskStore, task_id: str, name: str) -> None:
    now = time.time()
    store.add(
        [
            NewTask(
                id=task_id,
                group_id=f"g-{task_id}",
                seq=0,
                name=name,
                payload='{"args": ["secret@example.com"], "kwargs": {}}',
                options={},
                max_attempts=3,
                created_at=now,
                not_before=now + 3600,  # nobody runs them: the page shows them as they are
            )
        ]
    )


def populate(url: str) -> None:
    store = open_store(url)
    stored(store, "t-import", "billing:import_invoices")
    stored(store, "t-mail", "mail:send_digest")
    stored(store, "t-report", "reports:render")
    stored(store, "t-waiting", "reports:archive")
    stored(store, "t-lost", "reports:resize")
    for task_id in ("t-import", "t-mail", "t-report"):
        assert store.claim("dashboard-test", 3600.0, task_id=task_id) is not None
    assert store.claim("vanished-worker", 0.01, task_id="t-lost") is not None
    time.sleep(0.05)  # its lease ends: the worker is gone
    assert store.reclaim() == 1
    store.report("t-import", TaskProgress(done=3, total=10, message="invoice 3"))
    store.finish("t-mail", "dashboard-test", error="SMTPServerDisconnected: mail relay went away")
    store.finish("t-report", "dashboard-test", result='{"pages": 12}')
    store.close()


def require_admin(x_admin: str | None = Header(default=None)) -> None:
    if x_admin != "yes":
        raise HTTPException(status_code=401, detail="Admins only")


def test_dashboard_and_status_router_take_dependencies_and_hide_arguments(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'tasks.db'}"
    populate(url)
    app = FastAPI(tasks=TaskSettings(store=url, workers=False))  # shows the tasks as they are
    app.include_router(task_status_router(dependencies=[Depends(require_admin)]))
    app.include_router(task_dashboard_router(dependencies=[Depends(require_admin)]))
    admin = {"X-Admin": "yes"}
    with TestClient(app) as client:
        for path in ("/tasks/t-mail", "/tasks", "/task-dashboard", "/task-dashboard/data"):
            assert client.get(path).status_code == 401, path
        page = client.get("/task-dashboard", headers=admin)
        assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
        assert not re.search(r"(src|href)=\"https?://", page.text), "no external assets"
        data = client.get("/task-dashboard/data", headers=admin).json()
        assert data["counts"] == {"pending": 2, "running": 1, "succeeded": 1, "failed": 1, "cancelled": 0}
        assert {task["id"] for task in data["tasks"]} == {"t-import", "t-mail", "t-report", "t-waiting", "t-lost"}
        assert "secret@example.com" not in client.get("/task-dashboard/data", headers=admin).text
        failed = client.get("/task-dashboard/data?state=failed", headers=admin).json()["tasks"]
        assert [task["error"] for task in failed] == ["SMTPServerDisconnected: mail relay went away"]
        status = client.get("/tasks/t-mail", headers=admin).json()
        assert status["arguments"] is None and status["state"] == "failed"
        assert status["errors"][0]["error"] == "SMTPServerDisconnected: mail relay went away"
        assert status["errors"][0]["attempt"] == 1 and status["worker"] == "dashboard-test"
        lost = client.get("/tasks/t-lost", headers=admin).json()
        assert lost["state"] == "pending" and lost["takeovers"] == 1 and lost["attempts"] == 1
        assert lost["reason"].startswith("worker vanished-worker vanished (its lease expired at ")
        assert lost["errors"][0]["worker"] == "vanished-worker" and lost["errors"][0]["error"].startswith("WorkerLost: ")
        assert "/task-dashboard" not in client.get("/openapi.json").json()["paths"]

    shown = FastAPI(tasks=TaskSettings(store=url, workers=False))
    shown.include_router(task_status_router(show_arguments=True))
    with TestClient(shown) as client:
        assert client.get("/tasks/t-mail").json()["arguments"] == {"args": ["secret@example.com"], "kwargs": {}}


APP = """
from fastapi import FastAPI
from fastapi.tasks import TaskSettings, task_dashboard_router

app = FastAPI(tasks=TaskSettings(store={url!r}, workers=False))
app.include_router(task_dashboard_router(title="Acme jobs", refresh=0.5))
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [
        str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-dev-shm-usage", f"--user-data-dir={tmp_path / 'profile'}",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1", "--virtual-time-budget=5000",
        "--window-size=1280,800", *args,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (.ci/run installs Debian's chromium)")
def test_the_dashboard_renders_in_chromium(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'tasks.db'}"
    populate(url)
    (tmp_path / "dash_app.py").write_text(textwrap.dedent(APP.format(url=url)))
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "dash_app:app", "--port", str(port), "--log-level", "warning"],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(tmp_path)},
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(base + "/task-dashboard/data", timeout=1)
                break
            except httpx.TransportError:
                assert server.poll() is None and time.monotonic() < deadline, "uvicorn did not start"
                time.sleep(0.1)
        dom = chromium(tmp_path, "--dump-dom", f"{base}/task-dashboard").stdout
        assert "<h1>Acme jobs</h1>" in dom
        for task_id, state in [("t-import", "running"), ("t-mail", "failed"), ("t-report", "succeeded"), ("t-waiting", "pending")]:
            assert f'data-state="{state}" data-id="{task_id}"' in dom, f"{task_id} is not drawn as {state}"
        assert 'style="width: 30%"' in dom, "the running task's progress bar is at 3/10"
        assert "invoice 3" in dom and "SMTPServerDisconnected: mail relay went away" in dom
        assert 'data-state="pending" data-id="t-lost"' in dom
        assert "worker vanished-worker vanished (its lease expired at" in dom, "the takeover reason"
        assert "1 takeover" in dom and "(vanished-worker)</li>" in dom, "takeovers and the attempt errors"
        assert re.search(r'data-state="failed"><b>1</b>', dom), "the failed count"
        assert "secret@example.com" not in dom

        filtered = chromium(tmp_path, "--dump-dom", f"{base}/task-dashboard?state=failed").stdout
        assert 'data-id="t-mail"' in filtered and 'data-id="t-import"' not in filtered

        screenshot = tmp_path / "dashboard.png"
        chromium(tmp_path, f"--screenshot={screenshot}", f"{base}/task-dashboard")
        assert screenshot.exists() and screenshot.stat().st_size > 10_000
    finally:
        server.terminate()
        server.wait(timeout=20)
