"""A failing background task in an app that installs a catch-all ``Exception`` handler.

The handler records each call: it is still invoked for a task's exception even though the
response (200) has already been sent, and its own response is discarded. With
``raise_server_exceptions`` True the client re-raises the task's original exception. An
endpoint failing before the response shows the handler's answer for comparison.
"""

from fastapi import BackgroundTasks, FastAPI, Request
from fastapi.responses import JSONResponse

LOG: list[str] = []

app = FastAPI()


@app.exception_handler(Exception)
async def catch_all(request: Request, exc: Exception):
    LOG.append(f"catch-all handler: {type(exc).__name__}: {exc} (path {request.url.path})")
    return JSONResponse({"error": type(exc).__name__}, status_code=500)


def note(msg: str):
    LOG.append(msg)


def boom(msg: str):
    LOG.append(f"boom: {msg}")
    raise ZeroDivisionError(msg)


@app.post("/task-fails")
def task_fails(background_tasks: BackgroundTasks):
    background_tasks.add_task(note, "before")
    background_tasks.add_task(boom, "in task")
    background_tasks.add_task(note, "after")
    return {"ok": True}


@app.post("/endpoint-fails")
def endpoint_fails(background_tasks: BackgroundTasks):
    background_tasks.add_task(note, "task of a failing endpoint")
    raise ZeroDivisionError("in endpoint")


@app.get("/log")
def read_log():
    return LOG


@app.delete("/log")
def clear_log():
    LOG.clear()


CASES = [
    {"method": "POST", "url": "/task-fails"},
    {"method": "GET", "url": "/log"},
    {"method": "DELETE", "url": "/log"},
    {"method": "POST", "url": "/task-fails", "raise_server_exceptions": True},
    {"method": "GET", "url": "/log"},
    {"method": "DELETE", "url": "/log"},
    {"method": "POST", "url": "/endpoint-fails"},
    {"method": "GET", "url": "/log"},
    {"method": "DELETE", "url": "/log"},
    {"method": "POST", "url": "/endpoint-fails", "raise_server_exceptions": True},
    {"method": "GET", "url": "/log"},
]
