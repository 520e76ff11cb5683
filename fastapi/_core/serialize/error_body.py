"""The 422 answer for a list of validation errors, rendered without the generic encoder.

Validation errors are nearly always plain JSON data already (strings, numbers, tuples of
locations, the received values); for those, ``jsonable_encoder`` only copies the tree and
``JSONResponse`` builds its encoder anew. Here a walk checks that the errors are plain,
and they are rendered straight to ``JSONResponse``'s bytes; anything else (a non-finite
float, an exception in ``ctx``, a key ``jsonable_encoder`` would drop) returns ``None``, and
the caller takes the generic path, which answers exactly as before.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from starlette.responses import JSONResponse

from fastapi._core.serialize.json_bytes import render_reference
from fastapi._core.serialize.response import json_response

_SCALARS = frozenset({str, int, bool, type(None)})
_MAX_DEPTH = 64  # deeper received values take the generic path


def _plain(value: Any, depth: int) -> bool:
    """Whether ``jsonable_encoder`` would give ``value`` back unchanged (up to tuples as lists).

    Loops rather than generators, and leaves (strings, numbers) checked in place: an error
    list is mostly leaves, and this walk is a good part of a 422's cost."""
    kind = type(value)
    if kind in _SCALARS:
        return True
    if kind is float:
        return math.isfinite(value)
    if depth > _MAX_DEPTH:
        return False
    if kind is dict:
        for key, item in value.items():
            if type(key) is not str or key.startswith("_sa"):
                return False
            if type(item) not in _SCALARS and not _plain(item, depth + 1):
                return False
        return True
    if kind is list or kind is tuple:
        for item in value:
            if type(item) not in _SCALARS and not _plain(item, depth + 1):
                return False
        return True
    return False


def validation_error_response(errors: Sequence[Any]) -> JSONResponse | None:
    """FastAPI's 422 ``{"detail": errors}``, or None when the errors need the generic encoder."""
    if type(errors) is not list or not _plain(errors, 0):
        return None
    try:
        body = render_reference({"detail": errors})
    except UnicodeEncodeError:  # a lone surrogate received: the generic path escapes it
        return None
    return json_response(body, 422, None)
