"""Exceptions an app raises or handles: HTTP errors and validation failures."""

from __future__ import annotations

import http
from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import BaseModel, create_model
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.exceptions import WebSocketException as StarletteWebSocketException

__all__ = [
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


RequestErrorModel: type[BaseModel] = create_model("Request")
WebSocketErrorModel: type[BaseModel] = create_model("WebSocket")


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


class FastAPIError(RuntimeError):
    """The app itself is misconfigured or misused."""


class ValidationException(Exception):
    def __init__(self, errors: Sequence[Any]) -> None:
        self._errors = errors

    def errors(self) -> Sequence[Any]:
        return self._errors


class RequestValidationError(ValidationException):
    """The request did not match the declared parameters; answered with 422 by default."""

    def __init__(self, errors: Sequence[Any], *, body: Any = None) -> None:
        super().__init__(errors)
        self.body = body


class WebSocketRequestValidationError(ValidationException):
    """A WebSocket's parameters were invalid; the socket is closed with 1008 by default."""


class ResponseValidationError(ValidationException):
    """The endpoint returned data that does not match its response model: a server bug."""

    def __init__(self, errors: Sequence[Any], *, body: Any = None) -> None:
        super().__init__(errors)
        self.body = body

    def __str__(self) -> str:
        lines = [f"{len(self._errors)} validation errors:"]
        lines.extend(f"  {error}" for error in self._errors)
        return "\n".join(lines) + "\n"
