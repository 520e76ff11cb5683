"""Dependencies on WebSocket endpoints: Security with scopes collected through SecurityScopes,
OAuth2PasswordBearer (its Request parameter on a WebSocket), class dependencies, sub-dependency
caching (use_cache on and off), async and sync yield dependencies (setup and teardown order
around the session), HTTPConnection and WebSocket in dependencies, and Depends() without
argument on an annotated class."""
from typing import Annotated

from fastapi import Depends, FastAPI, Query, Security, WebSocket, WebSocketException
from fastapi.requests import HTTPConnection
from fastapi.security import SecurityScopes
from fastapi.security.oauth2 import OAuth2PasswordBearer

LOG: list[str] = []
COUNTER = {"n": 0}

app = FastAPI()
oauth2 = OAuth2PasswordBearer(tokenUrl="token", scopes={"chat": "Chat", "admin": "Admin"})


@app.get("/log")
def read_log():
    entries = list(LOG)
    LOG.clear()
    return entries


def scoped_user(security_scopes: SecurityScopes, token: Annotated[str | None, Query()] = None):
    LOG.append(f"scopes={security_scopes.scopes} scope_str={security_scopes.scope_str!r}")
    granted = (token or "").split(",")
    for scope in security_scopes.scopes:
        if scope not in granted:
            raise WebSocketException(code=4403, reason=f"missing scope {scope}")
    return {"token": token}


def chat_user(user: Annotated[dict, Security(scoped_user, scopes=["chat"])]):
    return user


@app.websocket("/secure")
async def secure(websocket: WebSocket, user: Annotated[dict, Security(chat_user, scopes=["admin"])]):
    await websocket.accept()
    await websocket.send_json(user)
    await websocket.close()


@app.websocket("/oauth2")
async def oauth2_ws(websocket: WebSocket, token: Annotated[str, Depends(oauth2)]):
    await websocket.accept()
    await websocket.send_text(token)
    await websocket.close()


class Pager:
    def __init__(self, skip: int = 0, limit: int = 10):
        self.skip = skip
        self.limit = limit


def counted():
    COUNTER["n"] += 1
    return COUNTER["n"]


def uses_counted(a: Annotated[int, Depends(counted)], b: Annotated[int, Depends(counted)]):
    return [a, b]


def uncached(a: Annotated[int, Depends(counted)], b: Annotated[int, Depends(counted, use_cache=False)]):
    return [a, b]


@app.websocket("/classes")
async def classes(
    websocket: WebSocket,
    pager: Annotated[Pager, Depends()],
    cached: Annotated[list, Depends(uses_counted)],
    not_cached: Annotated[list, Depends(uncached)],
):
    COUNTER["n"] = 0
    await websocket.accept()
    await websocket.send_json({"skip": pager.skip, "limit": pager.limit, "cached": cached, "not_cached": not_cached})
    await websocket.close()


async def async_resource():
    LOG.append("async: setup")
    yield "async-resource"
    LOG.append("async: teardown")


def sync_resource(inner: Annotated[str, Depends(async_resource)]):
    LOG.append("sync: setup")
    yield f"sync-resource({inner})"
    LOG.append("sync: teardown")


def connection_info(conn: HTTPConnection, websocket: WebSocket):
    return {"same": conn is websocket, "type": type(conn).__name__, "path": conn.url.path}


@app.websocket("/resources")
async def resources(
    websocket: WebSocket,
    res: Annotated[str, Depends(sync_resource)],
    info: Annotated[dict, Depends(connection_info)],
):
    LOG.append("endpoint: start")
    await websocket.accept()
    await websocket.send_json({"res": res, "info": info})
    msg = await websocket.receive_text()
    LOG.append(f"endpoint: got {msg}")
    await websocket.close()
    LOG.append("endpoint: end")


CASES = [
    {"websocket": "/secure?token=chat,admin", "headers": {}, "receive": 2},
    {"method": "GET", "url": "/log"},
    {"websocket": "/secure?token=chat", "headers": {}, "receive": 2},
    {"websocket": "/secure", "headers": {}, "receive": 2},
    {"method": "GET", "url": "/log"},
    {"websocket": "/oauth2", "headers": {"authorization": "Bearer abc"}, "receive": 2},
    {"websocket": "/classes?skip=5", "headers": {}, "receive": 2},
    {"websocket": "/classes?limit=x", "headers": {}, "receive": 2},
    {"websocket": "/resources", "headers": {}, "send": ["ping"], "receive": 2},
    {"method": "GET", "url": "/log"},
]
