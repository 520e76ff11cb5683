"""A background task that raises: what the client sees and whether later tasks run.

Each failing endpoint is called with ``raise_server_exceptions`` False (the recorded answer is
whatever reached the client before the task failed) and True (the exception the test client
re-raises). The app registers a handler for TaskError and HTTPException is raised from a task
too: handlers cannot answer once the response has started. GET /log shows which tasks ran.
"""

from fastapi import BackgroundTasks, Depends, FastAPI, HTTPException
from fastapi.responses import JSONResponse
from starlette.background import BackgroundTask

LOG: list[str] = []

app = FastAPI()


class TaskError(Exception):
    pass


@app.exception_handler(TaskError)
async def task_error_handler(request, exc: TaskError):
    LOG.append(f"TaskError handler called: {exc}")
    return JSONResponse({"handled": str(exc)}, status_code=409)


def note(msg: str):
    LOG.append(msg)


def sync_boom(msg: str):
    LOG.append(f"sync boom: {msg}")
    raise ValueError(msg)


async def async_boom(msg: str):
    LOG.append(f"async boom: {msg}")
    raise KeyError(msg)


def task_error(msg: str):
    LOG.append(f"raising TaskError: {msg}")
    raise TaskError(msg)


def http_error():
    LOG.append("raising HTTPException 404")
    raise HTTPException(status_code=404, detail="gone")


@app.post("/sync-fails")
def sync_fails(background_tasks: BackgroundTasks):
    background_tasks.add_task(note, "first task")
    background_tasks.add_task(sync_boom, "sync failure")
    background_tasks.add_task(note, "task after the failing one")
    return {"scheduled": 3}


@app.post("/async-fails")
async def async_fails(background_tasks: BackgroundTasks):
    background_tasks.add_task(note, "first task")
    background_tasks.add_task(async_boom, "async failure")
    background_tasks.add_task(note, "task after the failing one")
    return {"scheduled": 3}


@app.post("/handled-type-fails")
def handled_type_fails(background_tasks: BackgroundTasks):
    background_tasks.add_task(task_error, "has a handler")
    background_tasks.add_task(note, "task after the failing one")
    return {"scheduled": 2}


@app.post("/http-exception-in-task")
def http_exception_in_task(background_tasks: BackgroundTasks):
    background_tasks.add_task(http_error)
    background_tasks.add_task(note, "task after the failing one")
    return {"scheduled": 2}


@app.post("/first-task-fails")
def first_task_fails(background_tasks: BackgroundTasks):
    background_tasks.add_task(sync_boom, "very first")
    background_tasks.add_task(note, "never?")
    return {"scheduled": 2}


@app.post("/response-own-task-fails")
def response_own_task_fails():
    return JSONResponse({"own": True}, status_code=201, headers={"x-own": "yes"}, background=BackgroundTask(sync_boom, "own task"))


def teardown_dep():
    try:
        yield
    except Exception as exc:  # does a yield dependency see a task's exception?
        LOG.append(f"dependency saw {type(exc).__name__}")
        raise
    finally:
        LOG.append("dependency teardown")


@app.post("/fails-with-yield-dep")
def fails_with_yield_dep(background_tasks: BackgroundTasks, _: None = Depends(teardown_dep)):
    background_tasks.add_task(sync_boom, "after yield dep")
    return {"scheduled": 1}


@app.post("/wrong-task-args")
def wrong_task_args(background_tasks: BackgroundTasks):
    background_tasks.add_task(note)  # missing argument: TypeError when the task runs
    background_tasks.add_task(note, "task after the failing one")
    return {"scheduled": 2}


@app.post("/not-callable")
def not_callable(background_tasks: BackgroundTasks):
    background_tasks.add_task("not a function")
    return {"scheduled": 1}


@app.get("/log")
def read_log():
    return LOG


@app.delete("/log")
def clear_log():
    LOG.clear()


def both_modes(url):
    return [
        {"method": "POST", "url": url},
        {"method": "GET", "url": "/log"},
        {"method": "DELETE", "url": "/log"},
        {"method": "POST", "url": url, "raise_server_exceptions": True},
        {"method": "GET", "url": "/log"},
        {"method": "DELETE", "url": "/log"},
    ]


CASES = [
    *both_modes("/sync-fails"),
    *both_modes("/async-fails"),
    *both_modes("/handled-type-fails"),
    *both_modes("/http-exception-in-task"),
    *both_modes("/first-task-fails"),
    *both_modes("/response-own-task-fails"),
    *both_modes("/fails-with-yield-dep"),
    *both_modes("/wrong-task-args"),
    *both_modes("/not-callable"),
    # the app keeps serving after failed tasks
    {"method": "GET", "url": "/log"},
]
