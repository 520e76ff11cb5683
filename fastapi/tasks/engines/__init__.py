"""Distributed engines behind the task backend interface (``fastapi.tasks.backend``).

Each engine is one module with one ``TaskBackend`` subclass; ``settings_for`` turns the
app's ``tasks=`` setting into it when the setting names an engine, without importing an
engine that is not asked for (they are optional extras).
"""

from __future__ import annotations

from typing import Any

CELERY_PREFIX = "celery+"
TASKIQ_PREFIX = "taskiq+"


def _engine_of(setting: Any) -> str | None:
    """``celery`` or ``taskiq`` for a setting naming that engine: its URL prefix, a Celery
    app, or a taskiq broker (any class from a ``taskiq`` package in its MRO)."""
    if isinstance(setting, str):
        for engine in ("celery", "taskiq"):
            if setting.startswith(engine + "+"):
                return engine
        return None
    roots = {cls.__module__.split(".")[0] for cls in type(setting).__mro__}
    if "celery" in roots:
        return "celery"
    if any(root == "taskiq" or root.startswith("taskiq_") for root in roots):
        return "taskiq"
    return None


def names_engine(setting: Any) -> bool:
    """Whether ``tasks=`` names an engine: a ``celery+``/``taskiq+`` URL, a Celery app or a
    taskiq broker."""
    return _engine_of(setting) is not None


def settings_for(setting: Any) -> Any:
    """The ``TaskSettings`` of an engine setting."""
    from fastapi.tasks.settings import TaskSettings

    if _engine_of(setting) == "taskiq":
        from fastapi.tasks.engines.taskiq import TaskiqBackend

        return TaskSettings(backend=TaskiqBackend(setting))
    from fastapi.tasks.engines.celery import CeleryBackend

    return TaskSettings(backend=CeleryBackend(setting))
