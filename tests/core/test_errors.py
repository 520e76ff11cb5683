"""fastapi._core.errors: the engine's exceptions, with FastAPI's shapes."""

from __future__ import annotations

from fastapi._core.errors import (
    DependencyScopeError,
    FastAPIError,
    RequestValidationError,
    ResponseValidationError,
    ValidationException,
    WebSocketRequestValidationError,
)

ERRORS = [{"type": "missing", "loc": ("query", "q"), "msg": "Field required", "input": None}]


def test_validation_errors_carry_their_list_as_errors_and_as_args() -> None:
    for kind in (RequestValidationError, ResponseValidationError, WebSocketRequestValidationError):
        error = kind(ERRORS)
        assert isinstance(error, ValidationException)
        assert error.errors() is ERRORS and error.args == (ERRORS,)


def test_request_and_response_errors_keep_the_body() -> None:
    assert RequestValidationError(ERRORS, body=b"raw").body == b"raw"
    assert RequestValidationError(ERRORS).body is None
    assert ResponseValidationError(ERRORS, body={"x": 1}).body == {"x": 1}


def test_a_response_error_lists_its_errors_one_per_line() -> None:
    text = str(ResponseValidationError(ERRORS + ERRORS))
    assert text == f"2 validation errors:\n  {ERRORS[0]}\n  {ERRORS[0]}\n"


def test_declaration_errors_are_runtime_errors() -> None:
    assert issubclass(DependencyScopeError, FastAPIError)
    assert issubclass(FastAPIError, RuntimeError)
