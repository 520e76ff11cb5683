"""What a durable task store must do; the rest of the task machinery only uses this."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from fastapi.tasks.records import TaskProgress, TaskState, TaskStatus


@dataclass
class NewTask:
    """A task to store: function reference, JSON arguments, and its place in its group."""

    id: str
    group_id: str
    seq: int
    name: str
    payload: str
    options: dict[str, Any]
    max_attempts: int
    created_at: float
    not_before: float
    #: The id is derived from a deduplication key: if it is stored already, keep that one.
    dedupe: bool = False
    #: ``not_before`` is a time the caller asked for (a delay or a schedule), not a hand-off.
    scheduled: bool = False


@dataclass
class ClaimedTask:
    """A task leased to one worker; ``attempt`` is the number of this attempt (1-based)."""

    id: str
    group_id: str
    seq: int
    name: str
    payload: str
    options: dict[str, Any]
    attempt: int
    max_attempts: int
    #: Earlier attempts whose worker vanished: the retry policy does not count them.
    takeovers: int = 0
    #: The vanished worker this claim takes the task over from (None: not a takeover).
    taken_over_from: str | None = None


class TaskStore(ABC):
    """Storage shared by every process that runs the app's tasks.

    Methods are blocking (call them from a worker thread). ``owner`` identifies a worker;
    every state change after a claim is conditional on the caller still holding the lease.
    """

    durable: bool = True

    @abstractmethod
    def add(self, tasks: Sequence[NewTask]) -> Sequence[str]:
        """Store ``tasks`` atomically (all or none), pending, due at their ``not_before``.

        A ``dedupe`` task whose id is stored already is skipped: its id is in the answer.
        """

    @abstractmethod
    def claim(self, owner: str, lease: float, *, task_id: str | None = None) -> ClaimedTask | None:
        """Lease the next due task (or exactly ``task_id`` if it is due) to ``owner``.

        A task running on an expired lease is due: its worker vanished.
        """

    def reclaim(self) -> int:
        """Put the tasks whose lease expired back to pending, saying which worker vanished
        (the bundled stores also do it in ``claim``); return how many. The default leaves
        them to ``claim``."""
        return 0

    @abstractmethod
    def extend(self, task_id: str, owner: str, lease: float) -> bool:
        """Renew the lease; False if ``owner`` lost it."""

    @abstractmethod
    def finish(
        self,
        task_id: str,
        owner: str,
        *,
        error: str | None = None,
        retry_at: float | None = None,
        result: str | None = None,
    ) -> bool:
        """Record the end of an attempt: success (with its JSON ``result``), failure, or
        (``retry_at``) a retry to come. A task whose cancellation was requested ends
        ``cancelled`` whatever the outcome."""

    @abstractmethod
    def release(self, task_id: str, owner: str) -> bool:
        """Return a claimed task unrun (the attempt does not count)."""

    @abstractmethod
    def report(self, task_id: str, progress: TaskProgress) -> None:
        """Store the progress a running task reported."""

    @abstractmethod
    def prune(self, finished_before: float) -> int:
        """Delete tasks that finished before the given time; return how many."""

    def cancel(self, task_id: str) -> bool:
        """Cancel a task: a pending one is ``cancelled`` and never runs; a running one gets
        ``cancel_requested`` (its worker stops it). False when unknown or finished."""
        raise NotImplementedError(f"{type(self).__name__} cannot cancel tasks")

    def retry(self, task_id: str) -> bool:
        """Run a failed or cancelled task again (pending, due now, attempts from zero).
        False when unknown or not failed/cancelled."""
        raise NotImplementedError(f"{type(self).__name__} cannot retry tasks")

    def counts(self) -> dict[TaskState, int]:
        """How many tasks are in each state."""
        raise NotImplementedError(f"{type(self).__name__} cannot count tasks")

    @abstractmethod
    def get(self, task_id: str, *, arguments: bool = False) -> TaskStatus | None:
        """A task's status; ``arguments=True`` includes the call's arguments."""

    @abstractmethod
    def list(self, *, state: TaskState | None = None, limit: int = 100) -> list[TaskStatus]: ...

    @abstractmethod
    def next_due(self) -> float | None:
        """When the earliest pending task becomes due, or None."""

    def run_batch(self, calls: Sequence[StoreCall]) -> Sequence[CallResult]:
        """Run several calls, each succeeding or failing alone.

        Stores that can (SQLite) commit them together; the default runs them one by one.
        """
        return run_each(self, calls)

    def durability_problem(self) -> str | None:
        """Why what is stored may not survive a restart of the store (None: it does)."""
        return None

    def close(self) -> None:  # noqa: B027 - optional
        """Release connections."""


# -- writes as values: what the runtime batches (one transaction or round trip per batch) -------


@dataclass(frozen=True)
class AddTasks:
    tasks: Sequence[NewTask]

    def on(self, store: TaskStore) -> Sequence[str]:
        return store.add(self.tasks)


@dataclass(frozen=True)
class Claim:
    owner: str
    lease: float
    task_id: str | None = None

    def on(self, store: TaskStore) -> ClaimedTask | None:
        return store.claim(self.owner, self.lease, task_id=self.task_id)


@dataclass(frozen=True)
class Extend:
    task_id: str
    owner: str
    lease: float

    def on(self, store: TaskStore) -> bool:
        return store.extend(self.task_id, self.owner, self.lease)


@dataclass(frozen=True)
class Finish:
    task_id: str
    owner: str
    error: str | None = None
    retry_at: float | None = None
    result: str | None = None

    def on(self, store: TaskStore) -> bool:
        return store.finish(
            self.task_id, self.owner, error=self.error, retry_at=self.retry_at, result=self.result
        )


@dataclass(frozen=True)
class Release:
    task_id: str
    owner: str

    def on(self, store: TaskStore) -> bool:
        return store.release(self.task_id, self.owner)


@dataclass(frozen=True)
class Cancel:
    task_id: str

    def on(self, store: TaskStore) -> bool:
        return store.cancel(self.task_id)


StoreCall = AddTasks | Claim | Extend | Finish | Release | Cancel
"""One write, as a value: ``call.on(store)`` makes it."""
CallResult = tuple[bool, Any]
"""``(True, result)``, or ``(False, exception)`` for a call that raised."""


def run_each(
    store: TaskStore,
    calls: Sequence[StoreCall],
    *,
    fatal: Callable[[Exception], bool] | None = None,
) -> list[CallResult]:
    """Run the calls one by one; a failure is that call's result, unless ``fatal`` says it
    ended the whole batch (then it is raised)."""
    results: list[CallResult] = []
    for call in calls:
        try:
            results.append((True, call.on(store)))
        except Exception as exc:
            if fatal is not None and fatal(exc):
                raise
            results.append((False, exc))
    return results
