"""How an app runs its background tasks, and the error a request gets when they can't be kept."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from fastapi.exceptions import HTTPException

if TYPE_CHECKING:  # pragma: no cover - annotations only: a memory app loads no store
    from fastapi.tasks.backend import TaskBackend
    from fastapi.tasks.store import TaskStore


@dataclass
class TaskSettings:
    """How an app runs its background tasks.

    ``store``: None keeps tasks in memory; a URL (``sqlite:///tasks.db``) or a ``TaskStore``
    makes them durable; a ``redis://`` URL is the taskiq engine on that Redis, run by the
    app's processes as a store is (``lease`` then is how long a dead worker's task stays
    held). ``backend``: another engine, a ``TaskBackend`` (instead of ``store``).
    ``concurrency``: tasks this process runs at once (durable mode).
    ``workers``: False makes the app only store tasks, for ``fastapi worker`` processes to run.
    ``lease``: seconds a claim lasts without renewal (a dead worker's tasks are retaken after
    it). ``handoff``: seconds other workers leave a new task to the process that stored it.
    ``store_timeout``: seconds a request waits for the store to take its tasks (then 503).
    ``retention``: seconds finished durable records are kept. ``max_records``/``max_age``
    bound the in-memory status records. ``periodic``: the periodic tasks (``@task(every=...)``)
    this app schedules; None: all that are defined.
    """

    store: str | TaskStore | None = None
    backend: TaskBackend | None = None
    concurrency: int = 4
    workers: bool = True
    lease: float = 30.0
    handoff: float = 5.0
    poll_interval: float = 1.0
    shutdown_grace: float = 10.0
    store_timeout: float = 5.0
    retention: float = 7 * 24 * 3600.0
    max_records: int = 10_000
    max_age: float = 3600.0
    periodic: Sequence[Callable[..., Any]] | None = None


class TaskStoreError(HTTPException):
    """Background tasks could not be stored: the request answers 503 rather than lose them."""

    def __init__(self, detail: str = "Background tasks could not be stored") -> None:
        super().__init__(status_code=503, detail=detail)
