"""Whether an endpoint ``yield``\\s its items, and the item type its return annotation declares.

Asked of every route at registration; only the routes that stream load their serializers
(``fastapi._core.serialize.item_stream``, with Server-Sent Events).
"""

from __future__ import annotations

import collections.abc
import inspect
from collections.abc import Callable
from typing import Any, get_args, get_origin

from fastapi._core.compile.plan import CallKind, call_kind

_ITERABLES = {
    collections.abc.AsyncIterable,
    collections.abc.AsyncIterator,
    collections.abc.AsyncGenerator,
    collections.abc.Iterable,
    collections.abc.Iterator,
    collections.abc.Generator,
}


def is_generator_endpoint(endpoint: Callable[..., Any]) -> bool:
    return call_kind(endpoint) in (CallKind.GENERATOR, CallKind.ASYNC_GENERATOR)


def item_annotation(annotation: Any) -> Any:
    """``X`` of a return annotation ``AsyncIterable[X]`` and its kin; ``None`` if undeclared."""
    if annotation is inspect.Signature.empty or get_origin(annotation) not in _ITERABLES:
        return None
    arguments = get_args(annotation)
    return arguments[0] if arguments else None
