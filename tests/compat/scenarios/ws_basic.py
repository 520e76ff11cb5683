"""WebSocket endpoints declared with @app.websocket: path (typed, convertor), query (scalar,
list, alias), header (underscore conversion, alias, list) and cookie parameters; sending and
receiving text, bytes and JSON (text and binary modes); closing with a code and a reason,
before and after accept; an echo loop until the client says bye; unknown paths; WebSocket
routes never appear in the OpenAPI document."""
from typing import Annotated

from fastapi import Cookie, FastAPI, Header, Path, Query, WebSocket, status

app = FastAPI()


@app.websocket("/params/{item_id}")
async def params(
    websocket: WebSocket,
    item_id: int,
    q: str | None = None,
    tags: Annotated[list[str], Query()] = [],
    page_size: Annotated[int, Query(alias="page-size", ge=1)] = 10,
    user_agent: Annotated[str | None, Header()] = None,
    x_token: Annotated[list[str] | None, Header()] = None,
    x_raw: Annotated[str | None, Header(alias="X-Raw", convert_underscores=False)] = None,
    session: Annotated[str | None, Cookie()] = None,
):
    await websocket.accept()
    await websocket.send_json(
        {
            "item_id": item_id,
            "q": q,
            "tags": tags,
            "page_size": page_size,
            "user_agent": user_agent,
            "x_token": x_token,
            "x_raw": x_raw,
            "session": session,
        }
    )
    await websocket.close()


@app.websocket("/files/{file_path:path}")
async def file_path(websocket: WebSocket, file_path: str):
    await websocket.accept()
    await websocket.send_text(file_path)
    await websocket.close()


@app.websocket("/bounded/{n}")
async def bounded(websocket: WebSocket, n: Annotated[int, Path(gt=0, le=10)]):
    await websocket.accept()
    await websocket.send_text(str(n * 2))
    await websocket.close()


@app.websocket("/kinds")
async def kinds(websocket: WebSocket):
    await websocket.accept()
    text = await websocket.receive_text()
    data = await websocket.receive_bytes()
    obj = await websocket.receive_json()
    obj_binary = await websocket.receive_json(mode="binary")
    await websocket.send_text(text.upper())
    await websocket.send_bytes(data[::-1])
    await websocket.send_json({"got": obj, "ünï": "cödé"})
    await websocket.send_json(obj_binary, mode="binary")
    await websocket.close(code=4001, reason="done with kinds")


@app.websocket("/echo")
async def echo(websocket: WebSocket):
    await websocket.accept()
    async for message in websocket.iter_text():
        await websocket.send_text(f"echo: {message}")
        if message == "bye":
            await websocket.close(code=status.WS_1000_NORMAL_CLOSURE, reason="bye")
            return


@app.websocket("/reject")
async def reject(websocket: WebSocket):
    await websocket.close(code=status.WS_1008_POLICY_VIOLATION, reason="not welcome")


@app.websocket("/accept-headers")
async def accept_headers(websocket: WebSocket):
    await websocket.accept(headers=[(b"x-accepted", b"yes")])
    await websocket.send_json(
        {
            "path": websocket.url.path,
            "query": str(websocket.query_params),
            "path_params": websocket.path_params,
            "scheme": websocket.url.scheme,
        }
    )
    await websocket.close()


@app.websocket("/sync-helper")
async def sync_helper(websocket: WebSocket, count: int = 2):
    await websocket.accept()
    for i in range(count):
        await websocket.send_text(f"tick {i}")
    await websocket.close()


@app.get("/http")
def http_route():
    return {"http": True}


CASES = [
    {"websocket": "/params/3", "headers": {}, "receive": 2},
    {
        "name": "all params",
        "websocket": "/params/42?q=hi&tags=a&tags=b&page-size=5",
        "headers": {"user-agent": "ua/1", "x-token": "t1", "X-Raw": "raw", "cookie": "session=abc"},
        "receive": 2,
    },
    {"name": "non-int path", "websocket": "/params/nope", "headers": {}, "receive": 2},
    {"name": "page-size too small", "websocket": "/params/1?page-size=0", "headers": {}, "receive": 2},
    {"websocket": "/files/a/b/c.txt", "headers": {}, "receive": 2},
    {"websocket": "/bounded/5", "headers": {}, "receive": 2},
    {"websocket": "/bounded/11", "headers": {}, "receive": 2},
    {"websocket": "/bounded/0", "headers": {}, "receive": 2},
    {
        "websocket": "/kinds",
        "headers": {},
        "send": ["héllo", b"\x00\x01\x02", {"a": [1, 2]}, b"{\"b\": null}"],
        "receive": 5,
    },
    {"websocket": "/echo", "headers": {}, "send": ["one", "two", "bye"], "receive": 4},
    {"websocket": "/reject", "headers": {}, "receive": 1},
    {"websocket": "/accept-headers?x=1&y=2", "headers": {}, "receive": 2},
    {"websocket": "/sync-helper?count=3", "headers": {}, "receive": 4},
    {"websocket": "/sync-helper?count=three", "headers": {}, "receive": 4},
    {"name": "unknown path", "websocket": "/nowhere", "headers": {}, "receive": 1},
    {"name": "websocket to an http route", "websocket": "/http", "headers": {}, "receive": 1},
    {"name": "http to a websocket route", "method": "GET", "url": "/echo"},
]
