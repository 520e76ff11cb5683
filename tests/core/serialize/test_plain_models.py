"""fastapi._core.serialize.plain_models: plain-data response models validated as typed dicts.

Which response types get the typed-dict path, which dicts it takes or refuses, and that its
bytes are the model path's (the FastAPI answers themselves: tests/compat resp_plain_models).
"""

from __future__ import annotations

from typing import Any, Optional

import pytest
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, computed_field, field_serializer

from fastapi._core.serialize.json_bytes import JSONRenderer
from fastapi._core.serialize.plain_models import plain_path_of, plain_renderer

OPTIONS: dict[str, Any] = {
    "include": None,
    "exclude": None,
    "by_alias": True,
    "exclude_unset": False,
    "exclude_defaults": False,
    "exclude_none": False,
}


class Owner(BaseModel):
    name: str
    email: str = "none"


class Item(BaseModel):
    name: str = Field(alias="Name")
    price: float
    tags: list[str] = []
    owner: Optional[Owner] = None


class Serialized(BaseModel):
    name: str

    @field_serializer("name")
    def shout(self, value: str) -> str:
        return value.upper()


class Computed(BaseModel):
    width: int

    @computed_field
    @property
    def double(self) -> int:
        return self.width * 2


class Allow(BaseModel):
    model_config = ConfigDict(extra="allow")
    a: int


class Timed(BaseModel):
    model_config = ConfigDict(ser_json_timedelta="float")
    a: int


class Initialised(BaseModel):
    a: int

    def __init__(self, **data: Any) -> None:
        super().__init__(**data)


class Tree(BaseModel):
    label: str
    children: list[Tree] = []


@pytest.mark.parametrize("annotation", [Item, list[Item], dict[str, Item], Optional[Item]])
def test_plain_models_along_lists_dicts_and_optionals_get_the_typed_dict_path(
    annotation: Any,
) -> None:
    assert plain_path_of(TypeAdapter(annotation)) is not None


@pytest.mark.parametrize(
    "annotation",
    [Serialized, Computed, Allow, Timed, Initialised, Tree, list[int], Item | Owner],
)
def test_models_whose_instances_show_keep_the_model_path(annotation: Any) -> None:
    assert plain_path_of(TypeAdapter(annotation)) is None


def test_exclude_unset_keeps_the_model_path() -> None:
    assert plain_renderer(TypeAdapter(Item), {**OPTIONS, "exclude_unset": True}) is None


@pytest.mark.parametrize(
    ("raw", "holds"),
    [
        ([{"Name": "a", "price": 1}], True),
        ([], False),
        ([Item(Name="a", price=1)], False),
        (({"Name": "a", "price": 1},), False),
        ("text", False),
    ],
)
def test_only_values_holding_a_dict_where_the_model_sits_are_tried(raw: Any, holds: bool) -> None:
    path = plain_path_of(TypeAdapter(list[Item]))
    assert path is not None
    assert path.holds_dicts(raw) is holds


def test_a_refused_value_is_left_to_the_model() -> None:
    path = plain_path_of(TypeAdapter(list[Item]))
    assert path is not None
    assert path.validate([{"Name": "a"}]) == (False, None)
    assert path.validate([{"Name": "a", "price": 1, "owner": Owner(name="o")}]) == (False, None)


@pytest.mark.parametrize(
    "raw",
    [
        [{"Name": "a", "price": 1, "extra": True}],
        [{"Name": "b", "price": "2.5", "tags": ("x",), "owner": {"name": "o"}}],
        [{"Name": "c", "price": 1e-05, "owner": None}, {"Name": "d", "price": 3}],
    ],
)
@pytest.mark.parametrize(
    "options",
    [
        OPTIONS,
        {**OPTIONS, "by_alias": False},
        {**OPTIONS, "exclude_none": True},
        {**OPTIONS, "exclude_defaults": True},
        {**OPTIONS, "exclude": {"__all__": {"tags"}}},
    ],
)
def test_the_typed_dict_bytes_are_the_models(raw: Any, options: dict[str, Any]) -> None:
    adapter = TypeAdapter(list[Item])
    plain = plain_renderer(adapter, options)
    assert plain is not None
    path, render = plain
    valid, value = path.validate(raw)
    assert valid
    model_bytes = JSONRenderer.of_adapter(adapter, options)(adapter.validate_python(raw))
    assert render(value) == model_bytes


class WithAny(BaseModel):
    value: float
    anything: Any = None


def test_non_finite_floats_are_written_as_constants_only_where_the_twin_writes_every_float() -> (
    None
):
    plain = plain_path_of(TypeAdapter(list[Item]))
    assert plain is not None and plain.constants is not None
    with_any = plain_path_of(TypeAdapter(list[WithAny]))  # Any may hold a model: its own config
    assert with_any is not None and with_any.constants is None
    shared = plain_path_of(TypeAdapter(list[WithOwners]))  # definitions: models kept
    assert shared is not None and shared.constants is None


class WithOwners(BaseModel):
    first: Owner
    second: Owner
