"""Retry policies, timeouts and periods, declared where a task function is defined.

Retry and timeout are overridable per call; a period (``every=`` or ``cron=``) makes the
function a periodic task, registered here for the apps' schedulers (``fastapi.tasks.periodic``).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import timedelta
from typing import Any, TypeVar

_F = TypeVar("_F", bound=Callable[..., Any])

POLICY_ATTRIBUTE = "__fastapi_task__"


@dataclass(frozen=True)
class Retry:
    """How often a failing task is tried, and how long to wait between attempts.

    ``attempts`` counts every try (1 means no retry). The wait before retry ``n`` (1-based) is
    ``min(max_delay, delay * backoff ** (n - 1))``, randomised by ``jitter`` (0 to 1: the share
    of the wait drawn at random, so that failures of many tasks do not retry in lockstep).
    Only exceptions that are instances of ``on`` are retried.
    """

    attempts: int = 1
    delay: float = 1.0
    backoff: float = 2.0
    max_delay: float = 300.0
    jitter: float = 0.5
    on: tuple[type[BaseException], ...] = (Exception,)

    def __post_init__(self) -> None:
        if self.attempts < 1:
            raise ValueError("Retry(attempts=...) must be at least 1")
        if not 0.0 <= self.jitter <= 1.0:
            raise ValueError("Retry(jitter=...) must be between 0 and 1")
        if isinstance(self.on, type):
            object.__setattr__(self, "on", (self.on,))

    def wait_before(self, retry_number: int) -> float:
        """Seconds to wait before retry ``retry_number`` (1 for the first retry)."""
        base = min(self.max_delay, self.delay * self.backoff ** (retry_number - 1))
        return base * (1.0 - self.jitter) + random.uniform(0.0, base * self.jitter)

    def retries(self, exc: BaseException, attempt: int) -> bool:
        """Whether ``exc``, raised by attempt number ``attempt``, deserves another attempt."""
        return attempt < self.attempts and isinstance(exc, self.on)

    def to_dict(self) -> dict[str, Any]:
        return {
            "attempts": self.attempts,
            "delay": self.delay,
            "backoff": self.backoff,
            "max_delay": self.max_delay,
            "jitter": self.jitter,
        }


@dataclass(frozen=True)
class TaskPolicy:
    """Everything a task function declares about how it runs.

    ``timeout``: seconds an attempt may take (then it fails with ``TimeoutError``, retried
    as any error). ``every`` (seconds) or ``cron`` (a cron expression, UTC): the period of a
    periodic task.
    """

    retry: Retry = field(default_factory=Retry)
    on_failure: Callable[..., Any] | None = None
    name: str | None = None
    timeout: float | None = None
    every: float | None = None
    cron: str | None = None

    def merged(self, **overrides: Any) -> TaskPolicy:
        changes = {key: value for key, value in overrides.items() if value is not None}
        return replace(self, **changes) if changes else self


def task(
    func: _F | None = None,
    *,
    retry: Retry | None = None,
    on_failure: Callable[..., Any] | None = None,
    name: str | None = None,
    timeout: float | timedelta | None = None,
    every: float | timedelta | None = None,
    cron: str | None = None,
) -> Any:
    """Declare how a background task runs: ``@task(retry=Retry(attempts=3), timeout=30)``.

    The function is returned unchanged (still callable directly, still importable by its
    name); the policy rides along as an attribute. ``on_failure(info, exc)`` is called (sync
    or async) once the last attempt has failed, with the task's status record and exception.
    With ``every=`` or ``cron=`` the function (taking no arguments) is also a periodic task,
    run once per period by the apps that schedule it, however many processes they have.
    """
    policy = TaskPolicy(
        retry=retry or Retry(),
        on_failure=on_failure,
        name=name,
        timeout=seconds(timeout, "timeout"),
        every=seconds(every, "every"),
        cron=cron,
    )
    if policy.every is not None and policy.cron is not None:
        raise ValueError("@task() takes every= or cron=, not both")
    if policy.cron is not None:
        from fastapi.tasks.periodic import check_cron

        check_cron(policy.cron)

    def decorate(function: _F) -> _F:
        from fastapi.tasks.functions import forget

        setattr(function, POLICY_ATTRIBUTE, policy)
        forget(function)  # queued before it was decorated: its facts are out of date
        if policy.every is not None or policy.cron is not None:
            from fastapi.tasks.periodic import register

            register(function)
        return function

    return decorate(func) if func is not None else decorate


def seconds(value: float | timedelta | None, option: str) -> float | None:
    """A duration option as seconds (checked positive)."""
    if value is None:
        return None
    number = value.total_seconds() if isinstance(value, timedelta) else float(value)
    if number <= 0:
        raise ValueError(f"{option}= must be a positive duration, not {value!r}")
    return number


_DEFAULT_POLICY = TaskPolicy()


def policy_of(func: Callable[..., Any]) -> TaskPolicy:
    found = getattr(func, POLICY_ATTRIBUTE, None)
    return found if isinstance(found, TaskPolicy) else _DEFAULT_POLICY
