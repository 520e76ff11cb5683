"""``BackgroundTasks``: work to run after the response has been sent.

FastAPI's semantics hold: declare a parameter of this type (in the endpoint or any
dependency: one shared instance per request), ``add_task(func, *args, **kwargs)``, and the
functions run after the response, in order, sync ones in a worker thread. On top of that:

- ``add_task`` returns a handle whose ``id`` finds the task's status in ``app.tasks``;
- a failing task is logged and recorded, and the tasks after it still run;
- with a durable app (``FastAPI(tasks="sqlite:///tasks.db")``) tasks are stored before the
  response is sent and survive restarts; ``@task(retry=Retry(...))`` sets retry policies.

This module only collects: the app's task runtime (``fastapi.tasks.runtime``) decides where
each task goes, stores and runs them. An injected instance carries the runtime's *intake*,
which looks at each task as it is added (so an unstorable one is refused at ``add_task``).
"""

from __future__ import annotations

import itertools
import os
import secrets
import time
from collections.abc import Awaitable, Callable, Generator, Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Protocol

from starlette.background import BackgroundTask
from starlette.background import BackgroundTasks as StarletteBackgroundTasks
from typing_extensions import ParamSpec

from fastapi._lazy import lazy_attributes, on_first_call, reexports

# ``from fastapi import BackgroundTasks`` loads none of the task machinery: what these classes
# call of it is imported on the first call (an app with tasks has it loaded by then).
if TYPE_CHECKING:  # pragma: no cover
    from fastapi.tasks.codec import TaskNotStorableError
    from fastapi.tasks.functions import facts_of, plain_policy
    from fastapi.tasks.memory_group import run_unowned
    from fastapi.tasks.policy import Retry, seconds
else:
    facts_of = on_first_call(__name__, "facts_of", "fastapi.tasks.functions")
    plain_policy = on_first_call(__name__, "plain_policy", "fastapi.tasks.functions")
    run_unowned = on_first_call(__name__, "run_unowned", "fastapi.tasks.memory_group")
    seconds = on_first_call(__name__, "seconds", "fastapi.tasks.policy")

P = ParamSpec("P")

__all__ = ["BackgroundTasks", "EnqueuedTask", "TaskHandle", "TaskNotStorableError"]


class TaskHandle:
    """What ``add_task`` returns: the task's ``id`` (for ``app.tasks.get(id)``) and name."""

    __slots__ = ("id", "name")

    def __init__(self, task_id: str, name: str) -> None:
        self.id = task_id
        self.name = name

    def __repr__(self) -> str:
        return f"{type(self).__name__}(id={self.id!r}, name={self.name!r})"


class EnqueuedTask(TaskHandle):
    """What ``app.tasks.enqueue`` returns. From sync code the task is stored when it returns;
    in async code ``await`` it to know it is stored (it is being stored either way)."""

    __slots__ = ("_storing",)

    def __init__(self, task_id: str, name: str, storing: Awaitable[Any] | None = None) -> None:
        super().__init__(task_id, name)
        self._storing = storing

    def __await__(self) -> Generator[Any, None, EnqueuedTask]:
        if self._storing is not None:
            yield from self._storing.__await__()
        return self


#: Ids are drawn from the OS this many at a time (one system call, not one per task).
_ID_BATCH = 64
_spare_ids: list[str] = []
# A forked child must not hand out the ids its parent drew (list.clear: nothing to import).
os.register_at_fork(after_in_child=_spare_ids.clear)


def new_task_id() -> str:
    """32 random hex digits (128 bits) from the OS's CSPRNG (as ``secrets`` draws them):
    unique across processes, and not guessable from the ids a client has seen, so an id
    alone reveals no one else's task. ``list.pop`` is atomic: safe from any thread."""
    try:
        return _spare_ids.pop()
    except IndexError:
        pass
    drawn = os.urandom(16 * _ID_BATCH).hex()
    _spare_ids.extend([drawn[start : start + 32] for start in range(32, len(drawn), 32)])
    return drawn[:32]


_GROUP_PREFIX = secrets.token_hex(8)
_GROUP_COUNTER = itertools.count()


def group_id_of(number: int) -> str:
    """The id of this process's group ``number`` (drawn from ``_GROUP_COUNTER``): unique
    across processes (a random per-process prefix and a counter); never shown."""
    return f"{_GROUP_PREFIX}{number:016x}"


class QueuedTask(BackgroundTask):
    """A queued call with its identity and policy (still a Starlette ``BackgroundTask``).

    ``overrides`` are per-call policy options over the function's own; ``durable`` is what
    the caller asked for (None: the app decides, False: keep in memory); the runtime's
    intake sets ``stored_form`` when the task goes to the app's backend, and ``submitted``
    once it is there.
    """

    # What changes for few tasks starts at its class default (fewer writes per add_task).
    durable: bool | None = None
    admitted = False
    stored_form: Any = None
    submitted = False
    #: When it may start (a delay or a schedule); None: right after the response.
    not_before: float | None = None
    dedupe_key: str | None = None
    #: Its deduplication key was taken by a task stored before: that one runs, not this.
    duplicate = False
    #: Enqueued outside a response (``app.tasks.enqueue``): no one runs it inline.
    detached = False

    #: A sync call needing nothing of the event loop (no timeout, retry or failure hook):
    #: what ``add_task`` of a plain function queues (see ``fastapi.tasks.memory_group``).
    plain_sync = False

    def __init__(
        self,
        func: Callable[..., Any],
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        *,
        group: int,
        seq: int,
        overrides: dict[str, Any] | None = None,
        durable: bool | None = None,
    ) -> None:
        # Starlette's BackgroundTask attributes, from facts worked out once per function
        # (its __init__ would inspect the function again on every call).
        known = facts_of(func)
        self.func = func
        self.args = args  # type: ignore[assignment]  # Starlette types them by a ParamSpec
        self.kwargs = kwargs  # type: ignore[assignment]
        self.is_async = known.is_async
        self.id = new_task_id()
        self._group = group
        self.seq = seq
        if overrides:
            self.policy = policy = known.policy.merged(**overrides)
            self.name = policy.name or known.name
            if known.plain_sync and plain_policy(policy):
                self.plain_sync = True
        else:
            self.policy = known.policy
            self.name = known.task_name
            if known.plain_sync:
                self.plain_sync = True
        if durable is not None:
            self.durable = durable

    @property
    def group_id(self) -> str:
        """The id its response's tasks share (only stores read it: written out when read)."""
        return group_id_of(self._group)

    def place(self, not_before: float | None, dedupe_key: str | None) -> None:
        """Apply the per-call schedule and deduplication key (the id derives from the key)."""
        self.not_before = not_before
        if dedupe_key is not None:
            from fastapi.tasks.codec import dedupe_id

            self.dedupe_key = dedupe_key
            self.id = dedupe_id(dedupe_key)


class TaskIntake(Protocol):
    """Who looks at each task as it is added: the app's runtime (may refuse it by raising)."""

    def admit(self, queued: QueuedTask) -> None: ...


class TaskOptions:
    """Per-call options: ``background_tasks.options(retry=Retry(attempts=5)).add_task(...)``."""

    __slots__ = ("_dedupe_key", "_durable", "_not_before", "_overrides", "_tasks")

    def __init__(
        self,
        tasks: BackgroundTasks,
        durable: bool | None,
        *,
        not_before: float | None = None,
        dedupe_key: str | None = None,
        **overrides: Any,
    ) -> None:
        self._tasks = tasks
        self._durable = durable
        self._not_before = not_before
        self._dedupe_key = dedupe_key
        self._overrides = overrides

    def add_task(self, func: Callable[P, Any], *args: P.args, **kwargs: P.kwargs) -> TaskHandle:
        return self._tasks._queue(
            func, args, kwargs, self._durable, self._overrides, self._not_before, self._dedupe_key
        )


def start_time(delay: float | timedelta | None, at: datetime | float | None) -> float | None:
    """The timestamp a task may start at, from ``delay=`` (seconds or a timedelta) or ``at=``
    (an aware datetime, or a timestamp); a naive datetime is refused (whose clock?)."""
    if delay is not None and at is not None:
        raise ValueError("options() takes delay= or at=, not both")
    if delay is not None:
        seconds = delay.total_seconds() if isinstance(delay, timedelta) else float(delay)
        return time.time() + max(0.0, seconds)
    if isinstance(at, datetime):
        if at.tzinfo is None:
            raise ValueError(
                "options(at=...) needs a timezone-aware datetime, e.g. datetime.now(timezone.utc)"
            )
        return at.timestamp()
    return None if at is None else float(at)


class BackgroundTasks(StarletteBackgroundTasks):
    """Functions to call after the response is sent; declare a parameter of this type."""

    _group: int | None = None
    #: Its tasks are enqueued outside a response (``app.tasks.enqueue``).
    detached = False

    def __init__(
        self,
        tasks: Sequence[BackgroundTask] | None = None,
        *,
        intake: TaskIntake | None = None,
        detached: bool = False,
    ) -> None:
        # Starlette's __init__ sets only this; one is made for every request that injects it.
        self.tasks = list(tasks) if tasks else []
        self.intake = intake
        if detached:
            self.detached = True

    @property
    def group_id(self) -> str:
        """The id shared by this response's tasks (drawn on first use: most add none)."""
        return group_id_of(self._group_number())

    def _group_number(self) -> int:
        group = self._group
        if group is None:
            group = self._group = next(_GROUP_COUNTER)
        return group

    def add_task(self, func: Callable[P, Any], *args: P.args, **kwargs: P.kwargs) -> TaskHandle:  # type: ignore[override]
        """Queue ``func(*args, **kwargs)``; return a handle with the task's ``id``."""
        queued = QueuedTask(func, args, kwargs, group=self._group_number(), seq=len(self.tasks))
        if self.detached:
            queued.detached = True
        intake = self.intake
        if intake is not None:
            intake.admit(queued)  # raises TaskNotStorableError now
        self.tasks.append(queued)
        return TaskHandle(queued.id, queued.name)

    def options(
        self,
        *,
        retry: Retry | None = None,
        on_failure: Callable[..., Any] | None = None,
        name: str | None = None,
        durable: bool | None = None,
        delay: float | timedelta | None = None,
        at: datetime | float | None = None,
        timeout: float | timedelta | None = None,
        dedupe_key: str | None = None,
    ) -> TaskOptions:
        """Options for the next ``add_task``, over those the function declares with ``@task``.

        ``durable=False`` keeps one task in memory in a durable app (for arguments that
        cannot be stored, like open connections). ``delay=`` (seconds) or ``at=`` (an aware
        datetime) start it later; ``timeout=`` bounds each attempt; ``dedupe_key=`` makes
        the same logical job one task: while a task with that key is stored, adding another
        returns its id and adds nothing.
        """
        return TaskOptions(
            self,
            durable,
            not_before=start_time(delay, at),
            dedupe_key=dedupe_key,
            retry=retry,
            on_failure=on_failure,
            name=name,
            timeout=seconds(timeout, "timeout"),
        )

    def _queue(
        self,
        func: Callable[..., Any],
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        durable: bool | None,
        overrides: dict[str, Any],
        not_before: float | None = None,
        dedupe_key: str | None = None,
    ) -> TaskHandle:
        queued = QueuedTask(
            func,
            args,
            kwargs,
            group=self._group_number(),
            seq=len(self.tasks),
            overrides=overrides,
            durable=durable,
        )
        if not_before is not None or dedupe_key is not None:
            queued.place(not_before, dedupe_key)
        return self._append(queued)

    def _append(self, queued: QueuedTask) -> TaskHandle:
        """Let the intake see a new task (it may refuse it), then queue it (as ``add_task``
        does, written out there)."""
        if self.detached:
            queued.detached = True
        if self.intake is not None:
            self.intake.admit(queued)  # raises TaskNotStorableError now
        self.tasks.append(queued)
        return TaskHandle(queued.id, queued.name)

    def queued(self, index: int) -> QueuedTask:
        """The task at ``index`` as a QueuedTask (plain Starlette tasks are adopted)."""
        task = self.tasks[index]
        if not isinstance(task, QueuedTask):
            # Any awaitable callable may sit in the list (even another BackgroundTasks).
            func, args, kwargs = (
                (task.func, task.args, task.kwargs)
                if isinstance(task, BackgroundTask)
                and not isinstance(task, StarletteBackgroundTasks)
                else (task, (), {})
            )
            adopted = QueuedTask(func, args, kwargs, group=self._group_number(), seq=index)
            self.tasks[index] = task = adopted
        return task

    async def __call__(self) -> None:
        """Run the tasks in this process (a collector no app runtime took over: made by hand
        and sent outside an API route); failures are isolated and logged all the same."""
        if not self.tasks:
            return  # declared but unused: the common case
        await run_unowned(self)


# Names FastAPI's module carries from elsewhere, which extensions import from it.
__getattr__ = lazy_attributes(
    __name__,
    {
        **reexports("typing", "Annotated"),
        "Doc": "typing_extensions",
        "TaskNotStorableError": "fastapi.tasks.codec",
    },
)
