"""Distributed engines behind the task backend interface (``fastapi.tasks.backend``).

Each engine is one module with one ``TaskBackend`` subclass; ``settings_for`` turns the
app's ``tasks=`` setting into it when the setting names an engine, without importing an
engine that is not asked for (they are optional extras).
"""

from __future__ import annotations

from typing import Any

CELERY_PREFIX = "celery+"


def names_engine(setting: Any) -> bool:
    """Whether ``tasks=`` names an engine: a ``celery+...`` URL or a Celery app object."""
    if isinstance(setting, str):
        return setting.startswith(CELERY_PREFIX)
    return type(setting).__module__.split(".")[0] == "celery"


def settings_for(setting: Any) -> Any:
    """The ``TaskSettings`` of an engine setting (a Celery app, or ``celery+redis://...``)."""
    from fastapi.tasks.engines.celery import CeleryBackend
    from fastapi.tasks.settings import TaskSettings

    return TaskSettings(backend=CeleryBackend(setting))
