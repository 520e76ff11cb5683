"""StreamingResponse together with background tasks.

The response's own ``background`` runs after the last chunk; injected BackgroundTasks are
attached only when the StreamingResponse has no background of its own; sync and async
generators; a generator failing mid-stream; a yield dependency whose teardown order is
compared with the streaming. LOG records chunks, teardowns and tasks; GET /log shows them.
"""

from fastapi import BackgroundTasks, Depends, FastAPI
from fastapi.responses import StreamingResponse
from starlette.background import BackgroundTask

LOG: list[str] = []
STATE = {"chunks": 0}

app = FastAPI()


def note(msg: str):
    LOG.append(msg)


def report_chunks():
    LOG.append(f"task sees {STATE['chunks']} chunks streamed")


def sync_numbers(n: int):
    for i in range(n):
        LOG.append(f"sync chunk {i}")
        STATE["chunks"] += 1
        yield f"{i}\n"


async def async_numbers(n: int):
    for i in range(n):
        LOG.append(f"async chunk {i}")
        STATE["chunks"] += 1
        yield f"{i}\n".encode()


async def failing_stream():
    LOG.append("failing stream: chunk 0")
    yield b"partial-"
    LOG.append("failing stream: raising")
    raise RuntimeError("stream broke")


@app.get("/own/{n}")
def own_background(n: int):
    STATE["chunks"] = 0
    return StreamingResponse(sync_numbers(n), media_type="text/plain", background=BackgroundTask(report_chunks))


@app.get("/own-plus-injected/{n}")
async def own_plus_injected(n: int, background_tasks: BackgroundTasks):
    STATE["chunks"] = 0
    background_tasks.add_task(note, "injected task (own background present)")
    return StreamingResponse(async_numbers(n), background=BackgroundTask(report_chunks))


@app.get("/injected-only/{n}")
async def injected_only(n: int, background_tasks: BackgroundTasks):
    STATE["chunks"] = 0
    background_tasks.add_task(report_chunks)
    background_tasks.add_task(note, "second injected task")
    return StreamingResponse(async_numbers(n), media_type="application/x-ndjson", headers={"x-stream": "1"})


@app.get("/fails")
def fails(background_tasks: BackgroundTasks):
    background_tasks.add_task(note, "injected task on failing stream")
    return StreamingResponse(failing_stream(), media_type="text/plain")


def resource(background_tasks: BackgroundTasks):
    LOG.append("resource: setup")
    state = {"open": True}
    yield state
    state["open"] = False
    LOG.append("resource: teardown")
    background_tasks.add_task(note, "task added in resource teardown")


@app.get("/with-dep/{n}")
def with_dep(n: int, background_tasks: BackgroundTasks, res: dict = Depends(resource)):
    def gen():
        for i in range(n):
            LOG.append(f"dep chunk {i}, resource open={res['open']}")
            yield f"{i},"

    background_tasks.add_task(lambda: LOG.append(f"task: resource open={res['open']}"))
    return StreamingResponse(gen(), media_type="text/csv")


@app.get("/empty")
def empty(background_tasks: BackgroundTasks):
    background_tasks.add_task(note, "task after empty stream")
    return StreamingResponse(iter([]), media_type="text/plain")


@app.get("/log")
def read_log():
    return LOG


@app.delete("/log")
def clear_log():
    LOG.clear()


def then_log(case):
    return [case, {"method": "GET", "url": "/log"}, {"method": "DELETE", "url": "/log"}]


CASES = [
    *then_log({"method": "GET", "url": "/own/3"}),
    *then_log({"method": "GET", "url": "/own/0"}),
    *then_log({"method": "GET", "url": "/own-plus-injected/2"}),
    *then_log({"method": "GET", "url": "/injected-only/2"}),
    *then_log({"method": "HEAD", "url": "/injected-only/2"}),
    *then_log({"method": "GET", "url": "/fails"}),
    *then_log({"method": "GET", "url": "/fails", "raise_server_exceptions": True}),
    *then_log({"method": "GET", "url": "/with-dep/2"}),
    *then_log({"method": "GET", "url": "/empty"}),
    # validation error: no stream, no task
    *then_log({"method": "GET", "url": "/own/many"}),
]
