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

from fastapi.tasks.records import (
    TaskProgress,
    TaskState,
    TaskStatus,
    empty_counts,
    timestamp,
)
from fastapi.tasks.store import redis_scripts as lua
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
from fastapi.tasks.store.history import attempt_errors, takeover_reason

T = TypeVar("T")

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
    "takeovers",
    "worker",
    "lost_worker",
    "lost_at",
    "errors",
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
        self._add = client.register_script(lua.ADD)
        self._claim = client.register_script(lua.CLAIM)
        self._finish = client.register_script(lua.FINISH)
        self._extend = client.register_script(lua.EXTEND)
        self._prune = client.register_script(lua.PRUNE)
        self._cancel = client.register_script(lua.CANCEL)
        self._retry = client.register_script(lua.RETRY)
        self._reclaim = client.register_script(lua.RECLAIM)

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

    def reclaim(self) -> int:
        return int(self._reclaim(args=[self.prefix]))

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
    task_id, group_id, seq, name, payload, options, attempt, max_attempts, takeovers, lost = row
    return ClaimedTask(
        id=task_id,
        group_id=group_id,
        seq=int(seq),
        name=name,
        payload=payload,
        options=json.loads(options),
        attempt=int(attempt),
        max_attempts=int(max_attempts),
        takeovers=int(takeovers),
        taken_over_from=lost or None,
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
    takeovers, worker, lost_worker, lost_at, errors = values[14:19]
    payload = values[19] if len(values) > 19 else None
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
        takeovers=int(takeovers or 0),
        errors=attempt_errors(errors),
        reason=takeover_reason(status_state, lost_worker, _number(lost_at)),
        worker=worker or None,
        arguments=json.loads(payload) if payload else None,
    )
