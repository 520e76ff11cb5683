"""The route lookup index: which routes can possibly match a path, in declaration order.

Starlette tries every route's regex in order. Most routes begin with a literal segment
(``/users/...``), and a route whose first literal segment differs from the request's cannot
match it. So routes are bucketed by that segment; routes that could match anything (a
parameter first, a host, a catch-all mount, a custom ``matches``) are "open" and join every
bucket. Each bucket keeps declaration order, so trying its routes in turn gives exactly
Starlette's answer (first full match, else first partial match, else redirect or 404),
while a request only looks at the routes that share its first segment.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, SupportsIndex

from starlette.routing import BaseRoute, Mount, Route, WebSocketRoute

_KNOWN_MATCHES: set[Any] = {Route.matches, WebSocketRoute.matches, Mount.matches}


def register_matches(*functions: Any) -> None:
    """Declare ``matches`` implementations that keep the regex-on-route-path semantics."""
    _KNOWN_MATCHES.update(functions)


def first_segment(route: BaseRoute) -> str | None:
    """The literal first path segment every match of ``route`` has, or None if any may match."""
    if type(route).matches not in _KNOWN_MATCHES:
        return None
    path = getattr(route, "path", None)
    if not isinstance(path, str) or not path.startswith("/"):
        return None
    segment = path[1:].split("/", 1)[0]
    if "{" in segment:
        return None
    if isinstance(route, Mount) and not segment:
        return None  # a mount at the root sees every path
    return segment


class RouteIndex:
    """Candidate routes per first path segment, built from a snapshot of the routes."""

    __slots__ = ("_all", "_buckets", "_open")

    def __init__(self, routes: Sequence[BaseRoute]) -> None:
        self._all = list(routes)
        self._buckets: dict[str, list[BaseRoute]] = {}
        self._open: list[BaseRoute] = []
        # One pass in declaration order: a bucket starts with the open routes seen so far,
        # and every later open route joins every bucket. Cost: routes + open x buckets.
        for route in self._all:
            segment = first_segment(route)
            if segment is None:
                self._open.append(route)
                for bucket in self._buckets.values():
                    bucket.append(route)
            else:
                found = self._buckets.get(segment)
                if found is None:
                    found = self._buckets[segment] = list(self._open)
                found.append(route)

    def candidates(self, route_path: str) -> list[BaseRoute]:
        """The routes that may match ``route_path``, in declaration order."""
        if not route_path.startswith("/"):
            return self._all
        end = route_path.find("/", 1)
        segment = route_path[1:] if end < 0 else route_path[1:end]
        return self._buckets.get(segment, self._open)


class RouteList(list):  # type: ignore[type-arg]
    """A router's routes; counts its changes so that the index knows when to rebuild."""

    __slots__ = ("version",)

    def __init__(self, routes: Iterable[BaseRoute] = ()) -> None:
        super().__init__(routes)
        self.version = 0

    def _changed(self) -> None:
        self.version += 1

    def append(self, item: Any) -> None:
        super().append(item)
        self._changed()

    def extend(self, items: Iterable[Any]) -> None:
        super().extend(items)
        self._changed()

    def insert(self, index: SupportsIndex, item: Any) -> None:
        super().insert(index, item)
        self._changed()

    def remove(self, item: Any) -> None:
        super().remove(item)
        self._changed()

    def pop(self, index: SupportsIndex = -1) -> Any:
        item = super().pop(index)
        self._changed()
        return item

    def clear(self) -> None:
        super().clear()
        self._changed()

    def sort(self, *args: Any, **kwargs: Any) -> None:
        super().sort(*args, **kwargs)
        self._changed()

    def reverse(self) -> None:
        super().reverse()
        self._changed()

    def __setitem__(self, index: Any, value: Any) -> None:
        super().__setitem__(index, value)
        self._changed()

    def __delitem__(self, index: Any) -> None:
        super().__delitem__(index)
        self._changed()

    def __iadd__(self, items: Iterable[Any]) -> RouteList:  # type: ignore[override,misc]
        super().__iadd__(items)
        self._changed()
        return self

    def __imul__(self, count: SupportsIndex) -> RouteList:  # type: ignore[override]
        super().__imul__(count)
        self._changed()
        return self
