"""Route handlers built on first use (fastapi._core.compile.first_call).

The first route of each outline is built when registered; the others on their first request,
once, whichever thread asks first; every answer is the one an eagerly built route gives.
"""

from __future__ import annotations

import threading
from typing import Annotated, Any

import pytest
from pydantic import BaseModel

from fastapi import Depends, FastAPI, Header, Query
from fastapi._core.compile.first_call import BuiltOnFirstCall, first_of_its_outline, outline
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient


class Item(BaseModel):
    name: str
    price: float


def token(x_token: Annotated[str | None, Header()] = None) -> str | None:
    return x_token


def crud_app(copies: int) -> FastAPI:
    """``copies`` alike groups of routes (same parameter names, dependencies, models)."""
    app = FastAPI()
    for n in range(copies):

        @app.get(f"/g{n}/items/{{item_id}}")
        async def read(item_id: int, q: Annotated[str | None, Query(max_length=5)] = None):
            return {"item_id": item_id, "q": q}

        @app.post(f"/g{n}/items", response_model=Item)
        async def create(item: Item, who: Annotated[str | None, Depends(token)]):
            return {**item.model_dump(), "ignored": who}

        @app.get(f"/g{n}/sync")
        def sync(limit: int = 10):
            return [limit]

    return app


def api_routes(app: FastAPI) -> list[APIRoute]:
    return [route for route in app.routes if isinstance(route, APIRoute)]


def test_only_the_first_route_of_an_outline_is_built_when_registered() -> None:
    app = crud_app(3)
    deferred = [route.path for route in api_routes(app) if isinstance(route.app, BuiltOnFirstCall)]
    # Other tests may have built these outlines already: at least the later copies wait.
    assert {"/g1/items/{item_id}", "/g1/items", "/g1/sync", "/g2/sync"} <= set(deferred)


def test_deferred_routes_answer_as_built_ones_and_then_hold_their_app() -> None:
    app = crud_app(3)
    client = TestClient(app)
    for n in range(3):
        assert client.get(f"/g{n}/items/4?q=ab").json() == {"item_id": 4, "q": "ab"}
        invalid = client.get(f"/g{n}/items/x?q=toolong")
        assert invalid.status_code == 422
        assert [error["loc"] for error in invalid.json()["detail"]] == [
            ["path", "item_id"],
            ["query", "q"],
        ]
        created = client.post(f"/g{n}/items", json={"name": "a", "price": 2}, headers={"x-token": "t"})
        assert created.json() == {"name": "a", "price": 2.0}
        assert client.post(f"/g{n}/items", json={"name": "a"}).status_code == 422
        assert client.get(f"/g{n}/sync?limit=3").json() == [3]
    assert not any(isinstance(route.app, BuiltOnFirstCall) for route in api_routes(app))


def test_outlines_tell_parameter_names_kinds_and_dependencies_apart() -> None:
    app = FastAPI()

    @app.get("/a/{item_id}")
    async def by_item(item_id: int): ...

    @app.get("/b/{user_id}")
    async def by_user(user_id: int): ...

    @app.get("/c/{item_id}")
    def by_item_sync(item_id: int): ...

    @app.get("/d/{item_id}")
    async def by_item_with_token(item_id: int, who: Annotated[str | None, Depends(token)]): ...

    @app.get("/e/{item_id}")
    async def by_item_again(item_id: int): ...

    outlines = [outline(route.dependant) for route in api_routes(app)]
    assert len(set(outlines[:4])) == 4
    assert outlines[4] == outlines[0]
    assert first_of_its_outline(api_routes(app)[0].dependant, "a fact never seen before")


def test_a_route_class_with_its_own_handler_gets_it_at_registration() -> None:
    built: list[str] = []

    class Logged(APIRoute):
        def get_route_handler(self) -> Any:
            built.append(self.path)
            return super().get_route_handler()

    app = crud_app(0)
    app.router.route_class = Logged
    for n in range(3):

        @app.get(f"/logged{n}")
        async def logged(limit: int = 1):
            return limit

    assert built == ["/logged0", "/logged1", "/logged2"]
    assert TestClient(app).get("/logged2?limit=5").json() == 5


def test_a_placeholder_builds_once_for_racing_threads() -> None:
    builds: list[int] = []
    installed: list[object] = []
    gate = threading.Barrier(8)

    async def app(scope: Any, receive: Any, send: Any) -> None: ...

    def build(owner: str) -> Any:
        builds.append(1)
        return app

    placeholder = BuiltOnFirstCall("route", build, lambda owner, built: installed.append(built))
    seen: list[object] = []

    def first_request() -> None:
        gate.wait(timeout=60)
        seen.append(placeholder.built())

    threads = [threading.Thread(target=first_request) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert (len(builds), installed, seen) == (1, [app], [app] * 8)


def test_a_failed_build_is_tried_again() -> None:
    attempts: list[int] = []

    async def app(scope: Any, receive: Any, send: Any) -> None: ...

    def build(owner: str) -> Any:
        attempts.append(1)
        if len(attempts) == 1:
            raise RuntimeError("not yet")
        return app

    placeholder = BuiltOnFirstCall("route", build, lambda owner, built: None)
    with pytest.raises(RuntimeError, match="not yet"):
        placeholder.built()
    assert placeholder.built() is app and placeholder.built() is app
    assert len(attempts) == 2
