"""One FastAPI app holding every benchmark scenario; runs unchanged on any FastAPI 0.116 API.

Each scenario is one route; ``REQUESTS`` says how each is called. Filler routes sit between
the scenario routes and ``/late/{n}``, which is the app's 301st route (FastAPI's own
documentation routes not counted), so that routing cost shows.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import (
    BackgroundTasks,
    Depends,
    FastAPI,
    File,
    Form,
    Header,
    Path,
    Query,
    UploadFile,
    WebSocket,
)

from .common import FILLERS, ITEMS, Item, ItemOut

app = FastAPI()


@app.get("/hello")
async def hello():
    return {"message": "Hello World"}


@app.get("/hello-sync")
def hello_sync():
    return {"message": "Hello World"}


@app.get("/items/{item_id}")
async def read_item(
    item_id: Annotated[int, Path(ge=1)],
    q: Annotated[str | None, Query(max_length=50)] = None,
    limit: Annotated[int, Query(le=100)] = 10,
):
    return {"item_id": item_id, "q": q, "limit": limit}


@app.post("/items", response_model=ItemOut)
async def create_item(item: Item):
    return item


@app.get("/items", response_model=list[ItemOut])
async def list_items():
    return ITEMS


async def token(x_token: Annotated[str, Header()]) -> str:
    return x_token


async def session(token: Annotated[str, Depends(token)]):
    yield {"token": token}


async def user(session: Annotated[dict, Depends(session)]) -> str:
    return session["token"].upper()


@app.get("/deps")
async def deps(user: Annotated[str, Depends(user)]):
    return {"user": user}


async def outer(x_token: Annotated[str, Header()]):
    yield x_token


async def middle(outer: Annotated[str, Depends(outer)]):
    yield outer + "-middle"


async def inner(middle: Annotated[str, Depends(middle)]):
    yield middle + "-inner"


@app.get("/deps3")
async def deps3(value: Annotated[str, Depends(inner)]):
    return {"value": value}


def noop() -> None:
    pass


@app.post("/background")
async def background(background_tasks: BackgroundTasks):
    background_tasks.add_task(noop)
    return {"queued": True}


@app.get("/invalid")
async def invalid(n: int):
    return {"n": n}


@app.post("/form")
async def form(username: Annotated[str, Form()], password: Annotated[str, Form()]):
    return {"username": username}


@app.post("/upload")
async def upload(file: Annotated[UploadFile, File()]):
    content = await file.read()
    return {"filename": file.filename, "size": len(content)}


@app.websocket("/ws")
async def echo(websocket: WebSocket):
    await websocket.accept()
    text = await websocket.receive_text()
    await websocket.send_text(text)
    await websocket.close()


for number in range(FILLERS):

    def filler(number: int = number):
        return {"filler": number}

    app.get(f"/filler/{number}/{{key}}", name=f"filler_{number}")(filler)


@app.get("/late/{n}")
async def late(n: int):
    return {"n": n}
