"""Answers remembered per object, for objects that cannot be dict keys (core schemas,
Dependants) or whose equality is costly: keyed by identity.

An object that can be referenced weakly (adapters, Dependants) is remembered only while it
lives: its entry leaves with it, so a memo is as large as the live apps' objects. One that
cannot (a core schema is a plain dict) is kept alive with its answer, so that its id is not
reused by another while remembered; ``limit`` bounds those.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any, Generic, TypeVar

_V = TypeVar("_V")


class _Held:
    """A strong reference with the call interface of a weak one."""

    __slots__ = ("obj",)

    def __init__(self, obj: Any) -> None:
        self.obj = obj

    def __call__(self) -> Any:
        return self.obj


class IdentityMemo(Generic[_V]):
    """``compute(obj)``, worked out once per object (up to ``limit`` objects, then anew)."""

    __slots__ = ("__weakref__", "_compute", "_known", "_limit")

    def __init__(self, compute: Callable[[Any], _V], *, limit: int = 16384) -> None:
        self._compute = compute
        self._known: dict[int, tuple[Callable[[], Any], _V]] = {}
        self._limit = limit

    def __call__(self, obj: Any) -> _V:
        known = self._known.get(id(obj))
        if known is not None and known[0]() is obj:
            return known[1]
        answer = self._compute(obj)
        if len(self._known) >= self._limit:
            self._known.clear()
        self._known[id(obj)] = (self._reference(obj), answer)
        return answer

    def _reference(self, obj: Any) -> Callable[[], Any]:
        key, memo = id(obj), weakref.ref(self)

        def forget(dead: weakref.ref[Any]) -> None:
            alive = memo()
            if alive is not None and alive._known.get(key, (None,))[0] is dead:
                del alive._known[key]

        try:
            return weakref.ref(obj, forget)
        except TypeError:  # not weakly referenceable: held
            return _Held(obj)

    def __len__(self) -> int:
        return len(self._known)

    def clear(self) -> None:
        self._known.clear()
