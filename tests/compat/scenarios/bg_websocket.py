"""BackgroundTasks in a WebSocket endpoint and its dependencies.

The object is injected (shared by endpoint and dependency) but there is no HTTP response to
attach it to: queued tasks never run. A plain HTTP route afterwards shows the log.
"""

from typing import Annotated

from fastapi import BackgroundTasks, Depends, FastAPI, WebSocket

LOG: list[str] = []

app = FastAPI()


def dep(background_tasks: BackgroundTasks):
    background_tasks.add_task(LOG.append, "task queued by websocket dependency")
    return background_tasks


@app.websocket("/ws")
async def ws(websocket: WebSocket, background_tasks: BackgroundTasks, from_dep: Annotated[object, Depends(dep)]):
    background_tasks.add_task(LOG.append, "task queued by websocket endpoint")
    await websocket.accept()
    await websocket.send_json({
        "type": type(background_tasks).__name__,
        "same_as_dependency": from_dep is background_tasks,
        "queued": len(background_tasks.tasks),
    })
    await websocket.close()


@app.websocket("/ws-run")
async def ws_run(websocket: WebSocket, background_tasks: BackgroundTasks):
    # Running the queue by hand is the only way it runs here.
    background_tasks.add_task(LOG.append, "task run by hand inside the websocket")
    await websocket.accept()
    await background_tasks()
    await websocket.send_text("ran")
    await websocket.close()


@app.get("/log")
def read_log():
    return LOG


CASES = [
    {"websocket": "/ws", "receive": 1, "headers": {}},
    {"method": "GET", "url": "/log"},
    {"websocket": "/ws-run", "receive": 1, "headers": {}},
    {"method": "GET", "url": "/log"},
    {"websocket": "/ws?background_tasks=1", "receive": 2, "headers": {}},
    {"method": "GET", "url": "/log"},
]
