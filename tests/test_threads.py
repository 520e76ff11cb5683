"""The worker-thread hand-off keeps run_in_threadpool's contract."""

from __future__ import annotations

import asyncio
import contextvars
import threading
import time

import anyio
import anyio.from_thread
import pytest

from fastapi import BackgroundTasks, Depends, FastAPI, UploadFile
from fastapi._core.execute.threads import run_sync
from fastapi.testclient import TestClient

request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="none")


def test_runs_in_another_thread_with_the_callers_context() -> None:
    async def main() -> tuple[str, bool]:
        request_id.set("abc")

        def work(suffix: str, *, sep: str) -> tuple[str, bool]:
            return (
                request_id.get() + sep + suffix,
                threading.current_thread() is not threading.main_thread(),
            )

        return await run_sync(work, "x", sep="-")

    assert asyncio.run(main()) == ("abc-x", True)


def test_exceptions_reach_the_caller() -> None:
    def boom() -> None:
        raise KeyError("nope")

    with pytest.raises(KeyError):
        asyncio.run(run_sync(boom))
    with pytest.raises(TypeError, match="the first argument must be callable"):
        asyncio.run(run_sync(42))  # type: ignore[arg-type]


def test_a_cancelled_caller_waits_for_its_thread() -> None:
    finished: list[str] = []

    def slow() -> None:
        time.sleep(0.2)
        finished.append("done")

    async def main() -> None:
        task = asyncio.create_task(run_sync(slow))
        await asyncio.sleep(0.05)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        assert finished == ["done"]  # the cancellation landed only after the work ended

    asyncio.run(main())


def test_many_concurrent_calls_respect_the_thread_limit() -> None:
    active = 0
    peak = 0
    lock = threading.Lock()

    def work() -> None:
        nonlocal active, peak
        with lock:
            active += 1
            peak = max(peak, active)
        time.sleep(0.01)
        with lock:
            active -= 1

    async def main() -> None:
        anyio.to_thread.current_default_thread_limiter().total_tokens = 40
        await asyncio.gather(*(run_sync(work) for _ in range(200)))

    asyncio.run(main())
    assert 1 < peak <= 40


def test_falls_back_to_anyio_on_other_event_loops() -> None:
    trio = pytest.importorskip("trio")

    async def main() -> int:
        return await run_sync(lambda: 7)

    assert trio.run(main) == 7


def test_the_thread_can_call_back_into_its_event_loop_with_anyio() -> None:
    # As in AnyIO's worker threads, which FastAPI uses: sync code reading an UploadFile with
    # anyio.from_thread.run(file.read), say. Successive event loops each get their calls.
    async def on_the_loop(value: int) -> tuple[int, int]:
        await anyio.sleep(0)
        return value, id(asyncio.get_running_loop())

    def work(value: int) -> tuple[tuple[int, int], int]:
        anyio.from_thread.check_cancelled()
        return anyio.from_thread.run(on_the_loop, value), anyio.from_thread.run_sync(abs, -value)

    async def main(value: int) -> tuple[tuple[tuple[int, int], int], int]:
        return await run_sync(work, value), id(asyncio.get_running_loop())

    for value in (1, 2):
        ((echoed, loop_used), absolute), loop_id = asyncio.run(main(value))
        assert (echoed, absolute, loop_used) == (value, value, loop_id)


def test_sync_endpoints_dependencies_and_tasks_reach_the_loop_through_anyio() -> None:
    app = FastAPI()
    log: list[str] = []

    def slept() -> str:
        anyio.from_thread.run(anyio.sleep, 0)
        return "slept"

    def task() -> None:
        log.append(anyio.from_thread.run_sync(lambda: "task reached the loop"))

    @app.post("/upload")
    def upload(
        file: UploadFile, tasks: BackgroundTasks, dep: str = Depends(slept)
    ) -> dict[str, object]:
        tasks.add_task(task)
        return {"size": len(anyio.from_thread.run(file.read)), "dep": dep}

    with TestClient(app) as client:
        response = client.post("/upload", files={"file": ("a.txt", b"hello")})
    assert response.json() == {"size": 5, "dep": "slept"}
    assert log == ["task reached the loop"]


def test_idle_threads_end_and_each_event_loop_has_its_own_pool(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from fastapi._core.execute import threads

    monkeypatch.setattr(threads, "IDLE_SECONDS", 0.05)

    async def main() -> threads.WorkerPool:
        await run_sync(time.sleep, 0)
        return threads.requests.pool(asyncio.get_running_loop())

    first, second = asyncio.run(main()), asyncio.run(main())
    assert first is not second
    deadline = time.monotonic() + 60
    while first.threads or second.threads:  # ended once idle, not kept for a loop gone
        assert time.monotonic() < deadline, (first.threads, second.threads)
        time.sleep(0.02)


def test_a_sync_attempt_that_timed_out_waiting_for_a_thread_never_starts() -> None:
    from fastapi.tasks.context import RunningTask
    from fastapi.tasks.task_threads import run_attempt_within, run_in_task_thread

    gate = threading.Event()
    ran: list[str] = []

    def hold() -> None:
        ran.append("holding")
        gate.wait(60)

    async def main() -> None:
        anyio.to_thread.current_default_thread_limiter().total_tokens = 1  # one task thread
        holder = asyncio.ensure_future(run_in_task_thread(hold, who=lambda: "holder"))
        while not ran:
            await asyncio.sleep(0.01)
        running = RunningTask("t-1", "late", 1, lambda *_: None)
        with pytest.raises(TimeoutError, match="longer than its timeout of 0.2s"):
            await run_attempt_within(ran.append, ("late",), {}, running, 0.2)
        assert running.cancelled
        gate.set()
        await holder
        await run_in_task_thread(ran.append, "after", who=lambda: "after")  # the late one skipped

    asyncio.run(main())
    assert ran == ["holding", "after"]
