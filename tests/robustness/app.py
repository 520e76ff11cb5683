"""The app the robustness tests serve with uvicorn: bodies, forms, uploads, streams, a WebSocket.

``GET /probe`` reports what a leak would grow (asyncio tasks, open descriptors, RSS, files in
the temporary directory, streams still running), so that tests can count them from outside.
"""

from __future__ import annotations

import asyncio
import os
import tempfile
from collections.abc import AsyncIterator
from typing import Annotated, Any

from pydantic import BaseModel

from fastapi import Body, FastAPI, File, Form, UploadFile, WebSocket, WebSocketDisconnect
from fastapi.limits import Limits
from fastapi.responses import StreamingResponse
from fastapi.sse import EventSourceResponse

MAX_BODY = int(os.environ.get("ROBUSTNESS_MAX_BODY", str(Limits().max_body_size)))
app = FastAPI(limits=Limits(max_body_size=MAX_BODY))
running_streams = 0


class Item(BaseModel):
    name: str
    price: float


@app.get("/hello")
async def hello() -> dict[str, str]:
    return {"message": "Hello World"}


@app.post("/items")
async def create_item(item: Item) -> Item:
    return item


@app.post("/echo")
async def echo(value: Annotated[Any, Body()]) -> Any:
    return value


@app.post("/upload")
async def upload(
    files: Annotated[list[UploadFile], File()], note: Annotated[str, Form()] = ""
) -> dict[str, Any]:
    return {"sizes": [len(await file.read()) for file in files], "note": note}


@app.get("/stream")
async def stream() -> StreamingResponse:
    async def chunks():  # endless until the client goes away
        global running_streams
        running_streams += 1
        try:
            while True:
                yield b"x" * 65536
                await asyncio.sleep(0.001)
        finally:
            running_streams -= 1

    return StreamingResponse(chunks(), media_type="application/octet-stream")


@app.get("/events", response_class=EventSourceResponse)
async def events() -> AsyncIterator[dict[str, int]]:
    global running_streams
    running_streams += 1
    try:
        number = 0
        while True:  # endless until the client goes away
            number += 1
            yield {"n": number}
            await asyncio.sleep(0.001)
    finally:
        running_streams -= 1


@app.websocket("/ws")
async def websocket_echo(websocket: WebSocket) -> None:
    await websocket.accept()
    try:
        while True:
            await websocket.send_text(await websocket.receive_text())
    except WebSocketDisconnect:
        pass


@app.get("/boom")
async def boom() -> None:
    raise RuntimeError("an internal detail the client must not see")


@app.get("/probe")
async def probe() -> dict[str, Any]:
    with open("/proc/self/statm") as statm:
        rss_pages = int(statm.read().split()[1])
    return {
        "tasks": len(asyncio.all_tasks()),
        "fds": len(os.listdir("/proc/self/fd")),
        "rss": rss_pages * os.sysconf("SC_PAGE_SIZE"),
        "temp_files": sorted(os.listdir(tempfile.gettempdir())),
        "streams": running_streams,
    }
