"""Publishing a task on taskiq-redis in one round trip, from the caller's own event loop.

Taskiq's way is three commands: the result backend's ``set_progress`` (the task's first
record), the index's ``ZADD`` and the stream broker's ``XADD``, each through a client object
made for the call, and all on the engine's owner loop (a thread of its own, since async Redis
connections belong to the loop that opened them): a hand-off to that thread and back per
request, three round trips, and the GIL passed between two busy threads at each step.

Where the broker is taskiq-redis's stream broker as it comes (its own ``kick``, no middleware
that sees messages being sent) and its result backend is taskiq-redis's on the same server,
one Lua script writes the record, indexes it and adds the stream message, atomically: all
three or none, and a ``dedupe_key``'s ``SET NX`` decides in the same step whether anything
is written. The message is the one taskiq's kicker sends (its own ``_prepare_message`` and
the broker's formatter). Each event loop that publishes gets a connection pool of its own,
made with the broker's connection settings (timeouts, retries), kept while the loop lives.
Other brokers publish through taskiq's kicker on the owner loop, as before.
"""

from __future__ import annotations

import asyncio
import math
import time
from typing import Any

import anyio
from redis.asyncio import ConnectionPool, Redis
from taskiq import AsyncBroker, TaskiqMiddleware
from taskiq.kicker import AsyncKicker
from taskiq_redis import RedisAsyncResultBackend, RedisStreamBroker

from fastapi.tasks.engines.taskiq_index import TaskIndex

#: KEYS: the record, the index, the stream. ARGV: the record, its expiry option ("EX",
#: "PX" or ""), the expiry, "1" to write only a new record, the task id, its score, the
#: message, the stream's MAXLEN ("" for none), "~" or "=", the index's trim cutoff ("" none),
#: the server time after which nothing is written ("" none). Returns WRITTEN, DUPLICATE or
#: LATE, and the server's time.
PUBLISH_SCRIPT = """
local now = redis.call('TIME')
if ARGV[11] ~= '' and tonumber(now[1]) + tonumber(now[2]) / 1000000 > tonumber(ARGV[11]) then
    return {-1, now[1], now[2]}
end
local set = {'SET', KEYS[1], ARGV[1]}
if ARGV[2] ~= '' then
    set[#set + 1] = ARGV[2]
    set[#set + 1] = ARGV[3]
end
if ARGV[4] == '1' then
    set[#set + 1] = 'NX'
end
if not redis.call(unpack(set)) then
    return {0, now[1], now[2]}
end
redis.call('ZADD', KEYS[2], ARGV[6], ARGV[5])
if ARGV[10] ~= '' then
    redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ARGV[10])
end
local add = {'XADD', KEYS[3]}
if ARGV[8] ~= '' then
    add[#add + 1] = 'MAXLEN'
    add[#add + 1] = ARGV[9]
    add[#add + 1] = ARGV[8]
end
add[#add + 1] = '*'
add[#add + 1] = 'data'
add[#add + 1] = ARGV[7]
redis.call(unpack(add))
return {1, now[1], now[2]}
"""
WRITTEN, DUPLICATE, LATE = 1, 0, -1

#: The connection settings that name a server (two pools with the same ones reach the same).
_SERVER = ("host", "port", "db", "path", "username")


class StreamPublisher:
    """Writes a task's record, index entry and stream message with one script call."""

    def __init__(self, broker: RedisStreamBroker, index: TaskIndex) -> None:
        self.broker = broker
        self.index = index
        self.results = index.results
        self._clients: dict[asyncio.AbstractEventLoop, tuple[Redis, Any]] = {}
        #: The server's clock minus this host's (seconds), as the last reply showed it.
        self._clock_offset = 0.0

    @staticmethod
    def of(broker: AsyncBroker, index: TaskIndex | None) -> StreamPublisher | None:
        """The publisher of a broker it can stand in for, else None (taskiq's kicker)."""
        if index is None or not isinstance(broker, RedisStreamBroker):
            return None
        if type(index.results) is not RedisAsyncResultBackend:
            return None  # a subclass may store its own way
        if type(broker).kick is not RedisStreamBroker.kick:
            return None  # a broker that sends its own way
        for middleware in broker.middlewares:
            kind = type(middleware)
            if kind.pre_send is not TaskiqMiddleware.pre_send:
                return None
            if kind.post_send is not TaskiqMiddleware.post_send:
                return None
        if _server(broker.connection_pool) != _server(index.results.redis_pool):
            return None
        return StreamPublisher(broker, index)

    def _client(self) -> tuple[Redis, Any]:
        """This loop's client and script (made on its first publish)."""
        loop = asyncio.get_running_loop()
        found = self._clients.get(loop)
        if found is None:
            for closed in [known for known in self._clients if known.is_closed()]:
                del self._clients[closed]
            pool = self.broker.connection_pool
            own = ConnectionPool(connection_class=pool.connection_class, **pool.connection_kwargs)
            client = Redis(connection_pool=own)
            found = self._clients[loop] = (client, client.register_script(PUBLISH_SCRIPT))
        return found

    async def close(self) -> None:
        """Close this loop's connections (the app's lifespan ends)."""
        found = self._clients.pop(asyncio.get_running_loop(), None)
        if found is not None:
            await found[0].aclose()

    async def publish(
        self,
        task_id: str,
        record: Any,
        kicker: AsyncKicker[Any, Any],
        call: tuple[Any, ...],
        *,
        new_only: bool,
        score: float,
    ) -> bool:
        """Write ``record`` (a taskiq ``TaskProgress``), index ``task_id`` at ``score`` and
        send the message ``kicker`` makes of ``call``; False (nothing written) when
        ``new_only`` and the task has a record already.

        A script sent to a server that stalls may run after the caller gave up (a 503): it
        carries the caller's deadline (its cancel scope's) in the server's clock, and
        writes nothing past it. The clock's offset is learnt from each reply; a first
        refusal from a wrong guess of it is sent again once."""
        message = self.broker.formatter.dumps(kicker._prepare_message(*call))
        stream = message.labels.get("queue_name") or self.broker.queue_name
        keys = [self.index.record_key(task_id), self.index.key, stream]
        args = self._arguments(task_id, record, message.message, new_only, score)
        for _ in range(2):
            code = await self._run(keys, args)
            if code != LATE:
                return code == WRITTEN
        raise TimeoutError(f"task {task_id}: Redis ran its publication past the deadline")

    async def _run(self, keys: list[str], args: list[Any]) -> int:
        client, script = self._client()
        deadline = anyio.current_effective_deadline()
        left = deadline - anyio.current_time()
        sent_at = time.time()
        not_after = "" if math.isinf(deadline) else repr(sent_at + left + self._clock_offset)
        code, seconds, micros = await script(keys=keys, args=[*args, not_after], client=client)
        server_time = int(seconds) + int(micros) / 1e6
        self._clock_offset = server_time - (sent_at + time.time()) / 2
        return int(code)

    def _arguments(
        self, task_id: str, record: Any, message: bytes, new_only: bool, score: float
    ) -> list[Any]:
        trim_before = self.index.trim_before()
        expiry_option, expiry = self._expiry()
        maxlen = self.broker.maxlen
        return [
            self.results.serializer.dumpb(record.model_dump(mode="json")),
            expiry_option,
            expiry,
            "1" if new_only else "0",
            task_id,
            repr(score),
            message,
            "" if maxlen is None else maxlen,
            "~" if self.broker.approximate else "=",
            "" if trim_before is None else repr(trim_before),
        ]

    def _expiry(self) -> tuple[str, int | str]:
        """How taskiq-redis's ``set_progress`` makes a record expire."""
        if self.results.result_ex_time:
            return "EX", self.results.result_ex_time
        if self.results.result_px_time:
            return "PX", self.results.result_px_time
        return "", ""


def _server(pool: Any) -> tuple[Any, ...]:
    kwargs = pool.connection_kwargs
    return (pool.connection_class, *(kwargs.get(name) for name in _SERVER))
