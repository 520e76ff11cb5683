"""The assembled document: what the final encoding drops, what the components collect, and
that nothing of one document is remembered for the next."""

from __future__ import annotations

import gc
import warnings

import pytest

from fastapi import APIRouter, Depends, FastAPI
from fastapi.openapi import utils
from fastapi.openapi._build import document as build
from fastapi.security import APIKeyHeader, HTTPBearer


def test_none_values_and_sa_keys_are_dropped_at_any_depth_but_not_from_lists() -> None:
    app = FastAPI()
    extra = {"x-d": {"a": None, "_sa_hidden": 1, "keep": [None, {"b": None}]}}

    @app.get("/", openapi_extra=extra)
    def root():
        return {}

    operation = app.openapi()["paths"]["/"]["get"]
    assert operation["x-d"] == {"keep": [None, {}]}


def test_callbacks_security_schemes_stay_out_of_the_components() -> None:
    callbacks = APIRouter()

    @callbacks.post("{$url}")
    def event(key=Depends(APIKeyHeader(name="k"))):
        pass

    app = FastAPI()

    @app.get("/", callbacks=callbacks.routes)
    def root(token=Depends(HTTPBearer())):
        return {}

    document = app.openapi()
    assert list(document["components"]["securitySchemes"]) == ["HTTPBearer"]
    callback = document["paths"]["/"]["get"]["callbacks"]["event"]["{$url}"]["post"]
    assert callback["security"] == [{"APIKeyHeader": []}]


def test_routes_changed_between_documents_are_documented_anew() -> None:
    router = APIRouter()

    @router.get("/")
    def root(q: int = 0):
        return {}

    first = utils.get_openapi(title="T", version="1", routes=router.routes)
    assert [p["name"] for p in first["paths"]["/"]["get"]["parameters"]] == ["q"]
    route = router.routes[0]
    route.dependant.query_params.clear()  # e.g. an extension rewriting a route
    second = utils.get_openapi(title="T", version="1", routes=router.routes)
    assert "parameters" not in second["paths"]["/"]["get"]


@pytest.mark.parametrize("enabled", [True, False])
def test_the_cycle_collector_is_left_as_it_was(enabled: bool) -> None:
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        with build._collector_paused():
            assert not gc.isenabled()
        assert gc.isenabled() is enabled
        with pytest.raises(KeyError), build._collector_paused():
            raise KeyError("a failing build")
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()


def test_a_multi_method_route_repeats_its_operation_id_as_fastapi_does() -> None:
    app = FastAPI()

    @app.api_route("/", methods=["GET", "POST"], openapi_extra={"x-list": [1]})
    def root():
        return {}

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        path_item = app.openapi()["paths"]["/"]
    assert sorted(path_item) == ["get", "post"]
    # Each operation is built on its own: an extra list is not merged twice.
    assert path_item["get"]["x-list"] == path_item["post"]["x-list"] == [1]
    # One id (from the first of the methods, a set) for both: the second is warned about.
    assert path_item["get"]["operationId"] == path_item["post"]["operationId"]
    assert [str(w.message).split(" for ")[0] for w in caught] == [
        "Duplicate Operation ID " + path_item["get"]["operationId"]
    ]
