"""Generate the OpenAPI document of an application from its routes.

The work happens in two passes. First every value a route documents (request bodies,
responses, parameters, in the routes and in their callbacks) is handed to Pydantic's JSON
schema generator at once, so that models shared between routes get one definition and one
name, and models used both as input and output can be split into ``-Input``/``-Output``.
Then each route becomes one operation per HTTP method, referring to those schemas.

The document is finally validated through :class:`fastapi.openapi.models.OpenAPI` and dumped
by alias without ``None`` values.
"""

from __future__ import annotations

import functools
import http.client
import inspect
import warnings
from collections.abc import Sequence
from enum import Enum
from typing import Any, Literal, cast

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute

from fastapi import routing
from fastapi._compat import lenient_issubclass as lenient_issubclass
from fastapi._core.analyse.dependant import flat_dependant
from fastapi._core.analyse.field import ModelField, Undefined, param_group_model
from fastapi._core.memo import IdentityMemo
from fastapi._core.params import header_name
from fastapi._core.serialize.item_stream import stream_format
from fastapi._lazy import lazy_attributes, reexports
from fastapi.datastructures import DefaultPlaceholder
from fastapi.dependencies.models import Dependant
from fastapi.dependencies.utils import _get_flat_fields_from_params
from fastapi.encoders import jsonable_encoder
from fastapi.openapi.constants import METHODS_WITH_BODY, REF_PREFIX, REF_TEMPLATE
from fastapi.openapi.models import OpenAPI
from fastapi.openapi.stream_schema import stream_content
from fastapi.params import Body as Body
from fastapi.params import ParamTypes
from fastapi.utils import deep_dict_update, is_body_allowed_for_status_code
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

JsonMode = Literal["validation", "serialization"]
HTTP_422_UNPROCESSABLE_ENTITY = 422
ModelNameMap = dict[type[BaseModel] | type[Enum], str]
FieldMapping = dict[tuple[ModelField, JsonMode], JsonSchemaValue]

# The body of a 422 answer, documented on every operation that validates something.
validation_error_definition: dict[str, Any] = {
    "title": "ValidationError",
    "type": "object",
    "properties": {
        "loc": {
            "title": "Location",
            "type": "array",
            "items": {"anyOf": [{"type": "string"}, {"type": "integer"}]},
        },
        "msg": {"title": "Message", "type": "string"},
        "type": {"title": "Error Type", "type": "string"},
    },
    "required": ["loc", "msg", "type"],
}

validation_error_response_definition: dict[str, Any] = {
    "title": "HTTPValidationError",
    "type": "object",
    "properties": {
        "detail": {
            "title": "Detail",
            "type": "array",
            "items": {"$ref": REF_PREFIX + "ValidationError"},
        }
    },
}

# Descriptions of the response keys that stand for a range of status codes.
status_code_ranges: dict[str, str] = {
    "1XX": "Information",
    "2XX": "Success",
    "3XX": "Redirection",
    "4XX": "Client Error",
    "5XX": "Server Error",
    "DEFAULT": "Default Response",
}


def _validation_error_response() -> dict[str, Any]:
    """The 422 response object (a fresh one each time: the caller may change it)."""
    return {
        "description": "Validation Error",
        "content": {"application/json": {"schema": {"$ref": REF_PREFIX + "HTTPValidationError"}}},
    }


# Response keys under which a route already documents what a validation error answers.
_CLIENT_ERROR_KEYS = ("422", "4XX", "default")


# -- fields and their schemas -----------------------------------------------------------------


def get_flat_dependant(
    dependant: Dependant, *, skip_repeats: bool = False, visited: list[Any] | None = None
) -> Dependant:
    """Every parameter of the dependency tree gathered in one Dependant."""
    if not skip_repeats or visited is not None:
        return flat_dependant(dependant, skip_repeats=skip_repeats, visited=visited)
    return _flat(dependant)


def _flat_skipping_repeats(dependant: Dependant) -> Dependant:
    return flat_dependant(dependant, skip_repeats=True)


# Asked for several times per route while a document is built. Cleared per document.
_flat = IdentityMemo(_flat_skipping_repeats)


def get_compat_model_name_map(fields: list[ModelField]) -> ModelNameMap:
    """Kept for extensions: with Pydantic v2 the schema generator names the models itself."""
    return {}


def _locate_params(dependant: Dependant) -> list[tuple[ParamTypes, list[ModelField]]]:
    flat = get_flat_dependant(dependant, skip_repeats=True)
    return [
        (ParamTypes.path, _get_flat_fields_from_params(flat.path_params)),
        (ParamTypes.query, _get_flat_fields_from_params(flat.query_params)),
        (ParamTypes.header, _get_flat_fields_from_params(flat.header_params)),
        (ParamTypes.cookie, _get_flat_fields_from_params(flat.cookie_params)),
    ]


# A route's parameters by location, asked for several times per document. Cleared per document.
_params_by_location = IdentityMemo(_locate_params)


def get_flat_params(dependant: Dependant) -> list[ModelField]:
    """The path, query, header and cookie parameters of a route, in that order."""
    return [field for _, fields in _params_by_location(dependant) for field in fields]


def get_fields_from_routes(routes: Sequence[BaseRoute]) -> list[ModelField]:
    """Every value the documented routes (and their callbacks) describe with a schema.

    The order matters: it decides which of two models with the same name keeps it plainly.
    """
    from_callbacks: list[ModelField] = []
    bodies: list[ModelField] = []
    responses: list[ModelField] = []
    parameters: list[ModelField] = []
    for route in routes:
        if not (getattr(route, "include_in_schema", None) and isinstance(route, routing.APIRoute)):
            continue
        if route.body_field:
            bodies.append(route.body_field)
        if route.response_field:
            responses.append(route.response_field)
        stream_item: ModelField | None = getattr(route, "stream_item_field", None)
        if stream_item is not None:
            responses.append(stream_item)
        if route.response_fields:
            responses.extend(route.response_fields.values())
        if route.callbacks:
            from_callbacks.extend(get_fields_from_routes(route.callbacks))
        parameters.extend(get_flat_params(route.dependant))
    return from_callbacks + bodies + responses + parameters


def _schema_mode(field: ModelField, separate_input_output_schemas: bool) -> JsonMode:
    return field.mode if separate_input_output_schemas else "validation"


def get_definitions(
    *,
    fields: list[ModelField],
    schema_generator: GenerateJsonSchema,
    model_name_map: ModelNameMap,
    separate_input_output_schemas: bool = True,
) -> tuple[FieldMapping, dict[str, JsonSchemaValue]]:
    """The schema of every field, and the definitions of the models they use.

    Descriptions of models (their docstrings) stop at a form feed, as for endpoints.
    """
    # Equal declarations share one adapter (see ``fastapi._core.analyse.field``), hence one
    # core schema: Pydantic is asked once per distinct (schema, mode), in first-seen order.
    inputs: list[tuple[ModelField, Any, Any]] = []
    representative: dict[tuple[int, str], ModelField] = {}
    wanted: list[tuple[ModelField, Any, tuple[int, str]]] = []
    for field in fields:
        mode = _schema_mode(field, separate_input_output_schemas)
        core_schema = field._type_adapter.core_schema
        key = (id(core_schema), mode)
        if key not in representative:
            representative[key] = field
            inputs.append((field, mode, core_schema))
        wanted.append((field, mode, key))
    unique_mapping, definitions = schema_generator.generate_definitions(inputs=inputs)
    # Each field gets its own top-level dict: a title is set on it per field afterwards.
    field_mapping = {
        (field, mode): dict(unique_mapping[(representative[key], mode)])
        for field, mode, key in wanted
    }
    for definition in definitions.values():
        description = definition.get("description")
        if isinstance(description, str):
            definition["description"] = description.split("\f")[0]
    return field_mapping, cast(dict[str, JsonSchemaValue], definitions)


def get_schema_from_model_field(
    *,
    field: ModelField,
    schema_generator: GenerateJsonSchema,
    model_name_map: ModelNameMap,
    field_mapping: FieldMapping,
    separate_input_output_schemas: bool = True,
) -> JsonSchemaValue:
    """The schema of one field; an inline schema gets a title (its own, or from its name)."""
    schema = field_mapping[(field, _schema_mode(field, separate_input_output_schemas))]
    if "$ref" not in schema:
        schema["title"] = field.field_info.title or field.alias.title().replace("_", " ")
    return schema


# -- operations -----------------------------------------------------------------------------


def generate_operation_id(*, route: routing.APIRoute, method: str) -> str:
    warnings.warn(
        "fastapi.openapi.utils.generate_operation_id() was deprecated, "
        "it is not used internally, and will be removed soon",
        DeprecationWarning,
        stacklevel=2,
    )
    if route.operation_id:
        return route.operation_id
    return route.unique_id


def generate_operation_summary(*, route: routing.APIRoute, method: str) -> str:
    """The route's summary, or its name made readable (``read_items`` -> ``Read Items``)."""
    if route.summary:
        return route.summary
    return route.name.replace("_", " ").title()


def get_openapi_operation_metadata(
    *, route: routing.APIRoute, method: str, operation_ids: set[str]
) -> dict[str, Any]:
    """Tags, summary, description, operation id and deprecation of one operation.

    A repeated operation id is only warned about: the document keeps both operations.
    """
    operation: dict[str, Any] = {}
    if route.tags:
        operation["tags"] = route.tags
    operation["summary"] = generate_operation_summary(route=route, method=method)
    if route.description:
        operation["description"] = route.description
    operation_id = route.operation_id or route.unique_id
    if operation_id in operation_ids:
        message = f"Duplicate Operation ID {operation_id} for function {route.endpoint.__name__}"
        file_name = getattr(route.endpoint, "__globals__", {}).get("__file__")
        if file_name:
            message += f" at {file_name}"
        warnings.warn(message, stacklevel=1)
    operation_ids.add(operation_id)
    operation["operationId"] = operation_id
    if route.deprecated:
        operation["deprecated"] = route.deprecated
    return operation


def get_openapi_security_definitions(
    flat_dependant: Dependant,
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The security schemes a route uses, and its security requirements."""
    schemes: dict[str, Any] = {}
    requirements: list[dict[str, Any]] = []
    for requirement in flat_dependant.security_requirements:
        scheme = requirement.security_scheme
        schemes[scheme.scheme_name] = jsonable_encoder(
            scheme.model, by_alias=True, exclude_none=True
        )
        requirements.append({scheme.scheme_name: requirement.scopes})
    return schemes, requirements


def _parameter_name(field: ModelField, location: ParamTypes, convert_underscores: bool) -> str:
    alias = field.alias
    if location is ParamTypes.header and alias == field.name and convert_underscores:
        return header_name(field.name)
    return alias


def _get_openapi_operation_parameters(
    *,
    dependant: Dependant,
    schema_generator: GenerateJsonSchema,
    model_name_map: ModelNameMap,
    field_mapping: FieldMapping,
    separate_input_output_schemas: bool = True,
) -> list[dict[str, Any]]:
    """The parameter objects of a route: path, then query, header and cookie parameters."""
    flat = get_flat_dependant(dependant, skip_repeats=True)
    # The fields of a header model keep their underscores if the model's Header() says so.
    default_convert = True
    if param_group_model(flat.header_params) is not None:
        default_convert = getattr(flat.header_params[0].field_info, "convert_underscores", True)
    parameters: list[dict[str, Any]] = []
    for location, fields in _params_by_location(dependant):
        for field in fields:
            info = field.field_info
            if not getattr(info, "include_in_schema", True):
                continue
            convert = getattr(info, "convert_underscores", default_convert)
            parameter: dict[str, Any] = {
                "name": _parameter_name(field, location, convert),
                "in": location.value,
                "required": field.required,
                "schema": get_schema_from_model_field(
                    field=field,
                    schema_generator=schema_generator,
                    model_name_map=model_name_map,
                    field_mapping=field_mapping,
                    separate_input_output_schemas=separate_input_output_schemas,
                ),
            }
            if info.description:
                parameter["description"] = info.description
            openapi_examples = getattr(info, "openapi_examples", None)
            example = getattr(info, "example", Undefined)
            if openapi_examples:
                parameter["examples"] = jsonable_encoder(openapi_examples)
            elif example is not Undefined:
                parameter["example"] = jsonable_encoder(example)
            if getattr(info, "deprecated", None):
                parameter["deprecated"] = True
            parameters.append(parameter)
    return parameters


def _deduplicate_parameters(parameters: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One parameter per (location, name): the last declared, a required one winning.

    Each keeps the position where that (location, name) first appeared.
    """
    by_key: dict[tuple[str, str], dict[str, Any]] = {}
    for parameter in parameters:
        by_key[(parameter["in"], parameter["name"])] = parameter
    for parameter in parameters:
        if parameter.get("required"):
            by_key[(parameter["in"], parameter["name"])] = parameter
    return list(by_key.values())


def get_openapi_operation_request_body(
    *,
    body_field: ModelField | None,
    schema_generator: GenerateJsonSchema,
    model_name_map: ModelNameMap,
    field_mapping: FieldMapping,
    separate_input_output_schemas: bool = True,
) -> dict[str, Any] | None:
    """The request body object of a route, or None when it reads no body."""
    if not body_field:
        return None
    schema = get_schema_from_model_field(
        field=body_field,
        schema_generator=schema_generator,
        model_name_map=model_name_map,
        field_mapping=field_mapping,
        separate_input_output_schemas=separate_input_output_schemas,
    )
    info = cast(Body, body_field.field_info)
    request_body: dict[str, Any] = {}
    if body_field.required:
        request_body["required"] = True
    media: dict[str, Any] = {"schema": schema}
    openapi_examples = getattr(info, "openapi_examples", None)
    example = getattr(info, "example", Undefined)
    if openapi_examples:
        media["examples"] = jsonable_encoder(openapi_examples)
    elif example is not Undefined:
        media["example"] = jsonable_encoder(example)
    request_body["content"] = {info.media_type: media}
    return request_body


def _response_class(route: routing.APIRoute) -> type[Response]:
    response_class = route.response_class
    if isinstance(response_class, DefaultPlaceholder):
        return cast(type[Response], response_class.value)
    return response_class


@functools.lru_cache(maxsize=256)
def _default_status_code(response_class: type[Response]) -> str | None:
    """The status code a response class answers with when none is given, as a string."""
    parameter = inspect.signature(response_class.__init__).parameters.get("status_code")
    if parameter is not None and isinstance(parameter.default, int):
        return str(parameter.default)
    return None


def _response_key(status_code: int | str) -> str:
    key = str(status_code).upper()
    return "default" if key == "DEFAULT" else key


def _status_text(status_code: int | str) -> str | None:
    return status_code_ranges.get(str(status_code).upper()) or http.client.responses.get(
        int(status_code)
    )


def _streamed_content(
    route: routing.APIRoute, response_class: type[Response], schema_options: dict[str, Any]
) -> dict[str, Any] | None:
    item_schema = None
    if route.stream_item_field is not None:
        item_schema = get_schema_from_model_field(field=route.stream_item_field, **schema_options)
    return stream_content(stream_format(response_class), item_schema, response_class.media_type)


def get_openapi_path(
    *,
    route: routing.APIRoute,
    operation_ids: set[str],
    schema_generator: GenerateJsonSchema,
    model_name_map: ModelNameMap,
    field_mapping: FieldMapping,
    separate_input_output_schemas: bool = True,
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """The path item of one route (an operation per method), its security schemes and the
    extra definitions it needs (the validation error models)."""
    path_item: dict[str, Any] = {}
    security_schemes: dict[str, Any] = {}
    definitions: dict[str, Any] = {}
    assert route.methods is not None, "Methods must be a list"
    if not route.include_in_schema:
        return path_item, security_schemes, definitions
    schema_options: dict[str, Any] = {
        "schema_generator": schema_generator,
        "model_name_map": model_name_map,
        "field_mapping": field_mapping,
        "separate_input_output_schemas": separate_input_output_schemas,
    }
    response_class = _response_class(route)
    media_type = response_class.media_type
    for method in route.methods:
        operation = get_openapi_operation_metadata(
            route=route, method=method, operation_ids=operation_ids
        )

        flat = get_flat_dependant(route.dependant, skip_repeats=True)
        schemes, requirements = get_openapi_security_definitions(flat_dependant=flat)
        if requirements:
            operation.setdefault("security", []).extend(requirements)
        if schemes:
            security_schemes.update(schemes)

        parameters = _get_openapi_operation_parameters(dependant=route.dependant, **schema_options)
        if parameters:
            operation["parameters"] = _deduplicate_parameters(parameters)

        if method in METHODS_WITH_BODY:
            request_body = get_openapi_operation_request_body(
                body_field=route.body_field, **schema_options
            )
            if request_body:
                operation["requestBody"] = request_body

        if route.callbacks:
            callbacks: dict[str, Any] = {}
            for callback in route.callbacks:
                if isinstance(callback, routing.APIRoute):
                    callback_item, _, _ = get_openapi_path(
                        route=callback, operation_ids=operation_ids, **schema_options
                    )
                    callbacks[callback.name] = {callback.path: callback_item}
            operation["callbacks"] = callbacks

        responses: dict[str, Any] = operation.setdefault("responses", {})
        status_code = (
            str(route.status_code)
            if route.status_code is not None
            else _default_status_code(response_class)  # type: ignore[arg-type]
        )
        main_response = responses.setdefault(cast(str, status_code), {})
        main_response["description"] = route.response_description
        if getattr(route, "_streams", False):
            content = _streamed_content(route, response_class, schema_options)
            if content is not None:
                main_response["content"] = content
        elif media_type and is_body_allowed_for_status_code(route.status_code):
            response_schema: dict[str, Any] = {"type": "string"}
            if isinstance(response_class, type) and issubclass(response_class, JSONResponse):
                if route.response_field:
                    response_schema = get_schema_from_model_field(
                        field=route.response_field, **schema_options
                    )
                else:
                    response_schema = {}
            main_response.setdefault("content", {}).setdefault(media_type, {})["schema"] = (
                response_schema
            )

        for code, additional in route.responses.items():
            # A shallow copy: like FastAPI, the schema of ``model`` lands in the dicts given.
            response = additional.copy()
            response.pop("model", None)
            documented = responses.setdefault(_response_key(code), {})
            assert isinstance(response, dict), "An additional response must be a dict"
            field = route.response_fields.get(code)
            if field:
                field_schema = get_schema_from_model_field(field=field, **schema_options)
                content = response.setdefault("content", {})
                schema = content.setdefault(media_type or "application/json", {}).setdefault(
                    "schema", {}
                )
                deep_dict_update(schema, field_schema)
            status_text = _status_text(code)  # computed first: a key like "abc" raises
            description = (
                response.get("description")
                or documented.get("description")
                or status_text
                or "Additional Response"
            )
            deep_dict_update(documented, response)
            documented["description"] = description

        if (get_flat_params(route.dependant) or route.body_field) and not any(
            key in responses for key in _CLIENT_ERROR_KEYS
        ):
            responses["422"] = _validation_error_response()
            if "ValidationError" not in definitions:
                definitions["ValidationError"] = validation_error_definition
                definitions["HTTPValidationError"] = validation_error_response_definition

        if route.openapi_extra:
            deep_dict_update(operation, route.openapi_extra)
        path_item[method.lower()] = operation
    return path_item, security_schemes, definitions


# -- the document ---------------------------------------------------------------------------


def _info(
    *,
    title: str,
    version: str,
    summary: str | None,
    description: str | None,
    terms_of_service: str | None,
    contact: dict[str, Any] | None,
    license_info: dict[str, Any] | None,
) -> dict[str, Any]:
    info: dict[str, Any] = {"title": title}
    if summary:
        info["summary"] = summary
    if description:
        info["description"] = description
    if terms_of_service:
        info["termsOfService"] = terms_of_service
    if contact:
        info["contact"] = contact
    if license_info:
        info["license"] = license_info
    info["version"] = version
    return info


class _SchemaGenerator(GenerateJsonSchema):
    """Pydantic's generator, remembering encoded defaults (each costs Pydantic a TypeAdapter).

    Documents repeat the same defaults (``None``, ``10``, ``"asc"``...) across operations.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._encoded: dict[Any, Any] = {}

    def encode_default(self, dft: Any) -> Any:
        try:
            key = (type(dft), dft, self.mode)
            return self._encoded[key]
        except KeyError:
            encoded = self._encoded[key] = super().encode_default(dft)
            return encoded
        except TypeError:  # unhashable default
            return super().encode_default(dft)


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
    """The OpenAPI document (a JSON-ready dict) describing ``routes`` and ``webhooks``."""
    document: dict[str, Any] = {
        "openapi": openapi_version,
        "info": _info(
            title=title,
            version=version,
            summary=summary,
            description=description,
            terms_of_service=terms_of_service,
            contact=contact,
            license_info=license_info,
        ),
    }
    if servers:
        document["servers"] = servers
    webhooks = list(webhooks or [])
    fields = get_fields_from_routes([*(routes or []), *webhooks])
    _params_by_location.clear()  # routes may have changed since the last document
    _flat.clear()
    schema_generator = _SchemaGenerator(ref_template=REF_TEMPLATE)
    model_name_map: ModelNameMap = {}
    field_mapping, definitions = get_definitions(
        fields=fields,
        schema_generator=schema_generator,
        model_name_map=model_name_map,
        separate_input_output_schemas=separate_input_output_schemas,
    )
    operation_ids: set[str] = set()
    components: dict[str, dict[str, Any]] = {}

    def document_routes(source: Sequence[BaseRoute]) -> dict[str, dict[str, Any]]:
        items: dict[str, dict[str, Any]] = {}
        for route in source:
            if not isinstance(route, routing.APIRoute):
                continue
            path_item, schemes, extra_definitions = get_openapi_path(
                route=route,
                operation_ids=operation_ids,
                schema_generator=schema_generator,
                model_name_map=model_name_map,
                field_mapping=field_mapping,
                separate_input_output_schemas=separate_input_output_schemas,
            )
            if path_item:
                items.setdefault(route.path_format, {}).update(path_item)
            if schemes:
                components.setdefault("securitySchemes", {}).update(schemes)
            if extra_definitions:
                definitions.update(extra_definitions)
        return items

    paths = document_routes(routes or [])
    webhook_items = document_routes(webhooks)
    if definitions:
        components["schemas"] = {name: definitions[name] for name in sorted(definitions)}
    if components:
        document["components"] = components
    document["paths"] = paths
    if webhook_items:
        document["webhooks"] = webhook_items
    if tags:
        document["tags"] = tags
    if external_docs:
        document["externalDocs"] = external_docs
    return cast(
        dict[str, Any], jsonable_encoder(OpenAPI(**document), by_alias=True, exclude_none=True)
    )


# Names FastAPI's module carries from elsewhere, which extensions import from it.
__getattr__ = lazy_attributes(
    __name__,
    {
        **reexports("typing", "Dict", "List", "Optional", "Set", "Tuple", "Type", "Union"),
    },
)
