"""The errors the engine raises: a misdeclared app, and validation failures of a request or a response.

``fastapi.exceptions`` publishes them with FastAPI's HTTP exceptions.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


class FastAPIError(RuntimeError):
    """The app itself is misconfigured or misused."""


class DependencyScopeError(FastAPIError):
    """A dependency that outlives the response needs one that ends before it is sent."""


class ValidationException(Exception):
    """Validation failures, each a dict in Pydantic's error shape, read with ``errors()``.

    They are the exception's only argument too (its ``args`` and ``repr``), as in FastAPI.
    """

    def __init__(self, errors: Sequence[Any]) -> None:
        super().__init__(errors)
        self._errors = errors

    def errors(self) -> Sequence[Any]:
        return self._errors


class RequestValidationError(ValidationException):
    """The request did not match the declared parameters; answered with 422 by default.

    ``body`` is the request body as read (``None`` without one), for handlers that echo it.
    """

    def __init__(self, errors: Sequence[Any], *, body: Any = None) -> None:
        super().__init__(errors)
        self.body = body


class WebSocketRequestValidationError(ValidationException):
    """A WebSocket's parameters were invalid; the socket is closed with 1008 by default."""


class ResponseValidationError(ValidationException):
    """The endpoint returned data that does not match its response model: a server bug.

    ``body`` is what the endpoint returned; ``str()`` lists the errors one per line.
    """

    def __init__(self, errors: Sequence[Any], *, body: Any = None) -> None:
        super().__init__(errors)
        self.body = body

    def __str__(self) -> str:
        listed = "".join(f"  {error}\n" for error in self._errors)
        return f"{len(self._errors)} validation errors:\n{listed}"
