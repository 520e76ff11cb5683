"""The JSON schemas of a document: every documented field handed to Pydantic at once.

One pass lets models shared by several routes get one definition and one name, and a model
used both as input and output be split into ``-Input`` and ``-Output`` definitions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Literal, cast

from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from starlette.routing import BaseRoute

from fastapi._core.analyse.field import ModelField
from fastapi._core.dependant import Dependant
from fastapi.openapi._build.route_inputs import RouteInputs
from fastapi.openapi.constants import REF_TEMPLATE
from fastapi.routing import APIRoute

JsonMode = Literal["validation", "serialization"]
FieldMapping = dict[tuple[ModelField, JsonMode], JsonSchemaValue]


class DocumentSchemaGenerator(GenerateJsonSchema):
    """Pydantic's generator, encoding each default once per document: documents repeat the
    same defaults (``None``, ``10``, ``"asc"``...) and each encoding costs a TypeAdapter."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("ref_template", REF_TEMPLATE)
        super().__init__(*args, **kwargs)
        self._encoded: dict[Any, Any] = {}

    def encode_default(self, dft: Any) -> Any:
        try:
            key = (type(dft), dft, self.mode)
            if key in self._encoded:
                return self._encoded[key]
        except TypeError:  # an unhashable default: encoded every time
            return super().encode_default(dft)
        encoded = self._encoded[key] = super().encode_default(dft)
        return encoded


def documented_fields(
    routes: Iterable[BaseRoute], inputs_of: Callable[[Dependant], RouteInputs]
) -> list[ModelField]:
    """The fields of the documented routes, in the order that decides which of two models
    with the same name keeps it plainly: callbacks' fields, then bodies, responses and
    parameters."""
    from_callbacks: list[ModelField] = []
    bodies: list[ModelField] = []
    responses: list[ModelField] = []
    parameters: list[ModelField] = []
    for route in routes:
        if not (isinstance(route, APIRoute) and route.include_in_schema):
            continue
        if route.body_field:
            bodies.append(route.body_field)
        responses.extend(_response_fields(route))
        if route.callbacks:
            from_callbacks += documented_fields(route.callbacks, inputs_of)
        parameters.extend(inputs_of(route.dependant).parameters)
    return from_callbacks + bodies + responses + parameters


def _response_fields(route: APIRoute) -> list[ModelField]:
    fields = [route.response_field] if route.response_field else []
    stream_item: ModelField | None = getattr(route, "stream_item_field", None)
    if stream_item is not None:
        fields.append(stream_item)
    if route.response_fields:
        fields.extend(route.response_fields.values())
    return fields


def generate_schemas(
    fields: list[ModelField], generator: GenerateJsonSchema, separate_input_output: bool
) -> tuple[FieldMapping, dict[str, JsonSchemaValue]]:
    """Each field's schema (a dict of its own: titles are set per field) and the definitions
    of the models they refer to, whose descriptions stop at a form feed."""
    # Equal declarations share one adapter, hence one core schema: Pydantic is asked once
    # per distinct (core schema, mode), in first-seen order.
    first_of: dict[tuple[int, JsonMode], ModelField] = {}
    inputs: list[tuple[ModelField, JsonMode, Any]] = []
    keyed: list[tuple[ModelField, JsonMode, tuple[int, JsonMode]]] = []
    for field in fields:
        mode = schema_mode(field, separate_input_output)
        core_schema = field._type_adapter.core_schema
        key = (id(core_schema), mode)
        if key not in first_of:
            first_of[key] = field
            inputs.append((field, mode, core_schema))
        keyed.append((field, mode, key))
    by_input, definitions = generator.generate_definitions(inputs=inputs)
    mapping: FieldMapping = {
        (field, mode): dict(by_input[(first_of[key], mode)]) for field, mode, key in keyed
    }
    for definition in definitions.values():
        description = definition.get("description")
        if isinstance(description, str):
            definition["description"] = description.split("\f")[0]
    return mapping, cast(dict[str, JsonSchemaValue], definitions)


def schema_mode(field: ModelField, separate_input_output: bool) -> JsonMode:
    return field.mode if separate_input_output else "validation"


class FieldSchemas:
    """The generated schemas, as operations ask for them: an inline schema (not a
    reference) is titled after its field (its own title, or its name made readable)."""

    __slots__ = ("mapping", "separate_input_output")

    def __init__(self, mapping: FieldMapping, separate_input_output: bool) -> None:
        self.mapping = mapping
        self.separate_input_output = separate_input_output

    def of(self, field: ModelField) -> JsonSchemaValue:
        schema = self.mapping[(field, schema_mode(field, self.separate_input_output))]
        if "$ref" not in schema:
            schema["title"] = field.field_info.title or field.alias.title().replace("_", " ")
        return schema
