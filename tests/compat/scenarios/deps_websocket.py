"""Dependencies on WebSocket endpoints: query/header/cookie params in dependencies, yield
dependencies, WebSocketException raised in a dependency, validation failures, overrides."""
from typing import Annotated

from fastapi import (
    Cookie,
    Depends,
    FastAPI,
    Header,
    Query,
    WebSocket,
    WebSocketException,
    status,
)

app = FastAPI()

LOG: list[str] = []


@app.get("/log")
def read_log():
    entries = list(LOG)
    LOG.clear()
    return entries


async def get_cookie_or_token(
    websocket: WebSocket,
    session: Annotated[str | None, Cookie()] = None,
    token: Annotated[str | None, Query()] = None,
):
    if session is None and token is None:
        raise WebSocketException(code=status.WS_1008_POLICY_VIOLATION, reason="no credentials")
    return session or token


def ws_yield():
    LOG.append("ws_yield:setup")
    yield "y"
    LOG.append("ws_yield:teardown")


def needs_int(n: int, x_client: Annotated[str, Header()] = "anon"):
    return {"n": n, "client": x_client}


@app.websocket("/items/{item_id}/ws")
async def websocket_endpoint(
    *,
    websocket: WebSocket,
    item_id: str,
    q: int | None = None,
    cookie_or_token: Annotated[str, Depends(get_cookie_or_token)],
):
    await websocket.accept()
    while True:
        data = await websocket.receive_text()
        await websocket.send_text(f"Session cookie or query token value is: {cookie_or_token}")
        if q is not None:
            await websocket.send_text(f"Query parameter q is: {q}")
        await websocket.send_text(f"Message text was: {data}, for item ID: {item_id}")
        if data == "bye":
            await websocket.close()
            return


@app.websocket("/yield")
async def ws_with_yield(websocket: WebSocket, y: Annotated[str, Depends(ws_yield)]):
    LOG.append("endpoint:start")
    await websocket.accept()
    await websocket.send_json({"y": y})
    await websocket.close()
    LOG.append("endpoint:end")


@app.websocket("/validated")
async def ws_validated(websocket: WebSocket, v: Annotated[dict, Depends(needs_int)]):
    await websocket.accept()
    await websocket.send_json(v)
    await websocket.close()


async def ws_override():
    return "overridden"


def original_ws_dep():
    return "original"


@app.websocket("/override")
async def ws_override_endpoint(websocket: WebSocket, v: Annotated[str, Depends(original_ws_dep)]):
    await websocket.accept()
    await websocket.send_text(v)
    await websocket.close()


app.dependency_overrides[original_ws_dep] = ws_override


CASES = [
    {"websocket": "/items/foo/ws?token=some-token", "headers": {}, "send": ["hello", "bye"], "receive": 5},
    {"websocket": "/items/foo/ws?token=t&q=3", "headers": {}, "send": ["bye"], "receive": 4},
    {"websocket": "/items/foo/ws", "headers": {"cookie": "session=fromcookie"}, "send": ["bye"], "receive": 3},
    {"websocket": "/items/foo/ws", "headers": {}, "send": ["hello"], "receive": 1},
    {"websocket": "/items/foo/ws?token=t&q=notint", "headers": {}, "send": ["hello"], "receive": 1},
    {"websocket": "/yield", "headers": {}, "receive": 2},
    {"method": "GET", "url": "/log"},
    {"websocket": "/validated?n=4", "headers": {"x-client": "c1"}, "receive": 2},
    {"websocket": "/validated?n=four", "headers": {}, "receive": 1},
    {"websocket": "/validated", "headers": {}, "receive": 1},
    {"websocket": "/override", "headers": {}, "receive": 2},
]
