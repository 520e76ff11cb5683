"""Generate the OpenAPI document of an application: ``get_openapi`` and the helpers
extensions import from FastAPI's module of this name.

The builder itself lives in ``fastapi.openapi._build`` (one module per concern); these
functions keep FastAPI's names and keyword signatures and hand over to it.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from enum import Enum
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from starlette.routing import BaseRoute

from fastapi import routing
from fastapi._compat import lenient_issubclass as lenient_issubclass
from fastapi._core.analyse.field import ModelField
from fastapi._core.dependant import Dependant
from fastapi._lazy import lazy_attributes, reexports
from fastapi.dependencies.utils import get_flat_dependant as get_flat_dependant
from fastapi.dependencies.utils import get_flat_params as get_flat_params
from fastapi.openapi._build.document import build_document
from fastapi.openapi._build.operation import (
    OperationContext,
    document_route,
    operation_metadata,
    operation_summary,
    security_requirements,
    security_schemes,
)
from fastapi.openapi._build.parameters import parameter_objects
from fastapi.openapi._build.request_body import request_body_object
from fastapi.openapi._build.responses import VALIDATION_DEFINITIONS
from fastapi.openapi._build.responses import status_code_ranges as status_code_ranges
from fastapi.openapi._build.responses import (
    validation_error_definition as validation_error_definition,
)
from fastapi.openapi._build.responses import (
    validation_error_response_definition as validation_error_response_definition,
)
from fastapi.openapi._build.route_inputs import inputs_memo, route_inputs
from fastapi.openapi._build.schemas import (
    FieldMapping,
    FieldSchemas,
    documented_fields,
    generate_schemas,
)
from fastapi.utils import generate_operation_id_for_path as generate_operation_id_for_path

__all__ = [
    "generate_operation_id",
    "generate_operation_summary",
    "get_compat_model_name_map",
    "get_definitions",
    "get_fields_from_routes",
    "get_flat_dependant",
    "get_flat_params",
    "get_openapi",
    "get_openapi_operation_metadata",
    "get_openapi_operation_request_body",
    "get_openapi_path",
    "get_openapi_security_definitions",
    "get_schema_from_model_field",
    "lenient_issubclass",
    "status_code_ranges",
    "validation_error_definition",
    "validation_error_response_definition",
]

HTTP_422_UNPROCESSABLE_ENTITY = 422
ModelNameMap = dict[type[BaseModel] | type[Enum], str]


def get_openapi(
    *,
    title: str,
    version: str,
    openapi_version: str = "3.1.0",
    summary: str | None = None,
    description: str | None = None,
    routes: Sequence[BaseRoute],
    webhooks: Sequence[BaseRoute] | None = None,
    tags: list[dict[str, Any]] | None = None,
    servers: list[dict[str, Any]] | None = None,
    terms_of_service: str | None = None,
    contact: dict[str, Any] | None = None,
    license_info: dict[str, Any] | None = None,
    separate_input_output_schemas: bool = True,
    external_docs: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The OpenAPI document (a JSON-ready dict) describing ``routes`` and ``webhooks``;
    empty optional values are left out."""
    info = {
        "title": title,
        **_given(
            summary=summary,
            description=description,
            termsOfService=terms_of_service,
            contact=contact,
            license=license_info,
        ),
        "version": version,
    }
    head = {"openapi": openapi_version, "info": info, **_given(servers=servers)}
    tail = _given(tags=tags, externalDocs=external_docs)
    return build_document(head, routes or [], webhooks or [], tail, separate_input_output_schemas)


def _given(**values: Any) -> dict[str, Any]:
    return {key: value for key, value in values.items() if value}


def get_fields_from_routes(routes: Sequence[BaseRoute]) -> list[ModelField]:
    """Every value the documented routes (and their callbacks) describe with a schema."""
    return documented_fields(routes, route_inputs)


def get_compat_model_name_map(fields: list[ModelField]) -> ModelNameMap:
    """Kept for extensions: with Pydantic v2 the schema generator names the models itself."""
    return {}


def get_definitions(
    *,
    fields: list[ModelField],
    schema_generator: GenerateJsonSchema,
    model_name_map: ModelNameMap,
    separate_input_output_schemas: bool = True,
) -> tuple[FieldMapping, dict[str, JsonSchemaValue]]:
    """The schema of every field, and the definitions of the models they use."""
    return generate_schemas(fields, schema_generator, separate_input_output_schemas)


def get_schema_from_model_field(
    *,
    field: ModelField,
    schema_generator: GenerateJsonSchema,
    model_name_map: ModelNameMap,
    field_mapping: FieldMapping,
    separate_input_output_schemas: bool = True,
) -> JsonSchemaValue:
    """The schema of one field; an inline schema gets a title (its own, or from its name)."""
    return FieldSchemas(field_mapping, separate_input_output_schemas).of(field)


def get_openapi_path(
    *,
    route: routing.APIRoute,
    operation_ids: set[str],
    schema_generator: GenerateJsonSchema,
    model_name_map: ModelNameMap,
    field_mapping: FieldMapping,
    separate_input_output_schemas: bool = True,
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """The path item of one route, its security schemes and the definitions it adds (the
    validation error models)."""
    schemas = FieldSchemas(field_mapping, separate_input_output_schemas)
    documented = document_route(route, OperationContext(schemas, inputs_memo(), operation_ids))
    definitions = dict(VALIDATION_DEFINITIONS) if documented.validates else {}
    return documented.path_item, documented.security_schemes, definitions


def get_openapi_operation_metadata(
    *, route: routing.APIRoute, method: str, operation_ids: set[str]
) -> dict[str, Any]:
    """Tags, summary, description, operation id (a repeat is warned about) and deprecation."""
    return operation_metadata(route, operation_ids)


def generate_operation_summary(*, route: routing.APIRoute, method: str) -> str:
    return operation_summary(route)


def generate_operation_id(*, route: routing.APIRoute, method: str) -> str:
    warnings.warn(
        "fastapi.openapi.utils.generate_operation_id() was deprecated, "
        "it is not used internally, and will be removed soon",
        DeprecationWarning,
        stacklevel=2,
    )
    return route.operation_id or route.unique_id


def get_openapi_security_definitions(
    flat_dependant: Dependant,
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The security schemes a route uses, and its security requirements."""
    requirements = flat_dependant.security_requirements
    return security_schemes(requirements), security_requirements(requirements)


def _get_openapi_operation_parameters(
    *,
    dependant: Dependant,
    schema_generator: GenerateJsonSchema,
    model_name_map: ModelNameMap,
    field_mapping: FieldMapping,
    separate_input_output_schemas: bool = True,
) -> list[dict[str, Any]]:
    schemas = FieldSchemas(field_mapping, separate_input_output_schemas)
    return parameter_objects(route_inputs(dependant), schemas)


def get_openapi_operation_request_body(
    *,
    body_field: ModelField | None,
    schema_generator: GenerateJsonSchema,
    model_name_map: ModelNameMap,
    field_mapping: FieldMapping,
    separate_input_output_schemas: bool = True,
) -> dict[str, Any] | None:
    """The request body object of a route, or None when it reads no body."""
    schemas = FieldSchemas(field_mapping, separate_input_output_schemas)
    return request_body_object(body_field, schemas)


# Names FastAPI's module carries from elsewhere, which extensions import from it.
__getattr__ = lazy_attributes(
    __name__,
    {
        **reexports("typing", "Any", "Dict", "List", "Literal", "Optional", "Set", "Tuple"),
        **reexports("typing", "Type", "Union", "cast"),
        **reexports("starlette.responses", "JSONResponse", "Response"),
        **reexports("fastapi.openapi.constants", "METHODS_WITH_BODY", "REF_PREFIX"),
        **reexports("fastapi.utils", "deep_dict_update", "is_body_allowed_for_status_code"),
        "REF_TEMPLATE": "fastapi.openapi.constants",
        "OpenAPI": "fastapi.openapi.models",
        "Body": "fastapi.params",
        "ParamTypes": "fastapi.params",
        "DefaultPlaceholder": "fastapi.datastructures",
        "Undefined": "fastapi._core.analyse.field",
        "jsonable_encoder": "fastapi.encoders",
        "_get_flat_fields_from_params": "fastapi.dependencies.utils",
        "http": "http",
        "inspect": "inspect",
    },
)
