"""The parameter objects of an operation: path, then query, header and cookie parameters."""

from __future__ import annotations

from typing import Any

from fastapi._core.analyse.field import ModelField
from fastapi._core.params import ParamTypes, header_name
from fastapi.openapi._build.examples import add_examples
from fastapi.openapi._build.route_inputs import RouteInputs
from fastapi.openapi._build.schemas import FieldSchemas


def parameter_objects(inputs: RouteInputs, schemas: FieldSchemas) -> list[dict[str, Any]]:
    """Every documented parameter, in declaration order (repeats included)."""
    objects: list[dict[str, Any]] = []
    for location, fields in inputs.by_location:
        for field in fields:
            info = field.field_info
            if getattr(info, "include_in_schema", True):
                convert = getattr(info, "convert_underscores", inputs.headers_convert_underscores)
                objects.append(_parameter(field, location, convert, schemas))
    return objects


def _parameter(
    field: ModelField, location: ParamTypes, convert_underscores: bool, schemas: FieldSchemas
) -> dict[str, Any]:
    info = field.field_info
    name = field.alias
    if location is ParamTypes.header and convert_underscores and name == field.name:
        name = header_name(name)
    parameter: dict[str, Any] = {
        "name": name,
        "in": location.value,
        "required": field.required,
        "schema": schemas.of(field),
    }
    if info.description:
        parameter["description"] = info.description
    add_examples(parameter, info)
    if getattr(info, "deprecated", None):
        parameter["deprecated"] = True
    return parameter


def without_repeats(parameters: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One parameter per location and name, where that pair first appears: the last one
    declared, unless an earlier one is required (a required declaration wins)."""
    chosen: dict[tuple[str, str], dict[str, Any]] = {}
    for parameter in parameters:
        key = (parameter["in"], parameter["name"])
        if not (key in chosen and chosen[key]["required"] and not parameter["required"]):
            chosen[key] = parameter
    return list(chosen.values())
