"""Status reads and actions on an engine's result backend: a backend that fails or does not
answer is one ERROR line and a 503 (``TaskStoreError``), the same for every engine, never a
server error."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import Any, TypeVar

from fastapi.tasks.inline import error_text
from fastapi.tasks.settings import TaskStoreError

logger = logging.getLogger("fastapi.tasks")

_F = TypeVar("_F", bound=Callable[..., Any])


def reading(engine: str) -> Callable[[_F], _F]:
    """Decorate an engine's ``get``, ``list``, ``counts``, ``cancel`` or ``retry``: any
    failure of its result backend becomes ``TaskStoreError`` (a 503)."""

    def decorate(method: _F) -> _F:
        @functools.wraps(method)
        def guarded(*args: Any, **kwargs: Any) -> Any:
            try:
                return method(*args, **kwargs)
            except TaskStoreError:
                raise
            except Exception as exc:
                logger.error("%s's result backend failed: %s", engine, error_text(exc))
                raise TaskStoreError("Task statuses could not be read") from exc

        return guarded  # type: ignore[return-value]

    return decorate
