"""The semi-private helpers extensions import from ``fastapi.dependencies.utils`` read and
validate values exactly as routes do (expected answers recorded from FastAPI 0.116.1)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from contextlib import AsyncExitStack
from typing import Annotated

from pydantic import BaseModel
from starlette.datastructures import Headers, QueryParams

from fastapi import Body, Header, Query
from fastapi.dependencies.utils import (
    get_dependant,
    request_body_to_args,
    request_params_to_args,
    solve_generator,
)


class Item(BaseModel):
    name: str


def endpoint(
    q: Annotated[int, Query(ge=1)],
    tags: Annotated[list[str], Query()] = [],  # noqa: B006
    x_token: Annotated[str | None, Header()] = None,
    item: Item = Body(),
    n: int = Body(3),
) -> None: ...


dependant = get_dependant(path="/", call=endpoint)


def test_request_params_to_args() -> None:
    assert request_params_to_args(dependant.query_params, QueryParams("q=0&tags=a&tags=b")) == (
        {"tags": ["a", "b"]},
        [
            {
                "type": "greater_than_equal",
                "loc": ("query", "q"),
                "msg": "Input should be greater than or equal to 1",
                "input": "0",
                "ctx": {"ge": 1},
            }
        ],
    )
    assert request_params_to_args(dependant.query_params, {"q": "5"}) == ({"q": 5, "tags": []}, [])
    headers = Headers({"x-token": "t"})
    assert request_params_to_args(dependant.header_params, headers) == ({"x_token": "t"}, [])


def test_request_body_to_args() -> None:
    body = {"item": {"name": "a"}, "n": "4"}
    assert asyncio.run(request_body_to_args(dependant.body_params, body, True)) == (
        {"item": Item(name="a"), "n": 4},
        [],
    )
    assert asyncio.run(request_body_to_args(dependant.body_params, {"item": {}}, True)) == (
        {"n": 3},
        [
            {
                "type": "missing",
                "loc": ("body", "item", "name"),
                "msg": "Field required",
                "input": {},
            }
        ],
    )


def test_solve_generator_enters_a_yield_dependency() -> None:
    log: list[str] = []

    def doubled(a: int) -> Iterator[int]:
        yield a * 2
        log.append("closed")

    async def main() -> int:
        async with AsyncExitStack() as stack:
            value: int = await solve_generator(call=doubled, stack=stack, sub_values={"a": 2})
            assert log == []
        return value

    assert asyncio.run(main()) == 4
    assert log == ["closed"]


def test_helpers_are_importable_where_fastapi_has_them() -> None:
    from fastapi.applications import get_openapi, get_swagger_ui_html
    from fastapi.openapi.docs import get_swagger_ui_html as docs_swagger_ui_html
    from fastapi.openapi.utils import get_openapi as utils_get_openapi
    from fastapi.routing import get_flat_dependant, lenient_issubclass

    assert (get_openapi, get_swagger_ui_html) == (utils_get_openapi, docs_swagger_ui_html)
    assert lenient_issubclass(int, object) and not lenient_issubclass(1, object)
    assert [f.name for f in get_flat_dependant(dependant).query_params] == ["q", "tags"]
