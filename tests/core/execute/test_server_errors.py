"""fastapi._core.execute.server_errors: one log line naming the request and the route."""

from __future__ import annotations

import logging

import pytest
from starlette.applications import Starlette
from starlette.routing import Route
from starlette.testclient import TestClient

from fastapi._core.execute.server_errors import (
    LoggingServerErrors,
    log_unhandled,
    mark_logged,
    request_line,
    route_description,
)


def test_the_request_line_is_as_sent() -> None:
    scope = {"type": "http", "method": "GET", "path": "/items/1", "query_string": b"q=%C3%A9"}
    assert request_line(scope) == "GET /items/1?q=%C3%A9"
    assert request_line({"type": "websocket", "path": "/ws"}) == "WEBSOCKET /ws"


def test_the_route_is_named_by_path_and_endpoint() -> None:
    def read_item() -> None: ...

    route = Route("/items/{id}", read_item)
    assert route_description({"route": route, "endpoint": read_item}) == (
        "route /items/{id}, endpoint test_the_route_is_named_by_path_and_endpoint.<locals>.read_item"
    )
    assert route_description({}) == "no route matched"


def test_an_exception_is_logged_once(caplog: pytest.LogCaptureFixture) -> None:
    error = RuntimeError("boom")
    scope = {"type": "http", "method": "POST", "path": "/x", "query_string": b""}
    with caplog.at_level(logging.ERROR, logger="fastapi"):
        log_unhandled(scope, error)
        log_unhandled(scope, error)
        already = ValueError("logged elsewhere")
        mark_logged(already)
        log_unhandled(scope, already)
    assert [r.getMessage() for r in caplog.records] == ["Exception in POST /x (no route matched)"]
    assert caplog.records[0].exc_info[1] is error  # type: ignore[index]


def test_the_middleware_answers_500_logs_and_re_raises(caplog: pytest.LogCaptureFixture) -> None:
    def fail(request):  # type: ignore[no-untyped-def]
        raise RuntimeError("boom")

    app = Starlette(routes=[Route("/fail", fail)])
    wrapped = LoggingServerErrors(app)
    with caplog.at_level(logging.ERROR, logger="fastapi"):
        response = TestClient(wrapped, raise_server_exceptions=False).get("/fail?a=1")
        with pytest.raises(RuntimeError):
            TestClient(wrapped).get("/fail")
    assert (response.status_code, response.text) == (500, "Internal Server Error")
    messages = [r.getMessage() for r in caplog.records if r.name == "fastapi"]
    assert messages[0].startswith("Exception in GET /fail?a=1 (route /fail")
    assert all(logging.getLogger(name).filters for name in ("uvicorn.error", "hypercorn.error"))
