"""What a route reads from the request, as its OpenAPI operation documents it.

Worked out once per route and document, from the route's analysed dependency tree: the
parameters of each location (a lone model parameter stands for its fields), the header
underscore rule and the security requirements. A sub-dependency met again (the same call
with the same scopes) is documented once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi._core.analyse.field import ModelField, param_group_model
from fastapi._core.dependant import Dependant, SecurityRequirement
from fastapi._core.memo import IdentityMemo
from fastapi._core.params import ParamTypes
from fastapi.dependencies.utils import _get_flat_fields_from_params

LOCATIONS = (ParamTypes.path, ParamTypes.query, ParamTypes.header, ParamTypes.cookie)


@dataclass(frozen=True)
class RouteInputs:
    """The documented inputs of one route."""

    # Every location in the order of ``LOCATIONS``, with its (expanded) parameters.
    by_location: tuple[tuple[ParamTypes, list[ModelField]], ...]
    # Whether header names convert underscores when no field says otherwise: a header
    # model's ``Header(convert_underscores=...)`` decides for all its fields.
    headers_convert_underscores: bool
    security: list[SecurityRequirement]

    @property
    def parameters(self) -> list[ModelField]:
        return [field for _, fields in self.by_location for field in fields]

    @property
    def takes_parameters(self) -> bool:
        return any(fields for _, fields in self.by_location)


def route_inputs(dependant: Dependant) -> RouteInputs:
    """The inputs of the tree rooted at ``dependant`` (one walk, nothing copied per node)."""
    declared: dict[ParamTypes, list[ModelField]] = {location: [] for location in LOCATIONS}
    security: list[SecurityRequirement] = []
    _gather(dependant, declared, security, visited=[])
    headers = declared[ParamTypes.header]
    convert = True
    if param_group_model(headers) is not None:
        convert = getattr(headers[0].field_info, "convert_underscores", True)
    return RouteInputs(
        by_location=tuple(
            (location, _get_flat_fields_from_params(declared[location])) for location in LOCATIONS
        ),
        headers_convert_underscores=convert,
        security=security,
    )


def _gather(
    node: Dependant,
    declared: dict[ParamTypes, list[ModelField]],
    security: list[SecurityRequirement],
    visited: list[Any],
) -> None:
    # A list, not a set: a dependency's call need not be hashable.
    visited.append(node.cache_key)
    declared[ParamTypes.path].extend(node.path_params)
    declared[ParamTypes.query].extend(node.query_params)
    declared[ParamTypes.header].extend(node.header_params)
    declared[ParamTypes.cookie].extend(node.cookie_params)
    security.extend(node.security_requirements)
    for sub in node.dependencies:
        if sub.cache_key not in visited:
            _gather(sub, declared, security, visited)


def inputs_memo() -> IdentityMemo[RouteInputs]:
    """Route inputs remembered for one document (routes may change between documents)."""
    return IdentityMemo(route_inputs)
