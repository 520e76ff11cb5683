"""Exceptions an app raises or handles: HTTP errors and validation failures."""

from __future__ import annotations

import http
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, create_model
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.exceptions import WebSocketException as StarletteWebSocketException

from fastapi._core.errors import DependencyScopeError as DependencyScopeError
from fastapi._core.errors import FastAPIError as FastAPIError
from fastapi._core.errors import RequestValidationError as RequestValidationError
from fastapi._core.errors import ResponseValidationError as ResponseValidationError
from fastapi._core.errors import ValidationException as ValidationException
from fastapi._core.errors import (
    WebSocketRequestValidationError as WebSocketRequestValidationError,
)
from fastapi._lazy import lazy_attributes, reexports

__all__ = [
    "DependencyScopeError",
    "FastAPIError",
    "HTTPException",
    "RequestErrorModel",
    "RequestValidationError",
    "ResponseValidationError",
    "StarletteHTTPException",
    "ValidationException",
    "WebSocketErrorModel",
    "WebSocketException",
    "WebSocketRequestValidationError",
]


# FastAPI's empty models named "Request" and "WebSocket", built when first read (building a
# Pydantic model at import would cost every app that never reads them).
RequestErrorModel: type[BaseModel]
WebSocketErrorModel: type[BaseModel]
_ERROR_MODELS = {"RequestErrorModel": "Request", "WebSocketErrorModel": "WebSocket"}


class HTTPException(StarletteHTTPException):
    """Raise it anywhere in a request to answer with ``status_code`` and ``{"detail": ...}``."""

    def __init__(
        self,
        status_code: int,
        detail: Any = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        if detail is None:
            # The reason phrase; an unknown status is a ValueError, whatever Starlette says.
            detail = http.HTTPStatus(status_code).phrase
        super().__init__(status_code=status_code, detail=detail, headers=headers)  # type: ignore[arg-type]


class WebSocketException(StarletteWebSocketException):
    """Raise it in a WebSocket endpoint to close the connection with ``code``."""

    def __init__(self, code: int, reason: str | None = None) -> None:
        super().__init__(code=code, reason=reason)


# Names FastAPI's module carries from elsewhere, which extensions import from it.
_reexported = lazy_attributes(
    __name__,
    {
        **reexports("typing", "Annotated", "Dict", "Optional", "Sequence", "Type", "Union"),
        "Doc": "typing_extensions",
    },
)


def __getattr__(name: str) -> Any:
    model_name = _ERROR_MODELS.get(name)
    if model_name is None:
        return _reexported(name)
    model: type[BaseModel] = globals().setdefault(name, create_model(model_name))  # one, raced
    return model
