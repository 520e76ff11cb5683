"""fastapi._core.execute.threads: sync code in worker threads, Starlette's contract."""

from __future__ import annotations

import contextvars
import threading

import anyio
import pytest

from fastapi._core.execute.threads import run_sync

current_user: contextvars.ContextVar[str] = contextvars.ContextVar("current_user", default="-")


def where(label: str, *, suffix: str = "") -> tuple[str, str, str]:
    return label + suffix, threading.current_thread().name, current_user.get()


@pytest.mark.parametrize("backend", ["asyncio", "trio"])
def test_the_call_runs_in_another_thread_with_the_callers_context(backend: str) -> None:
    if backend == "trio":
        pytest.importorskip("trio")

    async def main() -> tuple[str, str, str]:
        current_user.set("ann")
        return await run_sync(where, "x", suffix="!")

    label, thread, user = anyio.run(main, backend=backend)
    assert (label, user) == ("x!", "ann")
    assert thread != threading.main_thread().name


def test_errors_reach_the_caller() -> None:
    def fail() -> None:
        raise LookupError("inside")

    with pytest.raises(LookupError, match="inside"):
        anyio.run(run_sync, fail)


def test_a_non_callable_fails_at_once() -> None:
    with pytest.raises(TypeError):
        anyio.run(run_sync, 3)  # type: ignore[arg-type]


def test_context_changes_made_in_the_thread_stay_there() -> None:
    def change() -> str:
        current_user.set("thread")
        return current_user.get()

    async def main() -> tuple[str, str]:
        inside = await run_sync(change)
        return inside, current_user.get()

    assert anyio.run(main) == ("thread", "-")


def test_a_cancelled_caller_still_waits_for_its_thread() -> None:
    started, release, finished = threading.Event(), threading.Event(), threading.Event()

    def slow() -> None:
        started.set()
        release.wait(timeout=60)
        finished.set()

    async def main() -> None:
        with anyio.CancelScope() as scope:
            async with anyio.create_task_group() as group:
                group.start_soon(run_sync, slow)
                while not started.is_set():
                    await anyio.sleep(0.01)
                scope.cancel()
                threading.Timer(0.2, release.set).start()  # the thread ends after the cancel
        assert finished.is_set()  # the cancelled call did not return before its thread did

    anyio.run(main)


def test_many_calls_at_once_all_complete() -> None:
    async def main() -> list[int]:
        results: list[int] = []

        async def one(n: int) -> None:
            results.append(await run_sync(lambda: n * 2))

        async with anyio.create_task_group() as group:
            for n in range(200):
                group.start_soon(one, n)
        return sorted(results)

    assert anyio.run(main) == [n * 2 for n in range(200)]
