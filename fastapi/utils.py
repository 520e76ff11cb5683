"""Small helpers that routes, OpenAPI generation and extensions share."""

from __future__ import annotations

import re
import warnings
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from fastapi._core.analyse.dependant import path_param_names
from fastapi._core.analyse.field import ModelField
from fastapi._core.analyse.field import create_model_field as _create_model_field
from fastapi._core.serialize.response import (
    is_body_allowed_for_status_code as is_body_allowed_for_status_code,
)
from fastapi._lazy import lazy_attributes, reexports
from fastapi.datastructures import DefaultPlaceholder, DefaultType

if TYPE_CHECKING:  # pragma: no cover
    from fastapi.routing import APIRoute


def get_path_param_names(path: str) -> set[str]:
    return path_param_names(path)


def generate_unique_id(route: APIRoute) -> str:
    """The default operation id: the route's name, path and (first) method, made identifier-safe."""
    operation_id = re.sub(r"\W", "_", f"{route.name}{route.path_format}")
    assert route.methods
    return f"{operation_id}_{next(iter(route.methods)).lower()}"


def generate_operation_id_for_path(*, name: str, path: str, method: str) -> str:
    warnings.warn(
        "fastapi.utils.generate_operation_id_for_path() was deprecated, "
        "it is not used internally, and will be removed soon",
        DeprecationWarning,
        stacklevel=2,
    )
    operation_id = re.sub(r"\W", "_", name + path)
    return f"{operation_id}_{method.lower()}"


def create_model_field(
    name: str,
    type_: Any,
    class_validators: dict[str, Any] | None = None,
    default: Any = None,
    required: bool = True,
    model_config: Any = None,
    field_info: Any = None,
    alias: str | None = None,
    mode: str = "validation",
) -> ModelField:
    """A ModelField for ``type_`` (a FastAPIError if Pydantic cannot handle it).

    ``class_validators`` (Pydantic v1's) is accepted for callers' sake and has no effect."""
    from pydantic.fields import FieldInfo

    field_info = field_info or FieldInfo(annotation=type_, default=default, alias=alias)
    return _create_model_field(field_info, name, declared=type_, mode=mode)  # type: ignore[arg-type]


# Pydantic v1 needed response fields cloned per type; kept (empty) for code that clears it.
_CLONED_TYPES_CACHE: WeakKeyDictionary[type[Any], type[Any]] = WeakKeyDictionary()


def create_cloned_field(field: ModelField, *, cloned_types: Any = None) -> ModelField:
    """With Pydantic v2 a field needs no cloning: serialization already follows the declared type."""
    return field


def deep_dict_update(main_dict: dict[Any, Any], update_dict: dict[Any, Any]) -> None:
    """Merge ``update_dict`` into ``main_dict``: nested dicts merge, lists concatenate."""
    for key, value in update_dict.items():
        if key in main_dict and isinstance(main_dict[key], dict) and isinstance(value, dict):
            deep_dict_update(main_dict[key], value)
        elif key in main_dict and isinstance(main_dict[key], list) and isinstance(value, list):
            main_dict[key] = main_dict[key] + value
        else:
            main_dict[key] = value


def get_value_or_default(
    first_item: DefaultPlaceholder[DefaultType] | DefaultType,
    *extra_items: DefaultPlaceholder[DefaultType] | DefaultType,
) -> DefaultPlaceholder[DefaultType] | DefaultType:
    """The first item that is not a default placeholder, else the first item."""
    for item in (first_item, *extra_items):
        if not isinstance(item, DefaultPlaceholder):
            return item
    return first_item


# Names FastAPI's module carries from elsewhere, which extensions import from it.
__getattr__ = lazy_attributes(
    __name__,
    {
        **reexports(
            "typing",
            "Dict",
            "Literal",
            "MutableMapping",
            "Optional",
            "Set",
            "Type",
            "Union",
            "cast",
        ),
        "BaseConfig": "fastapi._compat",
        "BaseModel": "pydantic",
        "create_model": "pydantic",
        "FieldInfo": "pydantic.fields",
        "PydanticSchemaGenerationError": "pydantic",
        "UndefinedType": "pydantic_core:PydanticUndefinedType",
        "Validator": "typing:Any",
        "fastapi": "fastapi",
        "is_dataclass": "dataclasses",
        "lenient_issubclass": "fastapi._compat",
        "PYDANTIC_V2": "fastapi._compat",
        "Undefined": "fastapi._compat",
    },
)
