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
    """``sqlite:///relative/path.db``, ``sqlite:////absolute/path.db`` or ``redis://host:port/db``."""
    if url.startswith("sqlite:///"):
        from fastapi.tasks.store.sqlite import SQLiteTaskStore

        return SQLiteTaskStore(url[len("sqlite:///") :])
    if url.startswith(("redis://", "rediss://", "unix://")):
        from fastapi.tasks.store.redis import RedisTaskStore

        return RedisTaskStore(url)
    raise ValueError(
        f"Unknown task store URL {url!r}: use 'sqlite:///path.db' or 'redis://host:port/0'"
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
