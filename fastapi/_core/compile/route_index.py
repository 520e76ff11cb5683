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

import re
import weakref
from collections.abc import Iterable
from typing import Any, SupportsIndex

from starlette.routing import BaseRoute, Mount, Route, WebSocketRoute

_KNOWN_MATCHES: set[Any] = {Route.matches, WebSocketRoute.matches, Mount.matches}


def route_moved(route: BaseRoute) -> None:
    """Called when a route's ``path_regex`` is replaced: the indexes that hang it by its old
    prefix are made again on their next use (only those: other routers and apps keep theirs)."""
    for index in list(_indexes_holding(route)):
        index.stale = True


def _indexes_holding(route: BaseRoute) -> weakref.WeakSet[RouteIndex]:
    """The live indexes a route is in, kept on the route itself (so they go with it)."""
    holders: weakref.WeakSet[RouteIndex] | None = route.__dict__.get(_HOLDERS)
    if holders is None:
        holders = route.__dict__[_HOLDERS] = weakref.WeakSet()
    return holders


_HOLDERS = "_fastapi_route_indexes"


def register_matches(*functions: Any) -> None:
    """Declare ``matches`` implementations that keep the regex-on-route-path semantics."""
    _KNOWN_MATCHES.update(functions)


def literal_prefix(route: BaseRoute) -> list[str]:
    """The literal path segments every match of ``route`` begins with ([] if any may match).

    Read from the regex that matching uses (a route whose ``path`` was changed afterwards
    still matches by its regex, as in Starlette); FastAPI's routes compile theirs on first
    use, so theirs is read from the path it is compiled from (``regex_source``).
    """
    if getattr(type(route), "matches", None) not in _KNOWN_MATCHES:
        return []
    source = getattr(route, "regex_source", None)
    if isinstance(source, str):
        return _path_prefix(source)
    regex = getattr(route, "path_regex", None)
    if not isinstance(regex, re.Pattern) or regex.flags & (re.IGNORECASE | re.VERBOSE):
        return []
    return _regex_prefix(regex.pattern)


def _path_prefix(path: str) -> list[str]:
    if not path.startswith("/"):
        return []
    prefix = []
    for segment in path[1:].split("/"):
        if "{" in segment:
            break
        prefix.append(segment)
    return prefix


_REGEX_SYNTAX = frozenset(".^$*+?{}[]|()")


def _regex_prefix(pattern: str) -> list[str]:
    """The whole literal segments a ``^/...`` pattern begins with (fewer is always safe)."""
    if not pattern.startswith("^/") or "|" in pattern:  # alternatives: no common prefix known
        return []
    literal: list[str] = []
    position = 1
    while position < len(pattern):
        char = pattern[position]
        if char == "\\":
            escaped = pattern[position + 1 : position + 2]
            if not escaped or escaped.isalnum():  # a class (\d) or a reference: not literal
                break
            literal.append(escaped)
            position += 2
            continue
        if char in _REGEX_SYNTAX:
            if char in "*+?{" and literal:
                literal.pop()  # the quantifier makes the character before it optional
            break
        literal.append(char)
        position += 1
    segments = "".join(literal)[1:].split("/")
    if pattern[position:] == "$":
        return segments  # the whole path is literal
    return segments[:-1]  # the last segment may go on


class _Node:
    __slots__ = ("children", "own")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.own: list[tuple[int, BaseRoute]] = []  # (declaration position, route)


class RouteIndex:
    """Routes hung by literal prefix; each visited node's candidates are merged once, then kept.

    Appending routes (what registering them does) extends the tree in place; the merged
    candidate lists are made again on demand.
    """

    __slots__ = ("__weakref__", "_all", "_exact", "_memo", "_root", "stale")

    def __init__(self, routes: Iterable[BaseRoute] = ()) -> None:
        self.stale = False  # set when one of its routes moved: the tree may be wrong
        self._all: list[BaseRoute] = []
        self._root = _Node()
        self._memo: dict[_Node, list[BaseRoute]] = {}
        # Paths that walk the tree to its end, by the whole path: each names exactly one
        # node, so there are never more of them than nodes.
        self._exact: dict[str, list[BaseRoute]] = {}
        self.add(routes)

    def add(self, routes: Iterable[BaseRoute]) -> None:
        """Index routes declared after all those already indexed."""
        for route in routes:
            node = self._root
            for segment in literal_prefix(route):
                child = node.children.get(segment)
                if child is None:
                    child = node.children[segment] = _Node()
                node = child
            node.own.append((len(self._all), route))
            self._all.append(route)
            if hasattr(route, "__dict__"):  # a route without one cannot be moved by its setter
                _indexes_holding(route).add(self)
        self._memo.clear()
        self._exact.clear()

    def candidates(self, route_path: str) -> list[BaseRoute]:
        """The routes that may match ``route_path``, in declaration order."""
        found = self._exact.get(route_path)
        if found is not None:
            return found
        if not route_path.startswith("/"):
            return self._all
        if route_path.endswith("\n"):
            # A regex's ``$`` also matches before a final line break: "/a\n" matches "/a".
            return self._merged(route_path, route_path[:-1])
        node = self._root
        whole = True
        for segment in route_path[1:].split("/"):
            child = node.children.get(segment)
            if child is None:
                whole = False
                break
            node = child
        found = self._memo.get(node)
        if found is None:
            found = self._memo[node] = self._merge(route_path)
        if whole:
            self._exact[route_path] = found
        return found

    def _merged(self, *route_paths: str) -> list[BaseRoute]:
        """The routes on the walks along all of ``route_paths``, in declaration order."""
        entries = {position: route for path in route_paths for position, route in self._walk(path)}
        return [entries[position] for position in sorted(entries)]

    def _merge(self, route_path: str) -> list[BaseRoute]:
        """The routes of every node on the walk along ``route_path``, in declaration order."""
        entries = self._walk(route_path)
        entries.sort(key=_position)
        return [route for _, route in entries]

    def _walk(self, route_path: str) -> list[tuple[int, BaseRoute]]:
        node = self._root
        entries = list(node.own)
        for segment in route_path[1:].split("/"):
            child = node.children.get(segment)
            if child is None:
                break
            node = child
            entries += node.own
        return entries


def _position(entry: tuple[int, BaseRoute]) -> int:
    return entry[0]


class RouteList(list):  # type: ignore[type-arg]
    """A router's routes, with their lookup index: extended as routes are appended (routes
    are registered that way), made anew on first use after any other change."""

    __slots__ = ("_index",)

    def __init__(self, routes: Iterable[BaseRoute] = ()) -> None:
        super().__init__(routes)
        self._index: RouteIndex | None = RouteIndex(self)

    def lookup_index(self) -> RouteIndex:
        index = self._index
        if index is None or index.stale:
            index = self._index = RouteIndex(self)
        return index

    def _changed(self) -> None:
        self._index = None

    def _appended(self, items: list[Any]) -> None:
        if self._index is not None:
            self._index.add(items)

    def append(self, item: Any) -> None:
        super().append(item)
        self._appended([item])

    def extend(self, items: Iterable[Any]) -> None:
        items = list(items)
        super().extend(items)
        self._appended(items)

    def __iadd__(self, items: Iterable[Any]) -> RouteList:  # type: ignore[override,misc]
        items = list(items)
        super().__iadd__(items)
        self._appended(items)
        return self

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

    def __imul__(self, count: SupportsIndex) -> RouteList:  # type: ignore[override]
        super().__imul__(count)
        self._changed()
        return self
