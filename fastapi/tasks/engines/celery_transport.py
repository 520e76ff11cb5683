"""kombu's Redis transport, whose message can join a pipeline of the Celery engine's.

The engine records a task (its record and index entry, on the result backend's Redis) and
then sends its message through kombu: two round trips, and a kombu client object made for
the message. Where the broker and the result backend are one Redis (``celery+redis://``),
the engine opens a MULTI/EXEC pipeline on the result backend's client and publishes inside
``joining(pipeline)``: the channel's last step, the ``LPUSH`` of the message (and the
``PEXPIRE`` of a queue that expires), is added to that pipeline instead of being sent, and
the engine sends record, index entry and message in one atomic round trip. Everything
before that step is kombu's and Celery's own (routing, the message's body and headers,
declaring the queue); a worker's channel, never joining, is kombu's unchanged.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from kombu.transport import redis as kombu_redis
from kombu.utils.json import dumps

#: What a Celery app's ``broker_transport`` names to use this transport.
TRANSPORT = f"{__name__}:Transport"

#: The connection settings that name a server (two pools with the same ones reach the same).
_SERVER = ("host", "port", "db", "path", "username")

_joining = threading.local()


class Joining:
    """The pipeline a message being published in this thread is added to."""

    def __init__(self, pipeline: Any) -> None:
        self.pipeline = pipeline
        self.server = _server(pipeline.connection_pool)
        #: Whether the message was added (False: kombu sent it itself).
        self.joined = False


@contextmanager
def joining(pipeline: Any) -> Iterator[Joining]:
    """Within the block, a message this thread publishes on this transport is added to
    ``pipeline`` (when it reaches the same server) instead of being sent."""
    target = _joining.target = Joining(pipeline)
    try:
        yield target
    finally:
        _joining.target = None


class Channel(kombu_redis.Channel):  # type: ignore[misc]
    """kombu's Redis channel; its ``_put`` joins the thread's pipeline when there is one."""

    def _put(self, queue: str, message: dict[str, Any], **kwargs: Any) -> None:
        target: Joining | None = getattr(_joining, "target", None)
        if (
            target is None
            or target.joined
            or kwargs.get("_publish_batch") is not None
            or self.global_keyprefix  # its keys are prefixed by its own client
            or _server(self.pool) != target.server
        ):
            return super()._put(queue, message, **kwargs)  # type: ignore[no-untyped-call]
        channel: Any = self  # kombu's methods carry no types
        priority = channel._get_message_priority(message, reverse=False)
        encoded: Any = dumps
        target.pipeline.lpush(channel._q_for_pri(queue, priority), encoded(message))
        if self._expires and queue in self._expires:
            for step in self.priority_steps:
                target.pipeline.pexpire(channel._q_for_pri(queue, step), self._expires[queue])
        target.joined = True
        return None


class Transport(kombu_redis.Transport):  # type: ignore[misc]
    """kombu's Redis transport with the joining channel."""

    Channel = Channel


def _server(pool: Any) -> tuple[Any, ...]:
    kwargs = pool.connection_kwargs
    return tuple(kwargs.get(name) for name in _SERVER)
