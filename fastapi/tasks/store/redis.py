"""The durable task store on Redis: workers on any number of machines share one queue.

Every state change is one Lua script, so it is atomic on the server; times come from the
server's clock (``TIME``), so leases do not depend on the workers' clocks agreeing.

Keys (under a prefix, ``fastapi:tasks:`` by default):
- ``task:<id>``: a hash with the task's fields;
- ``group:<group id>``: the ids of a response's unfinished tasks, in order;
- ``due``: sorted set of claimable tasks by due time. Only the first unfinished task of a
  group is ever in it, which is what keeps a group's tasks in order;
- ``leases``: running tasks by lease expiry; ``finished``: by finish time (for pruning);
  ``created``: every task by creation time (for listing);
- ``counts``: a hash of how many tasks are in each state, kept by every script that moves one.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from fastapi.tasks.records import TaskProgress, TaskState, TaskStatus, empty_counts, timestamp
from fastapi.tasks.store.base import (
    AddTasks,
    CallResult,
    Cancel,
    Claim,
    ClaimedTask,
    Extend,
    Finish,
    NewTask,
    StoreCall,
    TaskStore,
)

T = TypeVar("T")

_NOW = "local t = redis.call('TIME'); local now = tonumber(t[1]) + tonumber(t[2]) / 1000000\n"

# Helpers shared by the scripts that move a task (prefix is ARGV[1] in every script).
_HELPERS = """
local function move(prefix, from, to)
    if from then redis.call('HINCRBY', prefix .. 'counts', from, -1) end
    if to then redis.call('HINCRBY', prefix .. 'counts', to, 1) end
end
-- A task of a group has ended (it was the group's head): the next one becomes due.
local function close(prefix, id, key, state, now)
    redis.call('HSET', key, 'state', state, 'finished_at', now)
    redis.call('ZADD', prefix .. 'finished', now, id)
    local group = prefix .. 'group:' .. redis.call('HGET', key, 'group_id')
    redis.call('LREM', group, 1, id)
    local next_id = redis.call('LINDEX', group, 0)
    if next_id then
        redis.call('ZADD', prefix .. 'due', redis.call('HGET', prefix .. 'task:' .. next_id, 'not_before'), next_id)
    end
end
"""

# ARGV[1]: prefix; ARGV[2]: JSON list of tasks (with "delay": seconds until due). Answers the
# ids of deduplicated tasks that were stored already (and are skipped).
_ADD = (
    _NOW
    + _HELPERS
    + """
local prefix = ARGV[1]
local skipped = {}
for _, task in ipairs(cjson.decode(ARGV[2])) do
    local key = prefix .. 'task:' .. task.id
    if task.dedupe and redis.call('EXISTS', key) == 1 then
        table.insert(skipped, task.id)
    else
        local due = now + task.delay
        redis.call('HSET', key, 'group_id', task.group_id, 'seq', task.seq, 'name', task.name,
            'payload', task.payload, 'options', task.options, 'state', 'pending', 'attempts', 0,
            'max_attempts', task.max_attempts, 'not_before', due, 'created_at', now)
        if task.scheduled then redis.call('HSET', key, 'scheduled_for', due) end
        move(prefix, nil, 'pending')
        redis.call('ZADD', prefix .. 'created', now, task.id)
        if redis.call('RPUSH', prefix .. 'group:' .. task.group_id, task.id) == 1 then
            redis.call('ZADD', prefix .. 'due', due, task.id)
        end
    end
end
return skipped
"""
)

# ARGV: prefix, owner, lease seconds, task id ('' for the next due task). A task whose
# cancellation was asked for while it ran, and whose worker vanished, is closed as cancelled.
_CLAIM = (
    _NOW
    + _HELPERS
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
local previous = redis.call('HGET', key, 'state')
if redis.call('HGET', key, 'cancel_requested') == '1' then
    redis.call('ZREM', leases_key, id)
    redis.call('HDEL', key, 'lease_owner', 'lease_expires')
    close(prefix, id, key, 'cancelled', now)
    move(prefix, previous, 'cancelled')
    return false
end
if previous == 'pending' then move(prefix, 'pending', 'running') end
redis.call('ZREM', due_key, id)
redis.call('ZADD', leases_key, now + lease, id)
local attempts = redis.call('HINCRBY', key, 'attempts', 1)
redis.call('HSET', key, 'state', 'running', 'lease_owner', owner, 'lease_expires', now + lease,
    'started_at', now)
local fields = redis.call('HMGET', key, 'group_id', 'seq', 'name', 'payload', 'options', 'max_attempts')
return {id, fields[1], fields[2], fields[3], fields[4], fields[5], attempts, fields[6]}
"""
)

# ARGV: prefix, id, owner, outcome ('succeeded' | 'failed' | 'retry' | 'release'), error, wait,
# result ('' for none). A task whose cancellation was asked for ends cancelled, whatever the outcome.
_FINISH = (
    _NOW
    + _HELPERS
    + """
local prefix, id, owner, outcome, error, wait = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], tonumber(ARGV[6])
local key = prefix .. 'task:' .. id
if redis.call('HGET', key, 'state') ~= 'running' or redis.call('HGET', key, 'lease_owner') ~= owner then
    return 0
end
redis.call('ZREM', prefix .. 'leases', id)
redis.call('HDEL', key, 'lease_owner', 'lease_expires')
if outcome == 'release' then redis.call('HINCRBY', key, 'attempts', -1) end
if error ~= '' then redis.call('HSET', key, 'error', error) elseif outcome ~= 'release' then redis.call('HDEL', key, 'error') end
if redis.call('HGET', key, 'cancel_requested') == '1' then
    close(prefix, id, key, 'cancelled', now)
    move(prefix, 'running', 'cancelled')
    return 1
end
if outcome == 'retry' or outcome == 'release' then
    local due = now + wait
    redis.call('HSET', key, 'state', 'pending', 'not_before', due)
    redis.call('ZADD', prefix .. 'due', due, id)
    move(prefix, 'running', 'pending')
    return 1
end
if ARGV[7] ~= '' then redis.call('HSET', key, 'result', ARGV[7]) end
close(prefix, id, key, outcome, now)
move(prefix, 'running', outcome)
return 1
"""
)

# ARGV: prefix, id. A pending task is closed; a running one gets cancel_requested.
_CANCEL = (
    _NOW
    + _HELPERS
    + """
local prefix, id = ARGV[1], ARGV[2]
local key = prefix .. 'task:' .. id
local state = redis.call('HGET', key, 'state')
if state == 'running' then
    redis.call('HSET', key, 'cancel_requested', 1)
    return 1
end
if state ~= 'pending' then return 0 end
local group = prefix .. 'group:' .. redis.call('HGET', key, 'group_id')
if redis.call('LINDEX', group, 0) == id then
    redis.call('ZREM', prefix .. 'due', id)
    close(prefix, id, key, 'cancelled', now)
else  -- waiting behind an earlier task of its group: leave the group's head alone
    redis.call('LREM', group, 1, id)
    redis.call('HSET', key, 'state', 'cancelled', 'finished_at', now)
    redis.call('ZADD', prefix .. 'finished', now, id)
end
move(prefix, 'pending', 'cancelled')
return 1
"""
)

# ARGV: prefix, id. A failed or cancelled task runs again, in a group of its own.
_RETRY = (
    _NOW
    + _HELPERS
    + """
local prefix, id = ARGV[1], ARGV[2]
local key = prefix .. 'task:' .. id
local state = redis.call('HGET', key, 'state')
if state ~= 'failed' and state ~= 'cancelled' then return 0 end
redis.call('HDEL', key, 'error', 'result', 'progress', 'started_at', 'finished_at',
    'cancel_requested', 'scheduled_for')
redis.call('HSET', key, 'state', 'pending', 'attempts', 0, 'not_before', now, 'group_id', id, 'seq', 0)
redis.call('ZREM', prefix .. 'finished', id)
redis.call('DEL', prefix .. 'group:' .. id)
redis.call('RPUSH', prefix .. 'group:' .. id, id)
redis.call('ZADD', prefix .. 'due', now, id)
move(prefix, state, 'pending')
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
    + _HELPERS
    + """
local prefix = ARGV[1]
local old = redis.call('ZRANGEBYSCORE', prefix .. 'finished', '-inf', '(' .. (now - tonumber(ARGV[2])))
for _, id in ipairs(old) do
    local state = redis.call('HGET', prefix .. 'task:' .. id, 'state')
    if state then move(prefix, state, nil) end
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
    "result",
    "cancel_requested",
    "scheduled_for",
    "lease_expires",
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
            # Timeouts (the URL's own win): a frozen server fails calls instead of hanging them.
            client = redis.Redis.from_url(
                url, decode_responses=True, socket_timeout=10.0, socket_connect_timeout=5.0
            )
        self.url = url
        self.prefix = prefix
        self.redis = client
        self._add = client.register_script(_ADD)
        self._claim = client.register_script(_CLAIM)
        self._finish = client.register_script(_FINISH)
        self._extend = client.register_script(_EXTEND)
        self._prune = client.register_script(_PRUNE)
        self._cancel = client.register_script(_CANCEL)
        self._retry = client.register_script(_RETRY)

    def __repr__(self) -> str:
        return f"RedisTaskStore({self.url!r}, prefix={self.prefix!r})"

    def durability_problem(self) -> str | None:
        try:
            config = {**self.redis.config_get("save"), **self.redis.config_get("appendonly")}
        except Exception as exc:
            if "CONFIG" in str(exc).upper() and "unknown" in str(exc).lower():
                return None  # a managed server that hides its configuration
            raise
        if config.get("appendonly") == "yes":
            return None
        if not config.get("save"):
            return (
                "the server has no persistence (save '' and appendonly no): a restart of it "
                "loses every stored task; turn on appendonly (appendfsync everysec or always)"
            )
        return (
            "the server keeps snapshots only (appendonly no): a crash of it loses the tasks "
            "stored since the last snapshot; turn on appendonly for durable tasks"
        )

    # Each write is one script call, described by ``_<method>_call`` as the script, its
    # arguments and how to read its reply: a batch of writes is then one pipelined round trip.

    def add(self, tasks: Sequence[NewTask]) -> Sequence[str]:
        return self._call(self._add_call(tasks))

    def claim(self, owner: str, lease: float, *, task_id: str | None = None) -> ClaimedTask | None:
        return self._call(self._claim_call(owner, lease, task_id=task_id))

    def extend(self, task_id: str, owner: str, lease: float) -> bool:
        return self._call(self._extend_call(task_id, owner, lease))

    def finish(
        self,
        task_id: str,
        owner: str,
        *,
        error: str | None = None,
        retry_at: float | None = None,
        result: str | None = None,
    ) -> bool:
        return self._call(
            self._finish_call(task_id, owner, error=error, retry_at=retry_at, result=result)
        )

    def release(self, task_id: str, owner: str) -> bool:
        return self._call(self._release_call(task_id, owner))

    def run_batch(self, calls: Sequence[StoreCall]) -> Sequence[CallResult]:
        """The calls pipelined: one round trip to the server (each script is still atomic)."""
        prepared = [self._script_for(call) for call in calls]
        pipeline = self.redis.pipeline(transaction=False)
        for script_call in prepared:
            script_call.script(args=script_call.args, client=pipeline)
        replies = pipeline.execute(raise_on_error=False)
        results: list[CallResult] = []
        for script_call, reply in zip(prepared, replies, strict=True):
            if isinstance(reply, Exception):
                results.append((False, reply))
            else:
                results.append((True, script_call.parse(reply)))
        return results

    def _script_for(self, call: StoreCall) -> _ScriptCall[Any]:
        if isinstance(call, AddTasks):
            return self._add_call(call.tasks)
        if isinstance(call, Claim):
            return self._claim_call(call.owner, call.lease, task_id=call.task_id)
        if isinstance(call, Extend):
            return self._extend_call(call.task_id, call.owner, call.lease)
        if isinstance(call, Finish):
            return self._finish_call(
                call.task_id,
                call.owner,
                error=call.error,
                retry_at=call.retry_at,
                result=call.result,
            )
        if isinstance(call, Cancel):
            return _ScriptCall(self._cancel, [self.prefix, call.task_id], bool)
        return self._release_call(call.task_id, call.owner)

    def _call(self, call: _ScriptCall[T]) -> T:
        return call.parse(call.script(args=call.args))

    def _add_call(self, tasks: Sequence[NewTask]) -> _ScriptCall[list[str]]:
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
                "dedupe": task.dedupe,
                "scheduled": task.scheduled,
            }
            for task in tasks
        ]
        return _ScriptCall(self._add, [self.prefix, json.dumps(rows)], _skipped)

    def _claim_call(
        self, owner: str, lease: float, *, task_id: str | None = None
    ) -> _ScriptCall[ClaimedTask | None]:
        return _ScriptCall(self._claim, [self.prefix, owner, lease, task_id or ""], _claimed)

    def _extend_call(self, task_id: str, owner: str, lease: float) -> _ScriptCall[bool]:
        return _ScriptCall(self._extend, [self.prefix, task_id, owner, lease], bool)

    def _finish_call(
        self,
        task_id: str,
        owner: str,
        *,
        error: str | None = None,
        retry_at: float | None = None,
        result: str | None = None,
    ) -> _ScriptCall[bool]:
        if retry_at is not None:
            outcome, wait = "retry", max(0.0, retry_at - _local_now())
        else:
            outcome, wait = ("failed" if error is not None else "succeeded"), 0.0
        return _ScriptCall(
            self._finish,
            [self.prefix, task_id, owner, outcome, error or "", wait, result or ""],
            bool,
        )

    def _release_call(self, task_id: str, owner: str) -> _ScriptCall[bool]:
        return _ScriptCall(
            self._finish, [self.prefix, task_id, owner, "release", "", 0.0, ""], bool
        )

    def cancel(self, task_id: str) -> bool:
        return bool(self._cancel(args=[self.prefix, task_id]))

    def retry(self, task_id: str) -> bool:
        return bool(self._retry(args=[self.prefix, task_id]))

    def counts(self) -> dict[TaskState, int]:
        found = empty_counts()
        for state, count in self.redis.hgetall(f"{self.prefix}counts").items():
            if state in _STATES:
                found[TaskState(state)] = max(0, int(count))
        return found

    def report(self, task_id: str, progress: TaskProgress) -> None:
        self.redis.hset(f"{self.prefix}task:{task_id}", "progress", progress.model_dump_json())

    def prune(self, finished_before: float) -> int:
        return int(self._prune(args=[self.prefix, max(0.0, _local_now() - finished_before)]))

    def get(self, task_id: str, *, arguments: bool = False) -> TaskStatus | None:
        fields = (*_FIELDS, "payload") if arguments else _FIELDS
        values = self.redis.hmget(f"{self.prefix}task:{task_id}", fields)
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


_STATES = {state.value for state in TaskState}


def _skipped(reply: Any) -> list[str]:
    return list(reply or [])


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
    name, state, attempts, max_attempts, not_before, created, started, finished, error = values[:9]
    progress, result, cancel_requested, scheduled_for, lease_expires = values[9:14]
    payload = values[14] if len(values) > 14 else None
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
        result=json.loads(result) if result else None,
        cancel_requested=cancel_requested == "1",
        scheduled_for=timestamp(_number(scheduled_for)),
        lease_expires_at=timestamp(_number(lease_expires))
        if status_state is TaskState.running
        else None,
        arguments=json.loads(payload) if payload else None,
    )
