"""fastapi._core.serialize.jsonable: any value to JSON-ready data, by FastAPI 0.116.1's rules.

Each expected value was checked against the published FastAPI 0.116.1 run as a black box.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import uuid
from collections import OrderedDict, deque
from decimal import Decimal
from pathlib import PurePosixPath
from typing import Any

import pytest
from pydantic import BaseModel, ConfigDict, Field, RootModel, SecretStr
from pydantic_core import PydanticUndefined

from fastapi._core.serialize.jsonable import ENCODERS_BY_TYPE, jsonable_encoder


class Color(enum.Enum):
    RED = "r"


class Letter(str, enum.Enum):
    A = "a"


class Sub(BaseModel):
    x: int = 1
    y: str | None = None


class Person(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    name: str = Field(alias="fullName")
    sub: Sub = Sub()
    scores: dict[str, int | None] = {"a": None, "b": 2}


@dataclasses.dataclass
class Point:
    x: int
    label: str | None = None


class Attributes:
    def __init__(self) -> None:
        self.x = 1
        self._sa_instance_state = "orm"
        self.nested = {"_sa_key": 1, "v": None}


class Pairs:
    def __iter__(self) -> Any:
        yield ("a", 1)


class Slotted:
    __slots__ = ("v",)

    def __init__(self) -> None:
        self.v = 1


def test_json_values_come_back_as_they_are() -> None:
    value = {"a": [1, 2.5, "s", True, None], "b": {"c": (1, 2)}}
    assert jsonable_encoder(value) == {"a": [1, 2.5, "s", True, None], "b": {"c": [1, 2]}}


def test_non_string_keys_are_kept_and_containers_become_lists() -> None:
    assert jsonable_encoder({1: "x", None: 2, 2.5: 1}) == {1: "x", None: 2, 2.5: 1}
    with pytest.raises(TypeError):
        jsonable_encoder({(1, 2): 3})  # the key becomes a list, which cannot be a key
    assert jsonable_encoder([frozenset({1}), deque([1, 2]), (i for i in range(2))]) == [
        [1],
        [1, 2],
        [0, 1],
    ]


def test_leaf_types_use_their_registered_encoder() -> None:
    encoded = jsonable_encoder(
        [
            dt.datetime(2020, 1, 2, 3, 4, 5),
            dt.date(2020, 1, 1),
            dt.timedelta(seconds=90),
            Decimal("1.0"),
            Decimal("10"),
            uuid.UUID(int=1),
            b"bytes",
            SecretStr("x"),
            PurePosixPath("/a"),
        ]
    )
    assert encoded == [
        "2020-01-02T03:04:05",
        "2020-01-01",
        90.0,
        1.0,
        10,
        "00000000-0000-0000-0000-000000000001",
        "bytes",
        "**********",
        "/a",
    ]


def test_enums_encode_as_their_value_before_their_str_or_int_base() -> None:
    assert jsonable_encoder([Color.RED, Letter.A, {Letter.A: Color.RED}]) == ["r", "a", {"a": "r"}]


def test_subclasses_of_builtins_follow_their_base_rules() -> None:
    class Name(str):
        pass

    encoded = jsonable_encoder([Name("n"), OrderedDict(b=2), [Sub()]])
    assert encoded == ["n", {"b": 2}, [{"x": 1, "y": None}]]
    assert type(encoded[0]) is Name  # returned as it is, not converted


def test_models_are_dumped_by_alias_in_json_mode() -> None:
    person = Person(fullName="Zed")
    assert jsonable_encoder(person) == {
        "fullName": "Zed",
        "sub": {"x": 1, "y": None},
        "scores": {"a": None, "b": 2},
    }
    assert jsonable_encoder(person, by_alias=False)["name"] == "Zed"


def test_model_include_and_exclude_accept_any_iterable_or_a_nested_dict() -> None:
    person = Person(fullName="Zed")
    assert jsonable_encoder(person, include=["name"]) == {"fullName": "Zed"}
    assert jsonable_encoder(person, exclude={"sub": {"x"}, "scores": ...}) == {
        "fullName": "Zed",
        "sub": {"y": None},
    }


def test_exclude_none_reaches_into_dicts_of_dumped_models() -> None:
    person = Person(fullName="Zed")
    assert jsonable_encoder(person, exclude_none=True) == {
        "fullName": "Zed",
        "sub": {"x": 1},
        "scores": {"b": 2},
    }


def test_exclude_defaults_applies_to_models_in_lists_but_not_to_dict_values() -> None:
    # FastAPI's rule: a dict's values are encoded without exclude_defaults.
    assert jsonable_encoder([Sub(), {"k": Sub()}], exclude_defaults=True) == [
        {},
        {"k": {"x": 1, "y": None}},
    ]


def test_include_filters_dict_keys_at_the_top_level_and_in_sequence_items() -> None:
    assert jsonable_encoder({"a": 1, "b": 2, "c": None}, include={"a", "c"}) == {
        "a": 1,
        "c": None,
    }
    assert jsonable_encoder({"a": {"a": 1, "b": 2}, "b": 1}, include={"a"}) == {
        "a": {"a": 1, "b": 2}
    }
    assert jsonable_encoder([{"a": 1, "b": 2}], include={"a"}) == [{"a": 1}]
    assert jsonable_encoder({"a": 1, "b": 2}, exclude=["a"]) == {"b": 2}


def test_sqlalchemy_state_keys_are_dropped_unless_told_otherwise() -> None:
    assert jsonable_encoder({"_sa_x": 1, "ok": 2}) == {"ok": 2}
    assert jsonable_encoder({"_sa_x": 1}, sqlalchemy_safe=False) == {"_sa_x": 1}


def test_dataclasses_are_encoded_as_their_fields() -> None:
    assert jsonable_encoder(Point(1)) == {"x": 1, "label": None}
    assert jsonable_encoder(Point(1), include={"x"}) == {"x": 1}
    assert jsonable_encoder(Point(1), exclude_none=True) == {"x": 1}
    with pytest.raises(TypeError):
        jsonable_encoder(Point)  # the class itself, as FastAPI


def test_other_objects_are_encoded_as_their_dict_or_their_vars() -> None:
    assert jsonable_encoder(Pairs()) == {"a": 1}
    assert jsonable_encoder(Attributes()) == {"x": 1, "nested": {"v": None}}
    with pytest.raises(ValueError) as raised:
        jsonable_encoder(Slotted())
    assert len(raised.value.args[0]) == 2  # the dict() and the vars() errors


def test_pydantic_undefined_is_none() -> None:
    assert jsonable_encoder(PydanticUndefined) is None


def test_custom_encoders_come_first_by_exact_type_then_by_class() -> None:
    custom = {dt.date: lambda d: "D", str: str.upper}
    assert jsonable_encoder({"a": dt.date(2020, 1, 1), "s": "x"}, custom_encoder=custom) == {
        "A": "D",
        "S": "X",
    }
    assert jsonable_encoder([dt.datetime(2020, 1, 1)], custom_encoder={dt.date: lambda d: "D"}) == [
        "D"
    ]
    assert jsonable_encoder(Person(fullName="Z"), custom_encoder={Person: lambda p: "P"}) == "P"


def test_custom_encoders_do_not_reach_into_dumped_models() -> None:
    encoded = jsonable_encoder(Sub(x=2), custom_encoder={int: lambda i: i * 10})
    assert encoded == {"x": 2, "y": None}


def test_root_models_encode_as_their_root() -> None:
    assert jsonable_encoder(RootModel[list[int]]([1, 2])) == [1, 2]
    # FastAPI looks for a "__root__" key in what the model dumped, and so fails on a number.
    with pytest.raises(TypeError):
        jsonable_encoder(RootModel[int](5))


def test_an_include_that_is_not_iterable_fails_unless_a_custom_encoder_answers() -> None:
    with pytest.raises(TypeError):
        jsonable_encoder(1, include=3)  # type: ignore[arg-type]
    assert jsonable_encoder(1, include=3, custom_encoder={int: str}) == "1"  # type: ignore[arg-type]


def test_types_registered_later_match_by_exact_type_only() -> None:
    class Later:
        pass

    class LaterChild(Later):
        pass

    ENCODERS_BY_TYPE[Later] = lambda obj: "later"
    try:
        assert jsonable_encoder([Later()]) == ["later"]
        # Not in the by-class table built at import: encoded as its (empty) vars.
        assert jsonable_encoder(LaterChild()) == {}
    finally:
        del ENCODERS_BY_TYPE[Later]


@pytest.mark.parametrize("open_, close", [("[", "]"), ('{"a":', "}")])
def test_nesting_costs_one_stack_frame_per_level(open_: str, close: str) -> None:
    import json

    value = json.loads(open_ * 900 + ("1" if open_ != "[" else "") + close * 900)
    assert jsonable_encoder(value) == value
