"""fastapi.exceptions: the validation exceptions' arguments, repr, str and attributes are
FastAPI 0.116.1's (observed on the release)."""

from __future__ import annotations

from fastapi.exceptions import (
    RequestValidationError,
    ResponseValidationError,
    ValidationException,
    WebSocketRequestValidationError,
)

ERRORS = [{"a": 1}, {"b": 2}]


def test_the_errors_are_the_only_argument() -> None:
    for error_class in (ValidationException, WebSocketRequestValidationError):
        error = error_class(ERRORS)
        assert error.args == (ERRORS,) and error.errors() is ERRORS
        assert repr(error) == f"{error_class.__name__}([{{'a': 1}}, {{'b': 2}}])"
        assert str(error) == "[{'a': 1}, {'b': 2}]"
        assert vars(error) == {"_errors": ERRORS}


def test_request_validation_error_keeps_the_body() -> None:
    error = RequestValidationError(ERRORS, body={"x": 1})
    assert repr(error) == "RequestValidationError([{'a': 1}, {'b': 2}])"
    assert vars(error) == {"_errors": ERRORS, "body": {"x": 1}}
    assert RequestValidationError(ERRORS).body is None


def test_response_validation_error_lists_its_errors() -> None:
    error = ResponseValidationError(ERRORS, body={"x": 1})
    assert str(error) == "2 validation errors:\n  {'a': 1}\n  {'b': 2}\n"
    assert str(ResponseValidationError([])) == "0 validation errors:\n"
    assert repr(ResponseValidationError([{"a": 1}])) == "ResponseValidationError([{'a': 1}])"
    assert vars(error) == {"_errors": ERRORS, "body": {"x": 1}}
    assert ResponseValidationError.__mro__[1:3] == (ValidationException, Exception)
