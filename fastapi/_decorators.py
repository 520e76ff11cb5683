"""Decorator forms of the ``add_*`` methods, one mechanism for ``FastAPI`` and ``APIRouter``.

``registering`` makes any "register this function" call a decorator that returns the function
unchanged (``@app.exception_handler``, ``@router.websocket``...). ``HTTPVerbs`` gives both
classes the eight HTTP-verb decorators (``get``, ``post``...) from one body: each is an
``HTTPVerb`` whose type, ``PathOperationDecorator``, declares the route options once (editors
and type checkers show every keyword), and whose ``__signature__`` is FastAPI's
(``tests/test_route_options.py`` compares it with a recording of FastAPI 0.116.1).
"""

from __future__ import annotations

import inspect
import types
from collections.abc import Callable
from typing import Any, Protocol, overload

from typing_extensions import Unpack

from fastapi._route_options import (
    ROUTE_OPTIONS,
    RouteOptions,
    keyword_signature,
    reject_unknown,
)
from fastapi.types import DecoratedCallable


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

    def __init__(self, method: str, owner: str = "HTTPVerbs") -> None:
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
    def __get__(self, instance: HTTPVerbs, owner: type[Any]) -> PathOperationDecorator: ...

    def __get__(self, instance: HTTPVerbs | None, owner: type[Any]) -> Any:
        return self if instance is None else types.MethodType(self, instance)

    def __call__(
        self, declarer: HTTPVerbs, path: str, **options: Any
    ) -> Callable[[DecoratedCallable], DecoratedCallable]:
        reject_unknown(lambda: self.__qualname__, _ACCEPTED, options)
        return declarer._path_operation(self.method, path, options)  # type: ignore[arg-type]


class HTTPVerbs:
    """The HTTP-verb decorators; a class using them says how it declares a path operation."""

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
        if HTTPVerbs in cls.__bases__:
            for verb in _VERBS:
                setattr(cls, verb.__name__, HTTPVerb(verb.method, owner=cls.__qualname__))

    def _path_operation(
        self, method: str, path: str, options: RouteOptions
    ) -> Callable[[DecoratedCallable], DecoratedCallable]:
        """The decorator for ``method`` requests at ``path`` (each class says how)."""
        raise NotImplementedError


_VERBS = [value for value in vars(HTTPVerbs).values() if isinstance(value, HTTPVerb)]
