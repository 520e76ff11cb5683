"""Answers remembered per object, for objects that cannot be dict keys (core schemas,
Dependants) or whose equality is costly: keyed by identity, the object kept alive with its
answer so that its id cannot be reused by another while remembered."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

_V = TypeVar("_V")


class IdentityMemo(Generic[_V]):
    """``compute(obj)``, worked out once per object (up to ``limit`` objects, then anew)."""

    __slots__ = ("_compute", "_known", "_limit")

    def __init__(self, compute: Callable[[Any], _V], *, limit: int = 16384) -> None:
        self._compute = compute
        self._known: dict[int, tuple[Any, _V]] = {}
        self._limit = limit

    def __call__(self, obj: Any) -> _V:
        known = self._known.get(id(obj))
        if known is not None and known[0] is obj:
            return known[1]
        answer = self._compute(obj)
        if len(self._known) >= self._limit:
            self._known.clear()
        self._known[id(obj)] = (obj, answer)
        return answer

    def clear(self) -> None:
        self._known.clear()
