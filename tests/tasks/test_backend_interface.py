"""The task backend interface: another engine is one subclass, and the layers stay apart."""

from __future__ import annotations

import ast
from collections.abc import Sequence
from pathlib import Path

import pytest

import fastapi
from fastapi import BackgroundTasks, FastAPI
from fastapi.background import QueuedTask
from fastapi.tasks import TaskBackend, TaskNotStorableError, TaskSettings, TaskState, TaskStatus
from fastapi.tasks.backend import DONE, Outcome
from fastapi.tasks.records import timestamp
from fastapi.tasks.settings import TaskStoreError
from fastapi.testclient import TestClient

PACKAGE = Path(fastapi.__file__).parent
EVENTS: list[str] = []


def send(to: str) -> None:
    EVENTS.append(f"sent {to}")


class LedgerBackend(TaskBackend):
    """A durable engine of the test's own: a ledger of what it took, run when told."""

    durable = True

    def __init__(self) -> None:
        self.ledger: dict[str, QueuedTask] = {}
        self.down = False

    def prepare(self, queued: QueuedTask) -> None:
        if queued.args and queued.args[0] == "nobody":
            raise TaskNotStorableError("the ledger refuses 'nobody'")
        EVENTS.append(f"prepared {queued.args[0]}")

    async def submit(self, tasks: Sequence[QueuedTask]) -> None:
        if self.down:
            raise TaskStoreError()
        for queued in tasks:
            self.ledger[queued.id] = queued
            queued.submitted = True
        EVENTS.append(f"submitted {len(tasks)}")

    async def run(self, queued: QueuedTask) -> Outcome:
        queued.func(*queued.args)
        return DONE

    def get(self, task_id: str, *, arguments: bool = False) -> TaskStatus | None:
        queued = self.ledger.get(task_id)
        if queued is None:
            return None
        return TaskStatus(
            id=task_id,
            name=queued.name,
            state=TaskState.succeeded,
            attempts=1,
            max_attempts=1,
            created_at=timestamp(0.0),  # type: ignore[arg-type]
            durable=True,
        )

    def list(self, *, state: TaskState | None = None, limit: int = 100) -> list[TaskStatus]:
        return [status for task_id in self.ledger if (status := self.get(task_id))][:limit]

    def counts(self) -> dict[TaskState, int]:
        return {TaskState.succeeded: len(self.ledger)}


def ledger_app(backend: LedgerBackend) -> FastAPI:
    app = FastAPI(tasks=TaskSettings(backend=backend))

    @app.post("/send/{to}")
    def send_to(to: str, background_tasks: BackgroundTasks):
        first = background_tasks.add_task(send, to)
        second = background_tasks.options(durable=False).add_task(send, f"{to} (memory)")
        return {"ids": [first.id, second.id]}

    return app


def test_a_backend_of_its_own_sees_each_task_at_every_moment() -> None:
    EVENTS.clear()
    backend = LedgerBackend()
    app = ledger_app(backend)
    with TestClient(app) as client:
        durable_id, memory_id = client.post("/send/ann").json()["ids"]
        # Prepared when queued, submitted before the response, then run in order.
        assert EVENTS == ["prepared ann", "submitted 1", "sent ann", "sent ann (memory)"]
        assert app.tasks.get(durable_id).durable is True
        assert app.tasks.get(memory_id).durable is False  # options(durable=False): memory

        with pytest.raises(TaskNotStorableError, match="refuses"):
            client.post("/send/nobody")  # refused at add_task, before the endpoint returned

        backend.down = True
        EVENTS.clear()
        response = client.post("/send/bob")
        assert response.status_code == 503
        assert response.json() == {"detail": "Background tasks could not be stored"}
        assert EVENTS == ["prepared bob"]  # not run: it was never acknowledged


def test_settings_take_a_store_or_a_backend_not_both(tmp_path: Path) -> None:
    with pytest.raises(TypeError, match="store or a backend"):
        FastAPI(
            tasks=TaskSettings(store=f"sqlite:///{tmp_path / 't.db'}", backend=LedgerBackend())
        )


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_the_collector_does_not_import_the_runtime() -> None:
    # fastapi/_core imports no task module at all (tests/test_core_design.py checks it).
    assert not {
        name for name in _imports(PACKAGE / "background.py") if name.startswith("fastapi.tasks.")
    } - {"fastapi.tasks.codec", "fastapi.tasks.functions", "fastapi.tasks.policy", "fastapi.tasks.memory_group"}
