"""The Celery engine: an app's durable tasks published to Celery, run by Celery workers.

Every task goes through one generic Celery task (``fastapi.run``, in ``celery_task``) that
imports the function by its ``module:qualified_name`` and decodes its JSON arguments with the
same codec as the stores, so the endpoint code (``add_task``, ``@task`` policies,
``current_task()``) does not change. Celery keeps what it is trusted for: delivery
(``acks_late``, a worker lost mid-task gives its message back), retries (countdowns computed
by the ``Retry`` policy), time limits and the result backend, which the status API reads
(``celery_meta``) and, on Redis, lists (``celery_index``).
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Sequence
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

import anyio
from celery import Celery
from celery.app.task import Context

from fastapi.tasks import codec
from fastapi.tasks.backend import DEFERRED, Outcome, TaskBackend
from fastapi.tasks.engines import celery_transport, claims, reads
from fastapi.tasks.engines.celery_index import TaskIndex
from fastapi.tasks.engines.celery_meta import (
    GENERIC_TASK,
    QUEUED,
    TaskError,
    call_of,
    cancel_key,
    status_from_meta,
)
from fastapi.tasks.engines.celery_results import BACKEND_PREFIX
from fastapi.tasks.engines.celery_task import run_generic
from fastapi.tasks.engines.publishing import publish_one_or_fail, publish_or_fail
from fastapi.tasks.inline import error_text
from fastapi.tasks.records import FINISHED, TaskState, TaskStatus, empty_counts

if TYPE_CHECKING:  # pragma: no cover
    from fastapi.background import QueuedTask

__all__ = ["GENERIC_TASK", "CeleryBackend", "TaskError", "celery_app_for"]

logger = logging.getLogger("fastapi.tasks")

#: Seconds past a task's ``timeout`` after which Celery's hard time limit ends its worker
#: process (prefork pool): the last resort for a call that blocks its event loop.
TIME_LIMIT_GRACE = 2.0


def celery_app_for(url: str) -> Celery:
    """The Celery app of a ``celery+redis://host:port/db`` setting: Redis as broker and
    result backend. Other brokers (RabbitMQ) come with a Celery app of one's own."""
    target = url.removeprefix("celery+")
    if not target.startswith(("redis://", "rediss://")):
        raise ValueError(
            f"tasks={url!r}: a celery+ URL names a Redis server (celery+redis://host:6379/0); "
            "for RabbitMQ or another broker, pass your Celery app: FastAPI(tasks=celery_app)"
        )
    # The result backend is Celery's Redis one, keeping the per-state index as it stores;
    # the transport is kombu's Redis one, whose messages join the record's pipeline.
    app = Celery("fastapi", broker=target, backend=BACKEND_PREFIX + target)
    app.conf.broker_transport = celery_transport.TRANSPORT
    return app


_publishing = threading.local()
reading = reads.reading("Celery")


def _skip_result_subscription(backend: Any) -> None:
    """Keep Celery from subscribing to the result of each task this engine publishes.

    Celery's Redis result backend subscribes to a task's result channel as it is sent (and
    unsubscribes when the ``AsyncResult`` is dropped), for callers that wait on
    ``.get()``: two round trips per task that nothing here waits for. The app's own
    ``send_task`` calls keep the subscription (the flag is set for ours only)."""
    if getattr(backend, "_fastapi_quiet", False):
        return
    subscribe = backend.on_task_call

    def on_task_call(producer: Any, task_id: str) -> None:
        if not getattr(_publishing, "active", False):
            subscribe(producer, task_id)

    backend.on_task_call = on_task_call
    backend._fastapi_quiet = True


class CeleryBackend(TaskBackend):
    """Durable tasks run by Celery workers (``fastapi worker main.py --engine celery``)."""

    durable = True

    def __init__(self, app: Celery | str, *, publish_timeout: float = 5.0) -> None:
        self.app = celery_app_for(app) if isinstance(app, str) else app
        self.publish_timeout = publish_timeout
        # Statuses carry the call (name, arguments, attempts) in every state of the task.
        self.app.conf.result_extended = True
        self.task = self.app.task(
            name=GENERIC_TASK,
            bind=True,
            acks_late=True,
            reject_on_worker_lost=True,
            serializer="json",
            max_retries=None,
        )(run_generic)
        self.app.fastapi_backend = self  # what the beat scheduler publishes through
        #: The periodic task functions Celery beat fires, and the app runtime it enqueues them
        #: through (``fastapi worker --engine celery --beat`` sets both).
        self.periodic: list[Any] = []
        self.runtime: Any = None
        self._index: TaskIndex | bool | None = False
        self._joins: bool | None = None

    def __repr__(self) -> str:
        return f"CeleryBackend(broker={self.app.conf.broker_url!r})"

    @property
    def index(self) -> TaskIndex | None:
        if self._index is False:  # the result backend is made on first use
            self._index = TaskIndex.of(self.app.backend)
        return self._index  # type: ignore[return-value]

    # -- the request side ---------------------------------------------------------------------

    def prepare(self, queued: QueuedTask) -> None:
        queued.stored_form = self._message(queued)  # raises TaskNotStorableError now

    def _message(self, queued: QueuedTask) -> tuple[str, str, dict[str, Any]]:
        policy = queued.policy
        info: dict[str, Any] = {
            "display": queued.name,
            "created_at": time.time(),
            "retry": {
                **policy.retry.to_dict(),
                "on": [f"{cls.__module__}:{cls.__qualname__}" for cls in policy.retry.on],
            },
            "timeout": policy.timeout,
        }
        name = codec.reference(queued.func)
        return name, codec.encode_arguments(queued.func, queued.args, queued.kwargs), info

    async def submit(self, tasks: Sequence[QueuedTask]) -> None:
        """Publish the tasks before the response is sent: a broker that fails or hangs
        fails the request (503), nothing acknowledged is silently dropped."""
        await publish_or_fail(
            "Celery",
            lambda: anyio.to_thread.run_sync(self._publish_all, tasks, abandon_on_cancel=True),
            self.publish_timeout,
        )

    def submit_blocking(self, queued: QueuedTask) -> None:
        """Publish one task from code without an event loop (a script, a worker thread)."""
        publish_one_or_fail(queued.id, lambda: self._publish_all([queued]))

    def _publish_all(self, tasks: Sequence[QueuedTask]) -> None:
        sent: list[str] = []
        for queued in tasks:
            name, payload, info = queued.stored_form or self._message(queued)
            if queued.dedupe_key is not None and self._published_before(queued.id):
                queued.duplicate = queued.submitted = True  # its key's task is the one
                continue
            if queued.not_before is not None:
                info["not_before"] = queued.not_before
            try:
                self.publish(queued.id, name, payload, info)
            except BaseException:
                if queued.dedupe_key is not None:
                    self._unclaim_publication(queued.id)
                self._withdraw(sent)
                raise
            sent.append(queued.id)
            queued.submitted = True

    def _withdraw(self, sent: list[str]) -> None:
        """All or none: the request gets a 503, so the tasks it already published are
        cancelled (their workers skip them); best effort, the backend may be down too."""
        for task_id in sent:
            try:
                self.cancel(task_id)
            except Exception as exc:
                logger.warning("Task %s could not be withdrawn: %s", task_id, error_text(exc))

    def publish(
        self, task_id: str, name: str, payload: str | None, info: dict[str, Any], new: bool = True
    ) -> None:
        """Record the task as queued, index it, and send its message (blocking). A ``new``
        task whose message cannot be sent is unrecorded again: its request gets a 503."""
        # A mark of this publication: a stale message of the same id (one that was due
        # when the task was retried) is told apart and skipped.
        info["run"] = uuid.uuid4().hex[:12]
        # Recorded first: a published task is never "unknown" to the status API.
        record = {"info": info, "name": name, "payload": payload}
        backend = self.app.backend  # Celery's result backend of this thread
        _skip_result_subscription(backend)
        if self._joins_messages():
            self._publish_joined(task_id, name, payload, info, record, new)
            return
        if self.index is not None:
            self.index.add(task_id, info["created_at"], {"status": QUEUED, "result": record})
        else:
            backend.store_result(task_id, record, QUEUED)
        _publishing.active = True
        try:
            self._send(task_id, name, payload, info)
        except BaseException:
            if new:  # refused (503): no "pending" task that never comes
                self._unrecord(task_id)
            raise
        finally:
            _publishing.active = False

    def _joins_messages(self) -> bool:
        """Whether messages join the record's pipeline (the app's transport is the joining
        one, and its result backend keeps the index: both on Redis); looked up once."""
        if self._joins is None:
            joining = self.app.conf.broker_transport == celery_transport.TRANSPORT
            self._joins = joining and self.index is not None
        return self._joins

    def _publish_joined(
        self,
        task_id: str,
        name: str,
        payload: str | None,
        info: dict[str, Any],
        record: dict[str, Any],
        new: bool,
    ) -> None:
        """The record, its index entry and the message in one MULTI/EXEC round trip (the
        message joins the pipeline: ``celery_transport``); kombu sends a message that cannot
        join (another server) itself, the record is written right after it."""
        assert self.index is not None
        with self.app.backend.client.pipeline(transaction=True) as pipe:
            self.index.stage(
                pipe, task_id, info["created_at"], {"status": QUEUED, "result": record}
            )
            _publishing.active = True
            try:
                with celery_transport.joining(pipe):
                    self._send(task_id, name, payload, info)
            finally:
                _publishing.active = False
            try:
                pipe.execute()
            except BaseException:
                if new:  # its reply lost: perhaps written, unrecorded then (a 503)
                    self._unrecord(task_id)
                raise

    def _send(self, task_id: str, name: str, payload: str | None, info: dict[str, Any]) -> None:
        not_before = info.get("not_before")
        timeout = info.get("timeout")
        self.task.apply_async(
            args=[name, payload, info],
            task_id=task_id,
            eta=None if not_before is None else datetime.fromtimestamp(not_before, timezone.utc),
            time_limit=None if timeout is None else timeout + TIME_LIMIT_GRACE,
            retry=False,  # a broker that is down fails the request, not a hidden loop
            # What Celery's logs and Flower show of the call: the function, not its
            # arguments (an e-mail address, a token); also spares a repr per task.
            argsrepr=f"({name!r}, ...)",
            kwargsrepr="{}",
        )

    def _unrecord(self, task_id: str) -> None:
        """Drop the record of a task whose message could not be sent (best effort: the
        result backend may be down as well)."""
        try:
            if self.index is not None:
                self.index.remove(task_id)
            else:
                self.app.backend.forget(task_id)
        except Exception as exc:
            logger.warning("Task %s could not be unrecorded: %s", task_id, error_text(exc))

    def claim(self, key: str, ttl: float) -> bool:
        """Take ``key`` once for ``ttl`` seconds (Redis ``SET NX``; True without Redis)."""
        if self.index is None:
            return True
        return claims.claim(self.app.backend.client, key, "1", ttl=int(ttl) + 1)

    def _published_before(self, task_id: str) -> bool:
        """Whether a ``dedupe_key``'s task was published already. On Redis its publication
        is claimed once (``SET NX``, kept as long as the records): of two requests with one
        key, one publishes. The record is checked too (a task published before claims)."""
        if self.index is not None:
            kept = self.index.kept_for()
            key = claims.publish_key(task_id)
            if not claims.claim(self.app.backend.client, key, "1", ttl=kept):
                return True
        return self.app.backend.get_task_meta(task_id, cache=False).get("status") != "PENDING"

    def _unclaim_publication(self, task_id: str) -> None:
        """A refused publication gives its claim back: the key's next request publishes."""
        if self.index is None:
            return
        try:
            self.app.backend.client.delete(claims.publish_key(task_id))
        except Exception as exc:
            logger.warning("Task %s: its publication claim stays: %s", task_id, error_text(exc))

    async def run(self, queued: QueuedTask) -> Outcome:
        return DEFERRED  # Celery's workers run it

    # -- statuses -----------------------------------------------------------------------------

    def _meta(self, task_id: str) -> dict[str, Any]:
        meta: dict[str, Any] = self.app.backend.get_task_meta(task_id, cache=False)
        return meta

    def _cancel_asked(self, task_id: str) -> bool:
        backend = self.app.backend
        return hasattr(backend, "get") and bool(backend.get(cancel_key(task_id)))

    @reading
    def get(self, task_id: str, *, arguments: bool = False) -> TaskStatus | None:
        status = status_from_meta(task_id, self._meta(task_id), arguments=arguments)
        if status is not None and status.state is TaskState.running:
            status.cancel_requested = self._cancel_asked(task_id)
        return status

    @reading
    def list(self, *, state: TaskState | None = None, limit: int = 100) -> list[TaskStatus]:
        """The newest tasks of the result backend (Redis), filtered by state."""
        found: list[TaskStatus] = []
        if self.index is None or limit <= 0:
            return found
        for batch in self.index.newest(batch=max(limit, 100)):
            for task_id, meta in batch:
                status = status_from_meta(task_id, meta)
                if status is not None and state in (None, status.state):
                    found.append(status)
                    if len(found) >= limit:
                        return found
        return found

    @reading
    def counts(self) -> dict[TaskState, int]:
        """One ``ZCARD`` per state (``celery+redis://``); with a Redis result backend of
        the app's own, every indexed task's state read from its record."""
        counts = empty_counts()
        if self.index is None:
            return counts
        kept = self.index.counts()
        if kept is not None:
            return kept
        for batch in self.index.newest(batch=1000):
            for task_id, meta in batch:
                status = status_from_meta(task_id, meta)
                if status is not None:
                    counts[status.state] += 1
        return counts

    # -- acting on tasks ------------------------------------------------------------------------

    @reading
    def cancel(self, task_id: str) -> bool:
        """A pending task is recorded cancelled (its worker skips it when it comes up); a
        running one is asked to stop through its cancel key, which its worker polls."""
        meta = self._meta(task_id)
        status = status_from_meta(task_id, meta)
        if status is None or status.state in FINISHED:
            return False
        backend = self.app.backend
        if hasattr(backend, "set"):
            # Set first: a worker starting it right now still sees it, at start or running.
            backend.set(cancel_key(task_id), b"1")
        elif status.state is TaskState.running:
            return False  # no key-value result backend: a running task cannot be told
        if status.state is TaskState.pending:
            call = call_of(meta)
            request = Context(task=GENERIC_TASK, id=task_id, args=list(call or ()), kwargs={})
            self.app.backend.mark_as_revoked(task_id, "cancelled", request=request)
        return True

    @reading
    def retry(self, task_id: str) -> bool:
        """Publish a failed or cancelled task again under its id, from its first attempt."""
        meta = self._meta(task_id)
        status = status_from_meta(task_id, meta)
        call = call_of(meta)
        if status is None or call is None:
            return False
        if status.state not in (TaskState.failed, TaskState.cancelled):
            return False
        name, payload, info = call
        fresh = {key: info[key] for key in ("display", "created_at", "retry", "timeout")}
        if hasattr(self.app.backend, "delete"):
            self.app.backend.delete(cancel_key(task_id))
        self.publish(task_id, name, payload, fresh, new=False)
        return True
