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
import logging
import os
import socket
import uuid
from collections.abc import AsyncGenerator, Awaitable, Callable
from typing import Any
from urllib.parse import parse_qsl, urlsplit, urlunsplit

from redis.asyncio import Redis
from taskiq import AckableMessage
from taskiq.serializers import JSONSerializer
from taskiq_redis import RedisAsyncResultBackend, RedisStreamBroker

logger = logging.getLogger("fastapi.tasks")

#: Milliseconds a held message may stay unrefreshed before another worker takes it over.
DEFAULT_IDLE_TIMEOUT = 30_000
#: Seconds finished results and status records are kept in Redis (as a store's retention).
RESULT_TTL = 7 * 24 * 3600


class HeldStreamBroker(RedisStreamBroker):
    """``RedisStreamBroker`` that keeps the messages its worker holds from being reclaimed."""

    def __init__(self, url: str, *, idle_timeout: int = DEFAULT_IDLE_TIMEOUT, **kwargs: Any):
        # "0": a consumer group created after tasks were published still delivers them.
        kwargs.setdefault("consumer_id", "0")
        # One message per read: a busy worker does not take (and hold) what another could run.
        kwargs.setdefault("xread_count", 1)
        kwargs.setdefault("unacknowledged_batch_size", 1)
        kwargs.setdefault("socket_timeout", 10.0)
        kwargs.setdefault("socket_connect_timeout", 5.0)
        self._named = kwargs.get("consumer_name") is not None
        super().__init__(url, idle_timeout=idle_timeout, **kwargs)
        self.held: dict[tuple[str, str], None] = {}
        self._refresher: asyncio.Task[None] | None = None

    def __repr__(self) -> str:
        return f"HeldStreamBroker(queue={self.queue_name!r})"

    async def startup(self) -> None:
        if self.is_worker_process and not self._named:
            # One consumer per process (forked worker processes share the parent's name).
            self.consumer_name = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        await super().startup()
        if self.is_worker_process and self._refresher is None:
            self._refresher = asyncio.get_running_loop().create_task(self._refresh_held())

    async def shutdown(self) -> None:
        if self._refresher is not None:
            self._refresher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._refresher
            self._refresher = None
        await super().shutdown()

    async def declare_queue(self) -> None:
        """Create the stream's consumer group (idempotent), so that a task published before
        any worker ever started is delivered too."""
        await self._declare_consumer_group()

    def _ack_generator(self, id: str, queue_name: str) -> Callable[[], Awaitable[None]]:
        key = (queue_name, id)
        self.held[key] = None
        acknowledge = super()._ack_generator(id=id, queue_name=queue_name)

        async def ack_and_release() -> None:
            await acknowledge()
            self.held.pop(key, None)

        return ack_and_release

    async def listen(self) -> AsyncGenerator[AckableMessage, None]:
        """New messages, and those of dead workers: taskiq-redis looks for the latter only
        after new messages came, so an idle worker would never take a dead one's over."""
        streams = {self.queue_name: ">", **self.additional_streams}
        async with Redis(connection_pool=self.connection_pool) as redis:
            while True:
                fetched: Any = await redis.xreadgroup(
                    self.consumer_group_name,
                    self.consumer_name,
                    streams,  # type: ignore[arg-type]
                    block=self.block,
                    count=self.count,
                )
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
        return AckableMessage(
            data=fields[b"data"], ack=self._ack_generator(id=message_id, queue_name=stream)
        )

    async def _refresh_held(self) -> None:
        """Reset the idle time of every held message, a third of the timeout apart; an
        outage is logged once and retried (the messages are only taken over if it lasts)."""
        interval = self.idle_timeout / 3000
        failing = False
        while True:
            await asyncio.sleep(interval)
            try:
                await self._claim_held()
            except Exception as exc:
                if not failing:
                    logger.warning("Cannot refresh the tasks this worker holds: %s", exc)
                failing = True
                continue
            if failing:
                logger.info("Refreshing held tasks works again")
            failing = False

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


def broker_for(url: str) -> HeldStreamBroker:
    """The broker of a ``taskiq+redis://host:port/db`` setting, with that Redis as the result
    backend too (JSON, never pickle). ``?idle_timeout=`` (ms) and ``?queue=`` are read."""
    target = url.removeprefix("taskiq+")
    if not target.startswith(("redis://", "rediss://")):
        raise ValueError(
            f"tasks={url!r}: a taskiq+ URL names a Redis server (taskiq+redis://host:6379/0); "
            "for another broker, pass your taskiq broker with a result backend: "
            "FastAPI(tasks=broker)"
        )
    parts = urlsplit(target)
    query = dict(parse_qsl(parts.query))
    idle_timeout = int(query.pop("idle_timeout", DEFAULT_IDLE_TIMEOUT))
    queue = query.pop("queue", "fastapi")
    rest = "&".join(f"{key}={value}" for key, value in query.items())
    redis_url = urlunsplit(parts._replace(query=rest))
    backend: RedisAsyncResultBackend[Any] = RedisAsyncResultBackend(
        redis_url,
        serializer=JSONSerializer(),
        result_ex_time=RESULT_TTL,
        prefix_str=f"{queue}:result",
        socket_timeout=10.0,
        socket_connect_timeout=5.0,
    )
    broker = HeldStreamBroker(redis_url, idle_timeout=idle_timeout, queue_name=queue)
    return broker.with_result_backend(backend)  # type: ignore[return-value]
