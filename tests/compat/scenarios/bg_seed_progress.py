"""Seed example "Background Tasks with Progress Tracking": a task updates an in-memory
progress dict that another endpoint reads.

Adapted: ``time.sleep`` is replaced by a no-op stand-in (the recording would otherwise take
half a second per item); the progress values are exactly what the seed computes.
"""

import types
from typing import Dict

from fastapi import BackgroundTasks, FastAPI

time = types.SimpleNamespace(sleep=lambda seconds: None)

app = FastAPI()

# In-memory progress tracking (use Redis or database in production)
task_progress: Dict[str, dict] = {}


def long_running_task(task_id: str, items_count: int):
    task_progress[task_id] = {
        "status": "running",
        "progress": 0,
        "total": items_count,
        "message": "Starting task..."
    }

    try:
        for i in range(items_count):
            # Simulate work
            time.sleep(0.5)

            # Update progress
            task_progress[task_id].update({
                "progress": i + 1,
                "message": f"Processing item {i + 1} of {items_count}"
            })

        # Task completed
        task_progress[task_id].update({
            "status": "completed",
            "message": "Task completed successfully"
        })

    except Exception as e:
        task_progress[task_id].update({
            "status": "failed",
            "message": f"Task failed: {str(e)}"
        })


@app.post("/start-task/{task_id}")
async def start_task(task_id: str, items_count: int, background_tasks: BackgroundTasks):
    if task_id in task_progress:
        return {"error": "Task with this ID already exists"}

    background_tasks.add_task(long_running_task, task_id, items_count)

    return {
        "message": f"Task {task_id} started",
        "task_id": task_id,
        "check_progress_url": f"/task-progress/{task_id}"
    }


@app.get("/task-progress/{task_id}")
async def get_task_progress(task_id: str):
    if task_id not in task_progress:
        return {"error": "Task not found"}

    return task_progress[task_id]


CASES = [
    {"method": "GET", "url": "/task-progress/job1"},
    {"method": "POST", "url": "/start-task/job1?items_count=3"},
    # by the time the test client returns, the task has finished
    {"method": "GET", "url": "/task-progress/job1"},
    # same id again: the endpoint answers 200 with an error body, no task
    {"method": "POST", "url": "/start-task/job1?items_count=10"},
    {"method": "GET", "url": "/task-progress/job1"},
    # zero and negative counts: range() is empty
    {"method": "POST", "url": "/start-task/zero?items_count=0"},
    {"method": "GET", "url": "/task-progress/zero"},
    {"method": "POST", "url": "/start-task/neg?items_count=-5"},
    {"method": "GET", "url": "/task-progress/neg"},
    # unicode / encoded ids
    {"method": "POST", "url": "/start-task/t%C3%A2che%201?items_count=1"},
    {"method": "GET", "url": "/task-progress/t%C3%A2che%201"},
    {"method": "GET", "url": "/task-progress/tâche 1"},
    # bad items_count: 422, nothing stored
    {"method": "POST", "url": "/start-task/bad?items_count=lots"},
    {"method": "POST", "url": "/start-task/bad?items_count=2.5"},
    {"method": "POST", "url": "/start-task/bad?items_count="},
    {"method": "POST", "url": "/start-task/bad"},
    {"method": "POST", "url": "/start-task/bad", "json": {"items_count": 2}},
    {"method": "GET", "url": "/task-progress/bad"},
    # a float string with zero fraction is accepted by int validation
    {"method": "POST", "url": "/start-task/f?items_count=2.0"},
    {"method": "GET", "url": "/task-progress/f"},
    # repeated key: last value wins
    {"method": "POST", "url": "/start-task/rep?items_count=1&items_count=4"},
    {"method": "GET", "url": "/task-progress/rep"},
    {"method": "GET", "url": "/task-progress/"},
]
