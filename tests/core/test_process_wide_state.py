"""Building and dropping many apps leaves nothing behind in the engine's shared tables.

The process-wide tables (docs/architecture.md, "Process-wide state") hold what live apps
share and let go of what dropped apps used: a test suite or a multi-tenant process building
apps by the thousand stays flat.
"""

# No "from __future__ import annotations": the endpoints annotate with classes local to build_app.
import gc
import weakref
from typing import Annotated

from pydantic import BaseModel

from fastapi import FastAPI, Query
from fastapi._core.analyse import field
from fastapi.testclient import TestClient


def build_app(n: int) -> FastAPI:
    class Item(BaseModel):  # a model of its own per app
        name: str
        size: int = n

    app = FastAPI()

    @app.post("/items/{item_id}")
    def create(item_id: int, item: Item, q: Annotated[str | None, Query(max_length=n + 1)] = None):
        return item

    @app.get("/items/{item_id}", response_model=list[Item])  # a response type of its own too
    def read(item_id: int):
        return [{"name": "a", "size": 2}]

    return app


def serve_once(app: FastAPI) -> None:
    with TestClient(app) as client:
        assert client.post("/items/1", json={"name": "a"}).status_code == 200
        assert client.get("/items/1").json() == [{"name": "a", "size": 2}]
        assert client.get("/openapi.json").status_code == 200


def test_many_apps_built_and_dropped_leave_the_adapter_table_flat() -> None:
    serve_once(build_app(-1))  # whatever importing and a first app set up for good
    gc.collect()
    baseline = len(field._ADAPTERS)
    apps: list[weakref.ref[FastAPI]] = []
    for n in range(40):
        app = build_app(n)
        serve_once(app)
        apps.append(weakref.ref(app))
        del app
    gc.collect()
    assert [ref for ref in apps if ref() is not None] == []  # nothing process-wide holds an app
    assert len(field._ADAPTERS) <= baseline + 5  # not 40 apps' declarations


def test_live_apps_still_share_their_equal_declarations() -> None:
    first, second = build_app(1), build_app(1)
    adapters = {
        id(route.dependant.query_params[0]._type_adapter)  # type: ignore[attr-defined]
        for app in (first, second)
        for route in app.routes
        if getattr(route, "methods", None) == {"POST"}
    }
    assert len(adapters) == 1
