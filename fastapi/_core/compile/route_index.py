"""The route lookup index: which routes can possibly match a path, in declaration order.

Starlette tries every route's regex in order. But a route path is mostly literal segments
before its first parameter (``/api/v1/users/{id}``), and a route can only match a request
whose path begins with those same segments. So routes hang in a tree of literal segments,
each at the node its literal prefix leads to; routes that could match anything (a parameter
first, a host, a catch-all mount, a custom ``matches``) hang at the root. A request walks
the tree along its own segments as far as it goes: the routes that can match it are those
on that walk, which each node keeps precomputed, in declaration order. Trying them in turn
gives exactly Starlette's answer (first full match, else first partial match, else
redirect or 404), at a cost that depends on the path's depth, not on the number of routes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, SupportsIndex

from starlette.routing import BaseRoute, Mount, Route, WebSocketRoute

_KNOWN_MATCHES: set[Any] = {Route.matches, WebSocketRoute.matches, Mount.matches}


def register_matches(*functions: Any) -> None:
    """Declare ``matches`` implementations that keep the regex-on-route-path semantics."""
    _KNOWN_MATCHES.update(functions)


def literal_prefix(route: BaseRoute) -> list[str]:
    """The literal path segments every match of ``route`` begins with ([] if any may match)."""
    if type(route).matches not in _KNOWN_MATCHES:
        return []
    path = getattr(route, "path", None)
    if not isinstance(path, str) or not path.startswith("/"):
        return []
    if isinstance(route, Mount) and not path.strip("/"):
        return []  # a mount at the root sees every path
    prefix = []
    for segment in path[1:].split("/"):
        if "{" in segment:
            break
        prefix.append(segment)
    return prefix


class _Node:
    __slots__ = ("candidates", "children", "own")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.own: list[tuple[int, BaseRoute]] = []
        self.candidates: list[BaseRoute] = []


class RouteIndex:
    """Candidate routes per literal path prefix, built from a snapshot of the routes."""

    __slots__ = ("_all", "_root")

    def __init__(self, routes: Sequence[BaseRoute]) -> None:
        self._all = list(routes)
        self._root = _Node()
        for position, route in enumerate(self._all):
            node = self._root
            for segment in literal_prefix(route):
                child = node.children.get(segment)
                if child is None:
                    child = node.children[segment] = _Node()
                node = child
            node.own.append((position, route))
        _fill(self._root, [], [])

    def candidates(self, route_path: str) -> list[BaseRoute]:
        """The routes that may match ``route_path``, in declaration order."""
        if not route_path.startswith("/"):
            return self._all
        node = self._root
        for segment in route_path[1:].split("/"):
            child = node.children.get(segment)
            if child is None:
                break
            node = child
        return node.candidates


def _fill(
    node: _Node, inherited: list[tuple[int, BaseRoute]], inherited_routes: list[BaseRoute]
) -> None:
    """Each node's candidates: its ancestors' routes and its own, merged in declaration order
    (a node without routes of its own shares its parent's list)."""
    if node.own:
        merged = sorted(inherited + node.own, key=_position)
        node.candidates = [route for _, route in merged]
    else:
        merged, node.candidates = inherited, inherited_routes
    for child in node.children.values():
        _fill(child, merged, node.candidates)
    node.own = []


def _position(entry: tuple[int, BaseRoute]) -> int:
    return entry[0]


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
