"""Which tasks a Celery app's result backend holds, newest first: for ``list`` and ``counts``.

Celery's result backends are read by task id; nothing lists them. With a Redis result
backend (what ``celery+redis://`` sets up), publishing a task also adds its id to one sorted
set, scored by creation time, next to Celery's own records. Statuses are still Celery's:
listing reads the records of the newest ids (``MGET``, in batches); an id whose record has
expired (``result_expires``) is dropped from the set as it is met, and ids older than that
are trimmed at most once a minute. Other result backends have no index (``list`` is empty,
``counts`` zero).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

#: The sorted set of task ids (score: creation time) in the result backend's Redis.
INDEX_KEY = "fastapi-celery-tasks"
#: How often publishing trims ids older than the result backend keeps records (seconds).
TRIM_EVERY = 60.0


class TaskIndex:
    """The ids of a Redis result backend's task records, by creation time."""

    def __init__(self, backend: Any) -> None:
        self.backend = backend
        self._trimmed_at = 0.0

    @staticmethod
    def of(backend: Any) -> TaskIndex | None:
        """The index of a result backend that can keep one (Redis), else None."""
        if type(backend).__name__ not in ("RedisBackend", "SentinelBackend"):
            return None
        return TaskIndex(backend)

    def kept_for(self) -> float | None:
        """Seconds the result backend keeps a record (None: for ever)."""
        expires = self.backend.app.conf.result_expires
        if isinstance(expires, timedelta):
            return expires.total_seconds()
        return None if expires is None else float(expires)

    def add(self, task_id: str, created_at: float, record: dict[str, Any]) -> None:
        """Write a published task's first record (as Celery writes its records: the same
        key, encoding and expiry) and index it, in one round trip."""
        backend = self.backend
        meta = {
            "status": record["status"],
            "result": record["result"],
            "traceback": None,
            "children": [],
            "date_done": None,
            "task_id": task_id,
        }
        now = time.time()
        kept_for = self.kept_for()
        with backend.client.pipeline(transaction=False) as pipe:
            pipe.set(backend.get_key_for_task(task_id), backend.encode(meta), ex=backend.expires)
            pipe.zadd(INDEX_KEY, {task_id: created_at})
            if kept_for is not None and now - self._trimmed_at > TRIM_EVERY:
                self._trimmed_at = now
                pipe.zremrangebyscore(INDEX_KEY, "-inf", now - kept_for)
            pipe.execute()

    def remove(self, task_id: str) -> None:
        """Forget a task's record and its place in the index (one round trip)."""
        backend = self.backend
        with backend.client.pipeline(transaction=False) as pipe:
            pipe.delete(backend.get_key_for_task(task_id))
            pipe.zrem(INDEX_KEY, task_id)
            pipe.execute()

    def newest(self, batch: int = 500) -> Iterator[list[tuple[str, dict[str, Any]]]]:
        """The indexed records, newest first, in batches of ``(id, meta)``."""
        client = self.backend.client
        start = 0
        while True:
            ids = [raw.decode() for raw in client.zrevrange(INDEX_KEY, start, start + batch - 1)]
            if not ids:
                return
            start += len(ids)
            values = client.mget([self.backend.get_key_for_task(task_id) for task_id in ids])
            found: list[tuple[str, dict[str, Any]]] = []
            gone: list[str] = []
            for task_id, value in zip(ids, values, strict=True):
                if value is None:
                    gone.append(task_id)
                else:
                    found.append((task_id, self.backend.decode_result(value)))
            if gone:
                client.zrem(INDEX_KEY, *gone)
                start -= len(gone)
            yield found
