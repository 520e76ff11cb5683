"""Periodic tasks on taskiq's scheduler: ``fastapi worker main.py --engine taskiq --scheduler``.

The app's ``@task(every=...)``/``@task(cron=...)`` functions become a taskiq schedule source:
each function's coming occurrence (the instants every engine uses: multiples of ``every``
since the epoch, cron times in UTC) is a one-time schedule that taskiq's scheduler loop fires
when due. Before it is published, the occurrence is claimed (``SET NX`` in the result
backend's Redis), so any number of schedulers publish it once; its task id is derived from
the function and the instant, as with the stores.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Sequence
from datetime import datetime, timezone
from typing import Any

from redis.asyncio import Redis
from taskiq import ScheduledTask, ScheduleSource
from taskiq.exceptions import ScheduledTaskCancelledError
from taskiq_redis import RedisAsyncResultBackend

from fastapi.tasks import codec, periodic
from fastapi.tasks.engines.taskiq import GENERIC_TASK, TaskiqBackend
from fastapi.tasks.engines.taskiq_records import QUEUED, call_info, new_record
from fastapi.tasks.policy import policy_of

logger = logging.getLogger("fastapi.tasks")

#: Seconds an occurrence stays claimed (long past any scheduler's clock skew).
CLAIM_TTL = 24 * 3600
#: How far back a due occurrence is still offered (the loop re-reads schedules every second).
LOOKBACK = 10.0


class PeriodicSource(ScheduleSource):
    """The app's periodic functions, as taskiq schedules of their coming occurrences."""

    def __init__(self, backend: TaskiqBackend, functions: Sequence[Callable[..., Any]]) -> None:
        super().__init__()
        self.backend = backend
        self.functions = {codec.reference(func): func for func in functions}
        #: Occurrences before this are not made up for (as with the stores).
        self.since = time.time()

    async def startup(self) -> None:
        # The scheduler's loop opens the broker's connections: every call goes through it.
        self.backend.owner.adopt(asyncio.get_running_loop())
        await self.backend.start_client()

    async def get_schedules(self) -> list[ScheduledTask]:
        now = time.time()
        schedules = []
        for name, func in self.functions.items():
            last = periodic.next_occurrence(func, max(self.since, now - LOOKBACK))
            coming = {last, periodic.next_occurrence(func, max(now, last))}
            schedules += [self._occurrence(name, func, when) for when in sorted(coming)]
        return schedules

    def _occurrence(self, name: str, func: Callable[..., Any], when: float) -> ScheduledTask:
        key = periodic.occurrence_key(func, when)
        info = call_info(policy_of(func).name or name, policy_of(func), None)
        return ScheduledTask(
            task_name=GENERIC_TASK,
            labels={"run": "1"},
            args=[name, codec.encode_arguments(func, (), {}), info],
            kwargs={},
            task_id=codec.dedupe_id(key),
            schedule_id=key,
            time=datetime.fromtimestamp(when, tz=timezone.utc),
        )

    async def pre_send(self, task: ScheduledTask) -> None:
        """Claim the occurrence (another scheduler may have published it) and record it."""
        assert task.task_id is not None
        if not await self._claim(task.schedule_id, task.task_id):
            raise ScheduledTaskCancelledError()
        name, payload, info = task.args
        info["created_at"] = time.time()
        await self.backend.write(task.task_id, QUEUED, new_record(name, payload, info))
        if self.backend.index is not None:
            await self.backend.index.add(task.task_id, info["created_at"])

    async def _claim(self, key: str, task_id: str) -> bool:
        results = self.backend.broker.result_backend
        if isinstance(results, RedisAsyncResultBackend):
            async with Redis(connection_pool=results.redis_pool) as redis:
                claim = f"{results.prefix_str or 'taskiq'}:claimed:{key}"
                return bool(await redis.set(claim, task_id, nx=True, ex=CLAIM_TTL))
        # Another result backend: only its record tells (run a single scheduler then).
        return await results.get_progress(task_id) is None
