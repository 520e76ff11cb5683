"""Periodic tasks: ``@task(every=60)`` or ``@task(cron="0 3 * * *")``, once per period.

Occurrences are instants every process computes alike: multiples of ``every`` seconds since
the epoch, or the times a cron expression (UTC) names. Each process that schedules stores
the *next* occurrence ahead of time as a scheduled task whose id is derived from the
function and the instant (a deduplication key): however many processes do so, the store
keeps one task per occurrence, and one worker runs it. Occurrences while no process was up
are not made up for.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Awaitable, Callable, Iterable
from datetime import datetime, timezone
from typing import Any

import anyio

logger = logging.getLogger("fastapi")

_REGISTRY: dict[str, Callable[..., Any]] = {}


def task_name(func: Callable[..., Any]) -> str:
    return f"{getattr(func, '__module__', '?')}:{getattr(func, '__qualname__', repr(func))}"


def register(func: Callable[..., Any]) -> None:
    """Make ``func`` (decorated with a period) known to the apps' schedulers."""
    _REGISTRY[task_name(func)] = func


def registered() -> list[Callable[..., Any]]:
    """The periodic task functions defined so far (in the modules imported so far)."""
    return list(_REGISTRY.values())


def _croniter() -> Any:
    try:
        from croniter import croniter
    except ImportError:  # pragma: no cover - depends on the installation
        raise ImportError(
            'Cron schedules need the "croniter" package: pip install "fastapi[cron]"'
        ) from None
    return croniter


def check_cron(expression: str) -> None:
    """Refuse a malformed cron expression where it is declared, not when it should fire."""
    if not _croniter().is_valid(expression):
        raise ValueError(
            f"@task(cron={expression!r}): not a valid cron expression "
            "(five fields: minute hour day-of-month month day-of-week, e.g. '*/5 * * * *')"
        )


def next_occurrence(func: Callable[..., Any], after: float) -> float:
    """The first occurrence of ``func``'s period strictly after ``after`` (a timestamp)."""
    from fastapi.tasks.policy import policy_of

    policy = policy_of(func)
    if policy.every is not None:
        return (math.floor(after / policy.every) + 1) * policy.every
    if policy.cron is None:
        raise ValueError(f"{task_name(func)} has no period: declare it with @task(every=...)")
    start = datetime.fromtimestamp(after, tz=timezone.utc)
    following: datetime = _croniter()(policy.cron, start).get_next(datetime)
    return following.timestamp()


def occurrence_key(func: Callable[..., Any], when: float) -> str:
    """The deduplication key of one occurrence: the same in every process."""
    return f"periodic:{task_name(func)}@{when!r}"


Enqueue = Callable[[Callable[..., Any], float, str], Awaitable[Any]]
"""Stores (or, in memory, arranges) one occurrence: ``enqueue(func, at, key)``."""


async def run_schedule(
    functions: Iterable[Callable[..., Any]], enqueue: Enqueue, stopping: anyio.Event
) -> None:
    """Keep the next occurrence of every function enqueued until ``stopping`` is set.

    A failure to enqueue (the store is down) is logged once per function and retried with a
    capped backoff; the loop itself never ends before ``stopping``.
    """
    pending = {task_name(func): func for func in functions}
    if not pending:
        return
    upcoming: dict[str, float] = {}
    failing: dict[str, float] = {}  # name -> the backoff before its next try
    while not stopping.is_set():
        now = time.time()
        retry_at: list[float] = []
        for name, func in pending.items():
            if name in upcoming and upcoming[name] > now:
                continue
            try:
                when = next_occurrence(func, max(now, upcoming.get(name, now)))
                await enqueue(func, when, occurrence_key(func, when))
            except Exception as exc:
                # One function's trouble (an outage, an unstorable task) delays only it.
                backoff = failing.get(name)
                if backoff is None:
                    logger.warning(
                        "Periodic task %s could not be scheduled (retrying): %s", name, exc
                    )
                failing[name] = backoff = min(30.0, (backoff or 0.25) * 2)
                retry_at.append(time.time() + backoff)
                continue
            if failing.pop(name, None) is not None:
                logger.info("Periodic task %s is scheduled again", name)
            upcoming[name] = when
        wakes = [when for name, when in upcoming.items() if name not in failing] + retry_at
        wait = max(0.0, min(wakes) - time.time()) if wakes else 1.0
        with anyio.move_on_after(wait):
            await stopping.wait()
