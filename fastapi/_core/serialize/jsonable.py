"""``jsonable_encoder``: any Python value to data that ``json.dumps`` accepts.

The rules (their order matters, e.g. a ``str`` Enum encodes as its value) are FastAPI's. The
shape here is a single recursive function over a small options object, with the common
primitive cases answered first without further checks.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections import defaultdict, deque
from collections.abc import Callable
from decimal import Decimal
from enum import Enum
from ipaddress import (
    IPv4Address,
    IPv4Interface,
    IPv4Network,
    IPv6Address,
    IPv6Interface,
    IPv6Network,
)
from pathlib import Path, PurePath
from re import Pattern
from types import GeneratorType
from typing import Any
from uuid import UUID

from pydantic import AnyUrl, BaseModel, NameEmail, SecretBytes, SecretStr
from pydantic_core import PydanticUndefinedType, Url

_NoneType = type(None)
_PRIMITIVES = frozenset({str, int, float, bool, _NoneType})
_SEQUENCES = (list, set, frozenset, GeneratorType, tuple, deque)


def decimal_encoder(dec_value: Decimal) -> int | float:
    """Whole decimals become ints, others floats (``Decimal("1.0")`` -> ``1.0``)."""
    if dec_value.as_tuple().exponent >= 0:  # type: ignore[operator]
        return int(dec_value)
    return float(dec_value)


def isoformat(o: datetime.date | datetime.time) -> str:
    return o.isoformat()


ENCODERS_BY_TYPE: dict[type[Any], Callable[[Any], Any]] = {
    bytes: lambda o: o.decode(),
    datetime.date: isoformat,
    datetime.datetime: isoformat,
    datetime.time: isoformat,
    datetime.timedelta: lambda td: td.total_seconds(),
    Decimal: decimal_encoder,
    Enum: lambda o: o.value,
    frozenset: list,
    deque: list,
    GeneratorType: list,
    IPv4Address: str,
    IPv4Interface: str,
    IPv4Network: str,
    IPv6Address: str,
    IPv6Interface: str,
    IPv6Network: str,
    NameEmail: str,
    Path: str,
    PurePath: str,
    Pattern: lambda o: o.pattern,
    SecretBytes: str,
    SecretStr: str,
    set: list,
    UUID: str,
    Url: str,
    AnyUrl: str,
}
try:  # deprecated in pydantic, still encoded when present
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from pydantic.color import Color

    ENCODERS_BY_TYPE[Color] = str
except ImportError:  # pragma: no cover
    pass


def generate_encoders_by_class_tuples(
    type_encoder_map: dict[Any, Callable[[Any], Any]],
) -> dict[Callable[[Any], Any], tuple[Any, ...]]:
    """Classes grouped by encoder: tried with ``isinstance`` when no exact type matches."""
    grouped: defaultdict[Callable[[Any], Any], tuple[Any, ...]] = defaultdict(tuple)
    for type_, encoder in type_encoder_map.items():
        grouped[encoder] += (type_,)
    return grouped


encoders_by_class_tuples = generate_encoders_by_class_tuples(ENCODERS_BY_TYPE)


_PLAIN_CONTAINERS = frozenset({dict, list, tuple})


def _plain(
    obj: Any,
    by_alias: bool,
    exclude_unset: bool,
    exclude_defaults: bool,
    exclude_none: bool,
    sqlalchemy_safe: bool,
) -> Any:
    """The rules below for exact dicts, lists and tuples, without re-dispatching per item.

    Primitive items (most of a JSON-like tree) are copied without a call of their own.
    """
    kind = type(obj)
    if kind in _PRIMITIVES:
        return obj
    primitives = _PRIMITIVES
    if kind is dict:
        encoded: dict[Any, Any] = {}
        for key, value in obj.items():
            if value is None and exclude_none:
                continue
            if type(key) is not str:
                if sqlalchemy_safe and isinstance(key, str) and key.startswith("_sa"):
                    continue
                key = jsonable_encoder(
                    key,
                    by_alias=by_alias,
                    exclude_unset=exclude_unset,
                    exclude_none=exclude_none,
                    sqlalchemy_safe=sqlalchemy_safe,
                )
            elif sqlalchemy_safe and key.startswith("_sa"):
                continue
            # Dict values are encoded without exclude_defaults (FastAPI's rule).
            encoded[key] = (
                value
                if type(value) in primitives
                else _plain(value, by_alias, exclude_unset, False, exclude_none, sqlalchemy_safe)
            )
        return encoded
    if kind is list or kind is tuple:
        # A loop, not a comprehension: one stack frame per level of nesting, so deeply nested
        # lists go as deep as FastAPI's before Python's recursion limit.
        items: list[Any] = []
        for item in obj:
            items.append(
                item
                if type(item) in primitives
                else _plain(
                    item, by_alias, exclude_unset, exclude_defaults, exclude_none, sqlalchemy_safe
                )
            )
        return items
    return jsonable_encoder(
        obj,
        by_alias=by_alias,
        exclude_unset=exclude_unset,
        exclude_defaults=exclude_defaults,
        exclude_none=exclude_none,
        sqlalchemy_safe=sqlalchemy_safe,
    )


def jsonable_encoder(
    obj: Any,
    include: Any = None,
    exclude: Any = None,
    by_alias: bool = True,
    exclude_unset: bool = False,
    exclude_defaults: bool = False,
    exclude_none: bool = False,
    custom_encoder: dict[Any, Callable[[Any], Any]] | None = None,
    sqlalchemy_safe: bool = True,
) -> Any:
    """Convert ``obj`` to dicts, lists, strings, numbers, booleans and ``None``.

    ``include``/``exclude`` filter model fields and dict keys at the top level (and in the
    items of sequences); ``custom_encoder`` maps types to functions tried before the rules.
    """
    if custom_encoder:
        encoder = custom_encoder.get(type(obj))
        if encoder is not None:
            return encoder(obj)
        for encoder_type, encoder in custom_encoder.items():
            if isinstance(obj, encoder_type):
                return encoder(obj)
    elif type(obj) in _PRIMITIVES:
        return obj
    elif include is None and exclude is None and type(obj) in _PLAIN_CONTAINERS:
        return _plain(obj, by_alias, exclude_unset, exclude_defaults, exclude_none, sqlalchemy_safe)
    if include is not None and not isinstance(include, (set, dict)):
        include = set(include)
    if exclude is not None and not isinstance(exclude, (set, dict)):
        exclude = set(exclude)

    if isinstance(obj, BaseModel):
        data = obj.model_dump(
            mode="json",
            include=include,
            exclude=exclude,
            by_alias=by_alias,
            exclude_unset=exclude_unset,
            exclude_none=exclude_none,
            exclude_defaults=exclude_defaults,
        )
        if "__root__" in data:
            data = data["__root__"]
        return jsonable_encoder(
            data,
            exclude_none=exclude_none,
            exclude_defaults=exclude_defaults,
            sqlalchemy_safe=sqlalchemy_safe,
        )
    if dataclasses.is_dataclass(obj):
        return jsonable_encoder(
            dataclasses.asdict(obj),  # type: ignore[arg-type]
            include=include,
            exclude=exclude,
            by_alias=by_alias,
            exclude_unset=exclude_unset,
            exclude_defaults=exclude_defaults,
            exclude_none=exclude_none,
            custom_encoder=custom_encoder,
            sqlalchemy_safe=sqlalchemy_safe,
        )
    if isinstance(obj, Enum):
        return obj.value
    if isinstance(obj, PurePath):
        return str(obj)
    if isinstance(obj, (str, int, float, _NoneType)):
        return obj
    if isinstance(obj, PydanticUndefinedType):
        return None
    if isinstance(obj, dict):
        allowed: Any = obj.keys()
        if include is not None or exclude is not None:
            allowed = set(allowed)
            if include is not None:
                allowed &= set(include)
            if exclude is not None:
                allowed -= set(exclude)
        encoded: dict[Any, Any] = {}
        for key, value in obj.items():
            if value is None and exclude_none:
                continue
            if sqlalchemy_safe and isinstance(key, str) and key.startswith("_sa"):
                continue
            if key not in allowed:
                continue
            encoded_key = jsonable_encoder(
                key,
                by_alias=by_alias,
                exclude_unset=exclude_unset,
                exclude_none=exclude_none,
                custom_encoder=custom_encoder,
                sqlalchemy_safe=sqlalchemy_safe,
            )
            encoded[encoded_key] = jsonable_encoder(
                value,
                by_alias=by_alias,
                exclude_unset=exclude_unset,
                exclude_none=exclude_none,
                custom_encoder=custom_encoder,
                sqlalchemy_safe=sqlalchemy_safe,
            )
        return encoded
    if isinstance(obj, _SEQUENCES):
        return [
            jsonable_encoder(
                item,
                include=include,
                exclude=exclude,
                by_alias=by_alias,
                exclude_unset=exclude_unset,
                exclude_defaults=exclude_defaults,
                exclude_none=exclude_none,
                custom_encoder=custom_encoder,
                sqlalchemy_safe=sqlalchemy_safe,
            )
            for item in obj
        ]
    encoder = ENCODERS_BY_TYPE.get(type(obj))
    if encoder is not None:
        return encoder(obj)
    for encoder, classes in encoders_by_class_tuples.items():
        if isinstance(obj, classes):
            return encoder(obj)
    try:
        data = dict(obj)
    except Exception as dict_error:
        try:
            data = vars(obj)
        except Exception as vars_error:
            raise ValueError([dict_error, vars_error]) from vars_error
    return jsonable_encoder(
        data,
        include=include,
        exclude=exclude,
        by_alias=by_alias,
        exclude_unset=exclude_unset,
        exclude_defaults=exclude_defaults,
        exclude_none=exclude_none,
        custom_encoder=custom_encoder,
        sqlalchemy_safe=sqlalchemy_safe,
    )
