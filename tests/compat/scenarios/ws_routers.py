"""WebSocket routes on routers: @router.websocket, router.add_api_websocket_route,
app.add_api_websocket_route, Starlette-style app.add_websocket_route / @router.websocket_route
(no dependency injection), prefixes through nested include_router, dependencies declared on
the router, on include_router and on the decorator (order, and one that rejects with a
WebSocketException), names and url_path_for."""
from typing import Annotated

from fastapi import APIRouter, Depends, FastAPI, Header, WebSocket, WebSocketException, status
from fastapi.requests import HTTPConnection

CALLS: list[str] = []


def tracked(label: str):
    def dependency(connection: HTTPConnection):
        CALLS.append(f"{label}:{connection.url.path}")

    return dependency


def require_key(x_key: Annotated[str | None, Header()] = None):
    if x_key != "secret":
        raise WebSocketException(code=status.WS_1008_POLICY_VIOLATION, reason="bad key")
    return x_key


app = FastAPI(dependencies=[Depends(tracked("app"))])

inner = APIRouter(prefix="/inner", dependencies=[Depends(tracked("inner"))])
outer = APIRouter(prefix="/outer", dependencies=[Depends(tracked("outer"))])
guarded = APIRouter(prefix="/guarded", dependencies=[Depends(require_key)])


@inner.websocket("/ws/{name}", dependencies=[Depends(tracked("decorator"))])
async def inner_ws(websocket: WebSocket, name: str):
    await websocket.accept()
    await websocket.send_json({"name": name, "route": websocket.scope["route"].name})
    await websocket.close()


async def plain_endpoint(websocket: WebSocket, n: int = 1):
    await websocket.accept()
    await websocket.send_text(f"plain {n}")
    await websocket.close()


inner.add_api_websocket_route("/added", plain_endpoint, name="added_ws")


@inner.websocket_route("/starlette-style")
async def starlette_style(websocket: WebSocket):
    await websocket.accept()
    await websocket.send_text(f"starlette style, params={dict(websocket.query_params)}")
    await websocket.close()


@guarded.websocket("/ws")
async def guarded_ws(websocket: WebSocket, key: Annotated[str, Depends(require_key)]):
    await websocket.accept()
    await websocket.send_text(f"welcome {key}")
    await websocket.close()


outer.include_router(inner, dependencies=[Depends(tracked("include-inner"))])
app.include_router(outer, prefix="/v1", dependencies=[Depends(tracked("include-outer"))])
app.include_router(guarded)


async def app_level(websocket: WebSocket, q: str = "none"):
    await websocket.accept()
    await websocket.send_text(f"app level q={q}")
    await websocket.close()


app.add_api_websocket_route("/app-level", app_level, name="app_level_ws")


async def raw_route(websocket: WebSocket):
    await websocket.accept()
    await websocket.send_text("raw")
    await websocket.close()


app.add_websocket_route("/raw", raw_route, name="raw_ws")


@app.get("/calls")
def calls():
    entries = list(CALLS)
    CALLS.clear()
    return entries


@app.get("/urls")
def urls():
    return {
        "inner": app.url_path_for("inner_ws", name="x"),
        "added": app.url_path_for("added_ws"),
        "app_level": app.url_path_for("app_level_ws"),
        "raw": app.url_path_for("raw_ws"),
        "paths": [getattr(r, "path", None) for r in app.routes],
        "types": [type(r).__name__ for r in app.routes],
    }


CASES = [
    {"websocket": "/v1/outer/inner/ws/alice", "headers": {}, "receive": 2},
    {"method": "GET", "url": "/calls"},
    {"websocket": "/v1/outer/inner/added?n=7", "headers": {}, "receive": 2},
    {"websocket": "/v1/outer/inner/added?n=x", "headers": {}, "receive": 2},
    {"method": "GET", "url": "/calls"},
    {"websocket": "/v1/outer/inner/starlette-style?a=1", "headers": {}, "receive": 2},
    {"name": "starlette-style route keeps only the include prefix", "websocket": "/v1/starlette-style?a=1", "headers": {}, "receive": 2},
    {"method": "GET", "url": "/calls"},
    {"websocket": "/guarded/ws", "headers": {"x-key": "secret"}, "receive": 2},
    {"websocket": "/guarded/ws", "headers": {"x-key": "wrong"}, "receive": 2},
    {"websocket": "/guarded/ws", "headers": {}, "receive": 2},
    {"method": "GET", "url": "/calls"},
    {"websocket": "/app-level?q=yes", "headers": {}, "receive": 2},
    {"websocket": "/raw", "headers": {}, "receive": 2},
    {"method": "GET", "url": "/calls"},
    {"websocket": "/inner/ws/alice", "headers": {}, "receive": 1},
    {"method": "GET", "url": "/urls"},
]
