"""Raw ASGI requests: bytes a server could hand over that no well-behaved HTTP client would send.

Every answer is checked the same way: a 2xx, 3xx (a slash redirect) or 4xx, never a 5xx; a JSON body is strict JSON
(no NaN, valid UTF-8); a 4xx body is FastAPI's ``{"detail": ...}``; nothing escaped the app
and nothing was logged as an error.
"""

from __future__ import annotations

import asyncio
import json
import logging
from typing import Any
from urllib.parse import unquote

from starlette.types import ASGIApp

_LOOP = asyncio.new_event_loop()


class ErrorRecords(logging.Handler):
    """Collects the error records of the ``fastapi`` logger (an exception in the log)."""

    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


ERRORS = ErrorRecords()
logging.getLogger("fastapi").addHandler(ERRORS)


async def _call(app: ASGIApp, scope: dict[str, Any], chunks: list[bytes]) -> dict[str, Any]:
    messages = [{"type": "http.request", "body": chunk, "more_body": True} for chunk in chunks]
    messages.append({"type": "http.request", "body": b"", "more_body": False})
    answer: dict[str, Any] = {"status": None, "headers": [], "body": b""}

    async def receive() -> dict[str, Any]:
        if messages:
            return messages.pop(0)
        await asyncio.sleep(3600)  # the client waits for the answer
        return {"type": "http.disconnect"}  # pragma: no cover

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            answer["status"] = message["status"]
            answer["headers"] = message.get("headers", [])
        elif message["type"] == "http.response.body":
            answer["body"] += message.get("body", b"")

    await asyncio.wait_for(app(scope, receive, send), timeout=60)
    return answer


def request(
    app: ASGIApp,
    method: str,
    raw_path: bytes,
    *,
    query: bytes = b"",
    headers: list[tuple[bytes, bytes]] | None = None,
    chunks: list[bytes] | None = None,
) -> dict[str, Any]:
    """Send one request to ``app`` as uvicorn would deliver it; the collected answer."""
    scope = {
        "type": "http",
        "asgi": {"version": "3.0", "spec_version": "2.3"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": unquote(raw_path.decode("ascii")),
        "raw_path": raw_path,
        "query_string": query,
        "root_path": "",
        "headers": [(b"host", b"testserver"), *(headers or [])],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 80),
        "state": {},
    }
    ERRORS.records.clear()
    return _LOOP.run_until_complete(_call(app, scope, chunks or []))


def _reject_constant(name: str) -> None:
    raise ValueError(f"not JSON: {name}")


def check_answer(answer: dict[str, Any]) -> None:
    """The properties every answer to any input must have (see the module doc)."""
    status = answer["status"]
    assert status is not None, "no response was sent"
    assert 200 <= status < 500, f"status {status}: {answer['body'][:300]!r}"
    headers = dict(answer["headers"])
    if headers.get(b"content-type", b"").startswith(b"application/json") and answer["body"]:
        data = json.loads(answer["body"].decode("utf-8"), parse_constant=_reject_constant)
        if status >= 400:
            assert isinstance(data, dict) and set(data) == {"detail"}, data
            detail = data["detail"]
            if isinstance(detail, list):
                for error in detail:
                    assert {"type", "loc", "msg"} <= set(error), error
            else:
                assert isinstance(detail, str), detail
    assert not ERRORS.records, [record.getMessage() for record in ERRORS.records]
