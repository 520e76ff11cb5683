"""Background tasks together with ``yield`` dependencies.

Tasks added before and after ``yield`` (sync and async dependencies), nested yield
dependencies, a resource closed in teardown that a task then uses, teardown raising, and the
endpoint raising while a yield dependency adds tasks in its ``except``/``finally``. LOG records
setup, endpoint, teardown and task steps; GET /log shows the interleaving.
"""

from typing import Annotated

from fastapi import BackgroundTasks, Depends, FastAPI, HTTPException

LOG: list[str] = []

app = FastAPI()


def note(msg: str):
    LOG.append(msg)


async def anote(msg: str):
    LOG.append(msg)


def sync_yield_dep(background_tasks: BackgroundTasks):
    LOG.append("sync dep: setup")
    background_tasks.add_task(note, "task added before yield (sync dep)")
    yield "sync-dep-value"
    LOG.append("sync dep: teardown")
    background_tasks.add_task(note, "task added after yield (sync dep)")


async def async_yield_dep(background_tasks: BackgroundTasks):
    LOG.append("async dep: setup")
    background_tasks.add_task(anote, "task added before yield (async dep)")
    yield "async-dep-value"
    LOG.append("async dep: teardown")
    background_tasks.add_task(anote, "task added after yield (async dep)")


@app.post("/sync-dep")
def with_sync_dep(value: Annotated[str, Depends(sync_yield_dep)], background_tasks: BackgroundTasks):
    LOG.append(f"endpoint got {value}")
    background_tasks.add_task(note, "task added by endpoint")
    return {"value": value}


@app.post("/async-dep")
async def with_async_dep(value: Annotated[str, Depends(async_yield_dep)], background_tasks: BackgroundTasks):
    LOG.append(f"endpoint got {value}")
    background_tasks.add_task(note, "task added by endpoint")
    return {"value": value}


# Nested: outer depends on inner; teardown order and the tasks they add.
async def inner(background_tasks: BackgroundTasks):
    LOG.append("inner: setup")
    try:
        yield "inner"
    finally:
        LOG.append("inner: teardown")
        background_tasks.add_task(note, "task from inner teardown")


def outer(background_tasks: BackgroundTasks, i: str = Depends(inner)):
    LOG.append("outer: setup")
    try:
        yield i + "+outer"
    finally:
        LOG.append("outer: teardown")
        background_tasks.add_task(note, "task from outer teardown")


@app.post("/nested")
def nested(value: str = Depends(outer), other: str = Depends(async_yield_dep)):
    LOG.append(f"endpoint got {value} and {other}")
    return {"value": value, "other": other}


# A resource closed in teardown and used by a task.
class Session:
    def __init__(self):
        self.closed = False

    def query(self, what: str) -> str:
        return f"query {what} on {'CLOSED' if self.closed else 'open'} session"


def get_session():
    session = Session()
    LOG.append("session opened")
    try:
        yield session
    finally:
        session.closed = True
        LOG.append("session closed")


@app.post("/session-in-task")
def session_in_task(background_tasks: BackgroundTasks, session: Session = Depends(get_session)):
    background_tasks.add_task(lambda: LOG.append(session.query("from task")))
    return {"in_endpoint": session.query("from endpoint")}


# Teardown raising after the endpoint succeeded.
def failing_teardown(background_tasks: BackgroundTasks):
    background_tasks.add_task(note, "task added before yield (failing teardown dep)")
    yield
    LOG.append("failing teardown: raising")
    raise RuntimeError("teardown exploded")


@app.post("/teardown-raises")
def teardown_raises(background_tasks: BackgroundTasks, _: None = Depends(failing_teardown)):
    background_tasks.add_task(note, "task added by endpoint (teardown-raises)")
    LOG.append("endpoint (teardown-raises) returned")
    return {"ok": True}


# The endpoint raises; the dependency sees the exception.
def watching_dep(background_tasks: BackgroundTasks):
    background_tasks.add_task(note, "task added before yield (watching dep)")
    try:
        yield
    except HTTPException as exc:
        LOG.append(f"watching dep saw HTTPException {exc.status_code}")
        background_tasks.add_task(note, "task added in except (watching dep)")
        raise
    finally:
        LOG.append("watching dep: finally")
        background_tasks.add_task(note, "task added in finally (watching dep)")


@app.post("/endpoint-raises/{code}")
def endpoint_raises(code: int, background_tasks: BackgroundTasks, _: None = Depends(watching_dep)):
    background_tasks.add_task(note, "task added by endpoint before raising")
    if code >= 400:
        raise HTTPException(status_code=code, detail="nope")
    return {"code": code}


@app.get("/log")
def read_log():
    return LOG


@app.delete("/log")
def clear_log():
    LOG.clear()


CASES = [
    {"method": "POST", "url": "/sync-dep"},
    {"method": "GET", "url": "/log"},
    {"method": "DELETE", "url": "/log"},
    {"method": "POST", "url": "/async-dep"},
    {"method": "GET", "url": "/log"},
    {"method": "DELETE", "url": "/log"},
    {"method": "POST", "url": "/nested"},
    {"method": "GET", "url": "/log"},
    {"method": "DELETE", "url": "/log"},
    {"method": "POST", "url": "/session-in-task"},
    {"method": "GET", "url": "/log"},
    {"method": "DELETE", "url": "/log"},
    {"method": "POST", "url": "/teardown-raises"},
    {"method": "GET", "url": "/log"},
    {"method": "DELETE", "url": "/log"},
    {"method": "POST", "url": "/teardown-raises", "raise_server_exceptions": True},
    {"method": "GET", "url": "/log"},
    {"method": "DELETE", "url": "/log"},
    {"method": "POST", "url": "/endpoint-raises/200"},
    {"method": "GET", "url": "/log"},
    {"method": "DELETE", "url": "/log"},
    {"method": "POST", "url": "/endpoint-raises/418"},
    {"method": "GET", "url": "/log"},
    {"method": "DELETE", "url": "/log"},
    # validation error in the path: the dependency never runs either
    {"method": "POST", "url": "/endpoint-raises/abc"},
    {"method": "GET", "url": "/log"},
]
