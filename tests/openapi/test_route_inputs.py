"""``route_inputs``: what a route reads, gathered in one walk of its dependency tree."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel

from fastapi import Depends, Header, Query
from fastapi._core.params import ParamTypes
from fastapi.openapi._build.route_inputs import inputs_memo, route_inputs
from fastapi.routing import APIRoute
from fastapi.security import HTTPBearer

bearer = HTTPBearer()


def paging(limit: int = 10, token=Depends(bearer)) -> int:
    return limit


def first(page: Annotated[int, Depends(paging)]) -> int:
    return page


def second(page: Annotated[int, Depends(paging)], x_trace: Annotated[str, Header()] = "") -> int:
    return page


class Filters(BaseModel):
    colour: str = "red"
    size_hint: int = 0


def names(fields) -> list[str]:
    return [field.name for field in fields]


def test_a_repeated_dependency_is_documented_once() -> None:
    def endpoint(item_id: int, a=Depends(first), b=Depends(second)):
        return {}

    inputs = route_inputs(APIRoute("/items/{item_id}", endpoint).dependant)
    by_location = dict(inputs.by_location)
    assert [location for location, _ in inputs.by_location] == [
        ParamTypes.path,
        ParamTypes.query,
        ParamTypes.header,
        ParamTypes.cookie,
    ]
    assert names(by_location[ParamTypes.path]) == ["item_id"]
    assert names(by_location[ParamTypes.query]) == ["limit"]  # paging seen once
    # The security dependency itself reads the Authorization header: it is documented as a
    # security requirement, not as a parameter.
    assert names(by_location[ParamTypes.header]) == ["x_trace"]
    assert [r.security_scheme.scheme_name for r in inputs.security] == ["HTTPBearer"]
    assert names(inputs.parameters) == ["item_id", "limit", "x_trace"]
    assert inputs.takes_parameters


def test_a_model_parameter_stands_for_its_fields() -> None:
    def endpoint(filters: Annotated[Filters, Query()]):
        return {}

    inputs = route_inputs(APIRoute("/", endpoint).dependant)
    assert names(dict(inputs.by_location)[ParamTypes.query]) == ["colour", "size_hint"]
    assert inputs.headers_convert_underscores


def test_a_header_model_decides_the_underscore_rule() -> None:
    def endpoint(headers: Annotated[Filters, Header(convert_underscores=False)]):
        return {}

    inputs = route_inputs(APIRoute("/", endpoint).dependant)
    assert names(dict(inputs.by_location)[ParamTypes.header]) == ["colour", "size_hint"]
    assert not inputs.headers_convert_underscores


def test_a_route_without_inputs() -> None:
    inputs = route_inputs(APIRoute("/", lambda: {}).dependant)
    assert not inputs.takes_parameters and inputs.parameters == [] and inputs.security == []


def test_the_memo_answers_per_dependant_and_is_per_document() -> None:
    dependant = APIRoute("/", lambda q=1: {}).dependant
    memo = inputs_memo()
    assert memo(dependant) is memo(dependant)
    assert inputs_memo()(dependant) is not memo(dependant)  # a new document works anew
