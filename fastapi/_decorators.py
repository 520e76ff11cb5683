"""Decorator forms of the ``add_*`` methods, one mechanism for ``FastAPI`` and ``APIRouter``.

``registering`` makes any "register this function" call a decorator that returns the function
unchanged (``@app.exception_handler``, ``@router.websocket``...). ``RouteDeclarations`` gives
both classes the eight HTTP-verb decorators (``get``, ``post``...) from one body, and
``frontend``: each verb is an ``HTTPVerb`` whose type, ``PathOperationDecorator``, declares
the route options once (editors and type checkers show every keyword), and whose
``__signature__`` is FastAPI's (``tests/test_route_options.py`` compares it with a recording
of FastAPI 0.116.1).
"""

from __future__ import annotations

import functools
import inspect
import os
import types
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Literal, Protocol, overload

from typing_extensions import Unpack

from fastapi import params
from fastapi._route_options import (
    ROUTE_OPTIONS,
    RouteOptions,
    keyword_signature,
    reject_unknown,
)
from fastapi.types import DecoratedCallable

if TYPE_CHECKING:  # pragma: no cover
    from fastapi.frontend import Fallback
    from fastapi.routing import APIRouter


def registering(
    register: Callable[[Any], object],
) -> Callable[[DecoratedCallable], DecoratedCallable]:
    """A decorator handing the decorated function to ``register``, and returning it as it is."""

    def decorator(func: DecoratedCallable) -> DecoratedCallable:
        register(func)
        return func

    return decorator


class PathOperationDecorator(Protocol):
    """``app.get``, ``router.post``...: a path, then the route options as keywords."""

    def __call__(
        self, path: str, **options: Unpack[RouteOptions]
    ) -> Callable[[DecoratedCallable], DecoratedCallable]: ...


_LEADING = [
    inspect.Parameter("self", inspect.Parameter.POSITIONAL_OR_KEYWORD),
    inspect.Parameter("path", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=str),
]
_ACCEPTED = ROUTE_OPTIONS | {"path"}


class HTTPVerb:
    """A method declaring a path operation for one HTTP method: ``get = HTTPVerb("GET")``.

    Bound like a function (``app.get`` is a method object), so ``inspect`` and ``help`` see
    what they see of FastAPI's.
    """

    def __init__(self, method: str, owner: str = "RouteDeclarations") -> None:
        self.method = method
        self.__name__ = method.lower()
        self.__qualname__ = f"{owner}.{self.__name__}"
        self.__doc__ = f"Declare a path operation answering HTTP {method} requests at ``path``."

    # On the class, not each verb: ``functools.wraps(app.get)`` copies a verb's ``__dict__``,
    # and its wrapper must not claim ``self`` (it follows ``__wrapped__``, as for FastAPI's).
    __signature__ = keyword_signature(_LEADING, RouteOptions)

    @overload
    def __get__(self, instance: None, owner: type[Any]) -> HTTPVerb: ...

    @overload
    def __get__(self, instance: RouteDeclarations, owner: type[Any]) -> PathOperationDecorator: ...

    def __get__(self, instance: RouteDeclarations | None, owner: type[Any]) -> Any:
        return self if instance is None else types.MethodType(self, instance)

    def __call__(
        self, declarer: RouteDeclarations, *args: Any, **options: Any
    ) -> Callable[[DecoratedCallable], DecoratedCallable]:
        reject_unknown(lambda: self.__qualname__, _ACCEPTED, options)
        path = self._path(args, options)
        return declarer._path_operation(self.method, path, options)  # type: ignore[arg-type]

    def _path(self, args: tuple[Any, ...], options: dict[str, Any]) -> Any:
        """The path given by position or keyword; Python's own errors otherwise, naming the
        verb as FastAPI's method (``FastAPI.get() takes 2 positional arguments...``)."""
        if len(args) > 1:
            raise TypeError(
                f"{self.__qualname__}() takes 2 positional arguments but {len(args) + 1} were given"
            )
        if args and "path" in options:
            raise TypeError(f"{self.__qualname__}() got multiple values for argument 'path'")
        if not args and "path" not in options:
            raise TypeError(f"{self.__qualname__}() missing 1 required positional argument: 'path'")
        return args[0] if args else options.pop("path")


class RouteDeclarations:
    """What FastAPI and APIRouter declare routes with, written once; a class using them says
    how it declares a path operation and which router its routes go to."""

    add_api_websocket_route: Callable[..., None]  # each class has its own

    get = HTTPVerb("GET")
    put = HTTPVerb("PUT")
    post = HTTPVerb("POST")
    delete = HTTPVerb("DELETE")
    options = HTTPVerb("OPTIONS")
    head = HTTPVerb("HEAD")
    patch = HTTPVerb("PATCH")
    trace = HTTPVerb("TRACE")

    def __init_subclass__(cls, **kwargs: Any) -> None:
        """A class taking these in (FastAPI, APIRouter) gets its own, named after it, as its
        methods would be (``FastAPI.get() got an unexpected keyword argument...``)."""
        super().__init_subclass__(**kwargs)
        if RouteDeclarations in cls.__bases__:
            for verb in _VERBS:
                setattr(cls, verb.__name__, HTTPVerb(verb.method, owner=cls.__qualname__))
            for name in _NAMED_PER_CLASS:
                setattr(cls, name, _renamed(vars(RouteDeclarations)[name], cls.__qualname__))

    def route(
        self,
        path: str,
        methods: list[str] | None = None,
        name: str | None = None,
        include_in_schema: bool = True,
    ) -> Callable[[DecoratedCallable], DecoratedCallable]:
        """Decorate a Starlette endpoint (``request -> response``) to serve ``path``."""
        add = self._declaring_router().add_route
        return registering(
            functools.partial(
                add, path, methods=methods, name=name, include_in_schema=include_in_schema
            )
        )

    def websocket_route(
        self, path: str, name: str | None = None
    ) -> Callable[[DecoratedCallable], DecoratedCallable]:
        """Decorate a Starlette WebSocket endpoint to serve ``path``."""
        return registering(
            functools.partial(self._declaring_router().add_websocket_route, path, name=name)
        )

    def websocket(
        self,
        path: str,
        name: str | None = None,
        *,
        dependencies: Sequence[params.Depends] | None = None,
    ) -> Callable[[DecoratedCallable], DecoratedCallable]:
        """Decorate a WebSocket endpoint whose parameters are resolved like a path operation's."""
        add = self.add_api_websocket_route  # the app's, then its router's (as FastAPI's)
        return registering(functools.partial(add, path, name=name, dependencies=dependencies))

    def frontend(
        self,
        path: str,
        directory: str | os.PathLike[str],
        *,
        fallback: Fallback = "auto",
        check_dir: bool | Literal["auto"] = "auto",
    ) -> None:
        """Serve the built single-page app in ``directory`` at ``path`` (see fastapi.frontend)."""
        from fastapi.frontend import FrontendSpec, add_frontend  # loaded by apps that serve one

        router = self._declaring_router()
        spec = FrontendSpec(path, directory, fallback, check_dir, list(router.dependencies))
        add_frontend(router, spec)

    def _path_operation(
        self, method: str, path: str, options: RouteOptions
    ) -> Callable[[DecoratedCallable], DecoratedCallable]:
        """The decorator for ``method`` requests at ``path`` (each class says how)."""
        raise NotImplementedError

    def _declaring_router(self) -> APIRouter:
        """The router routes declared here go to (``app.router``, or the router itself)."""
        raise NotImplementedError


_VERBS = [value for value in vars(RouteDeclarations).values() if isinstance(value, HTTPVerb)]
_NAMED_PER_CLASS = ("route", "websocket_route", "websocket")


def _renamed(method: types.FunctionType, owner: str) -> types.FunctionType:
    """A copy of ``method`` named ``owner.name``, as Python's own errors will call it."""
    copy = types.FunctionType(
        method.__code__, method.__globals__, method.__name__, method.__defaults__
    )
    copy.__kwdefaults__ = method.__kwdefaults__
    copy.__doc__ = method.__doc__
    copy.__annotations__ = method.__annotations__
    copy.__module__ = method.__module__
    copy.__qualname__ = f"{owner}.{method.__name__}"
    return copy
