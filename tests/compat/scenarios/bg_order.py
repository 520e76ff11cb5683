"""Execution order and calling conventions of background tasks.

Sync and async tasks interleaved, positional/keyword arguments, callable objects,
functools.partial of coroutine functions, a plain function that merely returns a coroutine,
tasks that add further tasks while the queue is running, and the response body being
serialized before any task runs. GET /log shows what ran, in order.
"""

import asyncio
import functools
import threading
from typing import Annotated

from fastapi import BackgroundTasks, FastAPI

LOG: list = []
THREADS: dict[str, int] = {}

app = FastAPI()


def sync_task(label: str, *, suffix: str = ""):
    THREADS.setdefault("sync", threading.get_ident())
    LOG.append(f"sync {label}{suffix}")


async def async_task(label: str, suffix: str = ""):
    THREADS.setdefault("async", threading.get_ident())
    await asyncio.sleep(0)
    LOG.append(f"async {label}{suffix}")


class CallableSync:
    def __call__(self, label):
        LOG.append(f"callable-sync {label}")


class CallableAsync:
    async def __call__(self, label):
        LOG.append(f"callable-async {label}")


def returns_coroutine(label):
    # A plain function: the framework calls it in a thread and gets a coroutine back.
    LOG.append(f"returns-coroutine called {label}")
    coro = async_task(label, suffix=" (never awaited)")
    coro.close()
    return coro


@app.post("/mixed")
async def mixed(background_tasks: BackgroundTasks):
    background_tasks.add_task(sync_task, "1")
    background_tasks.add_task(async_task, "2")
    background_tasks.add_task(sync_task, "3", suffix="!")
    background_tasks.add_task(async_task, "4", suffix="?")
    background_tasks.add_task(async_task, label="5")
    background_tasks.add_task(sync_task, label="6")
    LOG.append("endpoint returned")
    return {"queued": len(background_tasks.tasks)}


@app.post("/mixed-sync-endpoint")
def mixed_sync_endpoint(background_tasks: Annotated[BackgroundTasks, "x"]):
    background_tasks.add_task(async_task, "a")
    background_tasks.add_task(sync_task, "b")
    LOG.append("sync endpoint returned")
    return "ok"


@app.post("/callables")
async def callables(background_tasks: BackgroundTasks):
    background_tasks.add_task(CallableSync(), "x")
    background_tasks.add_task(CallableAsync(), "y")
    background_tasks.add_task(functools.partial(async_task, "partial-async"), suffix=" via partial")
    background_tasks.add_task(functools.partial(sync_task, "partial-sync", suffix=" via partial"))
    background_tasks.add_task(returns_coroutine, "z")
    return None


@app.post("/threads")
async def threads(background_tasks: BackgroundTasks):
    THREADS.clear()
    background_tasks.add_task(sync_task, "t1")
    background_tasks.add_task(async_task, "t2")
    background_tasks.add_task(
        lambda: LOG.append({"sync task ran in another thread than async task": THREADS["sync"] != THREADS["async"]})
    )
    return None


def chain(background_tasks: BackgroundTasks, n: int):
    LOG.append(f"chain {n}")
    if n > 0:
        background_tasks.add_task(chain, background_tasks, n - 1)


@app.post("/chain/{n}")
def start_chain(n: int, background_tasks: BackgroundTasks):
    background_tasks.add_task(chain, background_tasks, n)
    background_tasks.add_task(sync_task, "queued after chain start")
    return {"queued": len(background_tasks.tasks)}


@app.post("/snapshot")
def snapshot(background_tasks: BackgroundTasks):
    LOG.clear()
    LOG.append("before")
    background_tasks.add_task(sync_task, "after response")
    # The very list object is returned; the task mutates it later.
    return LOG


@app.post("/same-task-twice")
async def same_task_twice(background_tasks: BackgroundTasks):
    for i in range(3):
        background_tasks.add_task(async_task, f"loop {i}")
    return None


@app.post("/late-binding")
def late_binding(background_tasks: BackgroundTasks):
    payload = {"state": "when added"}
    items = ["a"]
    background_tasks.add_task(lambda p, i: LOG.append(f"task sees {p['state']} and {i}"), payload, items)
    payload["state"] = "mutated after add_task"
    items.append("b")
    return {"payload": payload}


@app.get("/log")
def read_log():
    return LOG


@app.delete("/log")
def clear_log():
    LOG.clear()


CASES = [
    {"method": "POST", "url": "/mixed"},
    {"method": "GET", "url": "/log"},
    {"method": "DELETE", "url": "/log"},
    {"method": "POST", "url": "/mixed-sync-endpoint"},
    {"method": "GET", "url": "/log"},
    {"method": "DELETE", "url": "/log"},
    {"method": "POST", "url": "/callables"},
    {"method": "GET", "url": "/log"},
    {"method": "DELETE", "url": "/log"},
    {"method": "POST", "url": "/threads"},
    {"method": "GET", "url": "/log"},
    {"method": "DELETE", "url": "/log"},
    # a task that adds tasks to the same BackgroundTasks while it is being run
    {"method": "POST", "url": "/chain/3"},
    {"method": "GET", "url": "/log"},
    {"method": "DELETE", "url": "/log"},
    {"method": "POST", "url": "/chain/-1"},
    {"method": "POST", "url": "/chain/x"},
    {"method": "GET", "url": "/log"},
    # the response body is serialized before the tasks run
    {"method": "POST", "url": "/snapshot"},
    {"method": "GET", "url": "/log"},
    {"method": "DELETE", "url": "/log"},
    {"method": "POST", "url": "/same-task-twice"},
    {"method": "GET", "url": "/log"},
    {"method": "DELETE", "url": "/log"},
    # arguments are stored by reference: mutations after add_task are visible to the task
    {"method": "POST", "url": "/late-binding"},
    {"method": "GET", "url": "/log"},
]
