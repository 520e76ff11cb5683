"""Streaming against a real uvicorn server: a client that hangs up in the middle of a stream
(sync and async generators, behind @app.middleware("http") and a yield dependency) leaves no
error in the server log, and a real WebSocket session works end to end. One server start."""

from __future__ import annotations

import asyncio
import socket
import time
from collections.abc import Iterator

import pytest

from .uvicorn_server import Server, serve_app

SERVER_APP = """\
import asyncio
import time
from typing import Annotated

from fastapi import Depends, FastAPI, Request, WebSocket, WebSocketDisconnect
from fastapi.responses import StreamingResponse

app = FastAPI()


@app.middleware("http")
async def tag(request: Request, call_next):
    response = await call_next(request)
    response.headers["x-tagged"] = "1"
    return response


def resource():
    print("MARK resource open", flush=True)
    yield "resource"
    print("MARK resource closed", flush=True)


@app.get("/async")
async def stream_async(res: Annotated[str, Depends(resource)]):
    async def chunks():
        try:
            i = 0
            while True:
                yield f"async chunk {i}\\n".encode()
                i += 1
                await asyncio.sleep(0.02)
        finally:
            print("MARK async generator closed", flush=True)

    return StreamingResponse(chunks(), media_type="text/plain")


@app.get("/sync")
def stream_sync():
    def chunks():
        i = 0
        while True:
            yield f"sync chunk {i}\\n"
            i += 1
            time.sleep(0.02)

    return StreamingResponse(chunks(), media_type="text/plain")


@app.get("/ping")
def ping():
    return {"pong": True}


@app.websocket("/ws/{room}")
async def ws(websocket: WebSocket, room: int, name: str = "anon"):
    await websocket.accept()
    try:
        while True:
            text = await websocket.receive_text()
            await websocket.send_json({"room": room, "name": name, "text": text})
    except WebSocketDisconnect as exc:
        print(f"MARK websocket disconnect {exc.code}", flush=True)
"""


def raw_get(port: int, path: str, chunks: int) -> bytes:
    """GET ``path``, read until ``chunks`` chunks arrived, then drop the connection."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(f"GET {path} HTTP/1.1\r\nHost: test\r\n\r\n".encode())
        data = b""
        while data.count(b"chunk ") < chunks:
            piece = sock.recv(4096)
            assert piece, data
            data += piece
    return data


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with serve_app(tmp_path_factory.mktemp("streaming_server"), "streaming_app", SERVER_APP) as srv:
        yield srv


def test_client_disconnects_mid_stream(server: Server) -> None:
    data = raw_get(server.port, "/async", chunks=3)
    assert b"HTTP/1.1 200 OK" in data and b"x-tagged: 1" in data
    server.wait_for_output("MARK async generator closed")
    data = raw_get(server.port, "/sync", chunks=3)
    assert b"sync chunk 0" in data
    # The server is still healthy afterwards.
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
        sock.sendall(b"GET /ping HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n")
        answer = b""
        while piece := sock.recv(4096):
            answer += piece
    assert answer.startswith(b"HTTP/1.1 200 OK") and answer.endswith(b'{"pong":true}')
    time.sleep(0.3)  # let any late error reach the log
    output = server.output()
    # FastAPI 0.116 closes yield dependencies before the response is streamed.
    assert output.index("MARK resource closed") < output.index("MARK async generator closed")
    for bad in ("Traceback", "ERROR", "Exception in ASGI application"):
        assert bad not in output, output


def test_real_websocket_session(server: Server) -> None:
    websockets = pytest.importorskip("websockets")

    async def session() -> list[str]:
        url = f"ws://127.0.0.1:{server.port}/ws/7?name=ann"
        async with websockets.connect(url) as ws:
            await ws.send("hello")
            first = await ws.recv()
            await ws.send("again")
            second = await ws.recv()
        try:
            async with websockets.connect(f"ws://127.0.0.1:{server.port}/ws/seven") as ws:
                await ws.recv()
            rejected = "accepted"
        except websockets.exceptions.InvalidStatus as exc:
            rejected = str(exc.response.status_code)
        return [first, second, rejected]

    first, second, rejected = asyncio.run(session())
    assert first == '{"room":7,"name":"ann","text":"hello"}'
    assert second == '{"room":7,"name":"ann","text":"again"}'
    assert rejected == "403"  # a validation failure before accept: uvicorn answers 403
    server.wait_for_output("MARK websocket disconnect 1000")
    assert "Traceback" not in server.output()
