"""fastapi._core.execute.inline_reads: the route runner reads a step's parameters itself,
with the values and errors, in the order, that ``read_step`` (``solve``) gives."""

# No "from __future__ import annotations": endpoints depend on functions local to the tests.
from contextlib import AsyncExitStack
from typing import Annotated, Any

import anyio
import pytest
from pydantic import BaseModel
from starlette.background import BackgroundTasks
from starlette.requests import Request
from starlette.responses import Response

from fastapi import Body, Cookie, Depends, Header, Query, Security
from fastapi._core.analyse.dependant import build_dependant
from fastapi._core.compile.plan import compile_plan
from fastapi._core.execute.inline_reads import reads_inline
from fastapi._core.execute.solve import solve
from fastapi._core.execute.task_port import STARLETTE_TASKS
from fastapi._core.execute.unrolled import route_runner, source_of
from fastapi._core.security import SecurityScopes
from tests.core.requests import make_request


class Filters(BaseModel):
    size: int = 10
    tags: list[str] = []


def paging(
    page: Annotated[int, Query(ge=1)] = 1,
    agent: Annotated[str, Header(alias="user-agent")] = "none",
) -> dict[str, Any]:
    return {"page": page, "agent": agent}


async def session(
    request: Request,
    token: Annotated[str, Header()],
    theme: Annotated[str, Cookie()] = "light",
) -> Any:
    yield {"token": token, "theme": theme, "path": request.url.path}


def filtering(filters: Annotated[Filters, Query()]) -> Filters:
    return filters  # a model of query parameters: the only query parameter of its step


def endpoint(
    item_id: int,
    page: Annotated[dict[str, Any], Depends(paging)],
    user: Annotated[dict[str, str], Depends(session)],
    filters: Annotated[Filters, Depends(filtering)],
    q: Annotated[list[int], Query()] = [],  # noqa: B006 - a default FastAPI copies per request
) -> None: ...


REQUESTS = [
    (b"q=1&q=2&page=3&size=4&tags=a", {"token": "t", "cookie": "theme=dark", "user-agent": "u"}),
    (b"", {"token": "t"}),
    (b"page=0&q=x&size=big", {}),  # every step fails, each error in its place
    (b"q=1", {"cookie": "theme=dark; theme=light", "token": ""}),
]


def both_ways(query: bytes, headers: dict[str, str]) -> tuple[Any, Any]:
    plan = compile_plan(build_dependant(path="/items/{item_id}", call=endpoint), embed_body=False)
    assert all(reads_inline(step) for step in plan.steps)

    def request() -> Request:
        made = make_request(method="GET", path="/items/5", query=query, headers=headers)
        made.scope["path_params"] = {"item_id": "5"}
        return made

    async def respond(request: Request, plan: Any, resolution: Any, body: Any) -> Response:
        return Response()

    async def main() -> tuple[Any, Any]:
        async with AsyncExitStack() as stack:
            solved = await solve(plan, request(), None, stack)
        run = route_runner(plan, respond, STARLETTE_TASKS)
        resolution, _ = await run(request(), None, None)
        return (solved.values, solved.errors), (resolution.values, resolution.errors)

    return anyio.run(main)


@pytest.mark.parametrize(("query", "headers"), REQUESTS)
def test_the_runner_reads_what_solve_reads(query: bytes, headers: dict[str, str]) -> None:
    solved, run = both_ways(query, headers)
    assert run == solved
    assert list(run[0]) == list(solved[0])  # the arguments in the same order


def test_values_and_errors_are_those_of_the_declarations() -> None:
    (values, errors), _ = both_ways(*REQUESTS[0])
    assert values == {
        "item_id": 5,
        "page": {"page": 3, "agent": "u"},
        "user": {"token": "t", "theme": "dark", "path": "/items/5"},
        "filters": Filters(size=4, tags=["a"]),
        "q": [1, 2],
    }
    _, (_, errors) = both_ways(*REQUESTS[2])
    assert [error["loc"] for error in errors] == [
        ("query", "page"),
        ("header", "token"),
        ("query", "size"),
        ("query", "q", 0),
    ]


def test_injected_objects_are_made_as_read_step_makes_them() -> None:
    def extras(
        response: Response,
        tasks: BackgroundTasks,
        scopes: SecurityScopes,
        limit: Annotated[int, Query(le=5)] = 1,
    ) -> Any:
        return response, tasks, scopes.scopes, limit

    def guarded(
        found: Annotated[Any, Security(extras, scopes=["read"])], response: Response
    ) -> None: ...

    plan = compile_plan(build_dependant(path="/", call=guarded), embed_body=False)
    assert all(reads_inline(step) for step in plan.steps)
    seen: list[Any] = []

    async def respond(request: Request, plan: Any, resolution: Any, body: Any) -> Response:
        seen.append(resolution)
        return Response()

    async def main(query: bytes) -> Any:
        resolution, _ = await route_runner(plan, respond, STARLETTE_TASKS)(
            make_request(method="GET", query=query), None, None
        )
        return resolution

    resolution = anyio.run(main, b"")
    response, tasks, scopes, limit = resolution.values["found"]
    assert response is resolution.response is resolution.values["response"]
    assert tasks is resolution.background and isinstance(tasks, BackgroundTasks)
    assert (scopes, limit) == (["read"], 1)
    failed = anyio.run(main, b"limit=9")  # made even when a parameter fails, as read_step does
    assert failed.errors and failed.response is not None and failed.background is not None


def test_steps_with_a_body_or_a_websocket_are_read_by_read_step() -> None:
    def with_body(item: Annotated[dict[str, int], Body()], response: Response) -> None: ...

    plan = compile_plan(build_dependant(path="/", call=with_body), embed_body=False)
    assert not reads_inline(plan.endpoint)

    async def respond(*_: Any) -> Response:
        return Response()

    route_runner(plan, respond, STARLETTE_TASKS)
    assert "await read_step(endpoint, sources, body, values, resolution)" in source_of(
        plan, route=True
    )
