"""Responses returned directly with their own ``background`` versus injected BackgroundTasks.

Which tasks run when the endpoint returns ``JSONResponse(..., background=BackgroundTask(...))``
while also having added tasks to the injected BackgroundTasks (in the endpoint or in a
dependency)? Also ``BackgroundTasks(tasks=[...])``, the injected object passed explicitly as
``background``, a ``background`` set on the injected ``Response`` parameter, response
classes (PlainText, HTML, Redirect, File, 204) and ``response_class=`` without returning a
Response. GET /log shows what ran.
"""

import atexit
import os
import tempfile

from fastapi import BackgroundTasks, Depends, FastAPI, Response
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse
from starlette.background import BackgroundTask
from starlette.background import BackgroundTasks as StarletteBackgroundTasks

LOG: list[str] = []
TMPDIR = tempfile.TemporaryDirectory(prefix="bg_response_direct_")
atexit.register(TMPDIR.cleanup)

app = FastAPI()


def note(msg: str):
    LOG.append(msg)


async def anote(msg: str, *, extra: str = ""):
    LOG.append(msg + extra)


def dep_adds(background_tasks: BackgroundTasks):
    background_tasks.add_task(note, "injected task from dependency")


@app.post("/own-background-plus-injected")
def own_plus_injected(background_tasks: BackgroundTasks):
    background_tasks.add_task(note, "injected task from endpoint")
    return JSONResponse({"kind": "own+injected"}, background=BackgroundTask(note, "response's own task"))


@app.post("/own-background-plus-dependency", dependencies=[Depends(dep_adds)])
def own_plus_dependency():
    return JSONResponse({"kind": "own+dependency"}, background=BackgroundTask(anote, "response's own task", extra=" (async, kw)"))


@app.post("/no-background-plus-injected")
def none_plus_injected(background_tasks: BackgroundTasks):
    background_tasks.add_task(note, "injected task from endpoint")
    return JSONResponse({"kind": "no-background+injected"})


@app.post("/no-background-plus-dependency", dependencies=[Depends(dep_adds)])
async def none_plus_dependency():
    return PlainTextResponse("plain")


@app.post("/tasks-list")
def tasks_list():
    tasks = BackgroundTasks(tasks=[BackgroundTask(note, "list item 1"), BackgroundTask(anote, "list item 2")])
    tasks.add_task(note, "added after construction")
    return Response("x", media_type="text/plain", background=tasks)


@app.post("/tasks-tuple-starlette")
def tasks_tuple():
    tasks = StarletteBackgroundTasks((BackgroundTask(note, "tuple item"),))
    return Response(b"", background=tasks)


@app.post("/tasks-empty")
def tasks_empty(background_tasks: BackgroundTasks):
    background_tasks.add_task(note, "injected task (response has an empty BackgroundTasks)")
    return Response(b"", background=BackgroundTasks())


@app.post("/tasks-none-arg")
def tasks_none_arg(background_tasks: BackgroundTasks):
    background_tasks.add_task(note, "injected task (response has BackgroundTasks(tasks=None))")
    return Response(b"", background=BackgroundTasks(tasks=None))


@app.post("/explicit-injected")
def explicit_injected(background_tasks: BackgroundTasks):
    background_tasks.add_task(note, "injected task passed explicitly as background")
    return JSONResponse({"kind": "explicit"}, background=background_tasks)


@app.post("/nested-tasks")
def nested_tasks(background_tasks: BackgroundTasks):
    background_tasks.add_task(note, "injected task wrapped inside another BackgroundTasks")
    outer = BackgroundTasks(tasks=[BackgroundTask(note, "outer first"), background_tasks, BackgroundTask(note, "outer last")])
    return JSONResponse({"kind": "nested"}, background=outer)


@app.post("/param-response-background")
def param_response_background(response: Response, background_tasks: BackgroundTasks):
    response.background = BackgroundTask(note, "background set on the injected Response parameter")
    response.headers["x-extra"] = "1"
    background_tasks.add_task(note, "injected task next to Response parameter")
    return {"kind": "param-response"}


@app.post("/html")
def html(background_tasks: BackgroundTasks):
    background_tasks.add_task(note, "injected task dropped?")
    return HTMLResponse("<b>hi</b>", background=BackgroundTask(note, "html's own task"))


@app.post("/redirect")
def redirect(background_tasks: BackgroundTasks):
    background_tasks.add_task(note, "injected task on redirect")
    return RedirectResponse("/landing", status_code=303)


@app.get("/landing")
def landing():
    return {"landed": True}


@app.post("/no-content")
def no_content(background_tasks: BackgroundTasks):
    background_tasks.add_task(note, "injected task on 204 Response")
    return Response(status_code=204)


@app.post("/status-204", status_code=204)
def status_204(background_tasks: BackgroundTasks):
    background_tasks.add_task(note, "injected task on status_code=204 route")


@app.post("/response-class", response_class=PlainTextResponse)
def response_class(background_tasks: BackgroundTasks):
    background_tasks.add_task(note, "injected task on response_class route")
    return "text body"


@app.post("/file/{name}")
def make_file(name: str):
    path = os.path.join(TMPDIR.name, name)
    with open(path, "w") as f:
        f.write(f"content of {name}")
    os.utime(path, (1_000_000_000, 1_000_000_000))  # fixed mtime: stable last-modified/etag
    return {"created": name}


@app.get("/file/{name}")
def get_file(name: str, background_tasks: BackgroundTasks):
    path = os.path.join(TMPDIR.name, name)
    background_tasks.add_task(note, f"injected task on FileResponse {name}")
    return FileResponse(path, media_type="text/plain", background=BackgroundTask(os.remove, path))


@app.get("/files")
def files():
    return sorted(os.listdir(TMPDIR.name))


@app.get("/log")
def read_log():
    return LOG


@app.delete("/log")
def clear_log():
    LOG.clear()


def then_log(case):
    return [case, {"method": "GET", "url": "/log"}, {"method": "DELETE", "url": "/log"}]


CASES = [
    *then_log({"method": "POST", "url": "/own-background-plus-injected"}),
    *then_log({"method": "POST", "url": "/own-background-plus-dependency"}),
    *then_log({"method": "POST", "url": "/no-background-plus-injected"}),
    *then_log({"method": "POST", "url": "/no-background-plus-dependency"}),
    *then_log({"method": "POST", "url": "/tasks-list"}),
    *then_log({"method": "POST", "url": "/tasks-tuple-starlette"}),
    *then_log({"method": "POST", "url": "/tasks-empty"}),
    *then_log({"method": "POST", "url": "/tasks-none-arg"}),
    *then_log({"method": "POST", "url": "/explicit-injected"}),
    *then_log({"method": "POST", "url": "/nested-tasks"}),
    *then_log({"method": "POST", "url": "/param-response-background"}),
    *then_log({"method": "POST", "url": "/html"}),
    *then_log({"method": "POST", "url": "/redirect", "follow_redirects": False}),
    *then_log({"method": "POST", "url": "/no-content"}),
    *then_log({"method": "POST", "url": "/status-204"}),
    *then_log({"method": "POST", "url": "/response-class"}),
    {"method": "POST", "url": "/file/a.txt"},
    {"method": "GET", "url": "/files"},
    {"method": "GET", "url": "/file/a.txt"},
    # the response's own task removed the file; the injected task was dropped
    {"method": "GET", "url": "/files"},
    {"method": "GET", "url": "/log"},
    # the file is gone now: FileResponse fails (500) and no task runs
    *then_log({"method": "GET", "url": "/file/a.txt"}),
]
