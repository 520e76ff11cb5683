"""Seed example "Background Tasks with Error Handling": a wrapper catches task errors and logs.

Adapted: the logger gets a handler that records into a module-level list (instead of
``logging.basicConfig``, which would reconfigure the test process' root logger) and
``print`` records into the same list. An extra endpoint (not in the seed) drives the
wrapper with other task names. GET /log exposes the records in order.
"""

import logging

from fastapi import BackgroundTasks, FastAPI

LOG: list[str] = []


def print(*args):  # noqa: A001
    LOG.append(" ".join(str(a) for a in args))


class _ListHandler(logging.Handler):
    def emit(self, record):
        LOG.append(f"{record.levelname}: {record.getMessage()}")


# Configure logging
logger = logging.getLogger(__name__)
logger.setLevel(logging.INFO)
logger.propagate = False
logger.addHandler(_ListHandler())

app = FastAPI()


def safe_background_task(task_name: str, *args, **kwargs):
    """Wrapper for background tasks with error handling"""
    try:
        logger.info(f"Starting background task: {task_name}")

        # Determine which task to run based on task_name
        if task_name == "send_notification":
            send_notification_task(*args, **kwargs)
        elif task_name == "process_data":
            process_data_task(*args, **kwargs)
        elif task_name == "cleanup":
            cleanup_task(*args, **kwargs)
        else:
            raise ValueError(f"Unknown task: {task_name}")

        logger.info(f"Completed background task: {task_name}")
    except Exception as e:
        logger.error(f"Background task {task_name} failed: {str(e)}")
        # In a real app, you might want to retry, alert admins, etc.


def send_notification_task(user_id: int, message: str):
    if not user_id:
        raise ValueError("User ID is required")
    print(f"Notification sent to user {user_id}: {message}")


def process_data_task(data_id: int):
    if data_id <= 0:
        raise ValueError("Invalid data ID")
    print(f"Processed data {data_id}")


def cleanup_task():
    print("Cleanup completed")


@app.post("/safe-task/{user_id}")
async def create_safe_task(user_id: int, message: str, background_tasks: BackgroundTasks):
    # Use the safe wrapper for error handling
    background_tasks.add_task(safe_background_task, "send_notification", user_id, message)
    background_tasks.add_task(safe_background_task, "cleanup")

    return {"message": "Tasks scheduled with error handling"}


# Not in the seed: run the wrapper with any task name and optional data_id.
@app.post("/run/{task_name}")
def run_named(task_name: str, background_tasks: BackgroundTasks, data_id: int | None = None):
    if data_id is None:
        background_tasks.add_task(safe_background_task, task_name)
    else:
        background_tasks.add_task(safe_background_task, task_name, data_id=data_id)
    return {"scheduled": task_name}


@app.get("/log")
def read_log():
    return LOG


@app.delete("/log")
def clear_log():
    LOG.clear()


CASES = [
    {"method": "POST", "url": "/safe-task/5?message=hello"},
    {"method": "GET", "url": "/log"},
    {"method": "DELETE", "url": "/log"},
    # user_id 0 makes the first task raise inside the wrapper; the cleanup still runs
    {"method": "POST", "url": "/safe-task/0?message=hello"},
    {"method": "GET", "url": "/log"},
    {"method": "DELETE", "url": "/log"},
    {"method": "POST", "url": "/safe-task/-3?message="},
    {"method": "GET", "url": "/log"},
    {"method": "DELETE", "url": "/log"},
    {"method": "POST", "url": "/run/process_data?data_id=12"},
    {"method": "POST", "url": "/run/process_data?data_id=-1"},
    # missing argument: TypeError caught by the wrapper
    {"method": "POST", "url": "/run/process_data"},
    # cleanup with an unexpected keyword: TypeError caught by the wrapper
    {"method": "POST", "url": "/run/cleanup?data_id=1"},
    {"method": "POST", "url": "/run/cleanup"},
    {"method": "POST", "url": "/run/format_disk"},
    {"method": "GET", "url": "/log"},
    {"method": "DELETE", "url": "/log"},
    # bad input: nothing scheduled
    {"method": "POST", "url": "/safe-task/5"},
    {"method": "POST", "url": "/safe-task/abc?message=x"},
    {"method": "POST", "url": "/run/process_data?data_id=1.5"},
    {"method": "POST", "url": "/run/process_data?data_id="},
    {"method": "POST", "url": "/run/process_data?data_id=true"},
    {"method": "GET", "url": "/log"},
]
