"""The worker pool of a durable app: claim what is due, run it, prune old records.

Every process with workers runs one: ``concurrency`` loops that claim and run due tasks
(retries, tasks of crashed processes, tasks stored by apps that run none), one loop that
reclaims the tasks of vanished workers (pending again, saying so, even while every slot here
is busy), and one loop that prunes finished records after the retention period. No store error ends a loop: each call
that fails is reported to the store's health (one warning per outage) and tried again after
a capped exponential backoff; a loop that fails unexpectedly is logged and restarted.
"""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING

import anyio
import anyio.to_thread

from fastapi.tasks.health import Backoff
from fastapi.tasks.store import Claim

if TYPE_CHECKING:  # pragma: no cover
    from fastapi.tasks.stored import StoreBackend

logger = logging.getLogger("fastapi")


class WorkerPool:
    """The loops that run a store's due tasks in this process."""

    def __init__(self, backend: StoreBackend) -> None:
        self.backend = backend
        self.settings = backend.settings
        self.health = backend.health

    @asynccontextmanager
    async def running(self) -> AsyncIterator[None]:
        """Run the pool while the context lasts; on exit, running tasks get the grace period
        and are then cancelled (given back to the store)."""
        stopping = anyio.Event()
        async with anyio.create_task_group() as group:
            group.start_soon(self.work, stopping)
            try:
                yield
            finally:
                stopping.set()
                self.backend.loop_state().wakeup.set()
                with anyio.move_on_after(self.settings.shutdown_grace):
                    while self.backend.running:
                        await anyio.sleep(0.05)
                group.cancel_scope.cancel()

    async def work(self, stopping: anyio.Event) -> None:
        """Claim and run due tasks until ``stopping`` is set."""
        async with anyio.create_task_group() as group:
            for _ in range(max(1, self.settings.concurrency)):
                group.start_soon(_restarted, self._worker, stopping)
            group.start_soon(_restarted, self._maintenance, stopping)
            group.start_soon(_restarted, self._reclaimer, stopping)

    async def _worker(self, stopping: anyio.Event) -> None:
        backend = self.backend
        state = backend.loop_state()
        backoff = Backoff(cap=self.settings.poll_interval * 5)
        while not stopping.is_set():
            async with state.slots:
                if stopping.is_set():
                    return
                try:
                    claimed = await backend.writer.write(Claim(backend.owner, self.settings.lease))
                except Exception as exc:
                    self.health.failed(exc)
                    claimed = None
                    failed = True
                else:
                    self.health.succeeded()
                    backoff.reset()
                    failed = False
                if claimed is not None:
                    await backend.run_claimed(claimed)
                    continue
            if failed:
                await backoff.wait(stopping)
            else:
                await self._idle(stopping)

    async def _idle(self, stopping: anyio.Event) -> None:
        """Sleep until the next retry is due, a local event, or the poll interval."""
        state = self.backend.loop_state()
        timeout = self.settings.poll_interval
        try:
            due = await anyio.to_thread.run_sync(self.backend.store.next_due)
        except Exception as exc:
            self.health.failed(exc)
            due = None
        if due is not None:
            timeout = max(0.0, min(timeout, due - time.time()))
        with anyio.move_on_after(timeout):
            await state.wakeup.wait()
        if state.wakeup.is_set() and not stopping.is_set():
            state.wakeup = anyio.Event()

    async def _reclaimer(self, stopping: anyio.Event) -> None:
        """Every poll interval, put the tasks whose lease expired back to pending (their
        status then names the vanished worker) and wake a worker to take them."""
        store = self.backend.store
        while not stopping.is_set():
            try:
                reclaimed = await anyio.to_thread.run_sync(store.reclaim)
            except Exception as exc:
                self.health.failed(exc)
            else:
                if reclaimed:
                    logger.info("Reclaimed %d background task(s) whose worker vanished", reclaimed)
                    self.backend.loop_state().wakeup.set()
            with anyio.move_on_after(self.settings.poll_interval):
                await stopping.wait()

    async def _maintenance(self, stopping: anyio.Event) -> None:
        store = self.backend.store
        interval = min(300.0, max(1.0, self.settings.retention / 10))
        while not stopping.is_set():
            cutoff = time.time() - self.settings.retention
            try:
                removed = await anyio.to_thread.run_sync(store.prune, cutoff)
            except Exception as exc:
                self.health.failed(exc)
            else:
                self.health.succeeded()
                if removed:
                    logger.info("Pruned %d finished background task records", removed)
            with anyio.move_on_after(interval):
                await stopping.wait()


async def _restarted(loop: Callable[[anyio.Event], Awaitable[None]], stopping: anyio.Event) -> None:
    """Run ``loop`` until ``stopping``; should it fail, log it and start it again."""
    backoff = Backoff(first=1.0, cap=30.0)
    while not stopping.is_set():
        try:
            await loop(stopping)
        except Exception:
            logger.exception("A background task worker loop failed; restarting it")
            await backoff.wait(stopping)
