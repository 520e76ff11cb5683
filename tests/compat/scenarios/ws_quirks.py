"""Odd WebSocket endpoints, answered as FastAPI answers them: a sync def endpoint, a Request
parameter, HTTPConnection and Response parameters, a body (Pydantic model) parameter that can
never be read, several validation errors at once
(their order), Header/Cookie/Query aliases, a callable-instance dependency, and the
websocket decorator's name= and dependencies= arguments."""
from typing import Annotated

from fastapi import Cookie, Depends, FastAPI, Header, Query, Request, Response, WebSocket
from fastapi.requests import HTTPConnection
from pydantic import BaseModel

LOG: list[str] = []

app = FastAPI()


class Item(BaseModel):
    name: str


@app.get("/log")
def read_log():
    entries = list(LOG)
    LOG.clear()
    return entries


@app.websocket("/sync-def")
def sync_def(websocket: WebSocket):
    LOG.append("sync def endpoint called")


@app.websocket("/request-param")
async def request_param(websocket: WebSocket, request: Request):
    await websocket.accept()
    await websocket.send_text(type(request).__name__)
    await websocket.close()


@app.websocket("/connection-param")
async def connection_param(websocket: WebSocket, conn: HTTPConnection, response: Response):
    await websocket.accept()
    await websocket.send_json({"conn": type(conn).__name__, "same": conn is websocket, "response": type(response).__name__})
    await websocket.close()


@app.websocket("/body-param")
async def body_param(websocket: WebSocket, item: Item):
    await websocket.accept()
    await websocket.send_text(item.name)
    await websocket.close()


@app.websocket("/many-errors/{n}")
async def many_errors(
    websocket: WebSocket,
    n: int,
    a: Annotated[int, Query()],
    x_num: Annotated[int, Header()],
    c: Annotated[int, Cookie()],
):
    await websocket.accept()
    await websocket.close()


@app.websocket("/aliases")
async def aliases(
    websocket: WebSocket,
    q: Annotated[str, Query(alias="item-query")] = "dq",
    h: Annotated[str, Header(alias="X-Item-Header")] = "dh",
    c: Annotated[str, Cookie(alias="item-cookie")] = "dc",
):
    await websocket.accept()
    await websocket.send_json([q, h, c])
    await websocket.close()


class Gate:
    def __init__(self, prefix: str):
        self.prefix = prefix

    async def __call__(self, websocket: WebSocket, who: str = "anon"):
        LOG.append(f"gate {self.prefix} {websocket.url.path}")
        return f"{self.prefix}-{who}"


def side_dependency():
    LOG.append("decorator dependency ran")


@app.websocket("/gated", name="gated_socket", dependencies=[Depends(side_dependency)])
async def gated(websocket: WebSocket, token: Annotated[str, Depends(Gate("g"))]):
    await websocket.accept()
    await websocket.send_json({"token": token, "route": websocket.scope["route"].name, "url": app.url_path_for("gated_socket")})
    await websocket.close()


CASES = [
    {"websocket": "/sync-def", "headers": {}, "receive": 1},
    {"method": "GET", "url": "/log"},
    {"websocket": "/request-param", "headers": {}, "receive": 2},
    {"websocket": "/connection-param", "headers": {}, "receive": 2},
    {"websocket": "/body-param", "headers": {}, "receive": 2},
    {"method": "GET", "url": "/log"},
    {"websocket": "/many-errors/x?a=y", "headers": {"x-num": "z", "cookie": "c=w"}, "receive": 1},
    {"websocket": "/many-errors/x", "headers": {}, "receive": 1},
    {"websocket": "/aliases?item-query=Q", "headers": {"x-item-header": "H", "cookie": "item-cookie=C"}, "receive": 2},
    {"websocket": "/aliases?q=no", "headers": {"h": "no", "cookie": "c=no"}, "receive": 2},
    {"websocket": "/gated?who=me", "headers": {}, "receive": 2},
    {"method": "GET", "url": "/log"},
]
