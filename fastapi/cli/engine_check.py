"""The engine worker commands' first check: the app really runs its tasks on that engine."""

from __future__ import annotations

from typing import Any, TypeVar

from fastapi.cli.registry import CLIError

BackendT = TypeVar("BackendT")


def engine_backend(
    runtime: Any, backend_class: type[BackendT], import_string: str, engine: str, example: str
) -> BackendT:
    """The app's backend if it is ``backend_class``, else a CLI error saying how to set
    the engine (``example`` names the object form of the ``tasks=`` setting)."""
    backend = getattr(runtime, "backend", None)
    if not isinstance(backend, backend_class):
        raise CLIError(
            f"{import_string} does not run its background tasks on {engine}",
            hint=f'Give the app the {engine} engine: FastAPI(tasks="{engine.lower()}+'
            f'redis://localhost:6379/0") or FastAPI(tasks={example}).',
        )
    return backend
