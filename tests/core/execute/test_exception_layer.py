"""fastapi._core.execute.exception_layer: the app's handlers, limits and 500 answer in one layer.

Each failure is answered as Starlette's own stack (ServerErrorMiddleware, the user's
middleware, ExceptionMiddleware) answers it, with and without user middleware between.
"""

from __future__ import annotations

import logging
from typing import Any

import pytest
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.responses import PlainTextResponse, StreamingResponse
from starlette.testclient import TestClient
from starlette.types import ASGIApp, Receive, Scope, Send
from starlette.websockets import WebSocketDisconnect

from fastapi import FastAPI, WebSocket
from fastapi._core.execute.exception_layer import AppExceptions
from fastapi._core.execute.server_errors import LoggingServerErrors


class PassThrough:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.app(scope, receive, send)


class Teapot(Exception):
    pass


def make_app(middleware: bool, **options: Any) -> FastAPI:
    app = FastAPI(middleware=[Middleware(PassThrough)] if middleware else None, **options)

    @app.exception_handler(Teapot)
    async def teapot(request: Any, exc: Teapot) -> PlainTextResponse:
        return PlainTextResponse(f"teapot {request.url.path}", status_code=418)

    @app.get("/teapot")
    async def raise_teapot() -> None:
        raise Teapot

    @app.get("/boom")
    async def boom() -> None:
        raise RuntimeError("boom")

    async def fail_midway(error: Exception) -> Any:
        yield b"first"
        raise error

    @app.get("/teapot-midway")
    async def teapot_midway() -> StreamingResponse:
        return StreamingResponse(fail_midway(Teapot()))

    @app.get("/boom-midway")
    async def boom_midway() -> StreamingResponse:
        return StreamingResponse(fail_midway(RuntimeError("late")))

    return app


@pytest.mark.parametrize("middleware", [False, True])
def test_the_stack_is_one_layer_without_user_middleware(middleware: bool) -> None:
    stack = make_app(middleware).build_middleware_stack()
    if middleware:
        assert isinstance(stack, LoggingServerErrors)
        assert isinstance(stack.app, PassThrough) and isinstance(stack.app.app, AppExceptions)
        assert stack.app.app.server_errors is None
    else:
        assert isinstance(stack, AppExceptions) and stack.server_errors is not None


@pytest.mark.parametrize("middleware", [False, True])
def test_handled_and_unhandled_errors(middleware: bool, caplog: pytest.LogCaptureFixture) -> None:
    client = TestClient(make_app(middleware), raise_server_exceptions=False)
    with caplog.at_level(logging.ERROR, logger="fastapi"):
        teapot = client.get("/teapot")
        boom = client.get("/boom?x=1")
        missing = client.get("/nowhere")
    assert (teapot.status_code, teapot.text) == (418, "teapot /teapot")
    assert (boom.status_code, boom.text) == (500, "Internal Server Error")
    assert (missing.status_code, missing.json()) == (404, {"detail": "Not Found"})
    messages = [record.getMessage() for record in caplog.records if record.name == "fastapi"]
    assert messages == ["Exception in GET /boom?x=1 (route /boom, endpoint make_app.<locals>.boom)"]
    with pytest.raises(RuntimeError, match="boom"):
        TestClient(make_app(middleware)).get("/boom")


@pytest.mark.parametrize("middleware", [False, True])
def test_errors_after_the_response_started(middleware: bool) -> None:
    client = TestClient(make_app(middleware))
    with pytest.raises(
        RuntimeError, match="Caught handled exception, but response already started"
    ):
        client.get("/teapot-midway")
    with pytest.raises(RuntimeError, match="late"):
        client.get("/boom-midway")
    # No 500 is sent once a response has started: the client sees the status already sent.
    response = TestClient(make_app(middleware), raise_server_exceptions=False).get("/boom-midway")
    assert response.status_code == 200


@pytest.mark.parametrize("middleware", [False, True])
def test_a_500_handler_answers_sync_or_async(middleware: bool) -> None:
    def sync_handler(request: Any, exc: Exception) -> PlainTextResponse:
        return PlainTextResponse(f"sorry: {exc}", status_code=500)

    async def async_handler(request: Any, exc: Exception) -> PlainTextResponse:
        return PlainTextResponse(f"sorry too: {exc}", status_code=503)

    for handler, expected in (
        (sync_handler, (500, "sorry: boom")),
        (async_handler, (503, "sorry too: boom")),
    ):
        app = make_app(middleware, exception_handlers={Exception: handler})
        response = TestClient(app, raise_server_exceptions=False).get("/boom")
        assert (response.status_code, response.text) == expected


def test_a_failing_500_handler_is_what_is_raised_and_logged(
    caplog: pytest.LogCaptureFixture,
) -> None:
    async def broken(request: Any, exc: Exception) -> PlainTextResponse:
        raise KeyError("handler")

    app = make_app(False, exception_handlers={500: broken})
    with caplog.at_level(logging.ERROR, logger="fastapi"), pytest.raises(KeyError):
        TestClient(app).get("/boom")
    logged = [record.exc_info[1] for record in caplog.records if record.exc_info]
    assert [type(error) for error in logged] == [KeyError]


def test_debug_answers_the_traceback_page() -> None:
    response = TestClient(make_app(False, debug=True), raise_server_exceptions=False).get(
        "/boom", headers={"accept": "text/html"}
    )
    assert response.status_code == 500 and "RuntimeError: boom" in response.text


def test_a_websocket_error_goes_to_the_app_s_handler() -> None:
    app = make_app(False)

    @app.exception_handler(LookupError)
    async def closed(websocket: Any, exc: LookupError) -> None:
        await websocket.close(code=4001)

    @app.websocket("/ws-lookup")
    async def lookup(websocket: WebSocket) -> None:
        raise LookupError

    with pytest.raises(WebSocketDisconnect) as closed_with:
        with TestClient(app).websocket_connect("/ws-lookup"):
            pass
    assert closed_with.value.code == 4001


def test_an_http_exception_raised_by_a_limit_uses_the_app_s_handler() -> None:
    app = make_app(False)

    @app.exception_handler(HTTPException)
    async def plain(request: Any, exc: HTTPException) -> PlainTextResponse:
        return PlainTextResponse(f"refused {exc.status_code}", status_code=exc.status_code)

    headers = {f"x-{number}": "v" for number in range(150)}
    response = TestClient(app).get("/teapot", headers=headers)
    assert (response.status_code, response.text) == (431, "refused 431")
