"""fastapi._core.analyse.field: one declared value, its shared validator, its errors."""

from __future__ import annotations

import gc
from typing import Annotated, Any

import pytest
from pydantic import BaseModel, Field

from fastapi._core import params
from fastapi._core.analyse import field as field_module
from fastapi._core.analyse.field import (
    ModelField,
    adapter_for,
    create_model_field,
    missing_error,
    param_group_model,
    with_loc,
)
from fastapi._core.errors import FastAPIError


def query(annotation: Any, default: Any = params.Undefined, **options: Any) -> params.Query:
    return params.Query(default, annotation=annotation, **options)


def test_equal_declarations_share_one_adapter() -> None:
    first, second = adapter_for(query(int, 1, ge=0)), adapter_for(query(int, 1, ge=0))
    assert first is second


@pytest.mark.parametrize(
    "other",
    [
        query(int, 1, ge=1),  # another constraint
        query(int, 1.0, ge=0),  # a default of another type documents differently
        query(int | str, 1, ge=0),  # another annotation
        params.Header(1, annotation=int, ge=0),  # another marker
    ],
)
def test_declarations_that_differ_in_anything_get_their_own(other: params.Param) -> None:
    assert adapter_for(other) is not adapter_for(query(int, 1, ge=0))


def test_the_shared_table_lets_adapters_go_with_their_fields() -> None:
    class Only(BaseModel):
        x: int

    fields = [create_model_field(query(Only, None, title=f"t{n}"), "q") for n in range(20)]
    gc.collect()
    held = len(field_module._ADAPTERS)
    del fields
    gc.collect()
    assert len(field_module._ADAPTERS) <= held - 20


def test_validation_errors_are_located_under_the_given_prefix() -> None:
    value_field = create_model_field(query(int), "q")
    assert value_field.validate("3", loc=("query", "q")) == (3, None)
    value, errors = value_field.validate("x", loc=("query", "q"))
    assert value is None and errors is not None
    assert errors[0]["loc"] == ("query", "q") and errors[0]["type"] == "int_parsing"
    assert "url" not in errors[0]


def test_values_are_read_from_attributes_of_objects() -> None:
    class Row:
        name = "n"

    class Named(BaseModel):
        name: str

    model_field = create_model_field(params.Body(annotation=Named), "body")
    value, errors = model_field.validate(Row())
    assert errors is None and value == Named(name="n")


def test_serialize_dumps_by_alias_unless_told_otherwise() -> None:
    class Aliased(BaseModel):
        name: str = Field(alias="fullName")
        extra: int | None = None

    model_field = create_model_field(params.Body(annotation=Aliased), "body")
    value = Aliased(fullName="Z")
    assert model_field.serialize(value) == {"fullName": "Z", "extra": None}
    assert model_field.serialize(value, by_alias=False, exclude_none=True) == {"name": "Z"}
    assert model_field.serialize(value, mode="python", include={"extra"}) == {"extra": None}


def test_a_field_knows_its_alias_default_and_requiredness() -> None:
    required = create_model_field(params.Header(annotation=str, alias="X-Id"), "x_id")
    optional = create_model_field(query(list[int], default_factory=list), "ids")
    assert (required.alias, required.required, required.default) == ("X-Id", True, params.Undefined)
    assert (optional.alias, optional.required, optional.get_default()) == ("ids", False, [])
    assert optional.type_ == list[int]


def test_a_type_pydantic_cannot_handle_is_a_declaration_error_naming_it() -> None:
    class Opaque:
        pass

    with pytest.raises(FastAPIError, match="check that .*Opaque.* is a valid Pydantic field type"):
        create_model_field(params.Body(annotation=Opaque), "body")


def test_error_helpers() -> None:
    assert with_loc([{"loc": ("a",), "type": "t"}], ("body",)) == [
        {"loc": ("body", "a"), "type": "t"}
    ]
    assert missing_error(("query", "q")) == {
        "type": "missing",
        "loc": ("query", "q"),
        "msg": "Field required",
        "input": None,
    }


def test_a_lone_model_parameter_stands_for_its_fields() -> None:
    class Filters(BaseModel):
        q: str

    lone = [create_model_field(query(Filters), "filters")]
    assert param_group_model(lone) is Filters
    assert param_group_model(lone + [create_model_field(query(int), "n")]) is None
    assert param_group_model([create_model_field(query(Annotated[int, "doc"]), "n")]) is None


def test_model_fields_hash_by_identity() -> None:
    one, two = (create_model_field(query(int), "q") for _ in range(2))
    assert one != two and len({one, two, one}) == 2
    assert isinstance(one, ModelField)
