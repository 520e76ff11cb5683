"""The request body object of an operation."""

from __future__ import annotations

from typing import Any

from fastapi._core.analyse.field import ModelField
from fastapi.openapi._build.examples import add_examples
from fastapi.openapi._build.schemas import FieldSchemas


def request_body_object(
    body_field: ModelField | None, schemas: FieldSchemas
) -> dict[str, Any] | None:
    """The body under its media type (JSON, a form, multipart), or None without a body."""
    if not body_field:
        return None
    media: dict[str, Any] = {"schema": schemas.of(body_field)}
    add_examples(media, body_field.field_info)
    request_body: dict[str, Any] = {"required": True} if body_field.required else {}
    # Body markers carry the media type; a bare field is JSON.
    media_type = getattr(body_field.field_info, "media_type", "application/json")
    request_body["content"] = {media_type: media}
    return request_body
