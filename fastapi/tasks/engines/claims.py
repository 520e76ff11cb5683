"""Claims in the engines' Redis: one delivery of a task's message runs an attempt.

A message can reach two workers (Celery's Redis transport gives back a message whose task
outlives its ``visibility_timeout``; a task published twice under one id; taskiq's broker
reclaiming a message from a worker that stalled): reading the task's record and then
writing "started" lets both run it. The worker about to run an attempt takes its claim
first, in one atomic command (``SET key holder NX PX ttl``), and refreshes it while the
attempt runs (a lease: ``CLAIM_TTL`` seconds, renewed every ``REFRESH_EVERY``, only by its
holder). A delivery that finds the claim held waits, its message kept: when the record
shows the task ended, it is skipped; when the holder vanished, its claim expires and the
waiting delivery takes the attempt over. The same ``SET NX`` decides which of two requests
with one ``dedupe_key`` publishes its task. Celery's workers use a blocking client, taskiq's
an asyncio one: both forms are here.
"""

from __future__ import annotations

import os
import socket
import uuid
from typing import Any

#: Seconds a claim lives without a refresh: after that its holder is taken to be gone.
CLAIM_TTL = 15.0
#: Seconds between two refreshes of a running attempt's claim (by its worker).
REFRESH_EVERY = 0.5
#: Seconds between two looks of a delivery waiting for a held claim.
WAIT_POLL = 0.5

#: Renews a claim while it is its holder's, or takes it back when it expired meanwhile (a
#: Redis outage longer than the TTL); one taken over by another delivery is left alone.
REFRESH_SCRIPT = """
local current = redis.call('GET', KEYS[1])
if current == ARGV[1] or not current then
    redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
    return 1
end
return 0
"""


def attempt_key(task_id: str, run: Any, round_: Any = 1) -> str:
    """The claim of one attempt round of one publication of a task."""
    return f"fastapi-claim-{task_id}-{run}-{round_}"


def publish_key(task_id: str) -> str:
    """The claim of publishing a task with a ``dedupe_key`` (its id comes from the key)."""
    return f"fastapi-published-{task_id}"


def new_holder() -> str:
    """A token naming this delivery (host, process and a random part), unique per claim."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:12]}"


def _ms(seconds: float) -> int:
    return max(1, int(seconds * 1000))


def claim(client: Any, key: str, holder: str, ttl: float | None = CLAIM_TTL) -> bool:
    """Take ``key`` for ``holder`` unless someone holds it (blocking Redis client); a
    ``ttl`` of None keeps it until deleted."""
    return bool(client.set(key, holder, nx=True, px=None if ttl is None else _ms(ttl)))


def refresh(client: Any, claims: list[tuple[str, str]], ttl: float = CLAIM_TTL) -> None:
    """Renew the ``(key, holder)`` claims still held, in one round trip."""
    if not claims:
        return
    with client.pipeline(transaction=False) as pipe:
        for key, holder in claims:
            pipe.eval(REFRESH_SCRIPT, 1, key, holder, _ms(ttl))
        pipe.execute()


async def aclaim(client: Any, key: str, holder: str, ttl: float | None = CLAIM_TTL) -> bool:
    """``claim`` with an asyncio Redis client."""
    return bool(await client.set(key, holder, nx=True, px=None if ttl is None else _ms(ttl)))


async def arefresh(client: Any, key: str, holder: str, ttl: float = CLAIM_TTL) -> bool:
    """Renew one claim with an asyncio Redis client; False when another delivery has it."""
    return bool(await client.eval(REFRESH_SCRIPT, 1, key, holder, _ms(ttl)))
