"""``jsonable_encoder``: any Python value to data that ``json.dumps`` accepts.

One call fixes its options in an ``_Encoding``; each value is then handed to the encoder its
exact type names in ``_BY_TYPE`` (primitives and the builtin containers, most of any tree),
else to the first rule of ``_kind_encoder`` that applies (their order is FastAPI's observed
behaviour: a ``str`` Enum encodes as its value, a model is dumped before anything else), and
last to the user-extensible ``ENCODERS_BY_TYPE``. Containers dispatch their items through the
table themselves, so nesting costs one stack frame per level.
"""

from __future__ import annotations

import dataclasses
import datetime
import itertools
import operator
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


def decimal_encoder(dec_value: Decimal) -> int | float:
    """Whole decimals become ints, others floats (``Decimal("1.0")`` -> ``1.0``)."""
    if dec_value.as_tuple().exponent >= 0:  # type: ignore[operator]
        return int(dec_value)
    return float(dec_value)


def isoformat(o: datetime.date | datetime.time) -> str:
    return o.isoformat()


# Leaf types without a rule of their own; apps add theirs (``ENCODERS_BY_TYPE[ObjectId] = str``).
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


# Built once, from the table as shipped (entries added later are matched by exact type only).
encoders_by_class_tuples = generate_encoders_by_class_tuples(ENCODERS_BY_TYPE)

_PRIMITIVES: frozenset[type[Any]] = frozenset({str, int, float, bool, _NoneType})
_NOTHING_AS_IS: frozenset[type[Any]] = frozenset()


_DUMP_OPTIONS = (
    "include",
    "exclude",
    "by_alias",
    "exclude_unset",
    "exclude_defaults",
    "exclude_none",
)


class _Encoding:
    """The options of one ``jsonable_encoder`` call; ``entries`` is the variant for a dict's
    keys and values (no key filter, defaults kept: FastAPI's rule)."""

    __slots__ = (
        "_model_data",
        "as_is",
        "by_alias",
        "custom",
        "entries",
        "exclude",
        "exclude_defaults",
        "exclude_none",
        "exclude_unset",
        "for_dicts",
        "include",
        "sqlalchemy_safe",
        "table",
    )

    def __init__(
        self,
        include: Any,
        exclude: Any,
        flags: tuple[bool, bool, bool, bool, bool],
        custom: dict[Any, Callable[[Any], Any]] | None,
    ) -> None:
        self.include, self.exclude, self.custom = include, exclude, custom
        by_alias, exclude_unset, exclude_defaults, exclude_none, sqlalchemy_safe = flags
        self.by_alias, self.exclude_unset, self.exclude_defaults = flags[:3]
        self.exclude_none, self.sqlalchemy_safe = flags[3:]
        # A custom encoder may claim any type, primitives included: then nothing skips it.
        self.as_is = _PRIMITIVES if custom is None else _NOTHING_AS_IS
        self.table: dict[type[Any], Encoder] = _BY_TYPE if custom is None else {}
        self._model_data: _Encoding | None = None
        if include is None and exclude is None and not exclude_defaults:
            self.entries: _Encoding = self
        else:
            entry_flags = (by_alias, exclude_unset, False, exclude_none, sqlalchemy_safe)
            self.entries = _encoding(None, None, entry_flags, custom)
        inner = self.entries
        # What ``_encode_dict`` reads, in one attribute: it runs once per dict of a tree.
        self.for_dicts = (
            include is not None or exclude is not None,
            inner,
            inner.as_is,
            inner.table,
            custom is None,
            exclude_none,
            sqlalchemy_safe,
        )

    def dump_keywords(self) -> dict[str, Any]:
        """The options as ``BaseModel.model_dump`` takes them."""
        return {name: getattr(self, name) for name in _DUMP_OPTIONS}

    def model_data(self) -> _Encoding:
        """For what a model dumped: only the None/default/SQLAlchemy filters still apply."""
        if self._model_data is None:
            flags = (True, False, self.exclude_defaults, self.exclude_none, self.sqlalchemy_safe)
            self._model_data = _encoding(None, None, flags, None)
        return self._model_data


Encoder = Callable[[Any, _Encoding], Any]


def _as_key_set(keys: Any) -> Any:
    """``include``/``exclude`` as Pydantic takes them: a set or a dict (any iterable given)."""
    if keys is None or isinstance(keys, (set, dict)):
        return keys
    return set(keys)


def _encode(obj: Any, enc: _Encoding) -> Any:
    """Any value: a custom encoder first, then the table, then the rules by kind."""
    if enc.custom is not None:
        custom = _custom_encoder_for(obj, enc.custom)
        if custom is not None:
            return custom(obj)
    return _encode_builtin(obj, enc)


def _encode_builtin(obj: Any, enc: _Encoding) -> Any:
    encoder = _BY_TYPE.get(type(obj))
    if encoder is None:
        encoder = _kind_encoder(obj)
    return encoder(obj, enc)


def _custom_encoder_for(
    obj: Any, custom: dict[Any, Callable[[Any], Any]]
) -> Callable[[Any], Any] | None:
    """The caller's encoder for ``obj``: its exact type's, else the first class it is an instance of."""
    exact = custom.get(type(obj))
    if exact is not None:
        return exact
    return next((encoder for cls, encoder in custom.items() if isinstance(obj, cls)), None)


def _kind_encoder(obj: Any) -> Encoder:
    """The first rule that applies to a value whose exact type is not in the table."""
    if isinstance(obj, BaseModel):
        return _encode_model
    if dataclasses.is_dataclass(obj):
        return _encode_dataclass
    for kind, encoder in _BY_KIND:
        if isinstance(obj, kind):
            return encoder
    return _encode_registered


def _encode_dict(obj: dict[Any, Any], enc: _Encoding) -> dict[Any, Any]:
    """Keys filtered by ``include``/``exclude``, ``exclude_none`` and SQLAlchemy's ``_sa``
    prefix (checks that do not encode, so their order is free); then keys and values encoded."""
    filtered, inner, as_is, table, str_keys_as_is, skip_none, skip_sa = enc.for_dicts
    if filtered:
        allowed = _allowed_keys(obj, enc)
        items: Any = [(key, value) for key, value in obj.items() if key in allowed]
    else:
        items = obj.items()
    encoded: dict[Any, Any] = {}
    for key, value in items:
        if value is None and skip_none:
            continue
        if type(key) is str and str_keys_as_is:  # most keys: checked, kept
            if skip_sa and key.startswith("_sa"):
                continue
        else:
            if skip_sa and isinstance(key, str) and key.startswith("_sa"):
                continue
            if type(key) not in as_is:
                key = table.get(type(key), _encode)(key, inner)
        encoded[key] = (
            value if type(value) in as_is else table.get(type(value), _encode)(value, inner)
        )
    return encoded


def _allowed_keys(obj: dict[Any, Any], enc: _Encoding) -> set[Any]:
    """The keys ``include``/``exclude`` keep at this level."""
    allowed = set(obj)
    if enc.include is not None:
        allowed &= set(enc.include)
    if enc.exclude is not None:
        allowed -= set(enc.exclude)
    return allowed


def _encode_items(obj: Any, enc: _Encoding) -> list[Any]:
    # A loop calling the item's encoder directly: one stack frame per level of nesting, so
    # deeply nested lists go as deep as FastAPI's before Python's recursion limit.
    as_is, table = enc.as_is, enc.table
    items: list[Any] = []
    for item in obj:
        items.append(item if type(item) in as_is else table.get(type(item), _encode)(item, enc))
    return items


def _encode_model(obj: BaseModel, enc: _Encoding) -> Any:
    data: Any = obj.model_dump(mode="json", **enc.dump_keywords())
    # A dump holding a "__root__" key stands for that value (a v1-style custom root). The
    # membership test is FastAPI's as observed: on a root model's str or int it applies too.
    if "__root__" in data:
        data = data["__root__"]
    return _encode(data, enc.model_data())


def _encode_dataclass(obj: Any, enc: _Encoding) -> Any:
    return _encode(dataclasses.asdict(obj), enc)


def _encode_registered(obj: Any, enc: _Encoding) -> Any:
    """``ENCODERS_BY_TYPE`` (exact type, then by class), else the object's dict or vars."""
    encoder = ENCODERS_BY_TYPE.get(type(obj))
    if encoder is None:
        encoder = next(
            (
                enc_
                for enc_, classes in encoders_by_class_tuples.items()
                if isinstance(obj, classes)
            ),
            None,
        )
    if encoder is not None:
        return encoder(obj)
    return _encode(_object_as_dict(obj), enc)


def _object_as_dict(obj: Any) -> Any:
    try:
        return dict(obj)
    except Exception as dict_error:
        try:
            return vars(obj)
        except Exception as vars_error:
            raise ValueError([dict_error, vars_error]) from vars_error


def _as_is(obj: Any, enc: _Encoding) -> Any:
    return obj


_BY_TYPE: dict[type[Any], Encoder] = {
    **dict.fromkeys(_PRIMITIVES, _as_is),
    dict: _encode_dict,
    **dict.fromkeys((list, tuple, set, frozenset, deque, GeneratorType), _encode_items),
}
_BY_KIND: tuple[tuple[Any, Encoder], ...] = (
    (Enum, lambda obj, enc: obj.value),
    (PurePath, lambda obj, enc: str(obj)),
    ((str, int, float, _NoneType), _as_is),
    (PydanticUndefinedType, lambda obj, enc: None),
    (dict, _encode_dict),
    ((list, set, frozenset, GeneratorType, tuple, deque), _encode_items),
)


def _encoding(
    include: Any,
    exclude: Any,
    flags: tuple[bool, bool, bool, bool, bool],
    custom: dict[Any, Callable[[Any], Any]] | None,
) -> _Encoding:
    """An ``_Encoding``; the 32 without filters or custom encoders are built once and shared."""
    if include is None and exclude is None and custom is None:
        shared = _PLAIN_ENCODINGS.get(flags)
        if shared is not None:
            return shared
    return _Encoding(include, exclude, flags, custom)


_PLAIN_ENCODINGS: dict[tuple[bool, bool, bool, bool, bool], _Encoding] = {}
# Those keeping defaults first: the others' ``entries`` are among them.
for _flags in sorted(itertools.product((False, True), repeat=5), key=operator.itemgetter(2)):
    _PLAIN_ENCODINGS[_flags] = _Encoding(None, None, _flags, None)  # type: ignore[index,arg-type]


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
        custom = _custom_encoder_for(obj, custom_encoder)
        if custom is not None:
            return custom(obj)
    else:
        custom_encoder = None
    if include is not None or exclude is not None:
        include, exclude = _as_key_set(include), _as_key_set(exclude)
    if custom_encoder is None and type(obj) in _PRIMITIVES:
        return obj
    flags = (by_alias, exclude_unset, exclude_defaults, exclude_none, sqlalchemy_safe)
    plain = include is None and exclude is None and custom_encoder is None
    shared = _PLAIN_ENCODINGS.get(flags) if plain else None
    return _encode_builtin(obj, shared or _Encoding(include, exclude, flags, custom_encoder))
