"""fastapi._core.execute.handler_lookup: a handled exception answered as Starlette's wrapper does.

The handler called directly is the one ``wrap_app_handling_exceptions`` picks (status
handlers first, then the exception's MRO; sync handlers and unhandled exceptions are left to
the wrapper), the exception is left as the wrapper leaves it (its traceback dropped on
Starlette 1.x, kept on 0.47), and answering a 422 leaves no garbage for the cycle collector.
"""

from __future__ import annotations

import asyncio
import gc
import threading
from typing import Any

from starlette._exception_handler import wrap_app_handling_exceptions
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import PlainTextResponse

from fastapi import FastAPI
from fastapi._core.execute.handler_lookup import EXCEPTION_HANDLERS, async_handler_for
from fastapi.testclient import TestClient


class Base(Exception):
    pass


class Derived(Base):
    pass


async def base_handler(request: Any, exc: Exception) -> None:
    return None


async def derived_handler(request: Any, exc: Exception) -> None:
    return None


async def teapot_status(request: Any, exc: Exception) -> None:
    return None


def sync_handler(request: Any, exc: Exception) -> None:
    return None


def scope_with(exceptions: dict[Any, Any], statuses: dict[int, Any]) -> dict[str, Any]:
    return {"type": "http", EXCEPTION_HANDLERS: (exceptions, statuses)}


def test_the_handler_is_the_one_starlette_picks() -> None:
    exceptions = {Base: base_handler, Derived: derived_handler, HTTPException: base_handler}
    scope = scope_with(exceptions, {418: teapot_status})
    assert async_handler_for(Derived(), scope) is derived_handler
    assert async_handler_for(Base(), scope) is base_handler
    assert async_handler_for(HTTPException(418), scope) is teapot_status  # status first
    assert async_handler_for(HTTPException(404), scope) is base_handler
    assert async_handler_for(ValueError(), scope) is None  # unhandled: the wrapper re-raises
    assert async_handler_for(Base(), scope_with({Base: sync_handler}, {})) is None  # threaded
    assert async_handler_for(Base(), {"type": "http"}) is None  # no handlers in the scope


def starlette_drops_the_traceback() -> bool:
    """What the installed Starlette's wrapper leaves of an exception it answered."""
    error = Derived()

    async def failing(scope: Any, receive: Any, send: Any) -> None:
        raise error

    async def run() -> None:
        scope = scope_with({Derived: derived_handler}, {})
        await wrap_app_handling_exceptions(failing, Request(scope))(scope, None, None)  # type: ignore[arg-type]

    asyncio.run(run())
    return error.__traceback__ is None


def test_the_exception_is_left_as_starlette_leaves_it() -> None:
    seen: list[Exception] = []
    app = FastAPI()

    @app.exception_handler(Derived)
    async def answer(request: Request, exc: Derived) -> PlainTextResponse:
        seen.append(exc)
        assert exc.__traceback__ is not None  # the handler sees it whole
        return PlainTextResponse("handled", status_code=409)

    @app.get("/fail")
    async def fail() -> None:
        raise Derived

    with TestClient(app) as client:
        response = client.get("/fail")
    assert (response.status_code, response.text) == (409, "handled")
    assert (seen[0].__traceback__ is None) is starlette_drops_the_traceback()


def test_sync_handlers_still_run_in_a_worker_thread() -> None:
    threads: list[threading.Thread] = []
    app = FastAPI()

    @app.exception_handler(Derived)
    def answer(request: Request, exc: Derived) -> PlainTextResponse:
        threads.append(threading.current_thread())
        return PlainTextResponse("threaded", status_code=409)

    @app.get("/fail")
    async def fail() -> None:
        raise Derived

    with TestClient(app) as client:
        assert client.get("/fail").text == "threaded"
    assert threads and threads[0] is not threading.main_thread()


def test_a_422_leaves_no_cyclic_garbage() -> None:
    app = FastAPI()

    @app.get("/number")
    async def number(n: int) -> dict[str, int]:
        return {"n": n}

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": "/number",
        "raw_path": b"/number",
        "query_string": b"n=abc",
        "root_path": "",
        "headers": [(b"host", b"test")],
        "client": ("127.0.0.1", 50000),
        "server": ("test", 80),
    }
    statuses: list[int] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            statuses.append(message["status"])

    async def requests() -> int:
        await app(dict(scope), receive, send)  # the first one builds what is built once
        gc.collect()
        gc.disable()
        try:
            for _ in range(20):
                await app(dict(scope), receive, send)
            return gc.collect()
        finally:
            gc.enable()

    assert asyncio.run(requests()) == 0
    assert statuses == [422] * 21
