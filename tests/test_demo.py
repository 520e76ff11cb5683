"""The demo app served by uvicorn, every scenario exercised over HTTP (as `make demo` runs it)."""

from __future__ import annotations

import io
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory):
    data = tmp_path_factory.mktemp("demo-data")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {**os.environ, "DEMO_DATA_DIR": str(data), "DEMO_SELF_URL": url}
    process = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "examples.demo.app:app", "--port", str(port), "--log-level", "warning"],
        cwd=ROOT,
        env=env,
    )
    deadline = time.monotonic() + 30
    while True:
        try:
            httpx.get(url + "/docs", timeout=1)
            break
        except httpx.TransportError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the demo did not start") from None
            time.sleep(0.1)
    yield httpx.Client(base_url=url, timeout=30), data
    process.terminate()
    process.wait(timeout=20)


def wait_for_status(client: httpx.Client, task_id: str, state: str = "succeeded", timeout: float = 20.0) -> dict:
    deadline = time.monotonic() + timeout
    while True:
        status = client.get(f"/tasks/{task_id}").json()
        if status["state"] == state or time.monotonic() > deadline:
            return status
        time.sleep(0.1)


def test_docs_list_every_scenario(demo) -> None:
    client, _ = demo
    assert "Swagger UI" in client.get("/docs").text
    paths = client.get("/openapi.json").json()["paths"]
    for path in ["/send-notification/{email}", "/upload-csv/{user_id}", "/user/{user_id}/action", "/flaky", "/tasks/{task_id}"]:
        assert path in paths


def test_notification_is_written_to_the_log(demo) -> None:
    client, _ = demo
    task_id = client.post("/send-notification/ann@example.com").json()["task"]
    assert wait_for_status(client, task_id)["durable"] is True
    assert "notification for ann@example.com: some notification" in client.get("/notifications").json()


def test_csv_is_processed_with_progress(demo) -> None:
    client, _ = demo
    content = "name,score\n" + "".join(f"row{i},{i}\n" for i in range(5))
    files = {"file": ("scores.csv", io.BytesIO(content.encode()), "text/csv")}
    body = client.post("/upload-csv/7", files=files).json()
    status = wait_for_status(client, body["task"])
    assert status["state"] == "succeeded"
    assert status["progress"] == {"done": 5, "total": 5, "message": "processed row 5 of 5 for user 7"}


def test_activity_is_logged_through_sqlalchemy(demo) -> None:
    client, _ = demo
    client.post("/user/3/action", params={"action": "login"})
    deadline = time.monotonic() + 10
    while not client.get("/activity", params={"user_id": 3}).json() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert [row["action"] for row in client.get("/activity", params={"user_id": 3}).json()] == ["login"]


def test_flaky_task_succeeds_on_retry(demo) -> None:
    client, data = demo
    task_id = client.post("/flaky").json()["task"]
    status = wait_for_status(client, task_id)
    assert status["state"] == "succeeded" and status["attempts"] == 3


def test_async_tasks_call_the_app_itself(demo) -> None:
    client, _ = demo
    task_id = client.post("/trigger-external-fetch/5").json()["webhook_task"]
    assert wait_for_status(client, task_id)["state"] == "succeeded"


def test_email_and_in_memory_dependency_scenarios(demo) -> None:
    client, data = demo
    task_id = client.post("/send-email/", params={"to_email": "a@b.c", "subject": "Hi", "body": "Hello"}).json()["task"]
    wait_for_status(client, task_id)
    assert "Subject: Hi" in (data / "outbox.log").read_text()
    assert client.post("/action/9", params={"action": "buy"}).status_code == 200
    assert client.post("/process/batch").status_code == 200
