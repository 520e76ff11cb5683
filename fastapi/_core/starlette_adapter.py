"""Every place this package reads or writes Starlette's private state, and why.

Starlette's ``Request`` caches what it parsed in private attributes; the engine parses the
query string, the JSON body and the form itself (faster, or with limits Starlette lacks) and
hands the results over so that ``request.query_params``, ``request.json()`` and
``request.form()`` answer the very same objects a dependency or an exception handler would
otherwise parse a second time (and a body that was consumed could not be read again).
A Starlette upgrade that renames one of these attributes breaks only this module; its tests
(tests/core/test_starlette_adapter.py) say which.
"""

from __future__ import annotations

import re
from collections.abc import AsyncGenerator
from typing import Any

import starlette
from starlette.datastructures import FormData, QueryParams
from starlette.requests import ClientDisconnect, HTTPConnection, Request

STARLETTE_VERSION: tuple[int, int] = tuple(  # type: ignore[assignment]
    int(part) for part in re.findall(r"\d+", starlette.__version__)[:2]
)
# Since 0.48 Starlette's router names the matched route in the scope, for any route; with
# 0.47 only FastAPI's own routes do (their ``matches`` put themselves in the child scope).
ROUTER_NAMES_ROUTE = STARLETTE_VERSION >= (0, 48)


def cached_query_params(connection: HTTPConnection) -> QueryParams | None:
    """The ``QueryParams`` ``connection.query_params`` already built, if it did."""
    return connection.__dict__.get("_query_params")


def share_query_params(connection: HTTPConnection, params: QueryParams) -> None:
    """``connection.query_params`` answers ``params`` from now on."""
    connection._query_params = params  # type: ignore[attr-defined]


def fill_query_params(params: QueryParams, pairs: list[tuple[str, str]]) -> QueryParams:
    """``params`` holding ``pairs``, as ``QueryParams(pairs)`` would, without re-parsing them."""
    params._list = pairs
    params._dict = dict(pairs)
    return params


def share_json(request: Request, parsed: Any) -> None:
    """``await request.json()`` answers ``parsed`` from now on."""
    request._json = parsed


def parsed_form(request: Request) -> FormData | None:
    """The form ``request.form()`` parsed, if it did (its files are closed with the response)."""
    return getattr(request, "_form", None)


def share_form(request: Request, form: FormData) -> None:
    """``await request.form()`` answers ``form`` from now on."""
    request._form = form


def parsed_cookies(connection: HTTPConnection) -> dict[str, str] | None:
    """What ``connection.cookies`` answered, if something asked (and may have changed it)."""
    return connection.__dict__.get("_cookies")


_STARLETTE_BODY = Request.body
_STARLETTE_STREAM = Request.stream


def _reads_itself(request: Request) -> bool:
    """Whether the body must be read through the request's own methods: a subclass with
    its own ``body`` or ``stream`` (a gzip-decoding one, say), a body read already, or a
    consumed stream."""
    kind = type(request)
    return (
        kind.body is not _STARLETTE_BODY
        or kind.stream is not _STARLETTE_STREAM
        or "_body" in request.__dict__
        or request._stream_consumed
    )


async def read_whole_body(request: Request) -> bytes:
    """``await request.body()``, read from ``receive`` without Starlette's chunk generator.

    Same messages taken, same state left (``_body``, ``_stream_consumed``, a disconnect
    noted and raised as ``ClientDisconnect``); a ``Request`` subclass with its own ``body``
    or ``stream`` (a gzip-decoding one, say), a body read already and a consumed stream go
    through ``request.body()`` itself.
    """
    if _reads_itself(request):
        return await request.body()
    body = await _receive_body(request)
    request._stream_consumed = True
    request._body = body
    return body


async def read_short_stream(request: Request, limit: int) -> bytes | AsyncGenerator[bytes, None]:
    """The body whole if it ends within ``limit`` bytes, else ``request.stream()``'s
    chunks from the start; read as iterating ``request.stream()`` reads it (the stream
    consumed, nothing kept). A request that reads itself (as ``read_whole_body``) or whose
    ``content-length`` announces more is streamed straight away."""
    if _reads_itself(request):
        return request.stream()
    for name, value in request.scope["headers"]:
        if name == b"content-length":
            if not value.isdigit() or int(value) > limit:
                return request.stream()
            break
    chunks: list[bytes] = []
    size = 0
    receive = request.receive
    while size <= limit:
        message = await receive()
        if message["type"] == "http.request":
            chunk = message.get("body", b"")
            if chunk:
                chunks.append(chunk)
                size += len(chunk)
            if not message.get("more_body", False):
                request._stream_consumed = True
                return b"".join(chunks)
        elif message["type"] == "http.disconnect":
            request._is_disconnected = True
            raise ClientDisconnect()
    return _continued(request, chunks)


async def _continued(request: Request, chunks: list[bytes]) -> AsyncGenerator[bytes, None]:
    """``request.stream()``'s chunks when ``chunks`` were read already."""
    for chunk in chunks:
        yield chunk
    receive = request.receive
    while True:
        message = await receive()
        if message["type"] == "http.request":
            chunk = message.get("body", b"")
            if not message.get("more_body", False):
                request._stream_consumed = True
            if chunk:
                yield chunk
            if request._stream_consumed:
                break
        elif message["type"] == "http.disconnect":
            request._is_disconnected = True
            raise ClientDisconnect()
    yield b""


async def _receive_body(request: Request) -> bytes:
    chunks: list[bytes] = []
    receive = request.receive
    while True:
        message = await receive()
        if message["type"] == "http.request":
            chunk = message.get("body", b"")
            if chunk:
                chunks.append(chunk)
            if not message.get("more_body", False):
                break
        elif message["type"] == "http.disconnect":
            request._is_disconnected = True
            raise ClientDisconnect()
    return b"".join(chunks)
