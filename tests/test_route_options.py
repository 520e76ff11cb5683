"""The route options are declared once (fastapi/_route_options.py); every public callable that
takes them shows FastAPI 0.116.1's keyword signature, recorded from it as a black box in
tests/data/route_signatures.json (tools/record_signatures.py), and routers merge them by one rule
per option."""

import importlib
import inspect
import json
from pathlib import Path
from typing import Any

import pytest

from fastapi import APIRouter, Depends, FastAPI
from fastapi._route_options import (
    LEVEL_RULES,
    REDECLARED_OPTIONS,
    APIRouteInitOptions,
    IncludeOptions,
    keyword_signature,
    level_of,
    outer_first,
    reject_unknown,
    within,
)
from fastapi.datastructures import Default, DefaultPlaceholder
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from tools.record_signatures import SIGNED, describe_default

RECORDED = json.loads((Path(__file__).parent / "data" / "route_signatures.json").read_text())


def _signature(key: str) -> inspect.Signature:
    module_name, class_name, attribute = SIGNED[key]
    owner: Any = importlib.import_module(module_name)
    if class_name:
        owner = getattr(owner, class_name)
    return inspect.signature(getattr(owner, attribute))


@pytest.mark.parametrize("key", sorted(RECORDED))
def test_signature_is_fastapis(key: str) -> None:
    ours = [
        {"name": p.name, "kind": p.kind.name, "default": describe_default(p.default)}
        for p in _signature(key).parameters.values()
    ]

    def by_name(parameters: list[dict[str, Any]]) -> dict[str, Any]:
        return {p["name"]: p for p in parameters}

    recorded = RECORDED[key]
    positional = [p for p in recorded if p["kind"] != "KEYWORD_ONLY"]
    assert [p for p in ours if p["kind"] != "KEYWORD_ONLY"] == positional
    assert by_name(ours) == by_name(recorded)


def test_every_option_has_a_type_and_a_default_and_routes_keep_each() -> None:
    route = APIRoute("/x", lambda: None)
    for name, annotation in APIRouteInitOptions.__annotations__.items():
        assert annotation.__metadata__, name
        assert hasattr(route, name), name
    assert set(REDECLARED_OPTIONS) <= set(APIRouteInitOptions.__annotations__)
    assert set(LEVEL_RULES) <= set(REDECLARED_OPTIONS)


def test_unknown_keyword_is_pythons_type_error() -> None:
    app = FastAPI()
    with pytest.raises(
        TypeError, match=r"FastAPI.get\(\) got an unexpected keyword argument 'colour'"
    ):
        app.get("/", colour="red")
    with pytest.raises(TypeError, match="unexpected keyword argument 'callbacks'"):
        app.api_route("/", callbacks=[])  # FastAPI's app-level api_route takes none either
    with pytest.raises(TypeError, match=r"APIRoute.__init__\(\) got an unexpected keyword"):
        APIRoute("/", lambda: None, colour="red")


def test_level_rules() -> None:
    inner = {
        "tags": ["inner"],
        "dependencies": [],
        "callbacks": None,
        "responses": {404: {"description": "inner"}},
        "deprecated": None,
        "include_in_schema": True,
        "response_class": Default(JSONResponse),
        "generate_unique_id_function": Default(str),
        "summary": "kept",
    }
    level = {
        "tags": ["outer"],
        "responses": {404: {"description": "outer"}, 500: {"description": "outer"}},
        "deprecated": True,
        "include_in_schema": False,
        "response_class": HTMLResponse,
        "generate_unique_id_function": Default(repr),
    }
    merged = within(level, inner)
    assert merged["tags"] == ["outer", "inner"]
    assert merged["responses"] == {404: {"description": "inner"}, 500: {"description": "outer"}}
    assert merged["deprecated"] is True
    assert merged["include_in_schema"] is False
    assert merged["response_class"] is HTMLResponse
    assert isinstance(merged["generate_unique_id_function"], DefaultPlaceholder)
    assert merged["generate_unique_id_function"].value is str  # the inner placeholder is kept
    assert merged["summary"] == "kept"
    assert within({"response_class": HTMLResponse}, {"response_class": PlainTextResponse}) == {
        "response_class": PlainTextResponse
    }


def test_three_levels_merge_like_fastapi() -> None:
    seen: list[str] = []

    def mark(label: str):
        def dependency() -> None:
            seen.append(label)

        return Depends(dependency)

    inner = APIRouter(
        tags=["router"], dependencies=[mark("router")], default_response_class=PlainTextResponse
    )

    @inner.get("/hello", tags=["route"], dependencies=[mark("route")])
    def hello() -> str:
        return "hi"

    app = FastAPI(dependencies=[mark("app")])
    app.include_router(
        inner, prefix="/v1", tags=["include"], dependencies=[mark("include")], deprecated=True
    )
    route = next(r for r in app.routes if isinstance(r, APIRoute))
    assert route.path == "/v1/hello"
    assert route.tags == ["include", "router", "route"]
    assert route.deprecated is True
    assert route.response_class is PlainTextResponse
    with TestClient(app) as client:
        response = client.get("/v1/hello")
    assert response.text == "hi"
    assert seen == ["app", "include", "router", "route"]


def test_level_settings_name_route_options() -> None:
    settings = {
        "prefix": "/ignored",
        "tags": ["t"],
        "dependencies": None,
        "responses": None,
        "callbacks": None,
        "deprecated": True,
        "include_in_schema": False,
        "default_response_class": HTMLResponse,
        "generate_unique_id_function": repr,
    }
    level = level_of(settings)
    assert set(level) == set(LEVEL_RULES)  # every setting has its rule, and only those
    assert level["response_class"] is HTMLResponse and "prefix" not in level
    router = APIRouter(tags=["r"], default_response_class=PlainTextResponse)
    assert router._level()["tags"] == ["r"]
    assert router._level()["response_class"] is PlainTextResponse


def test_outer_first_extends_like_a_list() -> None:
    assert outer_first(["a"], ["b"]) == ["a", "b"]
    assert outer_first(None, None) == []
    assert outer_first(["a"], "bc") == ["a", "b", "c"]  # list.extend semantics, as FastAPI


def test_keyword_signature_and_unknown_keywords() -> None:
    leading = [inspect.Parameter("path", inspect.Parameter.POSITIONAL_OR_KEYWORD)]
    signature = keyword_signature(leading, IncludeOptions)
    assert list(signature.parameters)[:2] == ["path", "prefix"]
    assert signature.parameters["include_in_schema"].default is True
    assert all(
        parameter.kind is inspect.Parameter.KEYWORD_ONLY
        for parameter in list(signature.parameters.values())[1:]
    )
    reject_unknown(lambda: "never.named", frozenset({"a"}), {"a": 1})  # nothing to refuse
    with pytest.raises(TypeError, match=r"^f\(\) got an unexpected keyword argument 'b'$"):
        reject_unknown(lambda: "f", frozenset({"a"}), {"a": 1, "b": 2})
