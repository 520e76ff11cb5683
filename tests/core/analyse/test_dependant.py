"""fastapi._core.analyse.dependant: an endpoint's parameters sorted by source, once."""

import inspect
from typing import Annotated

import pytest
from pydantic import BaseModel
from starlette.requests import Request
from starlette.responses import Response

from fastapi import Body, Cookie, Depends, Header, Path, Query
from fastapi._core import params
from fastapi._core.analyse.dependant import (
    ParamAnalysis,
    analyse_param,
    build_dependant,
    flat_dependant,
    path_param_names,
)


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
    def explicit(
        item_id: Annotated[int, Path(gt=0)], item: Annotated[Item, Body(embed=True)]
    ) -> None: ...

    dependant = build_dependant(path="/items/{item_id}", call=explicit)
    assert dependant.path_params[0].field_info.metadata[0].gt == 0
    assert dependant.body_params[0].field_info.embed is True


def _analysed(annotation: object, default: object = inspect.Parameter.empty, *, path: bool = False):
    return analyse_param("p", annotation, default, is_path_param=path)


def test_a_marker_is_read_from_annotated_or_from_the_default() -> None:
    in_annotated = _analysed(Annotated[int, Query(gt=1)], 5)
    as_default = _analysed(int, Query(5, gt=1))
    for analysis in (in_annotated, as_default):
        assert analysis.depends is None and analysis.field is not None
        assert type(analysis.field.field_info) is params.Query
        assert analysis.field.field_info.default == 5
        assert analysis.field.validate(1, loc=("query", "p"))[1][0]["type"] == "greater_than"


def test_a_bare_depends_depends_on_the_annotated_class() -> None:
    class Service:
        pass

    analysis = _analysed(Annotated[Service, Depends()])
    assert analysis.depends is not None and analysis.depends.dependency is Service
    marker = Depends()
    assert _analysed(Service, marker).depends.dependency is Service  # type: ignore[union-attr]
    assert marker.dependency is None  # the user's marker is left as it was


def test_injected_objects_and_response_making_dependencies() -> None:
    assert _analysed(Request) == ParamAnalysis(Request, None, None)

    def make_response() -> Response:
        return Response()

    analysis = _analysed(Response, Depends(make_response))
    assert analysis.depends is not None and analysis.field is None
    with pytest.raises(AssertionError, match="Cannot specify `Depends` for type"):
        _analysed(Request, Depends(make_response))


@pytest.mark.parametrize(
    "annotation, default, message",
    [
        (Annotated[int, Query(3)], inspect.Parameter.empty, "default value cannot be set in"),
        (Annotated[int, Depends(paging)], Depends(paging), "`Depends` in `Annotated` and default"),
        (Annotated[int, Query()], Depends(paging), "`Annotated` and `Depends` as a default"),
        (Annotated[int, Query()], Query(), "annotations in `Annotated` and default value"),
        (Annotated[Request, Query()], inspect.Parameter.empty, "FastAPI annotation for type"),
    ],
)
def test_conflicting_markers_are_declaration_errors(
    annotation: object, default: object, message: str
) -> None:
    with pytest.raises(AssertionError, match=message):
        _analysed(annotation, default)


def test_a_path_parameter_takes_no_default() -> None:
    with pytest.raises(AssertionError, match="Path parameters cannot have default values"):
        _analysed(Annotated[int, Path()], 3, path=True)


def test_unmarked_parameters_are_placed_by_name_and_type() -> None:
    def kinds(item_id: int, q: int, items: list[int], item: Item) -> None: ...

    dependant = build_dependant(path="/{item_id}", call=kinds)
    assert [f.name for f in dependant.path_params] == ["item_id"]
    assert [f.name for f in dependant.query_params] == ["q"]
    assert [f.name for f in dependant.body_params] == ["items", "item"]  # not scalars


def shared(token: Annotated[str, Header()]) -> str:
    return token


def first(a: int, s: Annotated[str, Depends(shared)]) -> None: ...


def second(b: int, s: Annotated[str, Depends(shared)]) -> None: ...


def test_flattening_goes_depth_first_and_can_skip_repeated_dependencies() -> None:
    def root(
        r: int, one: Annotated[None, Depends(first)], two: Annotated[None, Depends(second)]
    ) -> None: ...

    dependant = build_dependant(path="/", call=root)
    every = flat_dependant(dependant)
    assert [f.name for f in every.query_params] == ["r", "a", "b"]
    assert [f.name for f in every.header_params] == ["token", "token"]
    once = flat_dependant(dependant, skip_repeats=True)
    assert [f.name for f in once.header_params] == ["token"]
    visited: list[object] = []
    flat_dependant(dependant, skip_repeats=True, visited=visited)
    assert [key[0] for key in visited] == [root, first, shared, second]
