"""The durable backend: tasks kept in a ``TaskStore`` (SQLite, Redis), run under a lease.

A response's tasks are written to the store before the response is sent, then run by the
process that received the request right after the response: each is *claimed* first (a
lease, renewed while it runs, so no one else runs it). What this process does not run (a
retry due later, a task another worker holds, everything when it runs no workers) is left
to the worker pool of any process (``fastapi.tasks.workers``).
"""

from __future__ import annotations

import asyncio
import logging
import time
import weakref
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any

import anyio

from fastapi.tasks import codec
from fastapi.tasks.backend import DEFERRED, DONE, Outcome, TaskBackend
from fastapi.tasks.context import RunningTask, TaskCancelled
from fastapi.tasks.health import StoreHealth, give_back, warn_if_not_durable, write_until_stored
from fastapi.tasks.inline import (
    call_on_failure,
    call_task,
    error_text,
    log_cancelled,
    log_failure,
    log_retry,
    log_start,
    log_success,
    log_unstorable_result,
)
from fastapi.tasks.policy import Retry, TaskPolicy
from fastapi.tasks.records import TaskState, TaskStatus
from fastapi.tasks.settings import TaskSettings, TaskStoreError
from fastapi.tasks.store import (
    AddTasks,
    Claim,
    ClaimedTask,
    Extend,
    Finish,
    NewTask,
    Release,
    TaskStore,
)
from fastapi.tasks.workers import WorkerPool
from fastapi.tasks.writer import StoreWriter

if TYPE_CHECKING:  # pragma: no cover
    from fastapi.background import QueuedTask

logger = logging.getLogger("fastapi")


class _LoopState:
    """Async primitives are bound to one event loop: the slots and the wake-up of one loop."""

    __slots__ = ("slots", "wakeup")

    def __init__(self, concurrency: int) -> None:
        self.slots = anyio.CapacityLimiter(concurrency)
        self.wakeup = anyio.Event()


class StoreBackend(TaskBackend):
    """Durable tasks in ``store``, run by this process (``run_here``) and any other."""

    durable = True

    def __init__(self, store: TaskStore, settings: TaskSettings, owner: str) -> None:
        self.store = store
        self.settings = settings
        self.owner = owner
        self.run_here = settings.workers
        self.writer = StoreWriter(store)
        self.health = StoreHealth(store)
        self.running: set[str] = set()
        self._unwritten: set[str] = set()  # ran, outcome not yet in the store
        #: The tasks this process runs now, to stop them when they are cancelled.
        self.active: dict[str, RunningTask] = {}
        #: Attempts ended here, by outcome: ``fastapi worker``'s shutdown line.
        self.outcomes: dict[str, int] = {"succeeded": 0, "failed": 0, "retried": 0, "cancelled": 0}
        self._loops: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, _LoopState] = (
            weakref.WeakKeyDictionary()
        )

    def loop_state(self) -> _LoopState:
        loop = asyncio.get_running_loop()
        state = self._loops.get(loop)
        if state is None:
            state = self._loops[loop] = _LoopState(max(1, self.settings.concurrency))
        return state

    def run_workers(self, concurrency: int | None = None) -> None:
        """Run tasks in this process, ``concurrency`` at a time (``fastapi worker`` does)."""
        self.run_here = True
        if concurrency is not None and concurrency != self.settings.concurrency:
            self.settings.concurrency = concurrency
            self._loops = weakref.WeakKeyDictionary()

    # -- the request side ---------------------------------------------------------------------

    def prepare(self, queued: QueuedTask) -> None:
        queued.stored_form = self._new_task(queued)  # raises TaskNotStorableError now

    def _new_task(self, queued: QueuedTask) -> NewTask:
        policy = queued.policy
        options: dict[str, Any] = {
            "retry": {
                **policy.retry.to_dict(),
                "on": [_class_reference(cls) for cls in policy.retry.on],
            },
            "on_failure": codec.reference(policy.on_failure)
            if policy.on_failure is not None
            else None,
        }
        if policy.timeout is not None:
            options["timeout"] = policy.timeout
        now = time.time()
        if queued.not_before is not None:
            not_before, scheduled = queued.not_before, True
        elif self.run_here and not queued.detached:
            # Left to the storing process for a while: it runs it right after the response.
            not_before, scheduled = now + self.settings.handoff, False
        else:
            not_before, scheduled = now, False
        return NewTask(
            id=queued.id,
            group_id=queued.group_id,
            seq=queued.seq,
            name=codec.reference(queued.func),
            payload=codec.encode_arguments(queued.func, queued.args, queued.kwargs),
            options=options,
            max_attempts=policy.retry.attempts,
            created_at=now,
            not_before=not_before,
            dedupe=queued.dedupe_key is not None,
            scheduled=scheduled,
        )

    async def submit(self, tasks: Sequence[QueuedTask]) -> None:
        """Store tasks (committed with the other writes of the moment: one disk sync)."""
        if not tasks:
            return
        forms = [queued.stored_form or self._new_task(queued) for queued in tasks]
        try:
            # A store that hangs (a frozen server, a lock held too long) fails the request.
            with anyio.fail_after(self.settings.store_timeout):
                skipped = set(await self.writer.write(AddTasks(forms)) or ())
        except Exception as exc:
            self.health.failed(exc)
            raise TaskStoreError() from exc
        self.health.succeeded()
        for queued in tasks:
            queued.submitted = True
            queued.duplicate = queued.id in skipped

    def submit_blocking(self, queued: QueuedTask) -> None:
        """Store one task from code that has no event loop (a script, a worker thread)."""
        form = queued.stored_form or self._new_task(queued)
        try:
            skipped = self.store.add([form])
        except Exception as exc:
            logger.error("Storing background task %s failed: %s", queued.id, error_text(exc))
            raise TaskStoreError() from exc
        queued.submitted = True
        queued.duplicate = queued.id in set(skipped or ())

    def wake_workers(self) -> None:
        """Tell this loop's idle workers that something is due (no wait for the poll)."""
        self.loop_state().wakeup.set()

    async def run(self, queued: QueuedTask) -> Outcome:
        if not self.run_here or queued.duplicate or queued.not_before is not None:
            return DEFERRED  # for the worker processes; its key's task; or due later
        async with self.loop_state().slots:
            try:
                claimed = await self.writer.write(
                    Claim(self.owner, self.settings.lease, task_id=queued.id)
                )
            except Exception as exc:
                self.health.failed(exc)
                return DEFERRED  # it is stored: a worker claims it once the store is back
            if claimed is None:
                return DEFERRED  # another worker has it, or it waits for a retry
            return await self.execute(
                claimed, queued.func, queued.args, queued.kwargs, queued.policy
            )

    # -- running a claimed task -------------------------------------------------------------------

    async def run_claimed(self, claimed: ClaimedTask) -> None:
        """Run a task a worker claimed (possibly stored by another process)."""
        try:
            func = codec.resolve(claimed.name)
            args, kwargs = codec.decode_arguments(func, claimed.payload)
            policy = _policy_from_options(claimed.options)
        except Exception as exc:
            await self._write_outcome(
                claimed, Finish(claimed.id, self.owner, error=error_text(exc))
            )
            log_failure(claimed.id, claimed.name, claimed.attempt, exc)
            return
        await self.execute(claimed, func, args, kwargs, policy)

    async def execute(
        self,
        claimed: ClaimedTask,
        func: Callable[..., Any],
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        policy: TaskPolicy,
    ) -> Outcome:
        self.running.add(claimed.id)
        running = RunningTask(claimed.id, claimed.name, claimed.attempt, self.report)
        self.active[claimed.id] = running
        if claimed.taken_over_from is not None:
            self._log_takeover(claimed)
        log_start(claimed.id, claimed.name, claimed.attempt, claimed.max_attempts)
        started = time.monotonic()
        ran = False
        try:
            async with anyio.create_task_group() as group:
                group.start_soon(self._heartbeat, claimed.id)  # until the outcome is written
                try:
                    result = await call_task(func, args, kwargs, running, timeout=policy.timeout)
                except TaskCancelled:
                    # The store has its cancel_requested flag: the attempt ends cancelled.
                    ran = True
                    outcome = await self._after_cancel(claimed, started)
                except Exception as exc:
                    ran = True
                    outcome = await self._after_failure(claimed, policy, exc, started)
                else:
                    ran = True
                    outcome = await self._after_success(claimed, result, started)
                group.cancel_scope.cancel()
            return outcome
        except BaseException:
            # Cancelled (shutdown past its grace period).
            await self._abandon(claimed, ran)
            raise
        finally:
            self.running.discard(claimed.id)
            self.active.pop(claimed.id, None)

    async def _after_cancel(self, claimed: ClaimedTask, started: float) -> Outcome:
        await self._write_outcome(claimed, Finish(claimed.id, self.owner))
        log_cancelled(claimed.id, claimed.name, claimed.attempt, time.monotonic() - started)
        self.outcomes["cancelled"] += 1
        return DONE

    async def _after_success(self, claimed: ClaimedTask, result: Any, started: float) -> Outcome:
        stored = self._stored_result(claimed, result)
        await self._write_outcome(claimed, Finish(claimed.id, self.owner, result=stored))
        elapsed = time.monotonic() - started
        log_success(claimed.id, claimed.name, claimed.attempt, claimed.max_attempts, elapsed)
        self.outcomes["succeeded"] += 1
        return DONE

    async def _abandon(self, claimed: ClaimedTask, ran: bool) -> None:
        """An attempt cut short by shutdown: say so if its outcome is lost, give it back
        unfinished if it never ran (without waiting on a store that hangs)."""
        if claimed.id in self._unwritten:
            self._unwritten.discard(claimed.id)
            logger.error(
                "Background task %s (%s) ran, but its outcome could not be written before "
                "shutdown (the store is unavailable): it runs again once its lease expires",
                claimed.id,
                claimed.name,
            )
        elif not ran:
            release = Release(claimed.id, self.owner)
            await give_back(self.writer, self.health, release, self.settings.store_timeout)

    async def _write_outcome(self, claimed: ClaimedTask, call: Finish) -> None:
        """Write the end of an attempt, retried until the store takes it: the task ran, so
        it must not be left ``running`` for another worker to run again."""
        self._unwritten.add(claimed.id)
        kept = await write_until_stored(self.writer, self.health, call, self.settings.lease / 6)
        self._unwritten.discard(claimed.id)
        if not kept:
            logger.warning(
                "Background task %s (%s): its outcome was not recorded, its lease had expired "
                "and another worker took it over (it may run again)",
                claimed.id,
                claimed.name,
            )

    def _stored_result(self, claimed: ClaimedTask, result: Any) -> str | None:
        try:
            return codec.encode_result(result)
        except TypeError as exc:
            log_unstorable_result(claimed.id, claimed.name, exc)
            return None

    async def watch_cancellations(self, stopping: anyio.Event) -> None:
        """Stop the tasks running here whose cancel was asked for elsewhere (another
        process, ``fastapi tasks cancel``): their store flags it, read once a second."""
        interval = min(1.0, self.settings.lease / 3)
        while not stopping.is_set():
            with anyio.move_on_after(interval):
                await stopping.wait()
            watched = [running for running in self.active.values() if not running.cancelled]
            if not watched:
                continue
            try:
                asked = await anyio.to_thread.run_sync(self._cancel_requested, watched)
            except Exception:  # the store is unreachable: the next round asks again
                continue
            for running in asked:
                running.cancel()

    def _cancel_requested(self, watched: list[RunningTask]) -> list[RunningTask]:
        found = []
        for running in watched:
            status = self.store.get(running.id)
            if status is not None and status.cancel_requested:
                found.append(running)
        return found

    def _log_takeover(self, claimed: ClaimedTask) -> None:
        logger.warning(
            "Background task %s (%s) taken over by worker %s from worker %s, which vanished "
            "(its lease expired); attempt %d, takeover %d (takeovers do not count against "
            "max_attempts=%d)",
            claimed.id,
            claimed.name,
            self.owner,
            claimed.taken_over_from,
            claimed.attempt,
            claimed.takeovers,
            claimed.max_attempts,
        )

    async def _after_failure(
        self, claimed: ClaimedTask, policy: TaskPolicy, exc: Exception, started: float
    ) -> Outcome:
        retry = policy.retry
        failures = claimed.attempt - claimed.takeovers  # a vanished worker's attempt is no failure
        if retry.retries(exc, failures):
            wait = retry.wait_before(failures)
            retry_at = time.time() + wait
            await self._write_outcome(
                claimed, Finish(claimed.id, self.owner, error=error_text(exc), retry_at=retry_at)
            )
            log_retry(claimed.id, claimed.name, claimed.attempt, wait, exc)
            self.outcomes["retried"] += 1
            self.loop_state().wakeup.set()
            return DEFERRED
        await self._write_outcome(claimed, Finish(claimed.id, self.owner, error=error_text(exc)))
        log_failure(claimed.id, claimed.name, claimed.attempt, exc, time.monotonic() - started)
        self.outcomes["failed"] += 1
        await call_on_failure(policy.on_failure, self.get, claimed.id, exc)
        return Outcome(error=exc)

    async def _heartbeat(self, task_id: str) -> None:
        interval = self.settings.lease / 3
        while True:
            await anyio.sleep(interval)
            try:
                kept = await self.writer.write(Extend(task_id, self.owner, self.settings.lease))
            except Exception as exc:
                self.health.failed(exc)  # try again at the next beat: the lease still runs
                continue
            self.health.succeeded()
            if not kept:
                logger.warning(
                    "Background task %s: lease lost; another worker may run it again", task_id
                )
                return

    def report(self, task_id: str, progress: Any) -> None:
        """Progress is best effort: a store that fails does not fail the task."""
        try:
            self.store.report(task_id, progress)
        except Exception as exc:
            self.health.failed(exc)
        else:
            self.health.succeeded()

    # -- statuses and workers -----------------------------------------------------------------

    def get(self, task_id: str, *, arguments: bool = False) -> TaskStatus | None:
        store = self.store  # a store of its own may not take the option: only when wanted
        return store.get(task_id, arguments=True) if arguments else store.get(task_id)

    def cancel(self, task_id: str) -> bool:
        """Through the store (every process sees it); a task running here is told at once."""
        found = self.store.cancel(task_id)
        running = self.active.get(task_id)
        if found and running is not None:
            running.cancel()
        return found

    def retry(self, task_id: str) -> bool:
        return self.store.retry(task_id)

    def list(self, *, state: TaskState | None = None, limit: int = 100) -> list[TaskStatus]:
        return self.store.list(state=state, limit=limit)

    def counts(self) -> dict[TaskState, int]:
        return self.store.counts()

    @asynccontextmanager
    async def lifespan(self) -> AsyncIterator[None]:
        """The worker pool for the app's lifetime (when this process runs tasks), and a
        warning if the store does not keep what it is given."""
        async with anyio.create_task_group() as checks:
            checks.start_soon(warn_if_not_durable, self.store)
            if not self.run_here:
                yield
            else:
                async with WorkerPool(self).running(), anyio.create_task_group() as group:
                    stopping = anyio.Event()
                    group.start_soon(self.watch_cancellations, stopping)
                    try:
                        yield
                    finally:
                        stopping.set()
            checks.cancel_scope.cancel()


def _class_reference(cls: type[BaseException]) -> str:
    return f"{cls.__module__}:{cls.__qualname__}"


def _policy_from_options(options: dict[str, Any]) -> TaskPolicy:
    retry_options = dict(options.get("retry") or {})
    on = tuple(codec.resolve(ref) for ref in retry_options.pop("on", [])) or (Exception,)
    retry = Retry(**retry_options, on=on)  # type: ignore[arg-type]
    hook = options.get("on_failure")
    return TaskPolicy(
        retry=retry,
        on_failure=codec.resolve(hook) if hook else None,
        timeout=options.get("timeout"),
    )
