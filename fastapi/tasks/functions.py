"""What the task machinery needs to know about a task function, worked out once per function.

``add_task`` runs on the request path: whether the function is async (Starlette's rule, as
FastAPI's ``BackgroundTasks`` applies it), its display name and its declared policy are
facts of the function, so they are looked up, not recomputed, on every call. Only functions
that live as long as their module (defined at module or class level) are remembered: a
function made per request (a closure) is worked out each time rather than kept alive.
"""

from __future__ import annotations

from collections.abc import Callable
from types import FunctionType
from typing import Any

from starlette._utils import is_async_callable

from fastapi.tasks.policy import TaskPolicy, policy_of

#: Enough for every task function of an app; past it, facts are worked out each time.
_MAX_REMEMBERED = 10_000


class TaskFunction:
    """The facts of one task function: how to call it, how to name it, how it runs."""

    __slots__ = ("is_async", "name", "plain_sync", "policy", "task_name")

    def __init__(self, func: Callable[..., Any]) -> None:
        self.is_async: bool = is_async_callable(func)
        self.name = display_name(func)
        self.policy: TaskPolicy = policy_of(func)
        #: What its tasks are called: the name its policy gives, else its display name.
        self.task_name = self.policy.name or self.name
        #: Its tasks are one sync call each, needing nothing of the event loop.
        self.plain_sync = not self.is_async and callable(func) and plain_policy(self.policy)


def plain_policy(policy: TaskPolicy) -> bool:
    """One attempt, unbounded, no hook: nothing to wait for or await around the call."""
    return policy.timeout is None and policy.retry.attempts == 1 and policy.on_failure is None


_remembered: dict[Any, TaskFunction] = {}


def facts_of(func: Callable[..., Any]) -> TaskFunction:
    try:
        return _remembered[func]
    except KeyError:
        pass
    except TypeError:  # an unhashable callable object
        return TaskFunction(func)
    facts = TaskFunction(func)
    if _lasting(func) and len(_remembered) < _MAX_REMEMBERED:
        _remembered[func] = facts
    return facts


def forget(func: Callable[..., Any]) -> None:
    """Its facts changed (``@task`` set a policy on it after it was first queued)."""
    _remembered.pop(func, None)


def display_name(func: Callable[..., Any]) -> str:
    module = getattr(func, "__module__", None) or "?"
    qualname = getattr(func, "__qualname__", None) or type(func).__qualname__
    return f"{module}:{qualname}"


def _lasting(func: Callable[..., Any]) -> bool:
    return type(func) is FunctionType and "<locals>" not in func.__qualname__
