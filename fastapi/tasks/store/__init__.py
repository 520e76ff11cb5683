"""Durable task stores, and ``open_store(url)`` to pick one from a URL."""

from __future__ import annotations

from fastapi.tasks.store.base import (
    AddTasks,
    Cancel,
    Claim,
    ClaimedTask,
    Extend,
    Finish,
    NewTask,
    Release,
    StoreCall,
    TaskStore,
)


def open_store(url: str) -> TaskStore:
    """``sqlite:///relative/path.db`` or ``sqlite:////absolute/path.db``. A Redis URL is the
    taskiq engine, not a store: ``fastapi.tasks.engines.open_backend(url)`` opens it."""
    if url.startswith("sqlite:///"):
        from fastapi.tasks.store.sqlite import SQLiteTaskStore

        return SQLiteTaskStore(url[len("sqlite:///") :])
    if url.startswith(("redis://", "rediss://", "unix://")):
        raise ValueError(
            f"{url!r} names the taskiq engine on Redis, not a task store: "
            "FastAPI(tasks=url) runs it; fastapi.tasks.engines.open_backend(url) reads its tasks"
        )
    raise ValueError(
        f"Unknown task store URL {url!r}: use 'sqlite:///path.db' (a store) or "
        "'redis://host:port/0' (the taskiq engine on Redis)"
    )


__all__ = [
    "AddTasks",
    "Cancel",
    "Claim",
    "ClaimedTask",
    "Extend",
    "Finish",
    "NewTask",
    "Release",
    "StoreCall",
    "TaskStore",
    "open_store",
]
