"""JSON bytes for a response model, fast and identical to ``JSONResponse``'s rendering.

``JSONResponse`` renders ``json.dumps(dump_python(value, mode="json"))``. Pydantic's own
``dump_json`` produces the same text several times faster, with two exceptions:

- floats whose decimal exponent is -5 to -9: Python writes ``1e-05``, Pydantic ``0.00001``
  or ``1e-5``. Pydantic's text then always contains ``0.0000`` or ``e-<one digit>``;
- infinities and NaN: ``json.dumps`` refuses them (a 500), Pydantic writes ``null`` (or,
  as a model's ``ser_json_inf_nan`` asks, ``Infinity``/``NaN`` or those as strings). Only
  types that can hold a float can produce them.

So the fast text is used unless it shows one of those patterns; then (and only then) the
value is rendered the slow, reference way. A false alarm costs time, never correctness.
Where every float of a type is written under one config (``plain_models``' typed dicts), a
twin serializer writes infinities and NaN as ``Infinity``/``NaN``, which a one-byte search
rules out in most texts, instead of ``null``, which every ``None`` writes too.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from pydantic import TypeAdapter
from pydantic_core import SchemaSerializer

from fastapi._core.memo import IdentityMemo
from fastapi._core.serialize.offload import encode_in_pieces

_SUSPICIOUS_FLOAT = re.compile(rb"e-\d(?!\d)|0\.0000")


def _suspicious_float(text: bytes) -> bool:
    """Whether the text may hold a float Pydantic writes differently (C substring scans
    first, the cheapest, a one-byte search, before the others)."""
    return ((b"-" in text and b"e-" in text) or b"0.0000" in text) and (
        _SUSPICIOUS_FLOAT.search(text) is not None
    )


def _may_hide_inf_nan(text: bytes) -> bool:
    return b"null" in text or b"Infinity" in text or b"NaN" in text


def _shows_inf_nan(text: bytes) -> bool:
    """For text written with ``ser_json_inf_nan="constants"``: whether it may hold one."""
    return (b"N" in text or b"I" in text) and (b"NaN" in text or b"Infinity" in text)


_ENCODER = json.JSONEncoder(ensure_ascii=False, allow_nan=False, indent=None, separators=(",", ":"))


def _c_encoder() -> Callable[[Any], str]:
    """``_ENCODER.encode``, without building the C encoder anew on every call (a third of
    the time of a small answer). The one difference: no check for circular containers,
    which the values rendered here (fresh JSON-compatible data) cannot be."""
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:  # pragma: no cover - an interpreter without the C accelerator
        return _ENCODER.encode
    chunks = make(
        None, _ENCODER.default, json.encoder.encode_basestring, None, ":", ",", False, False, False
    )

    def encode(data: Any) -> str:
        return "".join(chunks(data, 0))

    return encode


_encode = _c_encoder()


def render_reference(data: Any) -> bytes:
    """What ``JSONResponse.render`` produces (``json.dumps`` with these very options)."""
    return _encode(data).encode("utf-8")


def render_reference_in_pieces(data: Any) -> bytes:
    """``render_reference(data)``, made item by item (see ``offload``): for large values."""
    return encode_in_pieces(data, _encode).encode("utf-8")


def may_hold_float(schema: Any) -> bool:
    """Whether values of this core schema can serialize to a JSON float (conservative)."""
    definitions: dict[str, Any] = {}
    seen: set[str] = set()

    def walk(node: Any) -> bool:
        if isinstance(node, (list, tuple)):
            return any(walk(item) for item in node)
        if not isinstance(node, dict):
            return False
        if "type" not in node:  # a mapping of schemas (model fields, tagged-union choices)
            return any(walk(child) for child in node.values())
        serialization = node.get("serialization")
        if isinstance(serialization, dict) and serialization.get("type") not in (
            "to-string",
            "format",
            None,
        ):
            return True  # a custom serializer may return anything
        kind = node.get("type")
        if kind in (
            "float",
            "any",
            "is-instance",
            "is-subclass",
            "callable",
            "json-or-python",
            "function-plain",
        ):
            return True
        if kind == "literal":
            return any(isinstance(value, float) for value in node.get("expected", ()))
        if kind == "enum":
            return any(
                isinstance(getattr(member, "value", None), float)
                for member in node.get("members", ())
            )
        if kind == "definitions":
            for definition in node.get("definitions", ()):
                definitions[definition["ref"]] = definition
            return walk(node.get("schema"))
        if kind == "definition-ref":
            ref = node["schema_ref"]
            if ref in seen:
                return False
            seen.add(ref)
            return walk(definitions.get(ref, {"type": "any"}))
        if kind in _LEAVES:
            return False
        if kind not in _CONTAINERS:
            return True  # unknown: assume the worst
        return any(walk(node.get(key)) for key in _CHILD_KEYS if key in node)

    return walk(schema)


_LEAVES = frozenset(
    {
        "none",
        "bool",
        "int",
        "str",
        "bytes",
        "date",
        "time",
        "datetime",
        "timedelta",
        "decimal",
        "uuid",
        "url",
        "multi-host-url",
        "complex",
        "missing-sentinel",
    }
)
_CONTAINERS = frozenset(
    {
        "model",
        "model-fields",
        "model-field",
        "typed-dict",
        "typed-dict-field",
        "dataclass",
        "dataclass-args",
        "dataclass-field",
        "list",
        "set",
        "frozenset",
        "tuple",
        "generator",
        "dict",
        "nullable",
        "default",
        "union",
        "tagged-union",
        "chain",
        "lax-or-strict",
        "function-after",
        "function-before",
        "function-wrap",
        "computed-field",
        "with-default",
    }
)
_CHILD_KEYS = (
    "schema",
    "fields",
    "items_schema",
    "keys_schema",
    "values_schema",
    "choices",
    "steps",
    "lax_schema",
    "strict_schema",
    "computed_fields",
    "return_schema",
)


def _adapter_may_hold_float(adapter: TypeAdapter[Any]) -> bool:
    try:
        return may_hold_float(adapter.core_schema)
    except Exception:  # pragma: no cover - an exotic schema: assume floats
        return True


# Worked out once per (shared) adapter.
adapter_may_hold_float = IdentityMemo(_adapter_may_hold_float, limit=8192)


class JSONRenderer:
    """Renders validated values of one response type to JSONResponse's exact bytes."""

    __slots__ = ("_floats", "_options", "_suspicious", "_to_json", "_to_python")

    def __init__(
        self,
        serializer: SchemaSerializer,
        options: dict[str, Any],
        floats: bool,
        constants: SchemaSerializer | None = None,
    ) -> None:
        """``serializer``: the type's (a ``TypeAdapter``'s); ``floats``: whether its values
        may hold a float (``may_hold_float``); ``constants``: the same serializer, if it can
        be had, writing every infinity and NaN as a constant (``ser_json_inf_nan``), which
        makes them quicker to spot than a ``null``."""
        self._to_json = (constants or serializer).to_json
        self._to_python = serializer.to_python
        self._options = options
        self._floats = floats
        self._suspicious = _odd_floats_or_constants if constants else _odd_floats_or_nulls

    @classmethod
    def of_adapter(cls, adapter: TypeAdapter[Any], options: dict[str, Any]) -> JSONRenderer:
        return cls(adapter.serializer, options, adapter_may_hold_float(adapter))

    def __call__(self, value: Any) -> bytes:
        try:
            text = self._to_json(value, **self._options)
        except Exception:
            text = None  # let the reference path raise (or not) exactly as it does
        if text is None or (self._floats and self._suspicious(text)):
            return render_reference(self._to_python(value, mode="json", **self._options))
        return text


def _odd_floats_or_nulls(text: bytes) -> bool:
    return _may_hide_inf_nan(text) or _suspicious_float(text)


def _odd_floats_or_constants(text: bytes) -> bool:
    return _shows_inf_nan(text) or _suspicious_float(text)
