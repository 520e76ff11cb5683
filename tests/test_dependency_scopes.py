"""Depends(scope=...): when a yield dependency's exit code runs.

The default stays FastAPI 0.116's (before the response is sent), except for endpoints
that yield, whose dependencies serve the stream. The answers for explicit scopes are
compared with the newest FastAPI by scenarios_newest/dependency_scopes.py.
"""

from typing import Annotated

import pytest

from fastapi import Depends, FastAPI, HTTPException
from fastapi.exceptions import DependencyScopeError
from fastapi.responses import StreamingResponse
from fastapi.testclient import TestClient


def build_app(log: list[str]) -> FastAPI:
    app = FastAPI()

    async def session():
        log.append("enter")
        try:
            yield "session"
        except HTTPException as error:
            log.append(f"saw {error.status_code}")
            raise
        finally:
            log.append("exit")

    def stream():
        log.append("stream")
        yield b"x"

    @app.get("/default")
    def default(s: Annotated[str, Depends(session)]):
        return StreamingResponse(stream())

    @app.get("/request")
    def request(s: Annotated[str, Depends(session, scope="request")]):
        return StreamingResponse(stream())

    @app.get("/request-fails")
    def request_fails(s: Annotated[str, Depends(session, scope="request")]):
        raise HTTPException(status_code=418)

    @app.get("/yields")
    async def yields(s: Annotated[str, Depends(session)]):
        log.append("stream")
        yield s

    @app.get("/nested")
    def nested(outer: Annotated[str, Depends(lambda s=Depends(session): s, scope="request")]):
        return StreamingResponse(stream())

    return app


@pytest.mark.parametrize(
    ("path", "order"),
    [
        ("/default", ["enter", "exit", "stream"]),  # FastAPI 0.116's order
        ("/request", ["enter", "stream", "exit"]),
        ("/yields", ["enter", "stream", "exit"]),  # a stream keeps what it uses open
        ("/nested", ["enter", "stream", "exit"]),  # under a request-scoped one: request too
    ],
)
def test_exit_order(path: str, order: list[str]) -> None:
    log: list[str] = []
    assert TestClient(build_app(log)).get(path).status_code == 200
    assert log == order


def test_a_request_scoped_dependency_sees_the_error() -> None:
    log: list[str] = []
    assert TestClient(build_app(log)).get("/request-fails").status_code == 418
    assert log == ["enter", "saw 418", "exit"]


def test_declaration_errors() -> None:
    async def inner():
        yield 1

    async def outer(value: Annotated[int, Depends(inner, scope="function")]):
        yield value

    app = FastAPI()
    with pytest.raises(DependencyScopeError, match='"outer" has a scope of "request"'):

        @app.get("/")
        def endpoint(value: Annotated[int, Depends(outer, scope="request")]):
            return value

    with pytest.raises(ValueError, match='"function", "request" or None'):
        Depends(inner, scope="session")
