"""The taskiq engine: an app's durable tasks published to a taskiq broker, run by taskiq workers.

Every task goes through one generic taskiq task (``fastapi.run``, in
``fastapi.tasks.engines.taskiq_task``) that imports the function by its
``module:qualified_name`` and decodes its JSON arguments with the stores' codec, so endpoint
code does not change. Taskiq keeps delivery (taskiq-redis's stream broker, acknowledged after
the task ran: a killed worker's message goes to another) and the result backend. A task's
status record is kept with taskiq's own progress tracking (``set_progress``/``get_progress``
of the result backend): written as ``QUEUED`` before the message is published, then by the
worker at each attempt; the return value or the last error is the task's taskiq result.
"""

from __future__ import annotations

import asyncio
import builtins
import logging
import math
import time
import weakref
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine, Sequence
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any, TypeVar

import anyio
from taskiq import AsyncBroker, TaskiqEvents
from taskiq.depends.progress_tracker import TaskProgress as TaskiqProgress
from taskiq.kicker import AsyncKicker
from taskiq.result_backends.dummy import DummyResultBackend

from fastapi.tasks import codec
from fastapi.tasks.backend import DEFERRED, Outcome, TaskBackend
from fastapi.tasks.engines.outage import EngineHealth
from fastapi.tasks.engines.owner_loop import OwnerLoop
from fastapi.tasks.engines.publishing import publish_one_or_fail, publish_or_fail
from fastapi.tasks.engines.taskiq_broker import broker_for
from fastapi.tasks.engines.taskiq_index import TaskIndex
from fastapi.tasks.engines.taskiq_publish import StreamPublisher
from fastapi.tasks.engines.taskiq_receiver import InAppWorkers
from fastapi.tasks.engines.taskiq_records import (
    CANCELLED,
    FAILURE,
    QUEUED,
    RETRY,
    STARTED,
    call_info,
    cancel_key,
    new_record,
    status_from_record,
)
from fastapi.tasks.inline import error_text
from fastapi.tasks.records import (
    TaskState,
    TaskStatus,
    empty_counts,
)
from fastapi.tasks.settings import TaskStoreError

if TYPE_CHECKING:  # pragma: no cover
    from fastapi.background import QueuedTask

logger = logging.getLogger("fastapi.tasks")
_T = TypeVar("_T")

#: The one taskiq task every background task is published to.
GENERIC_TASK = "fastapi.run"
_backends: weakref.WeakKeyDictionary[AsyncBroker, TaskiqBackend] = weakref.WeakKeyDictionary()


def backend_of(broker: AsyncBroker) -> TaskiqBackend:
    """The app backend a broker serves (what the generic task runs under, in a worker)."""
    return _backends[broker]


class TaskiqBackend(TaskBackend):
    """Durable tasks run by taskiq workers (``fastapi worker main.py --engine taskiq``)."""

    durable = True

    def __init__(
        self,
        broker: AsyncBroker | str,
        *,
        publish_timeout: float = 5.0,
        workers: int = 0,
        shutdown_grace: float = 10.0,
    ) -> None:
        """``workers``: tasks each app process runs at once, beside serving (0: none, the
        app only publishes for ``fastapi worker`` processes)."""
        self.broker = broker_for(broker) if isinstance(broker, str) else broker
        if isinstance(self.broker.result_backend, DummyResultBackend):
            raise ValueError(
                f"tasks={self.broker!r}: the taskiq engine keeps statuses, progress and "
                "results in the broker's result backend; give it one every process reads, "
                "e.g. broker.with_result_backend(RedisAsyncResultBackend(url))"
            )
        self.publish_timeout = publish_timeout
        self.read_timeout = publish_timeout
        self.owner = OwnerLoop("fastapi-taskiq")
        self.health = EngineHealth(self, self.owner, self._probe)
        self.shutdown_grace = shutdown_grace
        self.workers = InAppWorkers(self, workers, shutdown_grace) if workers > 0 else None
        self.index = TaskIndex.of(self.broker.result_backend)
        self.publisher = StreamPublisher.of(self.broker, self.index)
        self._started = False
        self._withdrawing: set[asyncio.Future[None]] = set()
        from fastapi.tasks.engines.taskiq_task import run_generic

        self.task = self.broker.register_task(run_generic, task_name=GENERIC_TASK)
        self.broker.add_event_handler(TaskiqEvents.WORKER_STARTUP, self._adopt_worker_loop)
        _backends[self.broker] = self

    @classmethod
    def from_setting(cls, setting: AsyncBroker | str, settings: Any = None) -> TaskiqBackend:
        """The backend of a ``tasks=`` setting. A plain ``redis://`` URL runs as a store: the
        app's processes receive too (``settings.workers``, ``concurrency`` at a time) and the
        lease is how long a dead worker's task stays held; ``taskiq+`` URLs and brokers
        only publish (their workers are ``fastapi worker`` processes)."""
        from fastapi.tasks.engines import is_redis_url
        from fastapi.tasks.settings import TaskSettings

        settings = settings or TaskSettings()
        timeouts = {
            "publish_timeout": settings.store_timeout,
            "shutdown_grace": settings.shutdown_grace,
        }
        if not is_redis_url(setting):
            return cls(setting, **timeouts)
        assert isinstance(setting, str)
        broker = broker_for(
            setting,
            idle_timeout=max(1, round(settings.lease * 1000)),
            result_ttl=max(1, math.ceil(settings.retention)),
        )
        workers = settings.concurrency if settings.workers else 0
        return cls(broker, workers=workers, **timeouts)

    def __repr__(self) -> str:
        return f"TaskiqBackend({self.broker!r})"

    @property
    def run_here(self) -> bool:
        """Whether this process runs tasks (then it also schedules the periodic ones)."""
        return self.workers is not None

    def run_workers(self, concurrency: int | None = None) -> None:
        """Receive during the lifespan, ``concurrency`` tasks at a time (``fastapi worker``
        on a ``redis://`` app)."""
        if concurrency is None:
            concurrency = self.workers.concurrency if self.workers is not None else 4
        self.workers = InAppWorkers(self, concurrency, self.shutdown_grace)

    @asynccontextmanager
    async def lifespan(self) -> AsyncIterator[None]:
        """The app's lifetime: one warning if Redis would lose published tasks on a restart,
        and the in-app workers of a ``redis://`` app."""
        self.owner.spawn(self._warn_if_not_durable())
        try:
            if self.workers is None:
                yield
                return
            self.workers.start()
            try:
                yield
            finally:
                await self.workers.stop()
        finally:
            if self.publisher is not None:
                await self.publisher.close()  # the connections this loop published on

    async def _warn_if_not_durable(self) -> None:
        check = getattr(self.broker, "durability_problem", None)
        if check is None:
            return
        backoff = 1.0
        while True:
            try:
                problem = await check()
                break
            except Exception:  # asked again once Redis answers
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, 30.0)
        if problem:
            logger.warning("Task engine %r: %s", self, problem)

    def _adopt_worker_loop(self, state: Any) -> None:
        import asyncio

        self.owner.adopt(asyncio.get_running_loop())
        self._started = True  # the worker started the broker

    async def start_client(self) -> None:
        """Start the broker's client side once (on the owner loop), and make its queue, so
        that what is published before any worker started is delivered too."""
        if self._started:
            return
        await self.broker.startup()
        declare = getattr(self.broker, "declare_queue", None)
        if declare is not None:
            await declare()
        self._started = True

    # -- the request side ---------------------------------------------------------------------

    def prepare(self, queued: QueuedTask) -> None:
        queued.stored_form = self._message(queued)  # raises TaskNotStorableError now

    def _message(self, queued: QueuedTask) -> tuple[str, str, dict[str, Any]]:
        info = call_info(queued.name, queued.policy, queued.not_before)
        name = codec.reference(queued.func)
        return name, codec.encode_arguments(queued.func, queued.args, queued.kwargs), info

    async def submit(self, tasks: Sequence[QueuedTask]) -> None:
        """Publish the tasks before the response is sent: a broker that fails or hangs
        fails the request (503), nothing acknowledged is silently dropped."""
        await publish_or_fail(
            "taskiq", lambda: self._publish_all(tasks), self.publish_timeout, self.health
        )

    def submit_blocking(self, queued: QueuedTask) -> None:
        """Publish one task from code without an event loop (a script, a worker thread)."""
        publish_one_or_fail(
            queued.id,
            lambda: self.owner.run_blocking(self._publish_all([queued]), self.publish_timeout),
            self.health,
        )

    async def _publish_all(self, tasks: Sequence[QueuedTask]) -> None:
        """On taskiq-redis's stream broker, from the caller's loop, one round trip a task
        (``taskiq_publish``); on other brokers through taskiq's kicker on the owner loop."""
        if self.publisher is None:
            await self.owner.run(self._publish_each(tasks, self._publish_by_kicker))
            return
        if not self._started:
            await self.owner.run(self.start_client())
        await self._publish_each(tasks, self._publish_in_one)

    async def _publish_each(
        self, tasks: Sequence[QueuedTask], publish: Callable[..., Awaitable[bool]]
    ) -> None:
        sent: builtins.list[str] = []
        for queued in tasks:
            name, payload, info = queued.stored_form or self._message(queued)
            if sent:  # a response's tasks run in order: each waits for the one before
                info = {**info, "after": sent[-1]}
            # Recorded first: a published task is never "unknown" to the status API.
            record = TaskiqProgress(state=QUEUED, meta=new_record(name, payload, info))
            try:
                if not await publish(queued, record, name, payload, info):
                    queued.duplicate = queued.submitted = True  # its key's task is the one
                    continue
            except BaseException:  # refused, or the publish timeout cancelled it: a 503
                await self._withdraw(sent, queued.id)
                raise
            sent.append(queued.id)
            queued.submitted = True

    async def _publish_in_one(
        self, queued: QueuedTask, record: Any, name: str, payload: str, info: dict[str, Any]
    ) -> bool:
        assert self.publisher is not None
        return await self.publisher.publish(
            queued.id,
            record,
            self._kicker(queued.id),
            (name, payload, info),
            new_only=queued.dedupe_key is not None,
            score=info["created_at"],
        )

    async def _publish_by_kicker(
        self, queued: QueuedTask, record: Any, name: str, payload: str, info: dict[str, Any]
    ) -> bool:
        await self.start_client()
        if not await self._record_new(queued, record):
            return False
        if self.index is not None:
            await self.index.add(queued.id, info["created_at"])
        await self._kick(queued.id, name, payload, info)
        return True

    async def _record_new(self, queued: QueuedTask, record: TaskiqProgress[Any]) -> bool:
        """Write a task's first record; False when its deduplication key's task exists
        (one atomic create with taskiq-redis's backend: two processes publishing the same
        key, as two schedulers of a periodic task do, publish it once)."""
        backend = self.broker.result_backend
        if queued.dedupe_key is None:
            await backend.set_progress(queued.id, record)
            return True
        if self.index is not None:
            return await self.index.create(queued.id, record)
        if await backend.get_progress(queued.id):
            return False
        await backend.set_progress(queued.id, record)
        return True

    async def _withdraw(self, sent: builtins.list[str], refused: str) -> None:
        """All or none: the request gets a 503, so the tasks it already published are
        cancelled and the refused one is unrecorded (no "pending" task that never runs).
        Shielded from the publish timeout's cancellation; best effort, bounded."""
        cleanup = asyncio.ensure_future(self.owner.run(self._withdraw_now(sent, refused)))
        self._withdrawing.add(cleanup)
        cleanup.add_done_callback(self._withdrawing.discard)
        await asyncio.shield(cleanup)

    async def _probe(self) -> None:
        """A cheap read: whether the result backend answers again."""
        await self.broker.result_backend.get_progress(cancel_key("fastapi-probe"))

    async def _withdraw_now(self, sent: builtins.list[str], refused: str) -> None:
        try:
            with anyio.fail_after(self.publish_timeout):
                for task_id in sent:
                    await self._cancel(task_id)
                await self.write(cancel_key(refused), CANCELLED, {"at": time.time()})
                if self.index is not None:
                    await self.index.remove(refused)
                else:
                    await self._cancel(refused)
        except Exception as exc:
            if self.health.reachable:  # else Redis is away: its outage is logged once
                logger.warning("Tasks of a refused request not withdrawn: %s", error_text(exc))

    async def _kick(
        self, task_id: str, name: str, payload: str, info: dict[str, Any], run: int = 1
    ) -> None:
        """Publish the generic task's message; ``run`` tells a retried task's result from
        the one before."""
        await self._kicker(task_id, run).kiq(name, payload, info)

    def _kicker(self, task_id: str, run: int = 1) -> AsyncKicker[Any, Any]:
        kicker: AsyncKicker[Any, Any] = AsyncKicker(GENERIC_TASK, self.broker, {"run": str(run)})
        return kicker.with_task_id(task_id)

    async def run(self, queued: QueuedTask) -> Outcome:
        return DEFERRED  # taskiq's workers run it

    # -- statuses -----------------------------------------------------------------------------

    def get(self, task_id: str, *, arguments: bool = False) -> TaskStatus | None:
        found = self._blocking(self._read_with_lease(task_id), self.read_timeout)
        if found is None:
            return None
        state, record, result, cancel_requested, lease = found
        return status_from_record(
            task_id, state, record, result, cancel_requested, arguments=arguments, lease=lease
        )

    async def _read_with_lease(self, task_id: str) -> tuple[Any, ...] | None:
        """``read``, and for a running task the end of its message's hold (its lease)."""
        found = await self.read(task_id)
        if found is None:
            return None
        state, record, result, _ = found
        lease_of = getattr(self.broker, "lease_of", None)
        lease = None
        if state == STARTED and result is None and record.get("message") and lease_of:
            lease = await lease_of(*record["message"])
        return (*found, lease)

    def _blocking(self, call: Coroutine[Any, Any, _T], timeout: float) -> _T:
        """A status read or change from a thread: Redis unreachable (or slower than
        ``timeout``) is a 503 (``TaskStoreError``) and one WARNING per outage."""
        try:
            found = self.owner.run_blocking(call, timeout)
        except TaskStoreError:
            raise
        except Exception as exc:
            self.health.failed(exc)
            raise TaskStoreError("Task statuses could not be read") from exc
        self.health.succeeded()
        return found

    async def read(self, task_id: str) -> tuple[str, dict[str, Any], Any, bool] | None:
        """A task's record state and meta, its taskiq result (None until it finished) and
        whether a cancel was asked for; None for an id never published."""
        await self.start_client()
        backend = self.broker.result_backend
        progress = await backend.get_progress(task_id)
        if progress is None or not isinstance(progress.meta, dict):
            return None
        result = None
        if await backend.is_result_ready(task_id):
            result = await backend.get_result(task_id)
            if str(result.labels.get("run", "1")) != str(progress.meta.get("run", 1)):
                result = None  # the result of the run before a retry
        marker = await backend.get_progress(cancel_key(task_id))
        cancel_requested = marker is not None and marker.state == CANCELLED
        return str(progress.state), progress.meta, result, cancel_requested

    async def write(self, task_id: str, state: str, record: dict[str, Any]) -> None:
        await self.broker.result_backend.set_progress(
            task_id, TaskiqProgress(state=state, meta=record)
        )

    def cancel(self, task_id: str) -> bool:
        """A task not started yet never runs (its status is cancelled at once); a running one
        is told (``current_task().cancelled``; an async one is cancelled at its next await)."""
        return bool(self._blocking(self._cancel(task_id), self.read_timeout))

    async def _cancel(self, task_id: str) -> bool:
        found = await self.read(task_id)
        if found is None:
            return False
        state, record, result, _ = found
        if result is not None or state in (CANCELLED, FAILURE):
            return False
        await self.write(cancel_key(task_id), CANCELLED, {"at": time.time()})
        if state in (QUEUED, RETRY):
            await self.write(task_id, CANCELLED, {**record, "finished_at": time.time()})
        return True

    def retry(self, task_id: str) -> bool:
        """Publish a failed or cancelled task again, from its first attempt."""
        return bool(self._blocking(self._retry(task_id), self.publish_timeout))

    async def _retry(self, task_id: str) -> bool:
        found = await self.read(task_id)
        if found is None:
            return False
        state, record, result, _ = found
        failed = result is not None and getattr(result, "is_err", False)
        if not (state in (CANCELLED, FAILURE) or failed):
            return False
        backend = self.broker.result_backend
        await backend.set_progress(cancel_key(task_id), TaskiqProgress(state="RETRIED", meta=None))
        fresh = new_record(record["name"], record["payload"], record["info"])
        fresh.update(created_at=record["created_at"], run=int(record.get("run", 1)) + 1)
        await self.write(task_id, QUEUED, fresh)
        await self._kick(task_id, record["name"], record["payload"], record["info"], fresh["run"])
        return True

    def list(self, *, state: TaskState | None = None, limit: int = 100) -> list[TaskStatus]:
        """The newest tasks (of the index: taskiq-redis's result backend; else none)."""
        if self.index is None or limit <= 0:
            return []
        return self._blocking(self._list(state, limit), self.read_timeout)

    async def _list(self, state: TaskState | None, limit: int) -> builtins.list[TaskStatus]:
        assert self.index is not None
        found: builtins.list[TaskStatus] = []
        async for batch in self.index.newest(batch=max(limit, 100)):
            for task_id, record_state, record in batch:
                status = status_from_record(task_id, record_state, record, None, False)
                if state is None or status.state is state:
                    found.append(status)
                if len(found) >= limit:
                    return found
        return found

    def counts(self) -> dict[TaskState, int]:
        """Every indexed task's state, read from its record."""
        counted = empty_counts()
        if self.index is not None:
            for status in self._blocking(self._list(None, 10**9), self.read_timeout):
                counted[status.state] += 1
        return counted
