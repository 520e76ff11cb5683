"""Errors on WebSockets: WebSocketException before and after accept (default code, custom
code and reason), a handler registered for WebSocketRequestValidationError, a handler for a
user exception raised in a WebSocket endpoint, an unhandled error, the server seeing the
client's disconnect (WebSocketDisconnect with its code and reason, also inside a yield
dependency), and an exception raised by a yield dependency's teardown."""
from typing import Annotated

from fastapi import Depends, FastAPI, WebSocket, WebSocketDisconnect, WebSocketException, status
from fastapi.exceptions import WebSocketRequestValidationError

LOG: list[str] = []

app = FastAPI()


class Teapot(Exception):
    pass


@app.exception_handler(Teapot)
async def teapot_handler(websocket: WebSocket, exc: Teapot):
    LOG.append(f"teapot handler: {type(websocket).__name__} {exc}")
    await websocket.close(code=4018, reason=f"teapot: {exc}")


@app.get("/log")
def read_log():
    entries = list(LOG)
    LOG.clear()
    return entries


@app.websocket("/wsexc-before")
async def wsexc_before(websocket: WebSocket, code: int = status.WS_1008_POLICY_VIOLATION, reason: str | None = None):
    raise WebSocketException(code=code, reason=reason)


@app.websocket("/wsexc-after")
async def wsexc_after(websocket: WebSocket):
    await websocket.accept()
    await websocket.send_text("accepted")
    raise WebSocketException(code=status.WS_1011_INTERNAL_ERROR, reason="failed after accept")


@app.websocket("/teapot")
async def teapot(websocket: WebSocket, after_accept: bool = False):
    if after_accept:
        await websocket.accept()
        await websocket.send_text("about to fail")
    raise Teapot("short and stout")


@app.websocket("/crash")
async def crash(websocket: WebSocket):
    await websocket.accept()
    raise RuntimeError("websocket endpoint crashed")


def watch_disconnect():
    LOG.append("dep: setup")
    try:
        yield "watched"
    except WebSocketDisconnect as exc:
        LOG.append(f"dep: saw WebSocketDisconnect code={exc.code} reason={exc.reason!r}")
        raise
    finally:
        LOG.append("dep: teardown")


@app.websocket("/chat")
async def chat(websocket: WebSocket, watched: Annotated[str, Depends(watch_disconnect)]):
    await websocket.accept()
    try:
        while True:
            text = await websocket.receive_text()
            await websocket.send_text(f"{watched}: {text}")
    except WebSocketDisconnect as exc:
        LOG.append(f"endpoint: disconnect code={exc.code} reason={exc.reason!r}")


@app.websocket("/chat-reraise")
async def chat_reraise(websocket: WebSocket, watched: Annotated[str, Depends(watch_disconnect)]):
    await websocket.accept()
    while True:
        text = await websocket.receive_text()
        await websocket.send_text(f"{watched}: {text}")


def failing_teardown():
    yield "x"
    LOG.append("failing teardown runs")
    raise WebSocketException(code=4500, reason="teardown failed")


@app.websocket("/teardown-fails")
async def teardown_fails(websocket: WebSocket, x: Annotated[str, Depends(failing_teardown)]):
    await websocket.accept()
    await websocket.send_text(x)
    # no close here: the teardown's WebSocketException closes the socket


CASES = [
    {"websocket": "/wsexc-before", "headers": {}, "receive": 1},
    {"websocket": "/wsexc-before?code=4003&reason=go%20away", "headers": {}, "receive": 1},
    {"websocket": "/wsexc-before?code=1011", "headers": {}, "receive": 1},
    {"websocket": "/wsexc-after", "headers": {}, "receive": 2},
    {"websocket": "/teapot", "headers": {}, "receive": 1},
    {"websocket": "/teapot?after_accept=true", "headers": {}, "receive": 2},
    {"method": "GET", "url": "/log"},
    {"websocket": "/crash", "headers": {}, "receive": 1},
    {"websocket": "/chat", "headers": {}, "send": ["hi", "there"], "receive": 2, "close": [1001, "going away"]},
    {"method": "GET", "url": "/log"},
    {"websocket": "/chat-reraise", "headers": {}, "send": ["hi"], "receive": 1, "close": [4000]},
    {"method": "GET", "url": "/log"},
    {"websocket": "/teardown-fails", "headers": {}, "receive": 2},
    {"method": "GET", "url": "/log"},
]
