"""The route lookup index: which routes can possibly match a path, in declaration order.

Starlette tries every route's regex in order. But a route path is mostly literal segments
before its first parameter (``/api/v1/users/{id}``), and a route can only match a request
whose path begins with those same segments. So routes hang in a tree of literal segments,
each at the node its literal prefix leads to; routes that could match anything (a parameter
first, a host, a catch-all mount, a custom ``matches``) hang at the root. A request walks
the tree along its own segments as far as it goes: the routes that can match it are those
on that walk, which each node keeps precomputed, in declaration order; a route whose whole
path is literal (``/users/me``) is one only where the request's path ends, and one whose
match goes on past its prefix only where the path goes on too. Trying them in turn
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
    held = route.__dict__.get(_HOLDERS)
    for reference in held if isinstance(held, list) else (held,) if held else ():
        index = reference()
        if index is not None:
            index.stale = True


def _held_by(route: BaseRoute, index: RouteIndex) -> None:
    """Note on the route itself (so the note goes with it) that ``index`` holds it, by the
    index's own weak reference: a route is in one index (the note is that reference, no
    object of its own) or a few (a list of them); a ``WeakSet`` would take six objects."""
    held = route.__dict__.get(_HOLDERS)
    if held is None or held is index.reference:
        route.__dict__[_HOLDERS] = index.reference
        return
    references = held if isinstance(held, list) else [held]
    if index.reference not in references:
        references = [reference for reference in references if reference() is not None]
        references.append(index.reference)
    route.__dict__[_HOLDERS] = references


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
    return _prefix_of(route)[0]


def _prefix_of(route: BaseRoute) -> tuple[list[str], bool]:
    """``literal_prefix``, and whether the route matches only the path those segments make
    (else a match goes on past them, after a "/", or anything may match)."""
    if getattr(type(route), "matches", None) not in _KNOWN_MATCHES:
        return [], False
    source = getattr(route, "regex_source", None)
    if isinstance(source, str):
        return _path_prefix(source)
    regex = getattr(route, "path_regex", None)
    if not isinstance(regex, re.Pattern) or regex.flags & _UNREAD_FLAGS:
        return [], False
    return _regex_prefix(regex.pattern)


# Flags under which a pattern's text does not say what it matches literally.
_UNREAD_FLAGS = re.IGNORECASE | re.VERBOSE | re.MULTILINE


def _path_prefix(path: str) -> tuple[list[str], bool]:
    if not path.startswith("/"):
        return [], False
    prefix: list[str] = []
    for segment in path[1:].split("/"):
        if "{" in segment:
            return prefix, False
        prefix.append(segment)
    return prefix, True


_REGEX_SYNTAX = frozenset(".^$*+?{}[]|()")


def _regex_prefix(pattern: str) -> tuple[list[str], bool]:
    """The whole literal segments a ``^/...`` pattern begins with (fewer is always safe)."""
    if not pattern.startswith("^/") or "|" in pattern:  # alternatives: no common prefix known
        return [], False
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
        return segments, True  # the whole path is literal
    return segments[:-1], False  # the last segment may go on


class _Node:
    """The routes whose literal prefix ends here: those matching only this node's path
    (``whole``), and those whose matches go on below it or could be anything (``open``)."""

    __slots__ = ("children", "open", "whole")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.whole: list[tuple[int, BaseRoute]] = []  # (declaration position, route)
        self.open: list[tuple[int, BaseRoute]] = []


class RouteIndex:
    """Routes hung by literal prefix; each visited node's candidates are merged once, then kept.

    Appending routes (what registering them does) extends the tree in place; the merged
    candidate lists are made again on demand.
    """

    __slots__ = ("__weakref__", "_all", "_exact", "_memo", "_root", "reference", "stale")

    def __init__(self, routes: Iterable[BaseRoute] = ()) -> None:
        self.stale = False  # set when one of its routes moved: the tree may be wrong
        self.reference = weakref.ref(self)  # what its routes hold it by
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
            segments, whole = _prefix_of(route)
            for segment in segments:
                child = node.children.get(segment)
                if child is None:
                    child = node.children[segment] = _Node()
                node = child
            (node.whole if whole else node.open).append((len(self._all), route))
            self._all.append(route)
            if hasattr(route, "__dict__"):  # a route without one cannot be moved by its setter
                _held_by(route, self)
        self._memo.clear()
        self._exact.clear()

    def candidates(self, route_path: str) -> list[BaseRoute]:
        """The routes that may match ``route_path``, in declaration order: along the walk,
        those whose matches go on, and where the path ends, those matching just that."""
        found = self._exact.get(route_path)
        if found is not None:
            return found
        if not route_path.startswith("/"):
            return self._all
        if route_path.endswith("\n"):
            # A regex's ``$`` also matches before a final line break: "/a\n" matches "/a".
            return self._merged(route_path, route_path[:-1])
        node, ended = self._end(route_path)
        if ended:  # the path is this node's: one per node, kept by the path itself
            found = self._exact[route_path] = self._merged(route_path)
            return found
        found = self._memo.get(node)
        if found is None:
            found = self._memo[node] = self._merged(route_path)
        return found

    def _end(self, route_path: str) -> tuple[_Node, bool]:
        """The last node of the walk along ``route_path``; whether the path ends there."""
        node = self._root
        for segment in route_path[1:].split("/"):
            child = node.children.get(segment)
            if child is None:
                return node, False
            node = child
        return node, True

    def _merged(self, *route_paths: str) -> list[BaseRoute]:
        """The candidates of each of ``route_paths``, together in declaration order."""
        entries = {position: route for path in route_paths for position, route in self._walk(path)}
        return [entries[position] for position in sorted(entries)]

    def _walk(self, route_path: str) -> list[tuple[int, BaseRoute]]:
        node = self._root
        entries = list(node.open)
        for segment in route_path[1:].split("/"):
            child = node.children.get(segment)
            if child is None:
                return entries
            node = child
            entries += node.open
        # The path ends at this node: its own routes may match, those going on below may not.
        return entries[: len(entries) - len(node.open)] + node.whole


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
