"""fastapi._core.serialize.json_bytes: a response model's bytes, exactly JSONResponse's.

render_reference gives JSONResponse's bytes, and raises what JSONResponse raises.
"""

from __future__ import annotations

import datetime as dt
import math
from decimal import Decimal
from typing import Any, Optional

import pytest
from pydantic import BaseModel, ConfigDict, TypeAdapter
from pydantic_core import SchemaSerializer
from starlette.responses import JSONResponse

from fastapi._core.serialize.json_bytes import (
    JSONRenderer,
    may_hold_float,
    render_reference,
    render_reference_in_pieces,
)

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


class Reading(BaseModel):
    name: str
    value: float
    at: dt.datetime = dt.datetime(2020, 1, 1)
    tags: list[str] = []


class LooseFloats(BaseModel):
    model_config = ConfigDict(ser_json_inf_nan="constants")
    value: float


def dumped_reference(adapter: TypeAdapter[Any], value: Any, **options: Any) -> bytes:
    return JSONResponse(adapter.dump_python(value, mode="json", **options)).body


@pytest.mark.parametrize(
    "value",
    [
        Reading(name="a", value=1.5),
        Reading(name="é ✓ \u2028", value=1e-05, tags=["x"]),
        Reading(name="tiny", value=1.5e-7),
        Reading(name="big", value=1e22),
        Reading(name="zeros", value=0.00001234),
        Reading(name="neg", value=-0.0),
    ],
)
def test_rendered_bytes_equal_json_response_s(value: Reading) -> None:
    adapter = TypeAdapter(Reading)
    assert JSONRenderer.of_adapter(adapter, {})(value) == dumped_reference(adapter, value)


def test_dump_options_apply() -> None:
    adapter = TypeAdapter(Reading)
    value = Reading(name="a", value=2.0)
    options = {"exclude_defaults": True, "by_alias": True}
    assert JSONRenderer.of_adapter(adapter, options)(value) == b'{"name":"a","value":2.0}'


def test_non_finite_floats_fail_as_json_response_does() -> None:
    adapter = TypeAdapter(Reading)
    with pytest.raises(ValueError):
        JSONRenderer.of_adapter(adapter, {})(Reading(name="x", value=math.inf))
    loose = TypeAdapter(LooseFloats)
    with pytest.raises(ValueError):  # Pydantic would write Infinity; JSONResponse refuses
        JSONRenderer.of_adapter(loose, {})(LooseFloats(value=math.nan))


def test_values_that_fail_to_dump_raise_as_the_reference_path() -> None:
    adapter = TypeAdapter(dict[str, Any])
    with pytest.raises(Exception) as fast:
        JSONRenderer.of_adapter(adapter, {})({"x": object()})
    with pytest.raises(Exception) as slow:
        dumped_reference(adapter, {"x": object()})
    assert type(fast.value) is type(slow.value)


@pytest.mark.parametrize(
    "annotation, expected",
    [
        (int, False),
        (str, False),
        (list[dict[str, int]], False),
        (Decimal, False),
        (float, True),
        (int | float, True),
        (list[Reading], True),
        (dict[str, Any], True),  # anything may hold a float
    ],
)
def test_which_types_may_hold_a_float(annotation: Any, expected: bool) -> None:
    assert may_hold_float(TypeAdapter(annotation).core_schema) is expected


@pytest.mark.parametrize(
    "values",
    [
        [1.5, None, -2.0, 1e-05, 1.5e-7],
        [math.inf],
        [0.5, -math.inf],
        [math.nan, None],
    ],
)
def test_a_serializer_writing_constants_spots_non_finite_floats_as_the_nulls_do(
    values: list[float | None],
) -> None:
    adapter = TypeAdapter(list[Optional[float]])
    constants = SchemaSerializer(adapter.core_schema, {"ser_json_inf_nan": "constants"})
    with_constants = JSONRenderer(adapter.serializer, {}, True, constants)
    if all(value is None or math.isfinite(value) for value in values):
        assert with_constants(values) == dumped_reference(adapter, values)
    else:
        with pytest.raises(ValueError):
            with_constants(values)
