"""The Celery engine: an app's durable tasks published to Celery, run by Celery workers.

Every task goes through one generic Celery task (``fastapi.run``) that imports the function
by its ``module:qualified_name`` and decodes its JSON arguments with the same codec as the
stores, so the endpoint code (``add_task``, ``@task`` policies, ``current_task()``) does not
change. Celery keeps what it is trusted for: delivery (``acks_late``, a worker lost mid-task
gives its message back), retries (countdowns computed by the ``Retry`` policy, backoff and
jitter included) and the result backend, which the status API reads.
"""

from __future__ import annotations

import functools
import json
import logging
import time
from collections.abc import Sequence
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

import anyio
from celery import Celery, Task
from celery.app.task import Context
from celery.exceptions import Ignore

from fastapi.tasks import codec
from fastapi.tasks.backend import DEFERRED, Outcome, TaskBackend
from fastapi.tasks.context import RunningTask, TaskCancelled
from fastapi.tasks.inline import call_task, error_text
from fastapi.tasks.policy import Retry
from fastapi.tasks.records import TaskProgress, TaskState, TaskStatus, empty_counts
from fastapi.tasks.settings import TaskStoreError

if TYPE_CHECKING:  # pragma: no cover
    from fastapi.background import QueuedTask

logger = logging.getLogger("fastapi.tasks")

#: The one Celery task every background task is published to.
GENERIC_TASK = "fastapi.run"
#: The state of a task published and not yet started (Celery's PENDING means "unknown").
QUEUED = "QUEUED"
#: The state a running task is in once it reported progress.
PROGRESS = "PROGRESS"

_STATES = {
    QUEUED: TaskState.pending,
    "PENDING": TaskState.pending,
    "RECEIVED": TaskState.pending,
    "RETRY": TaskState.pending,
    "STARTED": TaskState.running,
    PROGRESS: TaskState.running,
    "SUCCESS": TaskState.succeeded,
    "FAILURE": TaskState.failed,
    "REVOKED": TaskState.cancelled,
}


class TaskError(Exception):
    """A task's last error, as ``'ExceptionType: message'``: what the result backend keeps,
    readable by any process (the original exception class may not import there)."""


def celery_app_for(url: str) -> Celery:
    """The Celery app of a ``celery+redis://host:port/db`` setting: Redis as broker and
    result backend. Other brokers (RabbitMQ) come with a Celery app of one's own."""
    target = url.removeprefix("celery+")
    if not target.startswith(("redis://", "rediss://")):
        raise ValueError(
            f"tasks={url!r}: a celery+ URL names a Redis server (celery+redis://host:6379/0); "
            "for RabbitMQ or another broker, pass your Celery app: FastAPI(tasks=celery_app)"
        )
    return Celery("fastapi", broker=target, backend=target)


class CeleryBackend(TaskBackend):
    """Durable tasks run by Celery workers (``fastapi worker main.py --engine celery``)."""

    durable = True

    def __init__(self, app: Celery | str, *, publish_timeout: float = 5.0) -> None:
        self.app = celery_app_for(app) if isinstance(app, str) else app
        self.publish_timeout = publish_timeout
        # Statuses carry the call (name, arguments, retries) in every state of the task.
        self.app.conf.result_extended = True
        self.task = self.app.task(
            name=GENERIC_TASK,
            bind=True,
            acks_late=True,
            reject_on_worker_lost=True,
            track_started=True,
            serializer="json",
            max_retries=None,
        )(run_generic)

    def __repr__(self) -> str:
        return f"CeleryBackend(broker={self.app.conf.broker_url!r})"

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
        try:
            with anyio.fail_after(self.publish_timeout):
                await anyio.to_thread.run_sync(self._publish_all, tasks, abandon_on_cancel=True)
        except Exception as exc:
            logger.error("Publishing background tasks to Celery failed: %s", error_text(exc))
            raise TaskStoreError() from exc

    def submit_blocking(self, queued: QueuedTask) -> None:
        """Publish one task from code without an event loop (a script, a worker thread)."""
        try:
            self._publish_all([queued])
        except Exception as exc:
            logger.error("Publishing background task %s failed: %s", queued.id, error_text(exc))
            raise TaskStoreError() from exc

    def _publish_all(self, tasks: Sequence[QueuedTask]) -> None:
        for queued in tasks:
            name, payload, info = queued.stored_form or self._message(queued)
            if queued.dedupe_key is not None and self._known(queued.id):
                queued.duplicate = queued.submitted = True  # its key's task is the one
                continue
            # Recorded first: a published task is never "unknown" to the status API.
            self.app.backend.store_result(queued.id, {"info": info, "name": name}, QUEUED)
            eta = None
            if queued.not_before is not None:
                eta = datetime.fromtimestamp(queued.not_before, tz=timezone.utc)
            self.task.apply_async(
                args=[name, payload, info],
                task_id=queued.id,
                eta=eta,
                retry=False,  # a broker that is down fails the request, not a hidden loop
            )
            queued.submitted = True

    def _known(self, task_id: str) -> bool:
        return self.app.backend.get_task_meta(task_id, cache=False).get("status") != "PENDING"

    async def run(self, queued: QueuedTask) -> Outcome:
        return DEFERRED  # Celery's workers run it

    # -- statuses -----------------------------------------------------------------------------

    def get(self, task_id: str, *, arguments: bool = False) -> TaskStatus | None:
        meta = self.app.backend.get_task_meta(task_id, cache=False)
        return status_from_meta(task_id, meta, arguments=arguments)

    def cancel(self, task_id: str) -> bool:
        """Revoke through Celery: a task not started yet never runs (a running one finishes)."""
        meta = self.app.backend.get_task_meta(task_id, cache=False)
        status = status_from_meta(task_id, meta, arguments=False)
        if status is None or status.state is not TaskState.pending:
            return False
        self.app.control.revoke(task_id)
        # Recorded with the call, as the worker records a revoke it meets.
        call = meta.get("args") or [meta["result"]["name"], None, meta["result"]["info"]]
        request = Context(task=GENERIC_TASK, id=task_id, args=call, kwargs={}, retries=0)
        self.app.backend.mark_as_revoked(task_id, "cancelled", request=request)
        return True

    def list(self, *, state: TaskState | None = None, limit: int = 100) -> list[TaskStatus]:
        return []  # Celery's result backends are read by id; Flower lists tasks

    def counts(self) -> dict[TaskState, int]:
        return empty_counts()


def status_from_meta(task_id: str, meta: dict[str, Any], *, arguments: bool) -> TaskStatus | None:
    """A ``TaskStatus`` from a result-backend record (None for an id Celery never saw)."""
    state = _STATES.get(meta.get("status", ""), TaskState.running)
    result = meta.get("result")
    call = meta.get("args") or []
    if len(call) == 3:
        name, payload, info = call
    elif isinstance(result, dict) and "info" in result:
        name, payload, info = result["name"], None, result["info"]
    else:
        return None
    retries = int(meta.get("retries") or 0)
    max_attempts = int(info["retry"]["attempts"])
    finished = state in (TaskState.succeeded, TaskState.failed, TaskState.cancelled)
    status = TaskStatus(
        id=task_id,
        name=info.get("display") or name,
        state=state,
        attempts=0 if meta["status"] == QUEUED else min(retries + 1, max_attempts),
        max_attempts=max_attempts,
        created_at=datetime.fromtimestamp(info["created_at"], tz=timezone.utc),
        finished_at=meta.get("date_done") if finished else None,
        durable=True,
        error=str(result)
        if isinstance(result, BaseException) and state is not TaskState.cancelled
        else None,
        result=result if state is TaskState.succeeded else None,
        progress=TaskProgress(**result["progress"])
        if isinstance(result, dict) and "progress" in result
        else None,
    )
    if arguments and payload is not None:
        status.arguments = json.loads(payload)
    return status


def _retry_policy(info: dict[str, Any]) -> Retry:
    options = dict(info["retry"])
    on: tuple[Any, ...] = tuple(codec.resolve(ref) for ref in options.pop("on", []))
    return Retry(**options, on=on or (Exception,))


def _report(task: Task, task_id: str, progress: TaskProgress) -> None:
    """Progress is best effort: a result backend that fails does not fail the task."""
    try:
        task.update_state(task_id=task_id, state=PROGRESS, meta={"progress": progress.model_dump()})
    except Exception as exc:
        logger.warning("Progress of task %s not recorded: %s", task_id, error_text(exc))


def run_generic(task: Task, name: str, payload: str, info: dict[str, Any]) -> Any:
    """The Celery task: run ``name`` with its arguments, under its ``@task`` policy."""
    func = codec.resolve(name)
    args, kwargs = codec.decode_arguments(func, payload)
    retry = _retry_policy(info)
    attempt = task.request.retries + 1
    running = RunningTask(task.request.id, name, attempt, functools.partial(_report, task))
    call = functools.partial(call_task, func, args, kwargs, running, timeout=info.get("timeout"))
    try:
        result = anyio.run(call)  # sync functions run in a thread of it, async ones on it
    except TaskCancelled:
        task.update_state(state="REVOKED", meta=None)
        raise Ignore() from None
    except Exception as exc:
        error = TaskError(error_text(exc))
        if retry.retries(exc, attempt):
            wait = retry.wait_before(attempt)
            logger.warning(
                "Task %s (%s) attempt %d failed, retry in %.1fs: %s",
                task.request.id,
                name,
                attempt,
                wait,
                error,
            )
            raise task.retry(exc=error, countdown=wait, max_retries=retry.attempts - 1) from exc
        raise error from exc
    return codec.jsonable_result(result)
