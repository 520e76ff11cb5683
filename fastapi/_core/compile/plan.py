"""The execution plan of a route: its dependency tree flattened into ordered steps.

Each step is one *occurrence* of a callable in the tree, listed after the steps it needs
(post-order), so running them front to back resolves every dependency before its user;
the last step is the endpoint itself. Running a step means: validate the step's own
parameters, then (unless something failed, or the value is already cached) call it.
This reproduces FastAPI's resolution order, caching and error order without walking the
tree per request.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Callable
from contextlib import asynccontextmanager, contextmanager
from enum import Enum
from types import FunctionType
from typing import Any

from fastapi._core.analyse.dependant import build_dependant
from fastapi._core.compile.body import BodyReader
from fastapi._core.compile.readers import ParamGroupReader, ParamReader, param_readers
from fastapi._core.dependant import Dependant


class CallKind(Enum):
    ASYNC = "async"
    SYNC = "sync"
    GENERATOR = "generator"
    ASYNC_GENERATOR = "async_generator"


class Source(Enum):
    """Where a step's non-body parameters are read from."""

    PATH = "path"
    QUERY = "query"
    HEADER = "header"
    COOKIE = "cookie"


class Inject(Enum):
    REQUEST = "request"
    WEBSOCKET = "websocket"
    CONNECTION = "connection"
    RESPONSE = "response"
    BACKGROUND = "background"
    SCOPES = "scopes"


_INJECTIONS = (
    ("request_param_name", Inject.REQUEST),
    ("websocket_param_name", Inject.WEBSOCKET),
    ("http_connection_param_name", Inject.CONNECTION),
    ("response_param_name", Inject.RESPONSE),
    ("background_tasks_param_name", Inject.BACKGROUND),
    ("security_scopes_param_name", Inject.SCOPES),
)


# What asyncio's own ``iscoroutinefunction`` also accepts: a sync function marked as returning
# a coroutine (by decorators written for it); FastAPI awaits those.
_ASYNCIO_COROUTINE_MARK = getattr(asyncio.coroutines, "_is_coroutine", object())


def _dunder_call(call: Any) -> Any:
    if inspect.isroutine(call) or inspect.isclass(call):
        return call
    return getattr(call, "__call__", call)  # noqa: B004


_CODE_KINDS = (
    (inspect.CO_ASYNC_GENERATOR, CallKind.ASYNC_GENERATOR),
    (inspect.CO_GENERATOR, CallKind.GENERATOR),
    (inspect.CO_COROUTINE, CallKind.ASYNC),
)


def call_kind(call: Callable[..., Any]) -> CallKind:
    """How a dependency or endpoint must be invoked (functions, classes, instances alike)."""
    if type(call) is FunctionType:  # the usual case: its code says (what ``inspect`` reads)
        flags = call.__code__.co_flags
        for flag, kind in _CODE_KINDS:
            if flags & flag:
                return kind
    if inspect.isclass(call):
        return CallKind.SYNC
    target = _dunder_call(call)
    # ``call`` itself first: ``inspect`` sees through ``functools.partial`` (a partial of a
    # yield dependency is one), where its ``__call__`` would hide the function.
    if inspect.isasyncgenfunction(call) or inspect.isasyncgenfunction(target):
        return CallKind.ASYNC_GENERATOR
    if inspect.isgeneratorfunction(call) or inspect.isgeneratorfunction(target):
        return CallKind.GENERATOR
    if (
        inspect.iscoroutinefunction(target)
        or inspect.iscoroutinefunction(call)
        or getattr(call, "_is_coroutine", None) is _ASYNCIO_COROUTINE_MARK
    ):
        return CallKind.ASYNC
    return CallKind.SYNC


class Step:
    """One occurrence of a dependency (or the endpoint) in the tree."""

    __slots__ = (
        "always_ok",
        "body",
        "cache_key",
        "call",
        "children",
        "context",
        "dependant",
        "fallible_children",
        "has_params",
        "injections",
        "kind",
        "named_children",
        "reads",
        "request_scoped",
        "sources",
        "use_cache",
    )

    def __init__(
        self,
        dependant: Dependant,
        children: list[tuple[str, int]],
        embed_body: bool,
        cached_as: Dependant,
        reads_form: bool = False,
        request_scoped: bool = False,
    ) -> None:
        assert dependant.call is not None
        # A yield dependency whose exit waits until the response has been sent.
        self.request_scoped = request_scoped
        self.dependant = dependant
        self.call = dependant.call
        self.kind = call_kind(dependant.call)
        # Generator dependencies become context managers; the wrapper is built once, here.
        self.context: Any = None
        if self.kind is CallKind.GENERATOR:
            self.context = contextmanager(dependant.call)
        elif self.kind is CallKind.ASYNC_GENERATOR:
            self.context = asynccontextmanager(dependant.call)
        # An override is cached under the dependency it replaces.
        self.cache_key = cached_as.cache_key
        self.use_cache = cached_as.use_cache
        self.children = tuple(children)
        self.named_children = tuple((name, child) for name, child in children if name)
        # Only the sources this step reads, in FastAPI's order (checked now, not per request).
        self.sources: tuple[tuple[Source, list[ParamReader | ParamGroupReader]], ...] = tuple(
            (source, readers)
            for source, readers in (
                (Source.PATH, param_readers(dependant.path_params, "path")),
                (Source.QUERY, param_readers(dependant.query_params, "query")),
                (Source.HEADER, param_readers(dependant.header_params, "header")),
                (Source.COOKIE, param_readers(dependant.cookie_params, "cookie")),
            )
            if readers
        )
        self.body = (
            BodyReader(dependant.body_params, embed=embed_body, reads_form=reads_form)
            if dependant.body_params
            else None
        )
        self.has_params = bool(self.sources or self.body)
        self.injections = tuple(
            (getattr(dependant, attribute), inject)
            for attribute, inject in _INJECTIONS
            if getattr(dependant, attribute) is not None
        )
        self.reads = self.has_params or bool(self.injections)  # anything to take from the request
        # Set by ``compile_plan``: no parameter of this step or under it can fail to validate,
        # and the sub-dependencies of which some can.
        self.always_ok = False
        self.fallible_children: tuple[int, ...] = tuple(child for _, child in children)


class Plan:
    """Every step of a route, in resolution order; the endpoint is the last one."""

    __slots__ = (
        "dependencies",
        "needs_exit_stack",
        "needs_request_stack",
        "repeats",
        "route_runner",
        "runner",
        "steps",
        "trivial",
    )

    def __init__(self, steps: list[Step]) -> None:
        self.steps = steps
        self.dependencies = tuple(steps[:-1])  # every step but the endpoint, in order
        self.runner: Any = None  # how the execute stage runs the dependencies, once built
        self.route_runner: Any = None  # how it serves a request with this plan, once built
        # A dependency held twice (or more): its cached result serves the later occurrences.
        keys = [step.cache_key for step in self.dependencies]
        try:
            self.repeats = len(set(keys)) < len(keys)
        except TypeError:  # an unhashable callable: every request fails on it, as in FastAPI
            self.repeats = True
        # An endpoint with no parameters at all: nothing to solve.
        self.trivial = len(steps) == 1 and not steps[0].has_params and not steps[0].injections
        yielding = [
            step
            for step in steps[:-1]
            if step.kind in (CallKind.GENERATOR, CallKind.ASYNC_GENERATOR)
        ]
        self.needs_exit_stack = any(not step.request_scoped for step in yielding)
        self.needs_request_stack = any(step.request_scoped for step in yielding)

    @property
    def endpoint(self) -> Step:
        return self.steps[-1]


Overrides = dict[Callable[..., Any], Callable[..., Any]]


def compile_plan(
    dependant: Dependant,
    *,
    embed_body: bool,
    overrides: Overrides | None = None,
    reads_form: bool = False,
    streams: bool = False,
) -> Plan:
    """Flatten ``dependant``'s tree, substituting ``overrides`` for overridden dependencies.

    ``reads_form``: the route's body is a form (so body readers flatten forms). ``streams``:
    the endpoint yields, so dependencies without a scope exit after the response (they
    serve the stream); otherwise they exit before it, as in FastAPI 0.116.
    """
    steps: list[Step] = []

    def visit(node: Dependant, original: Dependant, parent_request: bool = streams) -> int:
        request_scoped = original.scope == "request" or (original.scope is None and parent_request)
        children = []
        for sub in node.dependencies:
            used = sub
            if overrides and sub.call in overrides:
                assert sub.path is not None
                used = build_dependant(
                    path=sub.path,
                    call=overrides[sub.call],
                    name=sub.name,
                    security_scopes=sub.security_scopes,
                )
            children.append((sub.name or "", visit(used, sub, request_scoped)))
        step = Step(node, children, embed_body, original, reads_form, request_scoped)
        step.fallible_children = tuple(child for _, child in children if not steps[child].always_ok)
        step.always_ok = not step.has_params and not step.fallible_children
        steps.append(step)
        return len(steps) - 1

    visit(dependant, dependant)
    return Plan(steps)
