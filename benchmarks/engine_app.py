"""The app the task-engine benchmark runs: one endpoint queueing a no-op task.

Its task setting comes from ``BENCH_TASKS`` (``sqlite:///...``, ``celery+redis://...``), so
the benchmark process and the worker processes it starts import the same app and task.
"""

from __future__ import annotations

import os

from fastapi import BackgroundTasks, FastAPI
from fastapi.tasks import TaskSettings


async def noop() -> None:
    """The task: nothing, so what is measured is the engine's own cost per task."""


def make_app(setting: str | None) -> FastAPI:
    """The app on ``setting``; a SQLite app only stores, its worker processes run the tasks."""
    tasks: object = setting
    if setting is not None and setting.startswith("sqlite:"):
        tasks = TaskSettings(store=setting, workers=False, handoff=0.0)
    app = FastAPI(tasks=tasks)

    @app.post("/enqueue")
    async def enqueue(background_tasks: BackgroundTasks) -> dict[str, bool]:
        background_tasks.add_task(noop)
        return {"queued": True}

    return app


app = make_app(os.environ.get("BENCH_TASKS"))
