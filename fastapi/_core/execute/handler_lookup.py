"""The exception handler Starlette's ``wrap_app_handling_exceptions`` would call, found directly.

Answering a handled exception through Starlette's own wrapper means building its closures and
raising the exception once more inside it: a good part of a 422's cost. For the common case
(the response has not started, the handler found is a coroutine function) the exception
layer calls the handler itself, with what this module says Starlette would do:

- ``async_handler_for``: the handler, looked up as Starlette looks it up (a status handler
  for an ``HTTPException``, else the first class of the exception's MRO with a handler,
  with Starlette's own lookup function), or None when Starlette's wrapper must answer
  (no handler: it re-raises; a sync handler: it runs it in a worker thread);
- ``after_answer``: what the wrapper does once the handler answered. Starlette 1.x drops the
  exception's traceback there (an exception instance raised again on every request would
  otherwise grow one without end), 0.47 keeps it; which one the installed Starlette does is
  found by running its wrapper once, when this module is imported, over a handler that
  answers nothing. Should that ever not finish at once, every failure keeps the wrapper.
"""

from __future__ import annotations

from collections.abc import Coroutine
from typing import Any

from starlette import _exception_handler as starlette_handling
from starlette._utils import is_async_callable
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.types import Message, Receive, Scope, Send

EXCEPTION_HANDLERS = "starlette.exception_handlers"  # where Starlette's handlers find them

_lookup = getattr(starlette_handling, "_lookup_exception_handler", None)


def async_handler_for(exc: Exception, scope: Scope) -> Any:
    """The coroutine function Starlette would answer ``exc`` with, or None (see module doc)."""
    if _after_answer == "wrapper":
        return None
    try:
        exception_handlers, status_handlers = scope[EXCEPTION_HANDLERS]
    except KeyError:
        return None
    handler = None
    if isinstance(exc, HTTPException):
        handler = status_handlers.get(exc.status_code)
    if handler is None:
        handler = _lookup(exception_handlers, exc)  # type: ignore[misc]
    if handler is None or not is_async_callable(handler):
        return None
    return handler


def after_answer(exc: Exception) -> None:
    """What Starlette's wrapper does to ``exc`` once its handler has answered."""
    if _after_answer is True:
        exc.__traceback__ = None


class _Probe(Exception):
    pass


async def _nothing(*_: Any) -> None:
    return None


async def _no_receive() -> Message:  # pragma: no cover - the probe's app reads nothing
    return {"type": "http.disconnect"}


def _probe() -> bool | str:
    """Whether Starlette's wrapper drops an answered exception's traceback ("wrapper": keep
    the wrapper), from one run over an app that fails and a handler that answers nothing,
    the coroutine driven by hand (it awaits nothing that suspends)."""
    if _lookup is None:  # pragma: no cover - a Starlette without the lookup function
        return "wrapper"
    error = _Probe()

    async def failing(scope: Scope, receive: Receive, send: Send) -> None:
        raise error

    scope = {"type": "http", EXCEPTION_HANDLERS: ({_Probe: _nothing}, {})}
    wrapped = starlette_handling.wrap_app_handling_exceptions(failing, Request(scope))
    coroutine: Coroutine[Any, Any, None] = wrapped(scope, _no_receive, _nothing)  # type: ignore[assignment]
    try:
        coroutine.send(None)
    except StopIteration:
        return error.__traceback__ is None
    except BaseException:  # pragma: no cover - a Starlette whose wrapper works otherwise
        return "wrapper"
    coroutine.close()  # pragma: no cover - it suspended: leave every failure to the wrapper
    return "wrapper"  # pragma: no cover


_after_answer = _probe()
