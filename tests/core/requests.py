"""Starlette requests built in memory for the unit tests of the engine's request path."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request


def make_request(
    body: bytes = b"",
    *,
    headers: dict[str, str] | None = None,
    method: str = "POST",
    path: str = "/",
    query: bytes = b"",
    app: Any = None,
    chunks: list[bytes] | None = None,
) -> Request:
    """A request whose body arrives as ``chunks`` (default: the whole ``body`` at once)."""
    pieces = list(chunks if chunks is not None else [body])
    scope: dict[str, Any] = {
        "type": "http",
        "method": method,
        "path": path,
        "raw_path": path.encode(),
        "root_path": "",
        "query_string": query,
        "headers": [
            (k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in (headers or {}).items()
        ],
        "app": app,
    }

    async def receive() -> dict[str, Any]:
        if pieces:
            return {"type": "http.request", "body": pieces.pop(0), "more_body": bool(pieces)}
        return {"type": "http.disconnect"}

    return Request(scope, receive)


async def run_asgi_response(
    response: Any, *, disconnect_after: int | None = None
) -> dict[str, Any]:
    """Send ``response`` as a server would: its status, headers and body chunks.

    With ``disconnect_after``, the client goes away after that many body messages.
    """
    sent: list[dict[str, Any]] = []
    chunks: list[bytes] = []

    async def receive() -> dict[str, Any]:
        import anyio

        while disconnect_after is None or len(chunks) < disconnect_after:
            await anyio.sleep(0.01)
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)
        if message["type"] == "http.response.body" and message.get("body"):
            chunks.append(message["body"])
        if disconnect_after is not None and len(chunks) > disconnect_after:
            raise OSError("client gone")

    scope = {
        "type": "http",
        "method": "GET",
        "path": "/",
        "headers": [],
        "asgi": {"spec_version": "2.4"},
    }
    from starlette.requests import ClientDisconnect

    try:
        await response(scope, receive, send)
    except (OSError, ClientDisconnect):
        pass
    start = sent[0]
    return {
        "status": start["status"],
        "headers": {k.decode(): v.decode() for k, v in start["headers"]},
        "chunks": chunks,
        "body": b"".join(chunks),
    }
