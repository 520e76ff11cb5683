"""Periodic tasks on Celery beat: ``@task(every=...)`` / ``@task(cron=...)``, once per period.

``fastapi worker main.py --engine celery --beat`` runs Celery's beat inside the worker with
this scheduler. Each periodic function is a beat entry whose schedule is the function's
occurrences, the instants every process computes alike (``fastapi.tasks.periodic``:
multiples of ``every`` since the epoch, or the cron times in UTC). When one is due, beat
publishes it as an ordinary task whose id is derived from the function and the instant (a
deduplication key), after claiming the instant in the result backend's Redis (``SET NX``):
however many beats run, each occurrence is published once. The user's own
``beat_schedule`` entries are kept as Celery runs them.
"""

from __future__ import annotations

import logging
import time
from datetime import datetime, timedelta
from typing import Any

from celery.beat import Scheduler
from celery.schedules import BaseSchedule, schedstate

from fastapi.tasks import periodic
from fastapi.tasks.codec import dedupe_id

logger = logging.getLogger("fastapi")

#: The scheduler ``fastapi worker --beat`` gives Celery beat.
SCHEDULER = "fastapi.tasks.engines.celery_beat:PeriodicScheduler"


class Occurrences(BaseSchedule):  # type: ignore[misc]
    """A periodic function's instants, as a Celery schedule."""

    def __init__(self, func: Any, app: Any = None) -> None:
        super().__init__(app=app)
        self.func = func
        #: The instant found due by the last ``is_due`` (what beat then publishes).
        self.due: float | None = None

    def __repr__(self) -> str:
        return f"<occurrences of {periodic.task_name(self.func)}>"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Occurrences) and other.func is self.func

    def __hash__(self) -> int:
        return hash(self.func)

    def remaining_estimate(self, last_run_at: datetime) -> timedelta:
        following = periodic.next_occurrence(self.func, last_run_at.timestamp())
        return timedelta(seconds=max(0.0, following - time.time()))

    def is_due(self, last_run_at: datetime) -> schedstate:
        now = time.time()
        following = periodic.next_occurrence(self.func, last_run_at.timestamp())
        if following > now:
            return schedstate(False, following - now)
        self.due = following
        return schedstate(True, periodic.next_occurrence(self.func, now) - now)


class PeriodicScheduler(Scheduler):  # type: ignore[misc]
    """Celery beat's in-memory scheduler with the app's periodic tasks added (nothing is
    written to disk: occurrences are computed, not remembered)."""

    def setup_schedule(self) -> None:
        super().setup_schedule()
        backend = getattr(self.app, "fastapi_backend", None)
        for func in getattr(backend, "periodic", ()):
            name = periodic.task_name(func)
            self.schedule[name] = self.Entry(
                name=name, task=name, schedule=Occurrences(func, app=self.app), app=self.app
            )

    def apply_async(
        self, entry: Any, producer: Any = None, advance: bool = True, **kwargs: Any
    ) -> Any:
        if not isinstance(entry.schedule, Occurrences):
            return super().apply_async(entry, producer=producer, advance=advance, **kwargs)
        entry = self.reserve(entry) if advance else entry
        schedule: Occurrences = entry.schedule
        if schedule.due is not None:
            publish_occurrence(self.app.fastapi_backend, schedule.func, schedule.due)
        return None


def publish_occurrence(backend: Any, func: Any, when: float) -> bool:
    """Publish one occurrence, unless another beat claimed it first. Whether it was sent."""
    key = periodic.occurrence_key(func, when)
    task_id = dedupe_id(key)
    period = periodic.next_occurrence(func, when) - when
    if not backend.claim(f"fastapi-occurrence-{task_id}", ttl=max(60.0, 2 * period)):
        return False
    backend.runtime.options(at=when, dedupe_key=key).enqueue(func)
    logger.info("Periodic task %s: occurrence %s published", periodic.task_name(func), task_id)
    return True
