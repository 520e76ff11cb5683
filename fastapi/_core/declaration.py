"""Declaration errors say where they were made (the route, the parameter) and how to fix them.

The exception keeps the type and message FastAPI raises, which apps and tests match on; the
context rides along as notes (PEP 678, Python 3.11+), printed under the message:

    AssertionError: Cannot use `Query` for path param 'item_id'
    fix: declare it as `Path()`, or leave the marker out
    while declaring parameter 'item_id' of read_item
    while declaring route GET /items/{item_id}
"""

from __future__ import annotations

from types import TracebackType


def require(condition: object, message: str, *, fix: str | None = None) -> None:
    """FastAPI's ``assert`` (same AssertionError, same message), kept under ``python -O``."""
    if not condition:
        error = AssertionError(message) if message else AssertionError()
        if fix:
            add_note(error, f"fix: {fix}")
        raise error


class declaring:  # lower case: used as a function, ``with declaring(...)``
    """An error raised inside names ``subject`` (``route GET /items``, ``parameter 'q' of f``).

    A class rather than a generator-based context manager: it is entered for every route
    and every parameter, and this is several times cheaper to enter."""

    __slots__ = ("subject",)

    def __init__(self, subject: str) -> None:
        self.subject = subject

    def __enter__(self) -> None:
        return None

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:  # the error, if any, goes on
        if isinstance(error, Exception):
            add_note(error, f"while declaring {self.subject}")


def add_note(error: BaseException, note: str) -> None:
    """``error.add_note(note)`` where Python has it (3.11+); nothing on 3.10."""
    adder = getattr(error, "add_note", None)
    if adder is not None:
        adder(note)
