"""``ModelField``: one declared value (a parameter, a body, a response) and its validator.

The Pydantic ``TypeAdapter`` is built here, once, when the route is analysed; requests only
call the compiled validator.
"""

from __future__ import annotations

import operator
import weakref
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

from pydantic import PydanticSchemaGenerationError, TypeAdapter, ValidationError
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from fastapi._core.analyse.annotations import is_model_class

Undefined: Any = PydanticUndefined


def with_loc(errors: Sequence[Any], prefix: tuple[str | int, ...]) -> list[dict[str, Any]]:
    """Pydantic errors re-rooted under ``prefix`` (``("query", "q")`` and the like)."""
    return [{**error, "loc": prefix + tuple(error.get("loc", ()))} for error in errors]


def missing_error(loc: tuple[str | int, ...]) -> dict[str, Any]:
    return {"type": "missing", "loc": loc, "msg": "Field required", "input": None}


def param_group_model(fields: Sequence[ModelField]) -> Any:
    """The model a source's parameters are grouped in, else None: a lone parameter typed as a
    model (``Annotated[Filters, Query()]``) stands for that model's fields."""
    if len(fields) == 1 and is_model_class(fields[0].type_):
        return fields[0].type_
    return None


# Shared adapters by declaration, held weakly: an adapter lives as long as a field uses it,
# so the table is as large as the declarations of the live apps, and shrinks with them.
_ADAPTERS: weakref.WeakValueDictionary[Any, TypeAdapter[Any]] = weakref.WeakValueDictionary()


_KEY_SLOTS = tuple(
    name
    for name in getattr(FieldInfo, "__slots__", ())
    if name not in ("annotation", "metadata") and not name.startswith("_")
)


_key_values = operator.attrgetter(*_KEY_SLOTS)
_EXTRA_SLOT = _KEY_SLOTS.index("json_schema_extra")


def _declaration_key(field_info: FieldInfo) -> Any:
    """Everything a TypeAdapter of the field depends on: its annotation, its FieldInfo class,
    every FieldInfo attribute (with value types: a default of 10 documents differently from
    10.0) and its metadata (constraints, with their reprs: ``ge=1`` is not ``ge=1.0``).
    Unhashable values stand in by their repr."""
    try:
        values = _key_values(field_info)
    except AttributeError:  # a slot left unset
        values = tuple(getattr(field_info, name, None) for name in _KEY_SLOTS)
    extra = values[_EXTRA_SLOT]
    if type(extra) is dict:  # the markers' ``json_schema_extra``, ``{}`` unless given
        values = (*values[:_EXTRA_SLOT], repr(extra), *values[_EXTRA_SLOT + 1 :])
    try:
        hash(values)
    except TypeError:
        values = tuple(_hashable(value) for value in values)
    # ``Union[int, float] == Union[float, int]``, but the schemas list them in order: the repr
    # keeps the order. So does a constraint's: ``Ge(1) == Ge(1.0)``, documented apart.
    annotation = field_info.annotation
    metadata = tuple(field_info.metadata)
    return (
        annotation,
        repr(annotation),
        type(field_info),
        values,
        tuple(map(type, values)),
        metadata,
        tuple(map(repr, metadata)),
    )


def _hashable(value: Any) -> Any:
    try:
        hash(value)
    except TypeError:
        return repr(value)
    return value


def adapter_for(field_info: FieldInfo) -> TypeAdapter[Any]:
    """The TypeAdapter of ``Annotated[annotation, field_info]``, shared by equal declarations.

    Routes repeat the same declarations (``q: str | None = None``, ``item: Item``...); an
    adapter is immutable and depends only on the annotation and the FieldInfo's own
    attributes (all in its Pydantic repr), so equal ones share one, built once.
    """
    try:
        key = _declaration_key(field_info)
        adapter = _ADAPTERS.get(key)
    except TypeError:  # an unhashable annotation: no sharing
        key, adapter = None, None
    if adapter is None:
        annotated: Any = Annotated[field_info.annotation, field_info]  # type: ignore[name-defined]
        adapter = TypeAdapter(annotated)
        if key is not None:
            _ADAPTERS[key] = adapter
    return adapter


@dataclass(eq=False)
class ModelField:
    """A named, typed value with its ``FieldInfo``; validates and serializes it."""

    field_info: FieldInfo
    name: str
    mode: Literal["validation", "serialization"] = "validation"
    _type_adapter: TypeAdapter[Any] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._type_adapter = adapter_for(self.field_info)

    @property
    def alias(self) -> str:
        return self.field_info.alias or self.name

    @property
    def validation_alias(self) -> Any:
        return self.field_info.validation_alias

    @property
    def serialization_alias(self) -> str | None:
        return self.field_info.serialization_alias

    @property
    def required(self) -> bool:
        return self.field_info.is_required()

    @property
    def default(self) -> Any:
        return self.get_default()

    @property
    def type_(self) -> Any:
        return self.field_info.annotation

    def get_default(self) -> Any:
        if self.field_info.is_required():
            return Undefined
        return self.field_info.get_default(call_default_factory=True)

    def validate(
        self, value: Any, values: dict[str, Any] | None = None, *, loc: tuple[str | int, ...] = ()
    ) -> tuple[Any, list[dict[str, Any]] | None]:
        """``(validated, None)``, or ``(None, errors)`` located under ``loc``; a value may be
        read from an object's attributes. (``values``: FastAPI's unused argument.)"""
        try:
            validated = self._type_adapter.validate_python(value, from_attributes=True)
        except ValidationError as exc:
            return None, with_loc(exc.errors(include_url=False), loc)
        return validated, None

    def serialize(
        self, value: Any, *, mode: Literal["json", "python"] = "json", **dump: Any
    ) -> Any:
        """``value`` dumped as the declared type: ``dump`` takes Pydantic's keywords
        (``include``, ``exclude``, ``exclude_unset``... a route's ``DumpOptions``), by alias
        unless ``by_alias=False``."""
        dump.setdefault("by_alias", True)
        return self._type_adapter.dump_python(value, mode=mode, **dump)

    def __hash__(self) -> int:
        return id(self)


def create_model_field(
    field_info: FieldInfo,
    name: str,
    *,
    declared: Any = None,
    mode: Literal["validation", "serialization"] = "validation",
) -> ModelField:
    """A ModelField, or a FastAPIError naming ``declared`` when Pydantic cannot handle the type."""
    try:
        return ModelField(field_info=field_info, name=name, mode=mode)
    except (RuntimeError, PydanticSchemaGenerationError):
        from fastapi._core.errors import FastAPIError

        shown = field_info.annotation if declared is None else declared
        raise FastAPIError(
            f"Invalid args for response field! Hint: check that {shown} is a valid Pydantic field type. "
            "If you are using a return type annotation that is not a valid Pydantic field "
            "(e.g. Union[Response, dict, None]) you can disable generating the response model "
            "from the type annotation with the path operation decorator parameter "
            "response_model=None. Read more: https://fastapi.tiangolo.com/tutorial/response-model/"
        ) from None
