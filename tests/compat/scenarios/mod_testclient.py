"""fastapi.testclient.TestClient driven from inside an endpoint against a second app: used as
a context manager it runs the lifespan (startup, lifespan state reaching request.state,
shutdown on exit), without `with` it does not; WebSocket sessions (text, JSON, bytes and the
close code); raise_server_exceptions on and off; cookies kept between requests; base_url and
default headers; a failing startup raising out of `with TestClient(...)`."""
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request, Response, WebSocket, WebSocketDisconnect
from fastapi.testclient import TestClient

EVENTS: list[str] = []


@asynccontextmanager
async def lifespan(inner: FastAPI):
    EVENTS.append("startup")
    yield {"resource": "opened by lifespan"}
    EVENTS.append("shutdown")


inner = FastAPI(lifespan=lifespan)


@inner.get("/state")
def inner_state(request: Request):
    return {"resource": getattr(request.state, "resource", None), "host": request.url.hostname}


@inner.get("/set-cookie")
def set_cookie(response: Response):
    response.set_cookie("flavour", "oat")
    return {"set": True}


@inner.get("/echo-headers")
def echo_headers(request: Request):
    return {"x-default": request.headers.get("x-default"), "cookie": request.headers.get("cookie")}


@inner.get("/crash")
def crash():
    raise ValueError("inner crash")


@inner.websocket("/ws")
async def inner_ws(websocket: WebSocket):
    await websocket.accept()
    text = await websocket.receive_text()
    await websocket.send_json({"got": text})
    data = await websocket.receive_bytes()
    await websocket.send_bytes(data * 2)
    await websocket.close(code=4001, reason="finished")


@asynccontextmanager
async def failing_lifespan(app: FastAPI):
    raise RuntimeError("startup failed")
    yield


broken = FastAPI(lifespan=failing_lifespan)

app = FastAPI()


@app.get("/with-lifespan")
def with_lifespan():
    EVENTS.clear()
    observed = {}
    with TestClient(inner) as client:
        observed["events_inside"] = list(EVENTS)
        observed["state"] = client.get("/state").json()
    observed["events_after"] = list(EVENTS)
    return observed


@app.get("/without-lifespan")
def without_lifespan():
    EVENTS.clear()
    client = TestClient(inner)
    return {"state": client.get("/state").json(), "events": list(EVENTS)}


@app.get("/websocket")
def websocket_session():
    with TestClient(inner) as client, client.websocket_connect("/ws") as ws:
        ws.send_text("hello")
        first = ws.receive_json()
        ws.send_bytes(b"ab")
        second = ws.receive_bytes()
        try:
            ws.receive_text()
            closed = None
        except WebSocketDisconnect as exc:
            closed = {"code": exc.code, "reason": exc.reason}
    return {"first": first, "second": second.decode(), "closed": closed}


@app.get("/exceptions")
def exceptions():
    quiet = TestClient(inner, raise_server_exceptions=False)
    loud = TestClient(inner)
    try:
        loud.get("/crash")
        raised = None
    except ValueError as exc:
        raised = str(exc)
    response = quiet.get("/crash")
    return {"raised": raised, "quiet_status": response.status_code, "quiet_body": response.text}


@app.get("/client-options")
def client_options():
    client = TestClient(inner, base_url="http://api.example", headers={"X-Default": "d"})
    client.get("/set-cookie")
    echoed = client.get("/echo-headers").json()
    return {"echoed": echoed, "state_host": client.get("/state").json()["host"], "cookies": dict(client.cookies)}


@app.get("/failing-startup")
def failing_startup():
    try:
        with TestClient(broken):
            return {"entered": True}
    except RuntimeError as exc:
        return {"error": str(exc)}


CASES = [
    {"method": "GET", "url": "/with-lifespan"},
    {"method": "GET", "url": "/without-lifespan"},
    {"method": "GET", "url": "/websocket"},
    {"method": "GET", "url": "/exceptions"},
    {"method": "GET", "url": "/client-options"},
    {"method": "GET", "url": "/failing-startup"},
]
