"""Names that extensions and test suites import from FastAPI's ``_compat`` module.

This package supports Pydantic v2 only, so the "compatibility" layer is a set of aliases
to the real implementations.
"""

from __future__ import annotations

import collections.abc as _abc
from collections import deque
from collections.abc import Mapping, Sequence
from dataclasses import is_dataclass
from typing import Any
from weakref import WeakKeyDictionary

from pydantic import BaseModel, TypeAdapter, ValidationError, create_model
from pydantic.fields import FieldInfo
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import CoreSchema, PydanticUndefined, PydanticUndefinedType, Url
from pydantic_core.core_schema import with_info_plain_validator_function

from fastapi._compat_versions import PYDANTIC_VERSION, PYDANTIC_VERSION_MINOR_TUPLE
from fastapi._core.analyse import annotations as _ann
from fastapi._core.analyse.dependant import field_info_from_annotated
from fastapi._core.analyse.field import ModelField, missing_error, with_loc
from fastapi._core.compile.body_field import body_model
from fastapi._lazy import lazy_attributes, reexports
from fastapi.types import IncEx, ModelNameMap, UnionType

PYDANTIC_V2 = True

Undefined = PydanticUndefined
UndefinedType = PydanticUndefinedType
RequiredParam = PydanticUndefined
sequence_types = _ann.SEQUENCE_TYPES
sequence_annotation_to_type: dict[Any, Any] = {
    Sequence: list,
    list: list,
    tuple: tuple,
    set: set,
    frozenset: frozenset,
    deque: deque,
}


class BaseConfig:
    """Pydantic v1 configuration stand-in (unused with v2)."""


class ErrorWrapper(Exception):
    """Pydantic v1 error wrapper stand-in (unused with v2)."""


def lenient_issubclass(cls: Any, class_or_tuple: Any) -> bool:
    return _ann.is_subclass(cls, class_or_tuple)


# FastAPI's names for the annotation checks (same parameter, ``annotation``).
field_annotation_is_scalar = _ann.is_scalar
field_annotation_is_complex = _ann.is_complex
field_annotation_is_sequence = _ann.is_sequence
field_annotation_is_scalar_sequence = _ann.is_scalar_sequence
is_bytes_or_nonable_bytes_annotation = _ann.is_bytes
is_uploadfile_or_nonable_uploadfile_annotation = _ann.is_upload_file
is_bytes_sequence_annotation = _ann.is_bytes_sequence
is_uploadfile_sequence_annotation = _ann.is_upload_file_sequence
_annotation_is_complex = _ann.is_complex_class
_annotation_is_sequence = _ann.is_sequence_class


def _of_field_type(
    check: _abc.Callable[[Any], bool], name: str
) -> _abc.Callable[[ModelField], bool]:
    """FastAPI's per-field form of an annotation check: the check on the field's type."""

    def of_field(field: ModelField) -> bool:
        return check(field.type_)

    of_field.__name__ = of_field.__qualname__ = name
    return of_field


is_sequence_field = _of_field_type(_ann.is_sequence, "is_sequence_field")
is_scalar_sequence_field = _of_field_type(_ann.is_scalar_sequence, "is_scalar_sequence_field")
is_bytes_field = _of_field_type(_ann.is_bytes, "is_bytes_field")
is_bytes_sequence_field = _of_field_type(_ann.is_bytes_sequence, "is_bytes_sequence_field")


def is_scalar_field(field: ModelField) -> bool:
    from fastapi import params

    return _ann.is_scalar(field.type_) and not isinstance(field.field_info, params.Body)


def value_is_sequence(value: Any) -> bool:
    return isinstance(value, (list, set, tuple, frozenset, deque))


def get_missing_field_error(loc: tuple[str | int, ...]) -> dict[str, Any]:
    return missing_error(loc)


def _regenerate_error_with_loc(
    *, errors: Sequence[Any], loc_prefix: tuple[str | int, ...]
) -> list[dict[str, Any]]:
    return with_loc(errors, loc_prefix)


def _normalize_errors(errors: Sequence[Any]) -> list[Any]:
    return list(errors)


def _model_dump(model: BaseModel, mode: str = "json", **kwargs: Any) -> Any:
    return model.model_dump(mode=mode, **kwargs)  # type: ignore[arg-type]


def _get_model_config(model: BaseModel) -> Any:
    return model.model_config


def get_model_fields(model: type[BaseModel]) -> list[ModelField]:
    """A new ModelField per field of ``model``, each call."""
    from fastapi._core.compile.readers import model_fields_of

    return model_fields_of(model)


_model_fields_cache: WeakKeyDictionary[type[BaseModel], list[ModelField]] = WeakKeyDictionary()


def get_cached_model_fields(model: type[BaseModel]) -> list[ModelField]:
    """The same list (of the same fields) for a model every call: callers key caches on them
    (the OpenAPI document looks their schemas up by field)."""
    fields = _model_fields_cache.get(model)
    if fields is None:
        fields = _model_fields_cache[model] = get_model_fields(model)
    return fields


def copy_field_info(*, field_info: FieldInfo, annotation: Any) -> FieldInfo:
    return field_info_from_annotated(field_info, annotation)


def create_body_model(*, fields: Sequence[ModelField], model_name: str) -> type[BaseModel]:
    return body_model(list(fields), model_name)


def serialize_sequence_value(*, field: ModelField, value: Sequence[Any]) -> Sequence[Any]:
    origin = _ann.get_origin(field.type_) or field.type_
    return sequence_annotation_to_type.get(origin, list)(value)  # type: ignore[no-any-return]


Validator = Any  # Pydantic v1's validator type; nothing to validate with in v2


def get_annotation_from_field_info(annotation: Any, field_info: FieldInfo, field_name: str) -> Any:
    return annotation


def evaluate_forwardref(value: Any, globalns: Any = None, localns: Any = None) -> Any:
    from fastapi._core.analyse.signature import evaluate_annotation

    if isinstance(value, str):
        return evaluate_annotation(value, dict(globalns or {}))
    return value


eval_type_lenient = evaluate_forwardref


def _model_rebuild(model: type[BaseModel]) -> None:
    model.model_rebuild()


# What FastAPI's module carries from elsewhere; the OpenAPI helpers live with the generator.
__getattr__ = lazy_attributes(
    __name__,
    {
        **reexports(
            "typing", "Annotated", "Callable", "Deque", "Dict", "FrozenSet", "List", "Literal",
            "Set", "Tuple", "Type", "Union", "cast", "get_args", "get_origin",
        ),
        **reexports(
            "fastapi.openapi.utils", "get_compat_model_name_map", "get_definitions",
            "get_schema_from_model_field",
        ),
        "Enum": "enum",
        "copy": "copy:copy",
        "GetJsonSchemaHandler": "pydantic",
        "PydanticSchemaGenerationError": "pydantic",
        "RequestErrorModel": "fastapi.exceptions",
        "UploadFile": "starlette.datastructures",
        "dataclass": "dataclasses",
        "lru_cache": "functools",
    },
)  # fmt: skip


__all__ = [
    "PYDANTIC_V2",
    "PYDANTIC_VERSION",
    "PYDANTIC_VERSION_MINOR_TUPLE",
    "BaseConfig",
    "BaseModel",
    "CoreSchema",
    "ErrorWrapper",
    "FieldInfo",
    "GenerateJsonSchema",
    "IncEx",
    "JsonSchemaValue",
    "ModelNameMap",
    "Mapping",
    "ModelField",
    "RequiredParam",
    "TypeAdapter",
    "Undefined",
    "UndefinedType",
    "UnionType",
    "Url",
    "ValidationError",
    "create_model",
    "is_dataclass",
    "with_info_plain_validator_function",
]
