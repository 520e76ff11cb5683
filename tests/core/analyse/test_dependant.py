"""fastapi._core.analyse.dependant: an endpoint's parameters sorted by source, once."""

from typing import Annotated

import pytest
from pydantic import BaseModel
from starlette.requests import Request

from fastapi import Body, Cookie, Depends, Header, Path, Query
from fastapi._core.analyse.dependant import build_dependant, flat_dependant, path_param_names


class Item(BaseModel):
    name: str


def paging(skip: int = 0, limit: Annotated[int, Query(le=100)] = 10) -> tuple[int, int]:
    return skip, limit


def endpoint(
    request: Request,
    item_id: int,
    item: Item,
    q: str | None = None,
    user_agent: Annotated[str | None, Header()] = None,
    kept: Annotated[str | None, Header(convert_underscores=False)] = None,
    theme: Annotated[str | None, Cookie()] = None,
    page: tuple[int, int] = Depends(paging),
) -> None: ...


def test_parameters_are_sorted_by_source() -> None:
    dependant = build_dependant(path="/items/{item_id}", call=endpoint)
    assert [f.name for f in dependant.path_params] == ["item_id"]
    assert [f.name for f in dependant.query_params] == ["q"]
    assert [f.name for f in dependant.header_params] == ["user_agent", "kept"]
    assert [f.name for f in dependant.cookie_params] == ["theme"]
    assert [f.name for f in dependant.body_params] == ["item"]
    assert dependant.request_param_name == "request"
    assert [sub.call for sub in dependant.dependencies] == [paging]


def test_header_names_convert_underscores_unless_told_not_to() -> None:
    dependant = build_dependant(path="/items/{item_id}", call=endpoint)
    assert [f.alias for f in dependant.header_params] == ["user-agent", "kept"]


def test_the_flat_dependant_gathers_every_level() -> None:
    flat = flat_dependant(build_dependant(path="/items/{item_id}", call=endpoint))
    assert [f.name for f in flat.query_params] == ["q", "skip", "limit"]


def test_path_param_names_are_what_stands_between_braces() -> None:
    assert path_param_names("/a/{b}/{c:path}") == {"b", "c:path"}


def test_a_path_parameter_must_be_declared_with_path() -> None:
    def wrong(item_id: Annotated[int, Query()]) -> None: ...

    with pytest.raises(AssertionError, match="Cannot use `Query` for path param 'item_id'"):
        build_dependant(path="/items/{item_id}", call=wrong)


def test_body_and_path_markers_are_kept() -> None:
    def explicit(item_id: Annotated[int, Path(gt=0)], item: Annotated[Item, Body(embed=True)]) -> None: ...

    dependant = build_dependant(path="/items/{item_id}", call=explicit)
    assert dependant.path_params[0].field_info.metadata[0].gt == 0
    assert dependant.body_params[0].field_info.embed is True
