"""Distributed engines behind the task backend interface (``fastapi.tasks.backend``).

Each engine is one module with one ``TaskBackend`` subclass; ``settings_for`` turns the
app's ``tasks=`` setting into it when the setting names an engine, without importing an
engine that is not asked for (they are optional extras).

A plain Redis URL (``redis://``, ``rediss://``, ``unix://``) names the taskiq engine on that
Redis (what ``taskiq+redis://`` names), run as a store is: the app's processes run tasks
too (``TaskSettings(workers=False)`` makes them only publish), with the settings' lease,
concurrency and timeouts. The ``taskiq+``/``celery+`` forms name an engine whose workers
are started apart (``fastapi worker``): the app only publishes.
"""

from __future__ import annotations

from typing import Any

CELERY_PREFIX = "celery+"
TASKIQ_PREFIX = "taskiq+"
#: URLs that mean the taskiq engine on Redis, with the app's processes as workers.
REDIS_SCHEMES = ("redis://", "rediss://", "unix://")
#: What a missing engine package is fixed with.
EXTRAS = {"celery": "celery", "taskiq": "taskiq"}


def _engine_of(setting: Any) -> str | None:
    """``celery`` or ``taskiq`` for a setting naming that engine: its URL prefix, a Redis
    URL, a Celery app, or a taskiq broker (any class from a ``taskiq`` package in its MRO)."""
    if isinstance(setting, str):
        for engine in ("celery", "taskiq"):
            if setting.startswith(engine + "+"):
                return engine
        return "taskiq" if is_redis_url(setting) else None
    roots = {cls.__module__.split(".")[0] for cls in type(setting).__mro__}
    if "celery" in roots:
        return "celery"
    if any(root == "taskiq" or root.startswith("taskiq_") for root in roots):
        return "taskiq"
    return None


def is_redis_url(setting: Any) -> bool:
    """Whether ``setting`` is a plain Redis URL (the taskiq engine, run as a store)."""
    return isinstance(setting, str) and setting.startswith(REDIS_SCHEMES)


def names_engine(setting: Any) -> bool:
    """Whether ``tasks=`` names an engine: a ``celery+``/``taskiq+`` or Redis URL, a Celery
    app or a taskiq broker."""
    return _engine_of(setting) is not None


def settings_for(setting: Any, settings: Any = None) -> Any:
    """The ``TaskSettings`` of an engine setting; ``settings`` (a ``TaskSettings`` whose
    ``store`` is the setting) gives the lease, concurrency, workers and timeouts."""
    from fastapi.tasks.settings import TaskSettings

    base = settings if settings is not None else TaskSettings()
    fields = {name: getattr(base, name) for name in base.__dataclass_fields__}
    fields.update(store=None, backend=open_backend(setting, base))
    return TaskSettings(**fields)


def open_backend(setting: Any, settings: Any = None) -> Any:
    """The engine backend a setting names (``fastapi tasks --store URL`` opens it too);
    a missing engine package is an ``ImportError`` naming the extra to install."""
    engine = _engine_of(setting)
    try:
        if engine == "taskiq":
            from fastapi.tasks.engines.taskiq import TaskiqBackend

            return TaskiqBackend.from_setting(setting, settings)
        from fastapi.tasks.engines.celery import CeleryBackend
    except ImportError as exc:
        extra = "redis" if is_redis_url(setting) else EXTRAS[engine or "celery"]
        raise ImportError(
            f"tasks={setting!r} runs background tasks on the {engine} engine, whose packages "
            f'are not installed ({exc}): pip install "fastapi[{extra}]"'
        ) from exc
    return CeleryBackend(setting)
