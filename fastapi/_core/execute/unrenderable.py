"""Answers that cannot be encoded because of what the client sent: a 422 instead of a 500.

JSON has no ``NaN`` or ``Infinity`` (``1e999`` overflows to it) and UTF-8 no lone surrogate
(``"\\ud800"`` is valid JSON text), a raw body need not be UTF-8, yet Python's parser and Pydantic's float and str types
accept them; an endpoint that echoes such a value then fails to encode its answer, and
FastAPI answers a 500 for the client's mistake. Only when encoding has failed (never on the
way of a good request) are the request's values searched for the culprit: if the client sent
one, each is reported where it was sent, in FastAPI's 422 shape; otherwise the failure is
the server's own and stays a 500. A dependency's parameters count too (a ``float`` query
parameter of a dependency that builds the answer): they are read again from the request,
since only the endpoint's arguments are kept once solving is done.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from pydantic import BaseModel
from starlette.datastructures import FormData
from starlette.requests import Request

from fastapi._core.compile.plan import Source, Step
from fastapi._core.execute.query import query_params_of
from fastapi._core.execute.solve import read_params

_NON_FINITE = {
    "type": "finite_number",
    "msg": "Input should be a finite number",
}
_NOT_UNICODE = {
    "type": "string_unicode",
    "msg": "Input should be a valid string, unable to parse raw data as a unicode string",
}


def _non_finite_text(value: Any) -> str | None:
    """How a non-finite number reads (``NaN``, ``Infinity``...), or None for any other value."""
    if type(value) is not float or math.isfinite(value):
        return None
    return "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")


def _surrogate_text(value: Any) -> str | None:
    """A string or raw body UTF-8 cannot carry, its odd code points as escapes; else None."""
    if isinstance(value, bytes):  # a raw body, echoed
        try:
            value.decode("utf-8")
        except UnicodeDecodeError:
            return value.decode("utf-8", "backslashreplace")
        return None
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return value.encode("utf-8", "backslashreplace").decode("utf-8")
    return None


def _leaves(value: Any, loc: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], Any]]:
    """Every scalar of a value with its location (iteratively: bodies can be deep)."""
    pending = [(loc, value)]
    while pending:
        where, node = pending.pop()
        if isinstance(node, BaseModel):
            node = node.__dict__
        if isinstance(node, dict):
            pending.extend(((*where, key), child) for key, child in reversed(node.items()))
        elif isinstance(node, (list, tuple)):
            pending.extend(
                ((*where, index), child) for index, child in reversed(list(enumerate(node)))
            )
        else:
            yield where, node


def _sent_in(request: Request) -> dict[Source, Callable[[], Mapping[str, Any]]]:
    return {
        Source.PATH: lambda: request.path_params,
        Source.QUERY: lambda: query_params_of(request),
        Source.HEADER: lambda: request.headers,
        Source.COOKIE: lambda: request.cookies,
    }


def _parameters(step: Step, values: dict[str, Any] | None, request: Request) -> Iterator[Any]:
    """A step's validated parameters: (location, what the client sent there, value).

    ``values`` are the endpoint's arguments; a dependency's (None) are validated again.
    """
    sent_in = _sent_in(request)
    for source, readers in step.sources:
        sent = sent_in[source]()
        read = values
        if read is None:
            read = {}
            read_params(readers, sent, read, [])
        for reader in readers:
            if reader.name in read:
                loc = reader.validator.loc
                yield loc, sent.get(loc[1]) if len(loc) > 1 else None, read[reader.name]


def _sent_values(
    request: Request, body: Any, steps: list[Step], values: dict[str, Any]
) -> Iterator[Any]:
    """(location, what was sent, value) for every value of the request the route validated.

    A JSON or raw body is the client's own text; a parameter or form value counts only as
    the endpoint's validated argument (a ``str`` parameter the server maps to NaN itself is
    not the client's doing).
    """
    if isinstance(body, bytes):
        yield ("body",), None, body
    elif isinstance(body, FormData):
        for name, value in values.items():
            if name in body:
                yield ("body", name), body.get(name), value
    elif body is not None:
        for loc, value in _leaves(body, ("body",)):
            yield loc, None, value
    for step in steps[:-1]:
        yield from _parameters(step, None, request)
    yield from _parameters(steps[-1], values, request)


def client_errors(
    exc: BaseException, request: Request, body: Any, steps: list[Step], values: dict[str, Any]
) -> list[dict[str, Any]]:
    """The 422 errors for the client-sent values that made encoding fail (none: not theirs)."""
    if isinstance(exc, UnicodeError):
        finder, error = _surrogate_text, _NOT_UNICODE
    elif isinstance(exc, ValueError) and "Out of range float values" in str(exc):
        finder, error = _non_finite_text, _NON_FINITE
    else:
        return []
    errors: dict[tuple[Any, ...], dict[str, Any]] = {}  # by location: steps may share one
    for loc, sent, value in _sent_values(request, body, steps, values):
        for inner, leaf in _leaves(value, ()):
            text = finder(leaf)
            if text is not None:
                where = (*loc, *inner) if sent is None else loc
                shown = sent if isinstance(sent, str) else text
                errors.setdefault(
                    where,
                    {"type": error["type"], "loc": where, "msg": error["msg"], "input": shown},
                )
    return list(errors.values())
