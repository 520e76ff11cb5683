"""render_reference gives JSONResponse's bytes, and raises what JSONResponse raises."""

from __future__ import annotations

from typing import Any

import pytest
from starlette.responses import JSONResponse

from fastapi._core.serialize.json_bytes import render_reference, render_reference_in_pieces

VALUES: list[Any] = [
    {"message": "Hello World"},
    "text with \"quotes\", \\ and \n and é",
    [1, 2.5, -0.0, 1e-7, 10**30, None, True, False],
    {1: "int key", None: "none key", 2.5: "float key", False: "bool key"},
    {"nested": {"list": [[], {}, [{"a": (1, 2)}]]}},
    list(range(200)),
    {f"key {number}": [number] * 70 for number in range(70)},
]


def reference(value: Any) -> bytes:
    return JSONResponse.render(JSONResponse.__new__(JSONResponse), value)


@pytest.mark.parametrize("value", VALUES)
def test_the_bytes_are_jsonresponses(value: Any) -> None:
    assert render_reference(value) == reference(value)
    assert render_reference_in_pieces(value) == reference(value)


@pytest.mark.parametrize("value", [{"a": float("nan")}, [float("inf")], {"a": object()}, {(1,): 1}, "\ud800"])
def test_unencodable_values_raise_as_jsonresponse_does(value: Any) -> None:
    with pytest.raises(Exception) as expected:
        reference(value)
    with pytest.raises(type(expected.value)) as raised:
        render_reference(value)
    assert str(raised.value) == str(expected.value)
