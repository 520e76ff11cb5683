"""fastapi._core.execute.thread_context: a sync context manager entered and exited off the loop."""

import threading
from collections.abc import Iterator
from contextlib import contextmanager

import anyio
import pytest

from fastapi._core.execute.thread_context import ThreadedContext
from fastapi.concurrency import contextmanager_in_threadpool


def recording_manager(events: list[tuple[str, object]], *, suppress: bool = False):
    @contextmanager
    def manager() -> Iterator[str]:
        events.append(("enter", threading.current_thread() is threading.main_thread()))
        try:
            yield "value"
        except ValueError as exc:
            events.append(("error", str(exc)))
            if not suppress:
                raise
        finally:
            events.append(("exit", threading.current_thread() is threading.main_thread()))

    return manager()


def test_enter_and_exit_run_in_worker_threads() -> None:
    events: list[tuple[str, object]] = []

    async def main() -> str:
        async with ThreadedContext(recording_manager(events)) as value:
            return value

    assert anyio.run(main) == "value"
    assert events == [("enter", False), ("exit", False)]


def test_an_error_reaches_the_manager_and_propagates_unless_suppressed() -> None:
    events: list[tuple[str, object]] = []

    async def failing(suppress: bool) -> None:
        async with contextmanager_in_threadpool(recording_manager(events, suppress=suppress)):
            raise ValueError("boom")

    with pytest.raises(ValueError, match="boom"):
        anyio.run(failing, False)
    assert ("error", "boom") in events
    events.clear()
    anyio.run(failing, True)  # suppressed by the manager
    assert events == [("enter", False), ("error", "boom"), ("exit", False)]
