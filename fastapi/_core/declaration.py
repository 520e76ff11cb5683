"""Declaration errors say where they were made (the route, the parameter) and how to fix them.

The exception keeps the type and message FastAPI raises, which apps and tests match on; the
context rides along as notes (PEP 678, Python 3.11+), printed under the message:

    AssertionError: Cannot use `Query` for path param 'item_id'
    fix: declare it as `Path()`, or leave the marker out
    while declaring parameter 'item_id' of read_item
    while declaring route GET /items/{item_id}
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager


def require(condition: object, message: str, *, fix: str | None = None) -> None:
    """FastAPI's ``assert`` (same AssertionError, same message), kept under ``python -O``."""
    if not condition:
        error = AssertionError(message) if message else AssertionError()
        if fix:
            add_note(error, f"fix: {fix}")
        raise error


@contextmanager
def declaring(subject: str) -> Iterator[None]:
    """An error raised inside names ``subject`` (``route GET /items``, ``parameter 'q' of f``)."""
    try:
        yield
    except Exception as error:
        add_note(error, f"while declaring {subject}")
        raise


def add_note(error: BaseException, note: str) -> None:
    """``error.add_note(note)`` where Python has it (3.11+); nothing on 3.10."""
    adder = getattr(error, "add_note", None)
    if adder is not None:
        adder(note)
