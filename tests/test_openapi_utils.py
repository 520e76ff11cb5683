"""``fastapi.openapi.utils``: get_openapi's arguments and the helpers extensions import."""

from __future__ import annotations

import inspect
import warnings
from typing import Annotated, Optional

import pytest
from pydantic import BaseModel, computed_field
from pydantic.json_schema import GenerateJsonSchema

from fastapi import APIRouter, Depends, FastAPI, Header, Query
from fastapi.openapi import utils
from fastapi.openapi.constants import REF_TEMPLATE
from fastapi.openapi.docs import get_swagger_ui_html, swagger_ui_default_parameters
from fastapi.routing import APIRoute


class Item(BaseModel):
    name: str


class Thing(BaseModel):
    tags: list[str] = []

    @computed_field  # type: ignore[prop-decorator]
    @property
    def count(self) -> int:
        return len(self.tags)


def make_app() -> FastAPI:
    app = FastAPI()

    @app.post("/items/{item_id}", response_model=Item, tags=["items"])
    def create_item(item_id: int, item: Item, q: Optional[str] = None):
        return item

    @app.get("/plain")
    def plain():
        return {}

    return app


def test_minimal_document() -> None:
    document = utils.get_openapi(title="T", version="1", routes=[])
    assert document == {"openapi": "3.1.0", "info": {"title": "T", "version": "1"}, "paths": {}}


def test_info_keeps_only_given_values_in_order() -> None:
    document = utils.get_openapi(
        title="T",
        version="2",
        summary="S",
        description="D",
        terms_of_service="https://example.com/tos",
        contact={"name": "N"},
        license_info={"name": "MIT", "identifier": "MIT"},
        routes=[],
    )
    assert list(document["info"]) == [
        "title",
        "summary",
        "description",
        "termsOfService",
        "contact",
        "license",
        "version",
    ]
    # Empty values are left out like missing ones.
    document = utils.get_openapi(
        title="T", version="2", summary="", description="", contact={}, routes=[]
    )
    assert document["info"] == {"title": "T", "version": "2"}


def test_openapi_version_servers_and_tags() -> None:
    document = utils.get_openapi(
        title="T",
        version="1",
        openapi_version="3.0.3",
        routes=[],
        servers=[{"url": "/api", "description": "here"}],
        tags=[{"name": "items", "description": "Items", "x-order": 1}],
    )
    assert document["openapi"] == "3.0.3"
    assert document["servers"] == [{"url": "/api", "description": "here"}]
    assert document["tags"] == [{"name": "items", "description": "Items", "x-order": 1}]
    assert list(document) == ["openapi", "info", "servers", "paths", "tags"]


def test_routes_are_documented() -> None:
    app = make_app()
    document = utils.get_openapi(title="T", version="1", routes=app.routes)
    operation = document["paths"]["/items/{item_id}"]["post"]
    assert operation["operationId"] == "create_item_items__item_id__post"
    assert operation["tags"] == ["items"]
    assert [p["name"] for p in operation["parameters"]] == ["item_id", "q"]
    assert operation["requestBody"] == {
        "required": True,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Item"}}},
    }
    assert list(operation["responses"]) == ["200", "422"]
    assert sorted(document["components"]["schemas"]) == [
        "HTTPValidationError",
        "Item",
        "ValidationError",
    ]
    # A route without parameters or body documents no validation error.
    assert list(document["paths"]["/plain"]["get"]["responses"]) == ["200"]


def test_webhooks_are_keyed_by_path() -> None:
    app = FastAPI()

    @app.webhooks.post("new-item")
    def new_item(item: Item):
        pass

    document = app.openapi()
    assert list(document["webhooks"]) == ["new-item"]
    assert document["paths"] == {}
    assert "Item" in document["components"]["schemas"]


def test_separate_input_output_schemas_flag() -> None:
    app = FastAPI()

    @app.post("/things")
    def things(thing: Thing) -> Thing:
        return thing

    separate = utils.get_openapi(title="T", version="1", routes=app.routes)
    assert {"Thing-Input", "Thing-Output"} <= set(separate["components"]["schemas"])
    shared = utils.get_openapi(
        title="T", version="1", routes=app.routes, separate_input_output_schemas=False
    )
    assert "Thing" in shared["components"]["schemas"]
    assert "Thing-Input" not in shared["components"]["schemas"]


def test_summary_and_operation_metadata() -> None:
    app = make_app()
    route = next(r for r in app.routes if isinstance(r, APIRoute) and r.path == "/plain")
    assert utils.generate_operation_summary(route=route, method="GET") == "Plain"
    ids: set[str] = set()
    metadata = utils.get_openapi_operation_metadata(route=route, method="GET", operation_ids=ids)
    assert metadata == {"summary": "Plain", "operationId": "plain_plain_get"}
    assert ids == {"plain_plain_get"}
    with pytest.warns(
        UserWarning, match="Duplicate Operation ID plain_plain_get for function plain"
    ):
        utils.get_openapi_operation_metadata(route=route, method="GET", operation_ids=ids)


def test_generate_operation_id_is_deprecated() -> None:
    route = next(r for r in make_app().routes if isinstance(r, APIRoute) and r.path == "/plain")
    with pytest.warns(DeprecationWarning):
        assert utils.generate_operation_id(route=route, method="GET") == "plain_plain_get"


def test_fields_and_definitions() -> None:
    app = make_app()
    fields = utils.get_fields_from_routes(app.routes)
    # Bodies first, then responses, then parameters.
    assert [f.name for f in fields] == [
        "item",
        "Response_create_item_items__item_id__post",
        "item_id",
        "q",
    ]
    generator = GenerateJsonSchema(ref_template=REF_TEMPLATE)
    mapping, definitions = utils.get_definitions(
        fields=fields, schema_generator=generator, model_name_map={}
    )
    assert list(definitions) == ["Item"]
    q = fields[-1]
    schema = utils.get_schema_from_model_field(
        field=q, schema_generator=generator, model_name_map={}, field_mapping=mapping
    )
    assert schema == {
        "anyOf": [{"type": "string"}, {"type": "null"}],
        "default": None,
        "title": "Q",
    }
    assert utils.get_compat_model_name_map(fields) == {}


def test_parameters_are_deduplicated() -> None:
    def optional_q(q: Optional[int] = None, x_token: Annotated[Optional[str], Header()] = None):
        return q

    def required_q(q: Annotated[int, Query(description="needed")]):
        return q

    router = APIRouter()

    @router.get("/")
    def read(a=Depends(optional_q), b=Depends(required_q)):
        return {}

    document = utils.get_openapi(title="T", version="1", routes=router.routes)
    parameters = document["paths"]["/"]["get"]["parameters"]
    assert [(p["name"], p["in"], p["required"]) for p in parameters] == [
        ("q", "query", True),
        ("x-token", "header", False),
    ]
    assert parameters[0]["description"] == "needed"


def test_definitions_of_validation_errors() -> None:
    assert utils.validation_error_response_definition["properties"]["detail"]["items"] == {
        "$ref": "#/components/schemas/ValidationError"
    }
    assert utils.validation_error_definition["required"] == ["loc", "msg", "type"]
    assert utils.status_code_ranges["4XX"] == "Client Error"
    assert utils.status_code_ranges["DEFAULT"] == "Default Response"


def test_public_signatures() -> None:
    keyword_only = inspect.Parameter.KEYWORD_ONLY
    for function in (
        utils.get_openapi,
        utils.get_openapi_path,
        utils.get_openapi_operation_metadata,
        utils.get_openapi_operation_request_body,
        utils.generate_operation_summary,
    ):
        assert all(p.kind is keyword_only for p in inspect.signature(function).parameters.values())
    assert list(inspect.signature(utils.get_openapi_path).parameters) == [
        "route",
        "operation_ids",
        "schema_generator",
        "model_name_map",
        "field_mapping",
        "separate_input_output_schemas",
    ]


def test_swagger_parameters_are_not_mutated() -> None:
    before = dict(swagger_ui_default_parameters)
    response = get_swagger_ui_html(
        openapi_url="/o", title="T", swagger_ui_parameters={"deepLinking": False}
    )
    assert b'"deepLinking": false,' in response.body
    assert swagger_ui_default_parameters == before


def test_app_openapi_is_cached_and_valid() -> None:
    from openapi_spec_validator import validate

    app = make_app()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        document = app.openapi()
    assert app.openapi() is document
    validate(document)
