"""The query string, parsed once per request and shared with ``request.query_params``.

Same result as Starlette's ``QueryParams(scope["query_string"])`` (which is
``parse_qsl(..., keep_blank_values=True)``), with the common cases (no ``%``, no ``+``)
taking no decoding detour.
"""

from __future__ import annotations

from urllib.parse import unquote

from starlette.datastructures import QueryParams
from starlette.requests import HTTPConnection

from fastapi._core.starlette_adapter import (
    cached_query_params,
    fill_query_params,
    share_query_params,
)


def parse_query_string(raw: bytes) -> list[tuple[str, str]]:
    if not raw:
        return []
    pairs: list[tuple[str, str]] = []
    for part in raw.decode("latin-1").split("&"):
        if not part:
            continue
        name, _, value = part.partition("=")
        if "+" in part:
            name = name.replace("+", " ")
            value = value.replace("+", " ")
        if "%" in part:
            name = unquote(name)
            value = unquote(value)
        pairs.append((name, value))
    return pairs


def query_params_of(connection: HTTPConnection) -> QueryParams:
    """``connection.query_params``, built (and shared with the connection) the fast way."""
    params = cached_query_params(connection)
    if params is None:
        pairs = parse_query_string(connection.scope["query_string"])
        params = fill_query_params(QueryParams.__new__(QueryParams), pairs)
        share_query_params(connection, params)
    return params
