"""Which tasks a taskiq-redis result backend holds, newest first: for ``list`` and ``counts``.

Taskiq's result backends are read by task id; nothing lists them. With taskiq-redis's
result backend (what ``taskiq+redis://`` sets up), publishing a task also adds its id to one
sorted set, scored by creation time, beside the records. Listing reads the records of the
newest ids (``MGET`` of their progress keys, in batches); an id whose record has expired is
dropped from the set as it is met, and ids older than the backend keeps records are trimmed
at most once a minute. Other result backends have no index (``list`` is empty, ``counts``
zero).
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from typing import Any

from redis.asyncio import Redis
from taskiq_redis import RedisAsyncResultBackend
from taskiq_redis.redis_backend import PROGRESS_KEY_SUFFIX

#: How often publishing trims ids older than the result backend keeps records (seconds).
TRIM_EVERY = 60.0


class TaskIndex:
    """The ids of a taskiq-redis result backend's task records, by creation time."""

    def __init__(self, results: RedisAsyncResultBackend[Any]) -> None:
        self.results = results
        self.key = f"{results.prefix_str or 'taskiq'}:index"
        self._trimmed_at = 0.0

    @staticmethod
    def of(results: Any) -> TaskIndex | None:
        """The index of a result backend that can keep one (taskiq-redis's), else None."""
        return TaskIndex(results) if isinstance(results, RedisAsyncResultBackend) else None

    def client(self) -> Redis:
        """A client on the result backend's connection pool (``async with`` it)."""
        return Redis(connection_pool=self.results.redis_pool)

    def _kept_for(self) -> float | None:
        results = self.results
        if results.result_ex_time:
            return float(results.result_ex_time)
        return results.result_px_time / 1000 if results.result_px_time else None

    def trim_before(self) -> float | None:
        """The creation time before which ids are trimmed now (at most once a minute, for
        ids older than the records are kept), else None."""
        now = time.time()
        kept_for = self._kept_for()
        if kept_for is None or now - self._trimmed_at <= TRIM_EVERY:
            return None
        self._trimmed_at = now
        return now - kept_for

    async def add(self, task_id: str, created_at: float) -> None:
        trim_before = self.trim_before()
        async with Redis(connection_pool=self.results.redis_pool) as redis:
            await redis.zadd(self.key, {task_id: created_at})
            if trim_before is not None:
                await redis.zremrangebyscore(self.key, "-inf", trim_before)

    async def create(self, task_id: str, progress: Any) -> bool:
        """Write a task's first progress record unless it has one (``SET NX``, as taskiq's
        ``set_progress`` writes it); False when it existed."""
        value = self.results.serializer.dumpb(progress.model_dump(mode="json"))
        kept_for = self._kept_for()
        expiry = max(1, int(kept_for)) if kept_for is not None else None
        async with Redis(connection_pool=self.results.redis_pool) as redis:
            return bool(await redis.set(self.record_key(task_id), value, nx=True, ex=expiry))

    async def remove(self, task_id: str) -> None:
        """Forget a task's record and its place in the index."""
        async with Redis(connection_pool=self.results.redis_pool) as redis:
            await redis.delete(self.record_key(task_id))
            await redis.zrem(self.key, task_id)

    def record_key(self, task_id: str) -> str:
        """The key of a task's progress record (as taskiq-redis's ``set_progress`` names it)."""
        name = (
            task_id if self.results.prefix_str is None else f"{self.results.prefix_str}:{task_id}"
        )
        return name + PROGRESS_KEY_SUFFIX

    async def newest(self, batch: int = 500) -> AsyncIterator[list[tuple[str, str, Any]]]:
        """The indexed records, newest first, in batches of ``(id, state, meta)``."""
        start = 0
        async with Redis(connection_pool=self.results.redis_pool) as redis:
            while True:
                raw_ids = await redis.zrevrange(self.key, start, start + batch - 1)
                if not raw_ids:
                    return
                ids = [item.decode() if isinstance(item, bytes) else str(item) for item in raw_ids]
                values = await redis.mget([self.record_key(task_id) for task_id in ids])
                found, gone = [], []
                for task_id, value in zip(ids, values, strict=True):
                    if value is None:
                        gone.append(task_id)
                        continue
                    record = self.results.serializer.loadb(
                        value if isinstance(value, bytes) else value.encode()
                    )
                    found.append((task_id, str(record["state"]), record["meta"]))
                if gone:
                    await redis.zrem(self.key, *gone)
                start += batch - len(gone)
                yield found
