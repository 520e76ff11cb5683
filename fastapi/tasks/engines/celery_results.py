"""Celery's Redis result backend, keeping the engine's per-state index as it stores states.

``counts()`` should not read every record. Celery writes a task's record at each state
change (``STARTED``, ``PROGRESS``, ``RETRY``, ``SUCCESS``, ``FAILURE``, ``REVOKED``) in many
places (the tracer, the pool's time limits, the worker's own updates): all of them go
through ``_set_with_state``. This backend does what Celery's does there (the same key,
value, expiry and ``PUBLISH``, so Flower and ``AsyncResult`` see nothing different) and,
in the same Lua script, moves an indexed task's id to the sorted set of its new state
(``celery_index.state_key``), scored by its creation time: counting is one ``ZCARD`` per
state. A ``celery+redis://`` setting selects it (``celery_app_for``); a Celery app of your
own keeps its backend, and its counts read the records.
"""

from __future__ import annotations

from typing import Any

from celery.backends.redis import RedisBackend

from fastapi.tasks.engines.celery_index import INDEX_KEY, STATE_KEYS, state_key

#: What ``celery_app_for`` puts before a Redis URL to select this backend.
BACKEND_PREFIX = f"{__name__}:IndexedRedisBackend+"

#: KEYS: the record, the index, the new state's set, then every state's set.
#: ARGV: the encoded record, its expiry in seconds (0: none), the task id.
STORE_SCRIPT = """
if tonumber(ARGV[2]) > 0 then
    redis.call('SETEX', KEYS[1], ARGV[2], ARGV[1])
else
    redis.call('SET', KEYS[1], ARGV[1])
end
redis.call('PUBLISH', KEYS[1], ARGV[1])
local score = redis.call('ZSCORE', KEYS[2], ARGV[3])
if score then
    for i = 4, #KEYS do
        redis.call('ZREM', KEYS[i], ARGV[3])
    end
    redis.call('ZADD', KEYS[3], score, ARGV[3])
end
return 1
"""


class IndexedRedisBackend(RedisBackend):  # type: ignore[misc]
    """Celery's ``RedisBackend``, with each task's state kept in the engine's index."""

    keeps_state_index = True

    def _set_with_state(self, key: Any, value: Any, state: str) -> Any:
        prefix = self.task_keyprefix
        text_key = key.decode() if isinstance(key, bytes) else str(key)
        text_prefix = prefix.decode() if isinstance(prefix, bytes) else str(prefix)
        if not text_key.startswith(text_prefix):  # a group's result: as Celery stores it
            return super()._set_with_state(key, value, state)
        if isinstance(value, str) and len(value) > self._MAX_STR_VALUE_SIZE:
            return super()._set_with_state(key, value, state)  # Celery's own error
        expires = self.failure_expires if state == "FAILURE" else self.expires
        task_id = text_key[len(text_prefix) :]
        return self.ensure(self._store_indexed, (key, value, expires, state, task_id))

    def _store_indexed(self, key: Any, value: Any, expires: Any, state: str, task_id: str) -> None:
        script = self.__dict__.get("_fastapi_store")
        if script is None:
            script = self.__dict__["_fastapi_store"] = self.client.register_script(STORE_SCRIPT)
        keys = [key, INDEX_KEY, state_key(state), *STATE_KEYS]
        script(keys=keys, args=[value, int(expires or 0), task_id])
