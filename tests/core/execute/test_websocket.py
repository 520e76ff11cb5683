"""fastapi._core.execute.websocket: a WebSocket route's parameters solved, then its endpoint run."""

# No "from __future__ import annotations": endpoints depend on functions local to the tests.
from typing import Annotated, Any

import pytest
from starlette.applications import Starlette
from starlette.routing import WebSocketRoute
from starlette.testclient import TestClient
from starlette.websockets import WebSocket

from fastapi import Depends, Query
from fastapi._core.analyse.dependant import build_dependant
from fastapi._core.errors import WebSocketRequestValidationError
from fastapi._core.execute.task_port import STARLETTE_TASKS
from fastapi._core.execute.websocket import build_websocket_handler


def client_for(endpoint: Any) -> TestClient:
    session = build_websocket_handler(
        dependant=build_dependant(path="/ws", call=endpoint), tasks=STARLETTE_TASKS
    )
    return TestClient(Starlette(routes=[WebSocketRoute("/ws", session)]))


def test_parameters_and_dependencies_reach_the_endpoint() -> None:
    closed: list[bool] = []

    async def room() -> Any:
        yield "lobby"
        closed.append(True)

    async def endpoint(
        websocket: WebSocket, name: Annotated[str, Query()], where: Annotated[str, Depends(room)]
    ) -> None:
        await websocket.accept()
        await websocket.send_json(
            {"name": name, "where": where, "stack": "fastapi_astack" in websocket.scope}
        )
        await websocket.close()

    with client_for(endpoint).websocket_connect("/ws?name=ann") as socket:
        assert socket.receive_json() == {"name": "ann", "where": "lobby", "stack": True}
    assert closed == [True]


def test_invalid_parameters_raise_before_the_endpoint_runs() -> None:
    ran: list[bool] = []

    async def endpoint(websocket: WebSocket, n: Annotated[int, Query()]) -> None:
        ran.append(True)

    with pytest.raises(WebSocketRequestValidationError) as raised:
        with client_for(endpoint).websocket_connect("/ws?n=x"):
            pass
    assert [error["loc"] for error in raised.value.errors()] == [("query", "n")]
    assert ran == []
