"""What one enqueue sends to Redis, seen by a real redis-server's ``MONITOR``: the task's
record, its index entry and its message go in one round trip (taskiq: one script call whose
commands Redis runs itself; Celery: one MULTI/EXEC transaction), so a request waits for
one reply."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from fastapi import BackgroundTasks, FastAPI
from fastapi.testclient import TestClient

pytest.importorskip("taskiq_redis")

END = "fastapi-round-trips-end"


@contextmanager
def commands_sent(redis_url: str) -> Iterator[list[tuple[str, str]]]:
    """``(command name, sender)`` for each command Redis ran while the block ran: sender
    ``lua`` for a command run by a script, ``client`` for one a client sent."""
    import redis

    marker = redis.Redis.from_url(redis_url)
    marker.ping()  # its connection made before watching
    seen: list[tuple[str, str]] = []
    watching, ended = threading.Event(), threading.Event()

    def watch() -> None:
        with redis.Redis.from_url(redis_url).monitor() as monitor:
            watching.set()  # MONITOR answered OK: every later command is seen
            while True:
                found: dict[str, Any] = monitor.next_command()
                if found["command"] == f"ECHO {END}":
                    ended.set()
                    return
                sender = "lua" if found["client_type"] == "lua" else "client"
                seen.append((str(found["command"]).split()[0].upper(), sender))

    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    assert watching.wait(30), "MONITOR did not start"
    try:
        yield seen
    finally:
        marker.echo(END)
        assert ended.wait(30), "MONITOR never saw the end marker"
        thread.join(30)


def enqueuing_app(setting: str) -> FastAPI:
    app = FastAPI(tasks=setting)

    @app.post("/")
    def enqueue(background_tasks: BackgroundTasks) -> dict[str, str]:
        return {"id": background_tasks.add_task(print, "hello").id}

    @app.post("/once/{key}")
    def enqueue_once(key: str, background_tasks: BackgroundTasks) -> dict[str, str]:
        return {"id": background_tasks.options(dedupe_key=key).add_task(print, key).id}

    return app


SCRIPT = [("TIME", "lua"), ("SET", "lua"), ("ZADD", "lua"), ("XADD", "lua")]


def test_a_taskiq_enqueue_is_one_script_call(redis_url: str) -> None:
    import redis

    database = f"{redis_url.rsplit('/', 1)[0]}/5"  # a database of the test's own
    app = enqueuing_app(f"taskiq+{database}?queue=round-trips")
    with TestClient(app) as client:
        assert client.post("/").status_code == 200  # connections opened, script loaded
        with commands_sent(redis_url) as seen:
            task_id = client.post("/").json()["id"]
        # One command from the app; Redis itself checks the request's deadline against its
        # clock, writes the record, indexes it and adds the message.
        assert seen == [("EVALSHA", "client"), *SCRIPT]
        assert app.tasks.get(task_id).state == "pending"
        with commands_sent(redis_url) as seen:
            first = client.post("/once/report").json()["id"]
            again = client.post("/once/report").json()["id"]
        assert first == again
        # The second finds the record (SET NX refused): nothing indexed, no message.
        assert [sent for sent in seen if sent[1] == "client"] == [("EVALSHA", "client")] * 2
        assert [name for name, sender in seen if sender == "lua"].count("XADD") == 1
        listed = [found.id for found in app.tasks.backend.list(limit=10)]
        assert listed[:2] == [first, task_id]  # indexed, newest first
    assert len(redis.Redis.from_url(database).xrange("round-trips")) == 3


def test_a_wrong_guess_of_the_redis_clock_is_corrected_once(redis_url: str) -> None:
    """The script writes nothing past the request's deadline in Redis's clock: a guess of
    that clock an hour off refuses the first call, whose reply tells the right one."""
    database = f"{redis_url.rsplit('/', 1)[0]}/6"
    app = enqueuing_app(f"taskiq+{database}?queue=clock")
    publisher = app.tasks.backend.publisher
    with TestClient(app) as client:
        assert client.post("/").status_code == 200
        publisher._clock_offset = -3600.0  # Redis taken to be an hour behind
        with commands_sent(redis_url) as seen:
            assert client.post("/").status_code == 200
        assert seen == [("EVALSHA", "client"), ("TIME", "lua"), ("EVALSHA", "client"), *SCRIPT]
        assert abs(publisher._clock_offset) < 60  # the same host's clock


def test_a_celery_enqueue_is_one_transaction(redis_url: str) -> None:
    pytest.importorskip("celery")
    import redis

    database = f"{redis_url.rsplit('/', 1)[0]}/4"
    app = enqueuing_app(f"celery+{database}")
    with TestClient(app) as client:
        assert client.post("/").status_code == 200  # connections opened, queue declared
        with commands_sent(redis_url) as seen:
            task_id = client.post("/").json()["id"]
        # Sent together: the record, its index entries, then the message (kombu's LPUSH).
        names = [name for name, _ in seen]
        assert names[0] == "MULTI" and names[-1] == "EXEC", names
        assert names[1:-1] == ["SET", "ZADD", *["ZREM"] * 5, "ZADD", "LPUSH"], names
        assert app.tasks.get(task_id).state == "pending"
    queued = redis.Redis.from_url(database).lrange("celery", 0, -1)
    assert len(queued) == 2 and task_id in queued[0].decode()  # newest first
