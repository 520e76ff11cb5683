"""WebSocket behaviour the recorded compat scenarios (tests/compat/scenarios/ws_*.py) cannot
show: subprotocols and accept headers, connection states, lifespan state on the socket, the
errors handed to a WebSocketRequestValidationError handler, routes built by include_router,
and dependency overrides. Expected values were observed on FastAPI 0.116.1."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated, Any

import pytest

from fastapi import APIRouter, Depends, FastAPI, WebSocket, WebSocketDisconnect
from fastapi.exceptions import WebSocketRequestValidationError
from fastapi.routing import APIWebSocketRoute
from fastapi.testclient import TestClient

SEEN: dict[str, Any] = {}


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[dict[str, str]]:
    yield {"pool": "db-pool"}


def original() -> str:
    return "original"


def build_app() -> FastAPI:
    app = FastAPI(lifespan=lifespan)

    @app.exception_handler(WebSocketRequestValidationError)
    async def on_invalid(websocket: WebSocket, exc: WebSocketRequestValidationError) -> None:
        SEEN["errors"] = exc.errors()
        await websocket.close(code=4422, reason=f"{len(exc.errors())} errors")

    @app.websocket("/proto")
    async def proto(websocket: WebSocket) -> None:
        SEEN["requested"] = websocket.scope.get("subprotocols")
        SEEN["before"] = (websocket.client_state.name, websocket.application_state.name)
        await websocket.accept(subprotocol="v2.chat", headers=[(b"x-extra", b"1")])
        await websocket.send_json({"pool": websocket.state.pool, "state": websocket.application_state.name})
        await websocket.close()
        SEEN["after"] = (websocket.client_state.name, websocket.application_state.name)

    @app.websocket("/typed/{n}")
    async def typed(websocket: WebSocket, n: int, q: int) -> None:
        await websocket.accept()
        await websocket.close()

    router = APIRouter(prefix="/r", dependencies=[Depends(original)])

    @router.websocket("/w", name="router_ws")
    async def router_ws(websocket: WebSocket, value: Annotated[str, Depends(original)]) -> None:
        await websocket.accept()
        await websocket.send_text(value)
        await websocket.close()

    app.include_router(router, prefix="/api")
    return app


@pytest.fixture
def client() -> Any:
    SEEN.clear()
    app = build_app()
    with TestClient(app) as test_client:
        yield test_client


def test_subprotocol_headers_states_and_lifespan_state(client: TestClient) -> None:
    with client.websocket_connect("/proto", subprotocols=["v1.chat", "v2.chat"]) as ws:
        assert ws.accepted_subprotocol == "v2.chat"
        assert ws.extra_headers == [(b"x-extra", b"1")]
        assert ws.receive_json() == {"pool": "db-pool", "state": "CONNECTED"}
    assert SEEN["requested"] == ["v1.chat", "v2.chat"]
    assert SEEN["before"] == ("CONNECTING", "CONNECTING")
    assert SEEN["after"] == ("CONNECTED", "DISCONNECTED")


def test_validation_handler_receives_the_errors(client: TestClient) -> None:
    with pytest.raises(WebSocketDisconnect) as info, client.websocket_connect("/typed/x?q=y"):
        pass
    assert (info.value.code, info.value.reason) == (4422, "2 errors")
    message = "Input should be a valid integer, unable to parse string as an integer"
    assert SEEN["errors"] == [
        {"type": "int_parsing", "loc": ("path", "n"), "msg": message, "input": "x"},
        {"type": "int_parsing", "loc": ("query", "q"), "msg": message, "input": "y"},
    ]


def test_included_route_and_overrides(client: TestClient) -> None:
    app: Any = client.app
    route = next(r for r in app.routes if getattr(r, "name", None) == "router_ws")
    assert isinstance(route, APIWebSocketRoute)
    assert (route.path, route.path_format) == ("/api/r/w", "/api/r/w")
    assert [d.dependency for d in route.dependencies] == [original]
    assert app.url_path_for("router_ws") == "/api/r/w"
    with client.websocket_connect("/api/r/w") as ws:
        assert ws.receive_text() == "original"
    app.dependency_overrides[original] = lambda: "overridden"
    with client.websocket_connect("/api/r/w") as ws:
        assert ws.receive_text() == "overridden"


def test_websocket_routes_stay_out_of_openapi(client: TestClient) -> None:
    assert client.get("/openapi.json").json()["paths"] == {}


def test_the_session_exit_stack_is_in_the_scope() -> None:
    # FastAPI's scope["fastapi_astack"]: cleanups the endpoint adds run when the session ends,
    # before those of the yield dependencies (one stack, last in, first out).
    app = FastAPI()
    log: list[str] = []

    async def dependency() -> AsyncIterator[str]:
        log.append("dependency set up")
        yield "d"
        log.append("dependency torn down")

    @app.websocket("/ws")
    async def session(websocket: WebSocket, value: str = Depends(dependency)) -> None:
        await websocket.accept()
        websocket.scope["fastapi_astack"].callback(log.append, "endpoint cleanup")
        await websocket.send_text(value)
        await websocket.close()

    with TestClient(app).websocket_connect("/ws") as connection:
        assert connection.receive_text() == "d"
    assert log == ["dependency set up", "endpoint cleanup", "dependency torn down"]
