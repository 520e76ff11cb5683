"""The one seam between the task runtime and an engine that keeps and runs tasks.

``app.tasks`` (the runtime) decides, for each task, which backend takes it: the app's own
(in memory, or a durable store), or memory for a task the caller keeps out of the store
(``options(durable=False)``). It then calls the backend at four moments of a task's life:

1. ``prepare(task)`` as ``add_task`` queues it: raise ``TaskNotStorableError`` to refuse it
   on the spot (an argument JSON cannot carry, a function no worker can import);
2. ``submit(tasks)`` with a response's tasks, before the response is sent: raise
   ``TaskStoreError`` to answer 503 instead of losing them;
3. ``run(task)`` after the response, in the process that received the request: run it now,
   or answer ``DEFERRED`` to leave it to the backend's workers;
4. ``lifespan()`` for the app's lifetime: whatever runs beside the app (worker loops).

``get``, ``list`` and ``counts`` read statuses. A new engine (Celery, taskiq) is one module with one
subclass of ``TaskBackend``.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING

from fastapi.tasks.records import TaskState, TaskStatus

if TYPE_CHECKING:  # pragma: no cover
    from fastapi.background import QueuedTask


class Outcome:
    """How running a task inline ended: ``error`` (after its last attempt) or ``deferred``
    (left to the workers: claimed elsewhere, waiting for a retry, or not run here)."""

    __slots__ = ("deferred", "error")

    def __init__(self, error: BaseException | None = None, deferred: bool = False) -> None:
        self.error = error
        self.deferred = deferred


DONE = Outcome()
DEFERRED = Outcome(deferred=True)


class TaskBackend(ABC):
    """Keeps and runs tasks for an app; ``durable`` ones survive the process."""

    durable: bool = False

    def prepare(self, queued: QueuedTask) -> None:  # noqa: B027 - optional
        """Check (and encode) a task as it is queued; raise to refuse it."""

    @abstractmethod
    async def submit(self, tasks: Sequence[QueuedTask]) -> None:
        """Take a response's tasks before the response is sent (all or none)."""

    @abstractmethod
    async def run(self, queued: QueuedTask) -> Outcome:
        """Run a submitted task right after the response, or leave it (``DEFERRED``)."""

    @abstractmethod
    def get(self, task_id: str, *, arguments: bool = False) -> TaskStatus | None:
        """A task's status (None if unknown); ``arguments=True`` includes the call's
        arguments where the backend keeps them. Blocking: call from a thread."""

    def cancel(self, task_id: str) -> bool:
        """Cancel a task: pending, it never runs; running, it is told to stop. False when
        unknown or finished. Blocking."""
        raise NotImplementedError(f"{type(self).__name__} cannot cancel tasks")

    def retry(self, task_id: str) -> bool:
        """Run a failed or cancelled task again. False when unknown or not finished so."""
        return False

    @abstractmethod
    def list(self, *, state: TaskState | None = None, limit: int = 100) -> list[TaskStatus]:
        """Recent tasks, newest first. Blocking: call from a thread."""

    @abstractmethod
    def counts(self) -> dict[TaskState, int]:
        """How many tasks are in each state. Blocking: call from a thread."""

    @asynccontextmanager
    async def lifespan(self) -> AsyncIterator[None]:
        """What runs beside the app while it lives (nothing, unless the backend has workers)."""
        yield
