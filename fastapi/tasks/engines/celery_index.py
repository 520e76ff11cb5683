"""Which tasks a Celery app's result backend holds, newest first: for ``list`` and ``counts``.

Celery's result backends are read by task id; nothing lists them. With a Redis result
backend (what ``celery+redis://`` sets up), publishing a task also adds its id to one sorted
set, scored by creation time, next to Celery's own records. Statuses are still Celery's:
listing reads the records of the newest ids (``MGET``, in batches); an id whose record has
expired (``result_expires``) is dropped from the set as it is met, and ids older than that
are trimmed at most once a minute. Other result backends have no index (``list`` is empty,
``counts`` zero).

Counting reads no record where the result backend is ``celery_results``'s (what
``celery+redis://`` sets up): it keeps each indexed id in the sorted set of its state as it
stores the state, and ``counts`` is one ``ZCARD`` per state. Ids that are in no state's set
(indexed before the sets existed) are placed once, by reading their records.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

from celery.backends.redis import RedisBackend

from fastapi.tasks.engines.celery_meta import STATES
from fastapi.tasks.records import TaskState

#: The sorted set of task ids (score: creation time) in the result backend's Redis.
INDEX_KEY = "fastapi-celery-tasks"
#: How often publishing trims ids older than the result backend keeps records (seconds).
TRIM_EVERY = 60.0
#: The sorted set of each task state's ids (score: creation time), e.g. ``...:running``.
STATE_KEYS = [f"{INDEX_KEY}:{state.value}" for state in TaskState]

#: Places an id in its state's set if its record is still the one read (ARGV[1]); KEYS:
#: the record, the state's set, every state's set; ARGV: the record, the score, the id.
PLACE_SCRIPT = """
if redis.call('GET', KEYS[1]) ~= ARGV[1] then
    return 0
end
for i = 3, #KEYS do
    redis.call('ZREM', KEYS[i], ARGV[3])
end
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[3])
return 1
"""


def state_key(celery_state: str) -> str:
    """The sorted set of the task state a Celery state shows as (unknown ones: running)."""
    return f"{INDEX_KEY}:{STATES.get(celery_state, TaskState.running).value}"


class TaskIndex:
    """The ids of a Redis result backend's task records, by creation time."""

    def __init__(self, backend: Any) -> None:
        self.backend = backend
        self._trimmed_at = 0.0

    @staticmethod
    def of(backend: Any) -> TaskIndex | None:
        """The index of a result backend that can keep one (Redis), else None."""
        return TaskIndex(backend) if isinstance(backend, RedisBackend) else None

    @property
    def keeps_states(self) -> bool:
        """Whether the result backend keeps each id in its state's set (``celery_results``)."""
        return bool(getattr(self.backend, "keeps_state_index", False))

    def kept_for(self) -> float | None:
        """Seconds the result backend keeps a record (None: for ever)."""
        expires = self.backend.app.conf.result_expires
        if isinstance(expires, timedelta):
            return expires.total_seconds()
        return None if expires is None else float(expires)

    def add(self, task_id: str, created_at: float, record: dict[str, Any]) -> None:
        """Write a published task's first record (as Celery writes its records: the same
        key, encoding and expiry) and index it, in one round trip."""
        with self.backend.client.pipeline(transaction=False) as pipe:
            self.stage(pipe, task_id, created_at, record)
            pipe.execute()

    def stage(self, pipe: Any, task_id: str, created_at: float, record: dict[str, Any]) -> None:
        """Add ``add``'s writes to ``pipe`` (a pipeline of the result backend's client)."""
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
        pipe.set(backend.get_key_for_task(task_id), backend.encode(meta), ex=backend.expires)
        pipe.zadd(INDEX_KEY, {task_id: created_at})
        if self.keeps_states:
            for key in STATE_KEYS:
                pipe.zrem(key, task_id)
            pipe.zadd(state_key(record["status"]), {task_id: created_at})
        if kept_for is not None and now - self._trimmed_at > TRIM_EVERY:
            self._trimmed_at = now
            for key in [INDEX_KEY, *STATE_KEYS]:
                pipe.zremrangebyscore(key, "-inf", now - kept_for)

    def remove(self, task_id: str) -> None:
        """Forget a task's record and its place in the index (one round trip)."""
        backend = self.backend
        with backend.client.pipeline(transaction=False) as pipe:
            pipe.delete(backend.get_key_for_task(task_id))
            for key in [INDEX_KEY, *STATE_KEYS]:
                pipe.zrem(key, task_id)
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
                self._forget(gone)
                start -= len(gone)
            yield found

    def _forget(self, gone: list[str]) -> None:
        """Drop ids whose records expired, from the index and the states' sets."""
        with self.backend.client.pipeline(transaction=False) as pipe:
            for key in [INDEX_KEY, *STATE_KEYS]:
                pipe.zrem(key, *gone)
            pipe.execute()

    def counts(self) -> dict[TaskState, int] | None:
        """Tasks per state, one ``ZCARD`` each; None where the result backend keeps no
        state sets (then the records are read). Ids in no state's set are placed first."""
        if not self.keeps_states:
            return None
        for _ in range(3):  # ids placed meanwhile may move again: look again, a few times
            with self.backend.client.pipeline(transaction=False) as pipe:
                for key in [INDEX_KEY, *STATE_KEYS]:
                    pipe.zcard(key)
                total, *per_state = pipe.execute()
            if sum(per_state) == total:
                return dict(zip(TaskState, per_state, strict=True))
            self._place_all()
        return None

    def _place_all(self) -> None:
        """Put every indexed id in the set of the state its record shows, unless the record
        changed since it was read (then its store placed it)."""
        client, backend = self.backend.client, self.backend
        place = client.register_script(PLACE_SCRIPT)
        start = 0
        while True:
            batch = client.zrange(INDEX_KEY, start, start + 499, withscores=True)
            if not batch:
                return
            start += len(batch)
            keys = [backend.get_key_for_task(raw.decode()) for raw, _ in batch]
            values = client.mget(keys)
            with client.pipeline(transaction=False) as pipe:
                for (raw, score), key, value in zip(batch, keys, values, strict=True):
                    if value is None:
                        continue  # expired: dropped when listed
                    status = backend.decode_result(value).get("status", "")
                    keys_of = [key, state_key(status), *STATE_KEYS]
                    place(keys=keys_of, args=[value, score, raw.decode()], client=pipe)
                pipe.execute()
