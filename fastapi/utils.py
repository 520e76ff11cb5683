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


_NOT_IN_IDENTIFIERS = re.compile(r"\W")


def _operation_id(name: str, path: str, method: str) -> str:
    """``name`` and ``path`` with every non-word character made ``_``, then the method."""
    return f"{_NOT_IN_IDENTIFIERS.sub('_', name + path)}_{method.lower()}"


def generate_unique_id(route: APIRoute) -> str:
    """The default operation id: the route's name, path and (first) method, made identifier-safe."""
    assert route.methods  # every APIRoute has at least one
    return _operation_id(route.name, route.path_format, next(iter(route.methods)))


def generate_operation_id_for_path(*, name: str, path: str, method: str) -> str:
    """FastAPI's former default operation id, kept (deprecated) for code that calls it."""
    warnings.warn(
        "fastapi.utils.generate_operation_id_for_path() was deprecated, "
        "it is not used internally, and will be removed soon",
        DeprecationWarning,
        stacklevel=2,
    )
    return _operation_id(name, path, method)


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
    """Merge ``update_dict`` into ``main_dict`` in place, key by key (see ``_merged``): how
    ``openapi_extra`` and ``responses`` entries are laid over the generated document."""
    for key, value in update_dict.items():
        main_dict[key] = _merged(main_dict.get(key, _ABSENT), value)


_ABSENT = object()


def _merged(current: Any, update: Any) -> Any:
    """Two dicts merge (the current one is updated, so references to it see the merge), two
    lists concatenate into a new list, anything else is the update itself."""
    if isinstance(current, dict) and isinstance(update, dict):
        deep_dict_update(current, update)
        return current
    if isinstance(current, list) and isinstance(update, list):
        return current + update
    return update


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
