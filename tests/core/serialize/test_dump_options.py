"""fastapi._core.serialize.dump_options: a route's include/exclude/by-alias bundle, one value."""

from __future__ import annotations

from dataclasses import FrozenInstanceError

import pytest

from fastapi._core.serialize.dump_options import DEFAULT_DUMP, DumpOptions


def test_defaults_are_fastapi_s_and_the_keywords_are_pydantic_s() -> None:
    assert DEFAULT_DUMP.keywords() == {
        "include": None,
        "exclude": None,
        "by_alias": True,
        "exclude_unset": False,
        "exclude_defaults": False,
        "exclude_none": False,
    }


def test_read_from_a_route_s_response_model_attributes() -> None:
    class Route:
        response_model_include = {"a"}
        response_model_exclude = None
        response_model_by_alias = False
        response_model_exclude_unset = True
        response_model_exclude_defaults = False
        response_model_exclude_none = True

    dump = DumpOptions.of_route(Route())
    assert dump == DumpOptions(include={"a"}, by_alias=False, exclude_unset=True, exclude_none=True)


def test_a_bundle_is_immutable() -> None:
    with pytest.raises(FrozenInstanceError):
        DEFAULT_DUMP.by_alias = False  # type: ignore[misc]
