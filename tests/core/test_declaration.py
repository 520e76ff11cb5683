"""fastapi._core.declaration: a declaration error keeps FastAPI's type and message, and says
which route and parameter it is about, and the fix (as notes, Python 3.11+)."""

import sys
from typing import Annotated

import pytest

from fastapi import APIRouter, Depends, FastAPI, Query

needs_notes = pytest.mark.skipif(sys.version_info < (3, 11), reason="exception notes: 3.11+")


def notes_of(error: BaseException) -> list[str]:
    return list(getattr(error, "__notes__", []))


@needs_notes
def test_a_parameter_error_names_the_parameter_the_route_and_the_fix() -> None:
    app = FastAPI()
    with pytest.raises(AssertionError) as caught:

        @app.get("/items/{item_id}")
        def read_item(item_id: Annotated[int, Query()]) -> None: ...

    assert str(caught.value) == "Cannot use `Query` for path param 'item_id'"  # FastAPI's
    notes = notes_of(caught.value)
    assert notes[0].startswith("fix: declare it with `Path()`")
    assert "while declaring parameter 'item_id' of " in notes[1] and notes[1].endswith("read_item")
    assert notes[2].startswith("while declaring route '/items/{item_id}' (endpoint ")


@needs_notes
def test_an_error_in_a_dependency_names_each_level() -> None:
    def filters(tags: dict[str, str] = Query()) -> None: ...

    def endpoint(f: None = Depends(filters)) -> None: ...


    app = FastAPI()
    with pytest.raises(AssertionError) as caught:
        app.get("/search")(endpoint)
    assert str(caught.value) == ""  # FastAPI's assertion has no message
    notes = notes_of(caught.value)
    assert notes[0].startswith("fix: query parameter 'tags' must be a scalar")
    assert [note.split(" of ")[0] for note in notes[1:3]] == [
        "while declaring parameter 'tags'",
        "while declaring parameter 'f'",
    ]
    assert notes[3].startswith("while declaring route '/search'")


@needs_notes
def test_a_status_without_body_and_a_bad_prefix_say_the_fix() -> None:
    app = FastAPI()
    with pytest.raises(AssertionError, match="Status code 204 must not have a response body") as caught:

        @app.get("/gone", status_code=204)
        def gone() -> dict[str, str]: ...

    assert notes_of(caught.value)[0].startswith("fix: `response_model=None`")
    with pytest.raises(AssertionError, match="A path prefix must not end with '/'") as caught:
        APIRouter(prefix="/api/")
    assert notes_of(caught.value) == ["fix: '/api'"]


def test_checks_hold_under_python_optimisations() -> None:
    # ``require`` is no ``assert`` statement: ``python -O`` keeps the check.
    import subprocess

    code = "from fastapi import APIRouter\ntry:\n    APIRouter(prefix='api')\nexcept AssertionError as e:\n    print(e)\n"
    result = subprocess.run([sys.executable, "-O", "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "A path prefix must start with '/'"
