"""Seed example "Multiple Background Tasks": three tasks run in the order they were added.

Adapted: ``print`` records into a module-level list and ``time.sleep`` is recorded instead
of slept (so the recording is fast and shows the ordering); GET /log exposes the list.
"""

import types

from fastapi import BackgroundTasks, FastAPI

LOG: list[str] = []


def print(*args):  # noqa: A001 - captures what the seed example prints
    LOG.append(" ".join(str(a) for a in args))


time = types.SimpleNamespace(sleep=lambda seconds: LOG.append(f"(sleep {seconds})"))

app = FastAPI()


def slow_task_1(name: str):
    time.sleep(2)
    print(f"Task 1 completed for {name}")


def slow_task_2(name: str):
    time.sleep(3)
    print(f"Task 2 completed for {name}")


def cleanup_task():
    print("Cleanup completed")


@app.post("/process/{name}")
async def process_data(name: str, background_tasks: BackgroundTasks):
    # Add multiple background tasks
    background_tasks.add_task(slow_task_1, name)
    background_tasks.add_task(slow_task_2, name)
    background_tasks.add_task(cleanup_task)
    return {"message": f"Processing started for {name}"}


@app.get("/log")
def read_log():
    return LOG


@app.delete("/log")
def clear_log():
    n = len(LOG)
    LOG.clear()
    return {"cleared": n}


CASES = [
    {"method": "GET", "url": "/log"},
    {"method": "POST", "url": "/process/alice"},
    {"method": "GET", "url": "/log"},
    {"method": "POST", "url": "/process/bob"},
    {"method": "GET", "url": "/log"},
    {"method": "DELETE", "url": "/log"},
    # unicode / emoji / spaces in the path
    {"method": "POST", "url": "/process/J%C3%BCrgen%20%F0%9F%98%80"},
    {"method": "GET", "url": "/log"},
    {"method": "DELETE", "url": "/log"},
    # trailing slash: redirect_slashes answers 307 and the test client follows it (tasks run once)
    {"method": "POST", "url": "/process/carol/"},
    {"method": "GET", "url": "/log"},
    {"method": "DELETE", "url": "/log"},
    # the same without following the redirect: the 307 itself, and no task ran
    {"method": "POST", "url": "/process/dave/", "follow_redirects": False},
    {"method": "GET", "url": "/log"},
    {"method": "POST", "url": "/process/"},
    {"method": "GET", "url": "/log"},
    # a very long name
    {"method": "POST", "url": "/process/" + "x" * 60},
    {"method": "GET", "url": "/log"},
]
