"""An ASGI app built when it is first called: what a route defers from its registration.

A route's request handler (its plan, generated runner and response serializer) depends only
on what registration has already analysed and checked: building it cannot fail on a
declaration. Only the first route of each *outline* (``outline``: the tree's callables'
kinds, parameter names by source, injections, scopes) is built when it is registered, which
generates the code the routes of its shape share; the others are built on their first
request, so an app whose routes are not all requested (or not yet) starts without paying
for them, and a route's first request does not compile code. The app built replaces the
placeholder where the route holds it, so later requests reach it directly.
"""

from __future__ import annotations

import inspect
import threading
from collections.abc import Callable
from types import FunctionType
from typing import Any, Generic, TypeVar

from starlette.types import ASGIApp, Receive, Scope, Send

from fastapi._core.dependant import Dependant

# One lock for every build: builds are short, rare (once per route) and never nested.
_BUILDING = threading.Lock()
# The code flags that decide how a function is called (what ``plan.call_kind`` reads).
_CALL_FLAGS = inspect.CO_COROUTINE | inspect.CO_GENERATOR | inspect.CO_ASYNC_GENERATOR
_Owner = TypeVar("_Owner")


class BuiltOnFirstCall(Generic[_Owner]):
    """Calls ``build(owner)`` once (under a lock: two threads serving a route's first
    requests get the same app), hands the app to ``install(owner, app)`` and serves every
    call with it."""

    __slots__ = ("_build", "_built", "_install", "_owner")

    def __init__(
        self,
        owner: _Owner,
        build: Callable[[_Owner], ASGIApp],
        install: Callable[[_Owner, ASGIApp], None],
    ) -> None:
        self._owner: _Owner | None = owner
        self._build = build
        self._install = install
        self._built: ASGIApp | None = None

    def built(self) -> ASGIApp:
        """The app, built now if it was not yet (a failed build is tried again next time)."""
        app = self._built
        if app is None:
            with _BUILDING:
                app = self._built
                if app is None:
                    owner = self._owner
                    assert owner is not None
                    app = self._build(owner)
                    self._built = app
                    self._install(owner, app)
                    self._owner = None  # the owner holds this placeholder: no cycle left
        return app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.built()(scope, receive, send)


# Outlines whose first route was built at registration (bounded: past it, all forgotten).
_OUTLINES_BUILT: set[Any] = set()
_MAX_OUTLINES = 4096


def first_of_its_outline(dependant: Dependant, *route_facts: Any) -> bool:
    """Whether no route of this outline was built yet (it is then counted as built);
    ``route_facts``: what else decides the route's handler (body, form, streaming...)."""
    key = (outline(dependant), route_facts)
    if key in _OUTLINES_BUILT:
        return False
    if len(_OUTLINES_BUILT) >= _MAX_OUTLINES:
        _OUTLINES_BUILT.clear()
    _OUTLINES_BUILT.add(key)
    return True


def outline(dependant: Dependant) -> tuple[Any, ...]:
    """What a Dependant tree's generated code is written from, read without compiling a
    plan (equal outlines nearly always mean one shape; a difference only costs a compile
    on a first request)."""
    call = dependant.call
    # Other callables (classes, instances, partials) are told apart by the compiled plan.
    kind = call.__code__.co_flags & _CALL_FLAGS if type(call) is FunctionType else None
    return (
        kind,
        dependant.name,
        dependant.use_cache,
        dependant.scope,
        tuple(field.name for field in dependant.path_params),
        tuple(field.name for field in dependant.query_params),
        tuple(field.name for field in dependant.header_params),
        tuple(field.name for field in dependant.cookie_params),
        len(dependant.body_params),
        dependant.request_param_name,
        dependant.websocket_param_name,
        dependant.http_connection_param_name,
        dependant.response_param_name,
        dependant.background_tasks_param_name,
        dependant.security_scopes_param_name,
        tuple(outline(sub) for sub in dependant.dependencies),
    )
