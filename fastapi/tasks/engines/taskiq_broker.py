"""The taskiq broker a ``taskiq+redis://`` setting makes: taskiq-redis's stream broker, whose
messages are acknowledged only after the task ran, with held messages kept claimed.

A Redis stream gives a message that was read and not acknowledged to another consumer once
it has been idle for ``idle_timeout`` (``XAUTOCLAIM``). Taskiq-redis never refreshes that idle
time, so a task running longer than the timeout would be taken over by a second worker while
the first still runs. The broker here refreshes (``XCLAIM`` to itself) the messages its worker
holds every third of the timeout: a live worker keeps its tasks for as long as they run, and
the tasks of a worker that died are taken over after ``idle_timeout`` (30 s by default, as a
store's lease).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import socket
import time
import uuid
from collections.abc import AsyncGenerator, Awaitable, Callable
from typing import Any
from urllib.parse import parse_qsl, urlsplit, urlunsplit

from redis.asyncio import Redis
from redis.asyncio.retry import Retry
from redis.backoff import ExponentialBackoff
from redis.exceptions import RedisError, ResponseError
from taskiq import AckableMessage
from taskiq.serializers import JSONSerializer
from taskiq_redis import RedisAsyncResultBackend, RedisStreamBroker

logger = logging.getLogger("fastapi.tasks")

#: Milliseconds a held message may stay unrefreshed before another worker takes it over.
DEFAULT_IDLE_TIMEOUT = 30_000
#: Seconds finished results and status records are kept in Redis (as a store's retention).
RESULT_TTL = 7 * 24 * 3600


#: Redis connections time out, and a command on a connection that died while idle (Redis
#: restarted) is sent again on a new one instead of failing the request.
CONNECTION_OPTIONS: dict[str, Any] = {
    "socket_timeout": 10.0,
    "socket_connect_timeout": 5.0,
    "retry": Retry(ExponentialBackoff(cap=1.0, base=0.1), retries=2),
}


class Outage:
    """One WARNING when a server becomes unreachable and one INFO when it is back, however
    many calls fail in between."""

    def __init__(self, what: str) -> None:
        self.what = what
        self.down = False

    def failed(self, exc: BaseException) -> None:
        if not self.down:
            logger.warning("%s unreachable (retrying): %s", self.what, exc)
        self.down = True

    def ended(self) -> None:
        if self.down:
            logger.info("%s reachable again", self.what)
        self.down = False


class HeldStreamBroker(RedisStreamBroker):
    """``RedisStreamBroker`` that keeps the messages its worker holds from being reclaimed."""

    def __init__(self, url: str, *, idle_timeout: int = DEFAULT_IDLE_TIMEOUT, **kwargs: Any):
        # "0": a consumer group created after tasks were published still delivers them.
        kwargs.setdefault("consumer_id", "0")
        # One message per read: a busy worker does not take (and hold) what another could run.
        kwargs.setdefault("xread_count", 1)
        kwargs.setdefault("unacknowledged_batch_size", 1)
        for option, value in CONNECTION_OPTIONS.items():
            kwargs.setdefault(option, value)
        self._named = kwargs.get("consumer_name") is not None
        super().__init__(url, idle_timeout=idle_timeout, **kwargs)
        #: The messages this worker read and has not acknowledged: kept claimed.
        self.held: dict[tuple[str, str], None] = {}
        #: The stream and message id of each task this worker holds (by task id).
        self.delivered: dict[str, tuple[str, str]] = {}
        self.unacknowledged: dict[tuple[str, str], None] = {}
        self.outage = Outage(f"Redis of taskiq broker {self.queue_name!r}")
        self._refresher: asyncio.Task[None] | None = None

    def __repr__(self) -> str:
        return f"HeldStreamBroker(queue={self.queue_name!r})"

    async def startup(self) -> None:
        if self.is_worker_process:
            self._name_consumer()
        try:
            await super().startup()  # its last step makes the consumer group
        except RedisError as exc:  # made when Redis is back (listen), the worker waits
            self.outage.failed(exc)
        if self.is_worker_process:
            await self.consume()

    def _name_consumer(self) -> None:
        if not self._named:
            # One consumer per process (forked worker processes share the parent's name).
            self.consumer_name = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
            self._named = True

    async def consume(self) -> None:
        """Receive as a worker from now on: a consumer name of this process, and the held
        messages kept claimed (an app process receiving beside serving calls this)."""
        self._name_consumer()
        if self._refresher is None:
            self._refresher = asyncio.get_running_loop().create_task(self._refresh_held())

    async def stop_consuming(self) -> None:
        """Stop keeping held messages claimed (the receiver stopped)."""
        if self._refresher is not None:
            self._refresher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._refresher
            self._refresher = None

    async def shutdown(self) -> None:
        await self.stop_consuming()
        await super().shutdown()

    async def durability_problem(self) -> str | None:
        """What a Redis restart would lose, from its persistence settings (None: nothing,
        or a managed server that hides its configuration)."""
        async with Redis(connection_pool=self.connection_pool) as redis:
            try:
                config = {**await redis.config_get("save"), **await redis.config_get("appendonly")}
            except ResponseError:
                return None  # CONFIG is disabled or renamed
        if config.get("appendonly") == "yes":
            return None
        if not config.get("save"):
            return (
                "the server has no persistence (save '' and appendonly no): a restart of it "
                "loses every published task; turn on appendonly (appendfsync everysec or always)"
            )
        return (
            "the server keeps snapshots only (appendonly no): a crash of it loses the tasks "
            "published since the last snapshot; turn on appendonly for durable tasks"
        )

    async def declare_queue(self) -> None:
        """Create the stream's consumer group (idempotent), so that a task published before
        any worker ever started is delivered too."""
        await self._declare_consumer_group()

    def _ack_generator(self, id: str, queue_name: str) -> Callable[[], Awaitable[None]]:
        key = (queue_name, id)
        self.held[key] = None
        acknowledge = super()._ack_generator(id=id, queue_name=queue_name)

        async def ack_and_release() -> None:
            try:
                await acknowledge()
            except RedisError as exc:
                # Still held (so not run again elsewhere); acknowledged once Redis is back.
                self.unacknowledged[key] = None
                self.outage.failed(exc)
                return
            self.held.pop(key, None)
            self._forget(key)

        return ack_and_release

    def _forget(self, key: tuple[str, str]) -> None:
        for task_id, held in list(self.delivered.items()):
            if held == key:
                del self.delivered[task_id]

    async def lease_of(self, stream: str, message_id: str) -> float | None:
        """When the hold on a delivered message ends unless its worker refreshes it (a
        time); None once it was acknowledged."""
        async with Redis(connection_pool=self.connection_pool) as redis:
            pending: Any = await redis.xpending_range(
                stream, self.consumer_group_name, min=message_id, max=message_id, count=1
            )
        if not pending:
            return None
        idle = float(pending[0]["time_since_delivered"]) / 1000
        return time.time() - idle + self.idle_timeout / 1000

    async def listen(self) -> AsyncGenerator[AckableMessage, None]:
        """New messages, and those of dead workers, through Redis outages: one warning when
        Redis is lost, one line when it is back, reads retried with a capped backoff (the
        worker process never dies of it)."""
        backoff = 0.5
        while True:
            try:
                async for message in self._read():
                    backoff = 0.5
                    yield message
            except RedisError as exc:
                if isinstance(exc, ResponseError) and "NOGROUP" in str(exc):
                    await self._declare_consumer_group()  # its stream was lost: made anew
                    continue
                self.outage.failed(exc)
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, 10.0)

    async def _read(self) -> AsyncGenerator[AckableMessage, None]:
        """taskiq-redis's reading loop, except that dead workers' messages are looked for on
        every read (it looks only after new messages came: an idle worker never did)."""
        streams = {self.queue_name: ">", **self.additional_streams}
        async with Redis(connection_pool=self.connection_pool) as redis:
            if self.outage.down:
                await self._declare_consumer_group()
            while True:
                fetched: Any = await redis.xreadgroup(
                    self.consumer_group_name,
                    self.consumer_name,
                    streams,  # type: ignore[arg-type]
                    block=self.block,
                    count=self.count,
                )
                self.outage.ended()
                for stream, messages in fetched or []:
                    for message_id, fields in messages:
                        yield self._ackable(stream, message_id, fields)
                for stream in streams:
                    claimed: Any = await redis.xautoclaim(
                        stream,
                        self.consumer_group_name,
                        self.consumer_name,
                        min_idle_time=self.idle_timeout,
                        count=self.unacknowledged_batch_size,
                    )
                    for message_id, fields in claimed[1]:
                        if fields:  # None: trimmed from the stream meanwhile
                            yield self._ackable(stream, message_id, fields)

    def _ackable(self, stream: Any, message_id: Any, fields: Any) -> AckableMessage:
        if isinstance(stream, bytes):
            stream = stream.decode()
        if isinstance(message_id, bytes):
            message_id = message_id.decode()
        task_id = _task_id_of(fields[b"data"])
        if task_id is not None:
            self.delivered[task_id] = (stream, message_id)
        return AckableMessage(
            data=fields[b"data"], ack=self._ack_generator(id=message_id, queue_name=stream)
        )

    async def _refresh_held(self) -> None:
        """Reset the idle time of every held message, a third of the timeout apart; an
        outage is logged once and retried (the messages are only taken over if it lasts)."""
        interval = self.idle_timeout / 3000
        while True:
            await asyncio.sleep(interval)
            try:
                await self._acknowledge_late()
                await self._claim_held()
            except RedisError as exc:
                self.outage.failed(exc)

    async def _acknowledge_late(self) -> None:
        """Acknowledge the messages whose acknowledgement failed (Redis was away)."""
        async with Redis(connection_pool=self.connection_pool) as redis:
            for key in list(self.unacknowledged):
                await redis.xack(key[0], self.consumer_group_name, key[1])
                self.unacknowledged.pop(key, None)
                self.held.pop(key, None)

    async def _claim_held(self) -> None:
        by_stream: dict[str, list[Any]] = {}
        for stream, message_id in list(self.held):
            by_stream.setdefault(stream, []).append(message_id)
        if not by_stream:
            return
        async with Redis(connection_pool=self.connection_pool) as redis:
            for stream, ids in by_stream.items():
                await redis.xclaim(
                    stream,
                    self.consumer_group_name,
                    self.consumer_name,
                    min_idle_time=0,
                    message_ids=ids,
                    justid=True,
                )


def _task_id_of(data: bytes) -> str | None:
    """The task id a message carries (taskiq's JSON message), None if it has none."""
    try:
        task_id = json.loads(data).get("task_id")
    except (ValueError, AttributeError):
        return None
    return task_id if isinstance(task_id, str) else None


def broker_for(
    url: str, idle_timeout: int = DEFAULT_IDLE_TIMEOUT, result_ttl: int = RESULT_TTL
) -> HeldStreamBroker:
    """The broker of a ``taskiq+redis://host:port/db`` (or ``redis://``) setting, with that
    Redis as the result backend too (JSON, never pickle), keeping records ``result_ttl``
    seconds after their last write. ``?idle_timeout=`` (ms, else ``idle_timeout``) and
    ``?queue=`` are read."""
    target = url.removeprefix("taskiq+")
    if not target.startswith(("redis://", "rediss://", "unix://")):
        raise ValueError(
            f"tasks={url!r}: a taskiq+ URL names a Redis server (taskiq+redis://host:6379/0); "
            "for another broker, pass your taskiq broker with a result backend: "
            "FastAPI(tasks=broker)"
        )
    parts = urlsplit(target)
    query = dict(parse_qsl(parts.query))
    idle_timeout = int(query.pop("idle_timeout", idle_timeout))
    queue = query.pop("queue", "fastapi")
    rest = "&".join(f"{key}={value}" for key, value in query.items())
    redis_url = urlunsplit(parts._replace(query=rest))
    backend: RedisAsyncResultBackend[Any] = RedisAsyncResultBackend(
        redis_url,
        serializer=JSONSerializer(),
        result_ex_time=result_ttl,
        prefix_str=f"{queue}:result",
        **CONNECTION_OPTIONS,
    )
    broker = HeldStreamBroker(redis_url, idle_timeout=idle_timeout, queue_name=queue)
    return broker.with_result_backend(backend)  # type: ignore[return-value]
