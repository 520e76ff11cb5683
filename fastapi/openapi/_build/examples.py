"""The examples a parameter or a body declares, as its OpenAPI object shows them."""

from __future__ import annotations

from typing import Any

from pydantic.fields import FieldInfo

from fastapi._core.analyse.field import Undefined
from fastapi.encoders import jsonable_encoder


def add_examples(target: dict[str, Any], info: FieldInfo) -> None:
    """``openapi_examples`` (named examples) when given, else the single ``example``."""
    named = getattr(info, "openapi_examples", None)
    if named:
        target["examples"] = jsonable_encoder(named)
        return
    example = getattr(info, "example", Undefined)
    if example is not Undefined:
        target["example"] = jsonable_encoder(example)
