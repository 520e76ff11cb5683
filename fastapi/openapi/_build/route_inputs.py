"""What a route reads from the request, as its OpenAPI operation documents it.

Worked out once per route and document, from the route's analysed dependency tree: the
parameters of each location (a lone model parameter stands for its fields), the header
underscore rule and the security requirements. A sub-dependency met again (the same call
with the same scopes) is documented once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi._core.analyse.dependant import _depth_first
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
    """The inputs of the tree rooted at ``dependant``, gathered in one walk."""
    path: list[ModelField] = []
    query: list[ModelField] = []
    headers: list[ModelField] = []
    cookies: list[ModelField] = []
    security: list[SecurityRequirement] = []
    for node in _depth_first(dependant, True, []):  # a repeated dependency counts once
        path += node.path_params
        query += node.query_params
        headers += node.header_params
        cookies += node.cookie_params
        security += node.security_requirements
    convert = True
    if param_group_model(headers) is not None:
        convert = getattr(headers[0].field_info, "convert_underscores", True)
    declared = (path, query, headers, cookies)
    return RouteInputs(
        by_location=tuple(
            (location, _get_flat_fields_from_params(fields))
            for location, fields in zip(LOCATIONS, declared)
        ),
        headers_convert_underscores=convert,
        security=security,
    )


def inputs_memo() -> IdentityMemo[RouteInputs]:
    """Route inputs remembered for one document (routes may change between documents)."""
    return IdentityMemo(route_inputs)
