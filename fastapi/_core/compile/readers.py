"""Readers: compiled extraction + validation of one declared value from one request source.

Everything that depends only on the declaration (lookup key, single or multi-valued,
the error location, the validated default) is worked out here when the route is built.
At request time a reader does a lookup, a validator call, and nothing else.
"""

from __future__ import annotations

import copy
import datetime
import decimal
import enum
import uuid
from collections.abc import Callable
from typing import Any

from pydantic import ValidationError
from pydantic_core import SchemaValidator

from fastapi._core.analyse import annotations as ann
from fastapi._core.analyse.field import (
    ModelField,
    create_model_field,
    missing_error,
    param_group_model,
    with_loc,
)
from fastapi._core.memo import IdentityMemo
from fastapi._core.params import header_name

Errors = list[dict[str, Any]]
Loc = tuple[Any, ...]
_IMMUTABLE = (
    type(None),
    bool,
    int,
    float,
    complex,
    str,
    bytes,
    decimal.Decimal,
    datetime.date,
    datetime.time,
    datetime.timedelta,
    uuid.UUID,
    enum.Enum,
    frozenset,
)


def fresh(value: Any) -> Any:
    """A copy of a default that a request may mutate freely (immutables are shared)."""
    if isinstance(value, _IMMUTABLE):
        return value
    if type(value) is tuple and all(isinstance(item, _IMMUTABLE) for item in value):
        return value
    return copy.deepcopy(value)


# Core-schema nodes that call code of the app's (validators, ``validate_call``, post-init).
_USER_CODE_TYPES = frozenset(
    {"function-before", "function-after", "function-wrap", "function-plain", "call"}
)


def _calls_user_code(node: Any) -> bool:
    if isinstance(node, dict):
        if node.get("type") in _USER_CODE_TYPES or node.get("post_init") or node.get("custom_init"):
            return True
        return any(_calls_user_code(value) for value in node.values())
    if isinstance(node, (list, tuple)):
        return any(_calls_user_code(item) for item in node)
    return False


# Whether validating against a core schema may call the app's own code.
runs_user_code = IdentityMemo(_calls_user_code)


def core_validate_python(adapter: Any) -> Callable[..., Any]:
    """The adapter's ``validate_python`` without its Python wrapper (a third of a scalar's
    validation time), when the core validator is built; the adapter's own otherwise (a
    deferred build, a validation plugin's wrapper)."""
    validator = getattr(adapter, "validator", None)
    if type(validator) is SchemaValidator:
        validate: Callable[..., Any] = validator.validate_python
        return validate
    bound: Callable[..., Any] = adapter.validate_python
    return bound


class Validator:
    """Validates values for one field; knows its error location and its default.

    ``validate_default``: a default standing in for a missing query value or form field is
    validated like a received value (FastAPI reads those through the same path); a default
    standing in for a missing JSON body value is used as it is.
    """

    __slots__ = (
        "_check_default",
        "_default",
        "_default_errors",
        "_factory",
        "_validate",
        "field",
        "loc",
        "required",
    )

    def __init__(self, field: ModelField, loc: Loc, *, validate_default: bool = True) -> None:
        self.field = field
        self.loc = loc
        self._validate = core_validate_python(field._type_adapter)
        self.required = field.required
        self._factory: Callable[[], Any] | None = None
        self._default: Any = None
        self._default_errors: Errors | None = None
        self._check_default = validate_default
        if self.required:
            return
        if validate_default:
            self._compile_default()
        else:
            self._factory = self.default_value

    def _compile_default(self) -> None:
        info = self.field.field_info
        if info.default_factory is not None:
            self._factory = lambda: self.field.get_default()
            return
        default = info.default
        if default is None:
            return
        if runs_user_code(self.field._type_adapter.core_schema):
            # A validator of the app's own may answer differently each time (``"now"`` -> the
            # current time, a counter): validate the default per request, as FastAPI does.
            self._factory = lambda: copy.deepcopy(default)
            return
        try:  # a plain default validates the same way every time: do it once, now
            self._default = self._validate(copy.deepcopy(default), from_attributes=True)
        except ValidationError as exc:
            self._default_errors = with_loc(exc.errors(include_url=False), self.loc)
        except Exception:  # a validator with its own ideas: leave it to request time
            self._factory = lambda: copy.deepcopy(default)

    def check(self, value: Any) -> tuple[Any, Errors | None]:
        try:
            return self._validate(value, from_attributes=True), None
        except ValidationError as exc:
            return None, with_loc(exc.errors(include_url=False), self.loc)

    def absent(self) -> tuple[Any, Errors | None]:
        """The outcome when the request does not carry the value."""
        if self.required:
            return None, [missing_error(self.loc)]
        if self._factory is not None:
            value = self._factory()
            if value is None or not self._check_default:
                return value, None
            return self.check(value)
        if self._default_errors is not None:
            return None, [dict(error) for error in self._default_errors]
        return fresh(self._default), None

    def default_value(self) -> Any:
        """The raw (unvalidated) default, as a missing key contributes it to a group."""
        return fresh(self.field.get_default())


def is_multi_valued(field: ModelField) -> bool:
    return ann.is_sequence(field.type_)


class ParamReader:
    """One path, query, header or cookie parameter."""

    __slots__ = ("key", "multi", "name", "validator")

    def __init__(self, field: ModelField, location: str, *, multi_source: bool) -> None:
        self.name = field.name
        self.key = field.alias
        self.multi = multi_source and is_multi_valued(field)
        self.validator = Validator(field, (location, field.alias))

    def read(self, source: Any) -> tuple[Any, Errors | None]:
        value = source.getlist(self.key) if self.multi else source.get(self.key)
        if value is None or (self.multi and not value):
            return self.validator.absent()
        return self.validator.check(value)


def model_fields_of(model: Any) -> list[ModelField]:
    return [create_model_field(info, name) for name, info in model.model_fields.items()]


class SubField:
    """A field of a parameter-group or form model: how it is found and its default.

    The model validates these fields itself, so no validator is built for them.
    """

    __slots__ = ("alias", "info", "name", "required", "type_")

    def __init__(self, name: str, info: Any) -> None:
        self.name = name
        self.info = info
        self.alias: str = info.alias or name
        self.required: bool = info.is_required()
        self.type_ = info.annotation

    def default_value(self) -> Any:
        return fresh(self.info.get_default(call_default_factory=True))


def sub_fields_of(model: Any) -> list[SubField]:
    return [SubField(name, info) for name, info in model.model_fields.items()]


class ParamGroupReader:
    """A Pydantic model whose fields are the query (header, cookie) parameters.

    The collected dict is keyed by field *name* while values are looked up by alias, and
    unclaimed keys of the source are passed along (so ``extra="forbid"`` can reject them):
    exactly what FastAPI hands to the model.
    """

    __slots__ = ("entries", "name", "validator")

    def __init__(
        self, field: ModelField, location: str, *, multi_source: bool, headers: bool
    ) -> None:
        self.name = field.name
        self.validator = Validator(field, (location,))
        convert = getattr(field.field_info, "convert_underscores", True)
        self.entries: list[tuple[str, str, bool, SubField]] = []
        for sub in sub_fields_of(field.type_):
            key = sub.alias
            if headers and convert and sub.alias == sub.name:
                key = header_name(sub.name)
            multi = multi_source and ann.is_sequence(sub.type_)
            self.entries.append((sub.name, key, multi, sub))

    def read(self, source: Any) -> tuple[Any, Errors | None]:
        data: dict[str, Any] = {}
        claimed: set[str] = set()
        for name, key, multi, sub in self.entries:
            value = source.getlist(key) if multi else source.get(key)
            if value is None or (multi and not value):
                value = None if sub.required else sub.default_value()
            if value is not None:
                data[name] = value
            claimed.add(key)
            claimed.add(name)
        for key, value in source.items():
            if key not in claimed:
                data[key] = value
        return self.validator.check(data)


def param_readers(fields: list[ModelField], location: str) -> list[ParamReader | ParamGroupReader]:
    """The readers of one Dependant's parameters from one source."""
    multi_source = location in ("query", "header")
    if param_group_model(fields) is not None:
        group = ParamGroupReader(
            fields[0], location, multi_source=multi_source, headers=location == "header"
        )
        return [group]
    return [ParamReader(field, location, multi_source=multi_source) for field in fields]


__all__ = [
    "Errors",
    "ParamGroupReader",
    "ParamReader",
    "Validator",
    "fresh",
    "model_fields_of",
    "param_readers",
]
