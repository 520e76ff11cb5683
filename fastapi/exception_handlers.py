"""The default answers for FastAPI's exceptions, reusable from custom handlers."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.status import WS_1008_POLICY_VIOLATION
from starlette.websockets import WebSocket

from fastapi._core.serialize.error_body import validation_error_response
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError, WebSocketRequestValidationError
from fastapi.utils import is_body_allowed_for_status_code

HTTP_422_UNPROCESSABLE_ENTITY = 422


def _readable_bytes(value: bytes) -> str:
    return value.decode("utf-8", "backslashreplace")


def _encoded_errors(errors: Sequence[Any]) -> Any:
    """The errors as JSON data. A received value that is not UTF-8 (an ``application/
    octet-stream`` body sent to a model, say) shows its odd bytes as ``\\xNN`` escapes, where
    FastAPI fails to encode it and answers a 500 for what is the client's mistake."""
    try:
        return jsonable_encoder(errors)
    except UnicodeDecodeError:
        return jsonable_encoder(errors, custom_encoder={bytes: _readable_bytes})


async def http_exception_handler(request: Request, exc: HTTPException) -> Response:
    headers = getattr(exc, "headers", None)
    if not is_body_allowed_for_status_code(exc.status_code):
        return Response(status_code=exc.status_code, headers=headers)
    return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=headers)


def _encodable(value: Any) -> Any:
    """``value`` as JSON can carry it: lone surrogates (``"\\ud800"`` in JSON) as ``\\uXXXX``
    text, non-finite numbers as ``"NaN"``/``"Infinity"``/``"-Infinity"``."""
    if isinstance(value, str):
        return value.encode("utf-8", "backslashreplace").decode("utf-8")
    if isinstance(value, float) and not math.isfinite(value):
        return "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
    if isinstance(value, dict):
        return {_encodable(key): _encodable(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_encodable(item) for item in value]
    return value


async def request_validation_exception_handler(
    request: Request, exc: RequestValidationError
) -> JSONResponse:
    errors = exc.errors()
    plain = validation_error_response(errors)  # the usual case, without the generic encoder
    if plain is not None:
        return plain
    content = {"detail": _encoded_errors(errors)}
    try:
        return JSONResponse(status_code=422, content=content)
    except (UnicodeEncodeError, ValueError):  # a received value FastAPI fails to encode (a 500)
        return JSONResponse(status_code=422, content=_encodable(content))


async def websocket_request_validation_exception_handler(
    websocket: WebSocket, exc: WebSocketRequestValidationError
) -> None:
    await websocket.close(code=WS_1008_POLICY_VIOLATION, reason=_encoded_errors(exc.errors()))
