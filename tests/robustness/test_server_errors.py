"""An exception in user code: a bare 500 (details only with ``debug=True``), logged once with
the request line and the route."""

from __future__ import annotations

import logging

import pytest

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from fastapi.testclient import TestClient
from tests.robustness.server import Server, wait_until


def failing_app(**options: object) -> FastAPI:
    app = FastAPI(**options)  # type: ignore[arg-type]

    @app.get("/items/{item_id}")
    async def read_item(item_id: int) -> None:
        raise RuntimeError(f"database password rejected for item {item_id}")

    return app


def test_a_500_carries_no_exception_text(caplog: pytest.LogCaptureFixture) -> None:
    client = TestClient(failing_app(), raise_server_exceptions=False)
    with caplog.at_level(logging.ERROR, logger="fastapi"):
        response = client.get("/items/3?verbose=1")
    assert response.status_code == 500
    assert response.text == "Internal Server Error"
    assert response.headers["content-type"] == "text/plain; charset=utf-8"
    records = [record for record in caplog.records if record.name == "fastapi"]
    assert [record.getMessage() for record in records] == [
        "Exception in GET /items/3?verbose=1 (route /items/{item_id}, endpoint failing_app.<locals>.read_item)"
    ]
    assert records[0].exc_info is not None and isinstance(records[0].exc_info[1], RuntimeError)


def test_debug_shows_the_traceback() -> None:
    client = TestClient(failing_app(debug=True), raise_server_exceptions=False)
    response = client.get("/items/3", headers={"accept": "text/html"})
    assert response.status_code == 500
    assert "database password rejected" in response.text


def test_a_custom_500_handler_answers_and_the_exception_is_logged_once(caplog: pytest.LogCaptureFixture) -> None:
    app = failing_app()

    @app.exception_handler(Exception)
    async def oops(request: Request, exc: Exception) -> JSONResponse:
        return JSONResponse({"detail": "oops"}, status_code=500)

    client = TestClient(app, raise_server_exceptions=False)
    with caplog.at_level(logging.ERROR, logger="fastapi"):
        assert client.get("/items/1").json() == {"detail": "oops"}
    assert len([record for record in caplog.records if record.name == "fastapi"]) == 1


def test_testclient_still_raises_the_exception() -> None:
    with pytest.raises(RuntimeError, match="database password rejected"):
        TestClient(failing_app()).get("/items/1")


def test_uvicorn_logs_it_once_with_the_request(server: Server) -> None:
    response = server.client.get("/boom", params={"q": "1"})
    assert response.status_code == 500
    assert response.text == "Internal Server Error"
    log = wait_until(lambda: "an internal detail" in server.log() and server.log())
    assert log.count("Exception in GET /boom?q=1 (route /boom, endpoint boom)") == 1
    assert log.count("RuntimeError: an internal detail the client must not see") == 1
    assert "Exception in ASGI application" not in log
