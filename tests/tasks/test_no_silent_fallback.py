"""Every way a durable app attaches tasks to a response stores them, or refuses them loudly;
and a task defined in the script run as ``__main__`` is stored by the name a worker imports."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from starlette.background import BackgroundTask
from starlette.background import BackgroundTasks as StarletteBackgroundTasks

from fastapi import BackgroundTasks, Depends, FastAPI
from fastapi.responses import JSONResponse
from fastapi.tasks import TaskNotStorableError, TaskSettings, TaskState, open_store
from fastapi.testclient import TestClient

LOG: list[str] = []


def note(message: str) -> None:
    LOG.append(message)


@pytest.fixture(autouse=True)
def clean() -> None:
    LOG.clear()


def durable_app(url: str) -> FastAPI:
    app = FastAPI(tasks=TaskSettings(store=url, poll_interval=0.05, handoff=0.2))

    def from_dependency(background_tasks: BackgroundTasks) -> None:
        background_tasks.add_task(note, "dependency")

    @app.post("/hand-built")
    def hand_built():
        tasks = BackgroundTasks()
        handle = tasks.add_task(note, "hand-built")
        return JSONResponse({"id": handle.id}, background=tasks)

    @app.post("/starlette-task")
    def starlette_task():
        return JSONResponse({}, background=BackgroundTask(note, "starlette task"))

    @app.post("/starlette-tasks")
    def starlette_tasks():
        tasks = StarletteBackgroundTasks()
        tasks.add_task(note, "starlette tasks")
        return JSONResponse({}, background=tasks)

    @app.post("/dependency", dependencies=[Depends(from_dependency)])
    def dependency():
        return {}

    @app.post("/hand-built-lambda")
    def hand_built_lambda():
        tasks = BackgroundTasks()
        tasks.add_task(lambda: None)
        return JSONResponse({}, background=tasks)

    @app.post("/opted-out")
    def opted_out():
        tasks = BackgroundTasks()
        handle = tasks.options(durable=False).add_task(note, "kept in memory")
        return JSONResponse({"id": handle.id}, background=tasks)

    return app


def test_tasks_attached_by_hand_are_stored_or_refused(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'tasks.db'}"
    app = durable_app(url)
    with TestClient(app) as client:
        stored_id = client.post("/hand-built").json()["id"]
        for path in ("/starlette-task", "/starlette-tasks", "/dependency"):
            assert client.post(path).status_code == 200
        memory_id = client.post("/opted-out").json()["id"]
        with pytest.raises(TaskNotStorableError) as refused:
            client.post("/hand-built-lambda")
    assert LOG == ["hand-built", "starlette task", "starlette tasks", "dependency", "kept in memory"]
    store = open_store(url)
    stored = store.list(limit=100)
    assert len(stored) == 4 and {status.state for status in stored} == {TaskState.succeeded}
    assert store.get(stored_id) is not None
    assert store.get(memory_id) is None  # durable=False: the explicit opt-out
    message = str(refused.value)
    assert "<lambda>" in message and "module-level functions" in message
    assert "options(durable=False)" in message and "importable module" in message


SCRIPT = textwrap.dedent(
    """
    import os
    from fastapi import BackgroundTasks, FastAPI
    from fastapi.tasks import TaskSettings

    app = FastAPI(tasks=TaskSettings(store=os.environ["TASK_STORE"], workers=False, poll_interval=0.05))


    def write_report(name: str) -> None:
        with open(os.environ["DONE_FILE"], "a") as out:
            out.write(f"{name} from {__name__}\\n")


    @app.post("/reports/{name}")
    def order(name: str, background_tasks: BackgroundTasks):
        return {"id": background_tasks.add_task(write_report, name).id}


    if __name__ == "__main__":
        from fastapi.testclient import TestClient

        with TestClient(app) as client:
            print(client.post("/reports/monthly").json()["id"])
    """
)


def test_a_task_of_the_script_run_as_main_is_stored_and_run_by_fastapi_worker(
    tmp_path: Path,
) -> None:
    (tmp_path / "main.py").write_text(SCRIPT)
    env = {
        "TASK_STORE": f"sqlite:///{tmp_path / 'tasks.db'}",
        "DONE_FILE": str(tmp_path / "done.txt"),
        "PATH": "/usr/bin:/bin",
    }
    stored = subprocess.run(
        [sys.executable, "main.py"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
    )
    assert stored.returncode == 0, stored.stderr
    task_id = stored.stdout.strip().splitlines()[-1]
    status = open_store(env["TASK_STORE"]).get(task_id)
    assert status is not None and status.name == "main:write_report"
    worker = subprocess.Popen(
        [sys.executable, "-m", "fastapi", "worker", "main.py"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        done = tmp_path / "done.txt"
        while not done.exists():
            assert worker.poll() is None, worker.stderr.read()  # type: ignore[union-attr]
            assert time.monotonic() < deadline, "the worker did not run the task"
            time.sleep(0.05)
    finally:
        worker.terminate()
        worker.wait(timeout=30)
    assert done.read_text() == "monthly from main\n"
    assert open_store(env["TASK_STORE"]).get(task_id).state is TaskState.succeeded
