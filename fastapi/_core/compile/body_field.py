"""The route-level body field: what the request body as a whole must be.

It decides how the body is read (JSON or form) and what OpenAPI documents. With a single,
unembedded body parameter it is that parameter; otherwise a model named ``Body_<id>`` with
one field per body parameter.
"""

from __future__ import annotations

from typing import Any

from pydantic import create_model

from fastapi._core import params
from fastapi._core.analyse.field import ModelField, create_model_field


def body_model(fields: list[ModelField], model_name: str) -> type[Any]:
    definitions: dict[str, Any] = {
        field.name: (field.field_info.annotation, field.field_info) for field in fields
    }
    return create_model(model_name, **definitions)


def body_field_of(fields: list[ModelField], *, name: str, embed: bool) -> ModelField | None:
    """``fields``: every body parameter of the route's tree, depth first."""
    if not fields:
        return None
    if not embed:
        return fields[0]
    model = body_model(fields, "Body_" + name)
    options: dict[str, Any] = {"annotation": model, "alias": "body"}
    if not any(field.required for field in fields):
        options["default"] = None
    marker: type[params.Body]
    if any(isinstance(field.field_info, params.File) for field in fields):
        marker = params.File
    elif any(isinstance(field.field_info, params.Form) for field in fields):
        marker = params.Form
    else:
        marker = params.Body
        media_types = {
            field.field_info.media_type
            for field in fields
            if isinstance(field.field_info, params.Body)
        }
        if len(media_types) == 1:
            options["media_type"] = media_types.pop()
    return create_model_field(marker(**options), "body")
