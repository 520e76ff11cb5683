"""Per-function facts of task functions: worked out once for functions that live as long as
their module, each time for the others, and brought up to date when @task comes later."""

from __future__ import annotations

import functools
from typing import Any

from fastapi import BackgroundTasks, FastAPI
from fastapi.tasks import Retry, task
from fastapi.tasks.functions import _remembered, facts_of
from fastapi.testclient import TestClient

RAN: list[str] = []


async def async_job() -> None:
    RAN.append("async")


def sync_job() -> None:
    RAN.append("sync")


def decorated_later() -> None:
    RAN.append("later")


class AsyncCallable:
    async def __call__(self) -> None:
        RAN.append("instance")


def test_module_level_functions_are_remembered_and_closures_are_not() -> None:
    assert facts_of(async_job) is facts_of(async_job) and async_job in _remembered
    assert facts_of(async_job).is_async and not facts_of(sync_job).is_async
    assert facts_of(sync_job).name == f"{__name__}:sync_job"

    def closure() -> None: ...

    assert not facts_of(closure).is_async and closure not in _remembered
    assert facts_of(functools.partial(async_job)).is_async  # as Starlette sees through partials
    assert facts_of(AsyncCallable()).is_async


def test_a_policy_declared_after_first_use_is_seen() -> None:
    assert facts_of(decorated_later).policy.retry.attempts == 1
    task(retry=Retry(attempts=4))(decorated_later)
    assert facts_of(decorated_later).policy.retry.attempts == 4


def test_tasks_run_as_their_facts_say_and_one_key_is_one_task_per_response() -> None:
    RAN.clear()
    app = FastAPI()

    @app.post("/jobs")
    def jobs(background_tasks: BackgroundTasks) -> dict[str, Any]:
        background_tasks.add_task(async_job)
        background_tasks.add_task(sync_job)
        background_tasks.add_task(AsyncCallable())
        first = background_tasks.options(dedupe_key="once").add_task(sync_job)
        second = background_tasks.options(dedupe_key="once").add_task(sync_job)
        return {"ids": [first.id, second.id]}

    with TestClient(app) as client:
        first, second = client.post("/jobs").json()["ids"]
    assert first == second
    assert RAN == ["async", "sync", "instance", "sync"]  # the duplicate ran nothing
    assert app.tasks.counts()["succeeded"] == 4
