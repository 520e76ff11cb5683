"""Request limits: one options value (``FastAPI(limits=Limits(...))``) and the layer enforcing it.

A client must not be able to make the process hold an unbounded body in memory, parse an
unbounded form or carry an unbounded header block down to the endpoint. The layer sits just
inside the app's exception middleware, so a refusal is answered by the app's own
``HTTPException`` handler (FastAPI's ``{"detail": ...}`` shape) and user middleware still
sees it. Bodies are refused while they stream, before being read whole: at once when the
``Content-Length`` says too much, after the limit's last byte otherwise.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

MiB = 1024 * 1024


@dataclasses.dataclass(frozen=True)
class Limits:
    """What one request may carry; ``None`` turns a limit off."""

    # Bodies read into memory: JSON, raw bytes, url-encoded forms (413 beyond it).
    max_body_size: int | None = 16 * MiB
    # A multipart body as a whole (its files are spooled to disk, hence the higher bound).
    max_multipart_size: int | None = 1024 * MiB
    # Starlette's own multipart limits, with Starlette's defaults (a 400 beyond them).
    max_fields: int = 1000
    max_files: int = 1000
    max_part_size: int = MiB
    # Fields of a url-encoded form (FastAPI sets none; this bounds the memory a form takes).
    max_urlencoded_fields: int | None = 100_000
    # Nesting of a JSON body, arrays and objects (a 400 beyond it). Python's parser itself
    # stops near 1,000 levels (also a 400), so only a lower value changes anything.
    max_json_depth: int | None = 1000
    # The request's header block, as the server handed it over (a 431 beyond it).
    max_header_count: int | None = 100
    max_header_size: int | None = 64 * 1024

    def __post_init__(self) -> None:
        for field in dataclasses.fields(self):
            value = getattr(self, field.name)
            optional = "None" in str(field.type)
            if value is None and optional:
                continue
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                allowed = "a positive int or None" if optional else "a positive int"
                raise ValueError(
                    f"Limits({field.name}={value!r}): {field.name} must be {allowed}, "
                    f"e.g. Limits({field.name}={field.default!r})"
                )


DEFAULT_LIMITS = Limits()


def limits_of(app: Any) -> Limits:
    """The limits of the app serving a request (the defaults for a bare router)."""
    limits = getattr(app, "limits", None)
    return limits if isinstance(limits, Limits) else DEFAULT_LIMITS


def body_too_large(limit: int) -> HTTPException:
    return HTTPException(status_code=413, detail=f"Request body too large (limit: {limit} bytes)")


def _headers_too_large(what: str, limit: int) -> HTTPException:
    return HTTPException(
        status_code=431, detail=f"Request header fields too large ({what} limit: {limit})"
    )


def _counted(receive: Receive, limit: int) -> Receive:
    """``receive`` that refuses the body once more than ``limit`` bytes came in."""
    received = 0

    async def receive_within_limit() -> Message:
        nonlocal received
        message = await receive()
        if message["type"] == "http.request":
            received += len(message.get("body", b""))
            if received > limit:
                raise body_too_large(limit)
        return message

    return receive_within_limit


def checks_requests(limits: Limits) -> bool:
    """Whether ``limits`` bounds the headers or the body (JSON depth and form fields are
    checked where bodies are parsed): an app whose limits do not has no check to run."""
    return any(
        value is not None
        for value in (
            limits.max_header_count,
            limits.max_header_size,
            limits.max_body_size,
            limits.max_multipart_size,
        )
    )


def with_limits(app: ASGIApp, limits: Limits) -> ASGIApp:
    """``app`` behind the layer enforcing ``limits``; ``app`` itself when none of the
    layer's limits is set."""
    return RequestLimits(app, limits) if checks_requests(limits) else app


class RequestLimits:
    """The ASGI layer that checks headers and bounds the body of every HTTP request (an
    app's own stack runs the same check in its exception layer, without a frame of its own)."""

    __slots__ = ("app", "limits")

    def __init__(self, app: ASGIApp, limits: Limits) -> None:
        self.app = app
        self.limits = limits

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            receive = checked_receive(self.limits, scope["headers"], receive)
        await self.app(scope, receive, send)


_BODY_HEADERS = frozenset({b"content-length", b"content-type", b"transfer-encoding"})


def checked_receive(
    limits: Limits, headers: list[tuple[bytes, bytes]], receive: Receive
) -> Receive:
    """``receive`` bounded as the headers call for; refuses what is too large already."""
    if limits.max_header_count is not None and len(headers) > limits.max_header_count:
        raise _headers_too_large("count", limits.max_header_count)
    length: bytes | None = None
    chunked = multipart = False
    size = 0
    for name, value in headers:
        size += len(name) + len(value)
        if name in _BODY_HEADERS:  # one set lookup for the many headers that are none of them
            if name == b"content-length":
                length = value
            elif name == b"content-type":
                multipart = value[:19].lower() == b"multipart/form-data"
            else:
                chunked = True
    if limits.max_header_size is not None and size > limits.max_header_size:
        raise _headers_too_large("size", limits.max_header_size)
    limit = limits.max_multipart_size if multipart else limits.max_body_size
    if limit is None:
        return receive
    if length is not None and not chunked:
        # The server delivers no more than Content-Length bytes: no counting needed.
        if length.isdigit() and int(length) > limit:
            raise body_too_large(limit)
        return receive
    if chunked:
        return _counted(receive, limit)
    return receive  # neither header: there is no body


def check_json_depth(body: bytes, parsed: Any, limit: int | None) -> None:
    """Refuse a JSON body nested deeper than ``limit`` (a C-speed bracket count first)."""
    if limit is None or not isinstance(parsed, (dict, list)):
        return
    if body.count(b"[") + body.count(b"{") <= limit:
        return
    pending: list[tuple[Any, int]] = [(parsed, 1)]
    while pending:
        node, depth = pending.pop()
        children = node.values() if isinstance(node, dict) else node
        if depth > limit:
            raise HTTPException(
                status_code=400, detail=f"JSON body nested too deeply (limit: {limit} levels)"
            )
        pending.extend((child, depth + 1) for child in children if isinstance(child, (dict, list)))


def check_urlencoded_fields(body: bytes, limit: int | None) -> None:
    """Refuse a url-encoded form of more than ``limit`` fields (separators counted, in C)."""
    if limit is not None and body.count(b"&") + body.count(b";") >= limit:
        raise HTTPException(
            status_code=400, detail=f"Too many fields. Maximum number of fields is {limit}."
        )


def checked_limits(limits: Any) -> Limits:
    """What ``FastAPI(limits=...)`` was given, or a clear error naming the fix."""
    if limits is None:
        return DEFAULT_LIMITS
    if not isinstance(limits, Limits):
        raise TypeError(
            f"FastAPI(limits={limits!r}): expected a fastapi.limits.Limits, "
            "e.g. FastAPI(limits=Limits(max_body_size=64 * 1024 * 1024))"
        )
    return limits
