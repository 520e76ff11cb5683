"""Large responses are encoded in a worker thread, in pieces, so the event loop keeps serving.

Encoding a 50 MB answer takes the loop away from every other client for seconds. Whether an
answer is large is estimated, not measured: a walk that samples the first item of long
containers costs a handful of steps for any value, so small answers (nearly all of them)
pay nothing noticeable. In the thread, the JSON text of a long array or object is made item
by item, so the C encoder gives the interpreter (and the loop's thread) a turn between items.
The bytes are those of one ``json.dumps`` call.
"""

from __future__ import annotations

from collections.abc import Callable
from types import GeneratorType
from typing import Any

from pydantic import BaseModel

# Roughly the values (or kilobytes of text) that take the loop ~10 ms or more to encode.
LARGE = 10_000
_SAMPLED = 3  # items of a long container looked at to estimate the others
_TEXT_UNIT = 1024
_PIECES_FROM = 64  # containers shorter than this are encoded in one call


_SCALARS = frozenset({int, float, bool, type(None)})
_SEQUENCES = frozenset({list, tuple, set, frozenset})


def _estimate(value: Any, depth: int) -> float:
    """About how many values (and text kilobytes) ``value`` holds, from a sample of it."""
    kind = type(value)
    if kind in _SCALARS:
        return 1
    if kind is dict:
        items: Any = value.values()
    elif kind in _SEQUENCES:
        items = value
    elif kind is str or kind is bytes:
        return 1 + len(value) / _TEXT_UNIT
    elif hasattr(kind, "__pydantic_fields__") and isinstance(value, BaseModel):
        value = value.__dict__  # a model holds what its fields hold
        items = value.values()
    elif kind is GeneratorType:
        return LARGE  # unknown length: assume the worst
    else:
        return 1
    size = len(value)
    if size == 0 or depth > 8:
        return 1 + size
    total = 0.0
    seen = 0
    for item in items:
        item_kind = type(item)
        if item_kind in _SCALARS:
            total += 1
        elif item_kind is str:
            total += 1 + len(item) / _TEXT_UNIT
        else:
            total += _estimate(item, depth + 1)
        seen += 1
        if seen == _SAMPLED:
            break
    return 1 + total * size / seen


def is_large(value: Any) -> bool:
    """Whether encoding ``value`` would hold the event loop for a noticeable time."""
    return _estimate(value, 0) >= LARGE


def _worth_splitting(data: Any) -> bool:
    kind = type(data)
    if kind is not list and not (kind is dict and all(type(key) is str for key in data)):
        return False
    if len(data) >= _PIECES_FROM:
        return True
    children = data.values() if kind is dict else data
    return any(type(child) in (list, dict) and len(child) >= _PIECES_FROM for child in children)


def encode_in_pieces(data: Any, encode: Callable[[Any], str]) -> str:
    """``encode(data)`` for JSON-compatible ``data``, long arrays and objects item by item."""
    if not _worth_splitting(data):
        return encode(data)
    if type(data) is list:
        return "[" + ",".join([encode_in_pieces(item, encode) for item in data]) + "]"
    members = [encode(key) + ":" + encode_in_pieces(item, encode) for key, item in data.items()]
    return "{" + ",".join(members) + "}"
