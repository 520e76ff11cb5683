"""The engines' claims on a real Redis: one holder per claim, refreshed only by it, taken
back after it expired; and one publication of a ``dedupe_key`` task however many requests
race for it (Celery and taskiq)."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from fastapi import FastAPI
from fastapi.tasks.engines import claims

pytest.importorskip("redis")


@pytest.fixture
def client(redis_url: str) -> Iterator[Any]:
    import redis

    connection = redis.Redis.from_url(redis_url.rsplit("/", 1)[0] + "/14")
    connection.flushdb()
    yield connection
    connection.flushdb()
    connection.close()


def test_a_claim_has_one_holder_and_only_it_renews_it(client: Any) -> None:
    key = claims.attempt_key("t1", "run1", 1)
    first, second = claims.new_holder(), claims.new_holder()
    assert first != second
    assert claims.claim(client, key, first)
    assert not claims.claim(client, key, second)
    client.pexpire(key, 5_000)
    claims.refresh(client, [(key, second)])  # not its claim: left alone
    assert client.get(key) == first.encode() and client.pttl(key) <= 5_000
    claims.refresh(client, [(key, first)])
    assert client.pttl(key) > 5_000  # renewed to the full CLAIM_TTL
    client.delete(key)  # expired (a Redis outage longer than the TTL)
    claims.refresh(client, [(key, first)])
    assert client.get(key) == first.encode()  # taken back by its holder
    assert not claims.claim(client, key, second)


def test_a_claim_without_ttl_is_kept(client: Any) -> None:
    key = claims.publish_key("t2")
    assert claims.claim(client, key, "1", ttl=None)
    assert client.pttl(key) == -1
    assert not claims.claim(client, key, "1", ttl=None)


def _race(count: int, enqueue: Callable[[], Any]) -> list[Any]:
    """``enqueue()`` from ``count`` threads released at once."""
    start = threading.Barrier(count)
    found: list[Any] = []

    def one() -> None:
        start.wait()
        found.append(enqueue())

    threads = [threading.Thread(target=one) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return found


def report(number: int) -> None:
    """A task function (never run here: no worker consumes these databases)."""


def test_racing_dedupe_key_publications_publish_once_on_celery(
    client: Any, redis_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("celery")
    from celery import Celery

    base = redis_url.rsplit("/", 1)[0]
    app = FastAPI(tasks=Celery("racing", broker=f"{base}/15", backend=f"{base}/14"))
    engine = app.tasks.backend
    send, sent = engine._send, []

    def counted(*args: Any) -> None:  # the real publication, counted
        sent.append(args[0])
        send(*args)

    monkeypatch.setattr(engine, "_send", counted)
    handles = _race(8, lambda: app.tasks.options(dedupe_key="report-1").enqueue(report, 1))
    assert len(handles) == 8 and len({handle.id for handle in handles}) == 1
    assert sent == [handles[0].id]
    status = app.tasks.get(handles[0].id)
    assert status is not None and status.state.value == "pending"


def test_racing_dedupe_key_publications_publish_once_on_taskiq(
    client: Any, redis_url: str
) -> None:
    pytest.importorskip("taskiq_redis")
    base = redis_url.rsplit("/", 1)[0]
    app = FastAPI(tasks=f"taskiq+{base}/14?queue=racing")  # the client's database
    handles = _race(8, lambda: app.tasks.options(dedupe_key="report-2").enqueue(report, 2))
    assert len(handles) == 8 and len({handle.id for handle in handles}) == 1
    stream = client.xrange("racing")  # one message, of the one task
    assert [json.loads(fields[b"data"])["task_id"] for _, fields in stream] == [handles[0].id]
    status = app.tasks.get(handles[0].id)
    assert status is not None and status.state.value == "pending"
