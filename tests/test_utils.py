"""fastapi.utils: the operation ids and the dict merge OpenAPI generation uses, as FastAPI's
behave (values checked on FastAPI 0.116.1)."""

from __future__ import annotations

from typing import Any

import pytest

from fastapi import FastAPI
from fastapi.routing import APIRoute
from fastapi.utils import deep_dict_update, generate_operation_id_for_path, generate_unique_id


def test_nested_dicts_merge_in_place_and_lists_concatenate() -> None:
    main: dict[str, Any] = {"x": {"y": 1, "l": [1]}, "l": [1], "d": {"k": 1}, "s": 1}
    inner, listed = main["x"], main["l"]
    deep_dict_update(main, {"x": {"z": 2, "l": [2]}, "l": [2], "d": 5, "s": {"n": 1}, "new": [3]})
    assert main == {
        "x": {"y": 1, "l": [1, 2], "z": 2},
        "l": [1, 2],
        "d": 5,
        "s": {"n": 1},
        "new": [3],
    }
    assert main["x"] is inner  # merged into, not replaced
    assert main["l"] is not listed and listed == [1]  # a new list


def test_values_are_taken_by_reference_and_other_sequences_replaced() -> None:
    update: dict[str, Any] = {"x": {"b": {"c": 1}}, "t": [2]}
    main: dict[str, Any] = {"x": {"a": 1}, "t": (1,)}
    deep_dict_update(main, update)
    assert main == {"x": {"a": 1, "b": {"c": 1}}, "t": [2]}
    assert main["x"]["b"] is update["x"]["b"]


def test_generate_operation_id_for_path_is_deprecated() -> None:
    with pytest.warns(
        DeprecationWarning, match=r"generate_operation_id_for_path\(\) was deprecated"
    ):
        operation_id = generate_operation_id_for_path(
            name="read items", path="/items/{id}", method="GET"
        )
    assert operation_id == "read_items_items__id__get"


def test_generate_unique_id_uses_name_path_and_method() -> None:
    app = FastAPI()

    @app.api_route("/items/{item-id}", methods=["PUT"])
    def upd() -> None:
        pass

    route = app.routes[-1]
    assert isinstance(route, APIRoute)
    assert generate_unique_id(route) == "upd_items__item_id__put"
