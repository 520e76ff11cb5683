"""fastapi._core.execute.solve: a plan's steps run for one request, errors collected."""

# No "from __future__ import annotations": endpoints depend on functions local to the tests.
from contextlib import AsyncExitStack
from typing import Annotated, Any

import anyio
from starlette.background import BackgroundTasks
from starlette.requests import Request
from starlette.responses import Response

from fastapi import Cookie, Depends, Header, Query, Security
from fastapi._core.analyse.dependant import build_dependant
from fastapi._core.compile.plan import compile_plan
from fastapi._core.execute.solve import Resolution, solve
from fastapi._core.security import SecurityScopes
from tests.core.requests import make_request


def solved(endpoint: Any, request: Request, **options: Any) -> Resolution:
    plan = compile_plan(build_dependant(path="/items/{item_id}", call=endpoint), embed_body=False)

    async def main() -> Resolution:
        async with AsyncExitStack() as stack:
            return await solve(plan, request, None, stack, **options)

    return anyio.run(main)


def get(query: bytes = b"", headers: dict[str, str] | None = None) -> Request:
    request = make_request(method="GET", path="/items/5", query=query, headers=headers)
    request.scope["path_params"] = {"item_id": "5"}
    return request


def test_every_source_is_read_into_the_endpoint_s_arguments() -> None:
    async def endpoint(
        item_id: int,
        q: Annotated[list[int], Query()],
        agent: Annotated[str, Header(alias="user-agent")],
        theme: Annotated[str, Cookie()] = "light",
    ) -> None: ...

    resolution = solved(endpoint, get(b"q=1&q=2", {"user-agent": "t", "cookie": "theme=dark"}))
    assert resolution.errors == []
    assert resolution.values == {"item_id": 5, "q": [1, 2], "agent": "t", "theme": "dark"}


def test_errors_of_every_step_are_collected_in_order_and_the_endpoint_is_not_reached() -> None:
    calls: list[str] = []

    def dependency(limit: Annotated[int, Query()]) -> int:
        calls.append("dependency")
        return limit

    async def endpoint(
        item_id: int, n: Annotated[int, Depends(dependency)], q: Annotated[int, Query()]
    ) -> None: ...

    resolution = solved(endpoint, get(b"limit=x&q=y"))
    assert [error["loc"] for error in resolution.errors] == [("query", "limit"), ("query", "q")]
    assert calls == []  # a dependency whose parameters failed is not called


def test_injected_objects_are_the_request_s() -> None:
    def scoped(scopes: SecurityScopes) -> list[str]:
        return scopes.scopes

    async def endpoint(
        item_id: int,
        request: Request,
        response: Response,
        tasks: BackgroundTasks,
        scopes: Annotated[list[str], Security(scoped, scopes=["items:read"])],
    ) -> None: ...

    request = get()
    resolution = solved(endpoint, request)
    values = resolution.values
    assert values["request"] is request and values["scopes"] == ["items:read"]
    assert values["response"] is resolution.response and values["tasks"] is resolution.background
    assert resolution.response.status_code is None  # not set: the route's own status applies
    assert "content-length" not in resolution.response.headers


def test_a_cache_shared_between_solves_is_used() -> None:
    calls: list[int] = []

    async def counted() -> int:
        calls.append(1)
        return len(calls)

    async def endpoint(item_id: int, n: Annotated[int, Depends(counted)]) -> None: ...

    cache: dict[Any, Any] = {}
    first = solved(endpoint, get(), cache=cache)
    second = solved(endpoint, get(), cache=cache)
    assert first.values["n"] == second.values["n"] == 1 and calls == [1]
