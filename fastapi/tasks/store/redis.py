"""The durable task store on Redis: workers on any number of machines share one queue.

Every state change is one Lua script, so it is atomic on the server; times come from the
server's clock (``TIME``), so leases do not depend on the workers' clocks agreeing.

Keys (under a prefix, ``fastapi:tasks:`` by default):
- ``task:<id>``: a hash with the task's fields;
- ``group:<group id>``: the ids of a response's unfinished tasks, in order;
- ``due``: sorted set of claimable tasks by due time. Only the first unfinished task of a
  group is ever in it, which is what keeps a group's tasks in order;
- ``leases``: running tasks by lease expiry; ``finished``: by finish time (for pruning);
  ``created``: every task by creation time (for listing).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from fastapi.tasks.records import TaskProgress, TaskState, TaskStatus, timestamp
from fastapi.tasks.store.base import (
    CallResult,
    ClaimedTask,
    NewTask,
    StoreCall,
    TaskStore,
    run_each,
)

T = TypeVar("T")

_NOW = "local t = redis.call('TIME'); local now = tonumber(t[1]) + tonumber(t[2]) / 1000000\n"

# ARGV[1]: prefix; ARGV[2]: JSON list of tasks (with "delay": seconds until due).
_ADD = (
    _NOW
    + """
local prefix = ARGV[1]
for _, task in ipairs(cjson.decode(ARGV[2])) do
    local key = prefix .. 'task:' .. task.id
    local due = now + task.delay
    redis.call('HSET', key, 'group_id', task.group_id, 'seq', task.seq, 'name', task.name,
        'payload', task.payload, 'options', task.options, 'state', 'pending', 'attempts', 0,
        'max_attempts', task.max_attempts, 'not_before', due, 'created_at', now)
    redis.call('ZADD', prefix .. 'created', now, task.id)
    if redis.call('RPUSH', prefix .. 'group:' .. task.group_id, task.id) == 1 then
        redis.call('ZADD', prefix .. 'due', due, task.id)
    end
end
return 1
"""
)

# ARGV: prefix, owner, lease seconds, task id ('' for the next due task).
_CLAIM = (
    _NOW
    + """
local prefix, owner, lease, wanted = ARGV[1], ARGV[2], tonumber(ARGV[3]), ARGV[4]
local due_key, leases_key = prefix .. 'due', prefix .. 'leases'
local id
if wanted ~= '' then
    local key = prefix .. 'task:' .. wanted
    local state = redis.call('HGET', key, 'state')
    if state == 'pending' then
        local score = redis.call('ZSCORE', due_key, wanted)
        if not score then return false end
        local attempts = tonumber(redis.call('HGET', key, 'attempts'))
        if tonumber(score) > now and attempts > 0 then return false end
    elseif state == 'running' then
        if tonumber(redis.call('HGET', key, 'lease_expires')) >= now then return false end
    else
        return false
    end
    id = wanted
else
    local expired = redis.call('ZRANGEBYSCORE', leases_key, '-inf', '(' .. now, 'LIMIT', 0, 1)
    if #expired > 0 then
        id = expired[1]
    else
        local ready = redis.call('ZRANGEBYSCORE', due_key, '-inf', now, 'LIMIT', 0, 1)
        if #ready == 0 then return false end
        id = ready[1]
    end
end
local key = prefix .. 'task:' .. id
redis.call('ZREM', due_key, id)
redis.call('ZADD', leases_key, now + lease, id)
local attempts = redis.call('HINCRBY', key, 'attempts', 1)
redis.call('HSET', key, 'state', 'running', 'lease_owner', owner, 'lease_expires', now + lease,
    'started_at', now)
local fields = redis.call('HMGET', key, 'group_id', 'seq', 'name', 'payload', 'options', 'max_attempts')
return {id, fields[1], fields[2], fields[3], fields[4], fields[5], attempts, fields[6]}
"""
)

# ARGV: prefix, id, owner, outcome ('succeeded' | 'failed' | 'retry' | 'release'), error, wait.
_FINISH = (
    _NOW
    + """
local prefix, id, owner, outcome, error, wait = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], tonumber(ARGV[6])
local key = prefix .. 'task:' .. id
if redis.call('HGET', key, 'state') ~= 'running' or redis.call('HGET', key, 'lease_owner') ~= owner then
    return 0
end
redis.call('ZREM', prefix .. 'leases', id)
redis.call('HDEL', key, 'lease_owner', 'lease_expires')
if outcome == 'retry' or outcome == 'release' then
    local due = now + wait
    redis.call('HSET', key, 'state', 'pending', 'not_before', due)
    if outcome == 'retry' then
        redis.call('HSET', key, 'error', error)
    else
        redis.call('HINCRBY', key, 'attempts', -1)
    end
    redis.call('ZADD', prefix .. 'due', due, id)
    return 1
end
redis.call('HSET', key, 'state', outcome, 'finished_at', now)
if error ~= '' then redis.call('HSET', key, 'error', error) else redis.call('HDEL', key, 'error') end
redis.call('ZADD', prefix .. 'finished', now, id)
local group = prefix .. 'group:' .. redis.call('HGET', key, 'group_id')
redis.call('LREM', group, 1, id)
local next_id = redis.call('LINDEX', group, 0)
if next_id then
    redis.call('ZADD', prefix .. 'due', redis.call('HGET', prefix .. 'task:' .. next_id, 'not_before'), next_id)
end
return 1
"""
)

# ARGV: prefix, id, owner, lease seconds.
_EXTEND = (
    _NOW
    + """
local key = ARGV[1] .. 'task:' .. ARGV[2]
if redis.call('HGET', key, 'state') ~= 'running' or redis.call('HGET', key, 'lease_owner') ~= ARGV[3] then
    return 0
end
redis.call('HSET', key, 'lease_expires', now + tonumber(ARGV[4]))
redis.call('ZADD', ARGV[1] .. 'leases', now + tonumber(ARGV[4]), ARGV[2])
return 1
"""
)

# ARGV: prefix, seconds of retention.
_PRUNE = (
    _NOW
    + """
local prefix = ARGV[1]
local old = redis.call('ZRANGEBYSCORE', prefix .. 'finished', '-inf', '(' .. (now - tonumber(ARGV[2])))
for _, id in ipairs(old) do
    redis.call('DEL', prefix .. 'task:' .. id)
    redis.call('ZREM', prefix .. 'finished', id)
    redis.call('ZREM', prefix .. 'created', id)
end
return #old
"""
)

_FIELDS = (
    "name",
    "state",
    "attempts",
    "max_attempts",
    "not_before",
    "created_at",
    "started_at",
    "finished_at",
    "error",
    "progress",
)


class RedisTaskStore(TaskStore):
    """Tasks in Redis, shared by workers on every machine that reaches the server."""

    durable = True

    def __init__(self, url: str, *, prefix: str = "fastapi:tasks:", client: Any = None) -> None:
        if client is None:
            try:
                import redis
            except ImportError:  # pragma: no cover
                raise RuntimeError(
                    'The Redis task store needs the "redis" package: pip install "fastapi[redis]"'
                ) from None
            client = redis.Redis.from_url(url, decode_responses=True)
        self.url = url
        self.prefix = prefix
        self.redis = client
        self._add = client.register_script(_ADD)
        self._claim = client.register_script(_CLAIM)
        self._finish = client.register_script(_FINISH)
        self._extend = client.register_script(_EXTEND)
        self._prune = client.register_script(_PRUNE)

    def __repr__(self) -> str:
        return f"RedisTaskStore({self.url!r}, prefix={self.prefix!r})"

    # Each write is one script call, described by ``_<method>_call`` as the script, its
    # arguments and how to read its reply: a batch of writes is then one pipelined round trip.

    def add(self, tasks: Sequence[NewTask]) -> None:
        self._call(self._add_call(tasks))

    def claim(self, owner: str, lease: float, *, task_id: str | None = None) -> ClaimedTask | None:
        return self._call(self._claim_call(owner, lease, task_id=task_id))

    def extend(self, task_id: str, owner: str, lease: float) -> bool:
        return self._call(self._extend_call(task_id, owner, lease))

    def finish(
        self, task_id: str, owner: str, *, error: str | None = None, retry_at: float | None = None
    ) -> bool:
        return self._call(self._finish_call(task_id, owner, error=error, retry_at=retry_at))

    def release(self, task_id: str, owner: str) -> bool:
        return self._call(self._release_call(task_id, owner))

    def run_batch(self, calls: Sequence[StoreCall]) -> Sequence[CallResult]:
        """The calls pipelined: one round trip to the server (each script is still atomic)."""
        prepared: list[_ScriptCall[Any] | None] = []
        for method, args, kwargs in calls:
            build = getattr(self, f"_{method}_call", None)
            prepared.append(None if build is None else build(*args, **kwargs))
        if any(call is None for call in prepared):
            return run_each(self, calls)
        pipeline = self.redis.pipeline(transaction=False)
        for call in prepared:
            assert call is not None
            call.script(args=call.args, client=pipeline)
        replies = pipeline.execute(raise_on_error=False)
        results: list[CallResult] = []
        for call, reply in zip(prepared, replies, strict=True):
            assert call is not None
            if isinstance(reply, Exception):
                results.append((False, reply))
            else:
                results.append((True, call.parse(reply)))
        return results

    def _call(self, call: _ScriptCall[T]) -> T:
        return call.parse(call.script(args=call.args))

    def _add_call(self, tasks: Sequence[NewTask]) -> _ScriptCall[None]:
        rows = [
            {
                "id": task.id,
                "group_id": task.group_id,
                "seq": task.seq,
                "name": task.name,
                "payload": task.payload,
                "options": json.dumps(task.options),
                "max_attempts": task.max_attempts,
                "delay": max(0.0, task.not_before - task.created_at),
            }
            for task in tasks
        ]
        return _ScriptCall(self._add, [self.prefix, json.dumps(rows)], _ignore)

    def _claim_call(
        self, owner: str, lease: float, *, task_id: str | None = None
    ) -> _ScriptCall[ClaimedTask | None]:
        return _ScriptCall(self._claim, [self.prefix, owner, lease, task_id or ""], _claimed)

    def _extend_call(self, task_id: str, owner: str, lease: float) -> _ScriptCall[bool]:
        return _ScriptCall(self._extend, [self.prefix, task_id, owner, lease], bool)

    def _finish_call(
        self, task_id: str, owner: str, *, error: str | None = None, retry_at: float | None = None
    ) -> _ScriptCall[bool]:
        if retry_at is not None:
            outcome, wait = "retry", max(0.0, retry_at - _local_now())
        else:
            outcome, wait = ("failed" if error is not None else "succeeded"), 0.0
        return _ScriptCall(
            self._finish, [self.prefix, task_id, owner, outcome, error or "", wait], bool
        )

    def _release_call(self, task_id: str, owner: str) -> _ScriptCall[bool]:
        return _ScriptCall(self._finish, [self.prefix, task_id, owner, "release", "", 0.0], bool)

    def report(self, task_id: str, progress: TaskProgress) -> None:
        self.redis.hset(f"{self.prefix}task:{task_id}", "progress", progress.model_dump_json())

    def prune(self, finished_before: float) -> int:
        return int(self._prune(args=[self.prefix, max(0.0, _local_now() - finished_before)]))

    def get(self, task_id: str) -> TaskStatus | None:
        values = self.redis.hmget(f"{self.prefix}task:{task_id}", _FIELDS)
        return None if values[0] is None else _status(task_id, values)

    def list(self, *, state: TaskState | None = None, limit: int = 100) -> list[TaskStatus]:
        found: list[TaskStatus] = []
        start = 0
        while len(found) < limit:
            ids = self.redis.zrevrange(f"{self.prefix}created", start, start + limit * 2 - 1)
            if not ids:
                break
            pipeline = self.redis.pipeline(transaction=False)
            for task_id in ids:
                pipeline.hmget(f"{self.prefix}task:{task_id}", _FIELDS)
            for task_id, values in zip(ids, pipeline.execute(), strict=True):
                if values[0] is not None and (state is None or values[1] == state.value):
                    found.append(_status(task_id, values))
            start += len(ids)
        return found[:limit]

    def next_due(self) -> float | None:
        first = self.redis.zrange(f"{self.prefix}due", 0, 0, withscores=True)
        return float(first[0][1]) + _clock_offset(self.redis) if first else None

    def close(self) -> None:
        self.redis.close()


@dataclass
class _ScriptCall(Generic[T]):
    script: Any
    args: list[Any]
    parse: Callable[[Any], T]


def _ignore(reply: Any) -> None:
    return None


def _claimed(row: Any) -> ClaimedTask | None:
    if not row:
        return None
    task_id, group_id, seq, name, payload, options, attempt, max_attempts = row
    return ClaimedTask(
        id=task_id,
        group_id=group_id,
        seq=int(seq),
        name=name,
        payload=payload,
        options=json.loads(options),
        attempt=int(attempt),
        max_attempts=int(max_attempts),
    )


def _local_now() -> float:
    import time

    return time.time()


def _clock_offset(client: Any) -> float:
    """Local time minus server time: converts server-side due times to local ones."""
    seconds, micros = client.time()
    return _local_now() - (seconds + micros / 1_000_000)


def _number(value: str | None) -> float | None:
    return None if value in (None, "") else float(value)  # type: ignore[arg-type]


def _status(task_id: str, values: list[str | None]) -> TaskStatus:
    name, state, attempts, max_attempts, not_before, created, started, finished, error, progress = (
        values
    )
    status_state = TaskState(state)
    return TaskStatus(
        id=task_id,
        name=name or "",
        state=status_state,
        attempts=int(attempts or 0),
        max_attempts=int(max_attempts or 1),
        created_at=timestamp(_number(created)),  # type: ignore[arg-type]
        started_at=timestamp(_number(started)),
        finished_at=timestamp(_number(finished)),
        next_attempt_at=timestamp(_number(not_before))
        if status_state is TaskState.pending and int(attempts or 0) > 0
        else None,
        error=error or None,
        progress=TaskProgress.model_validate_json(progress) if progress else None,
        durable=True,
    )
