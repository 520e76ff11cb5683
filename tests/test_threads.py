"""The worker-thread hand-off keeps run_in_threadpool's contract."""

from __future__ import annotations

import asyncio
import contextvars
import threading
import time

import anyio
import pytest

from fastapi._core.execute.threads import run_sync

request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="none")


def test_runs_in_another_thread_with_the_callers_context() -> None:
    async def main() -> tuple[str, bool]:
        request_id.set("abc")

        def work(suffix: str, *, sep: str) -> tuple[str, bool]:
            return request_id.get() + sep + suffix, threading.current_thread() is not threading.main_thread()

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
