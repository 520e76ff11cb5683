"""Plain-data response models validated as dicts: the same checks, no instances built.

An endpoint that returns dicts for a response model has them validated into model instances
that live only until they are dumped to JSON; building the instances is half the cost of
validating them. For a model that is plain data, a typed-dict schema with the very same
fields, aliases, defaults and config accepts the same dicts, converts them to the same values
and dumps them to the same bytes, without creating an instance. "Plain data" rules out
everything that could tell the two apart: a custom ``__init__`` or ``model_post_init``,
model or field serializers (they receive the instance), computed fields, extras kept
(``extra="allow"``), configs a typed dict does not honour alike (``ser_json_*``,
strictness) and root models. Such models, and any
node whose behaviour depends on the value's type (unions, validator functions, definitions
shared between places) are left exactly as they are; only the chain of lists, dicts and
optionals from the top down to the first model is followed.

The typed-dict validator is tried first only when what was returned holds a dict where the
model sits; if it refuses the value, the model's own validation runs and reports the errors
as ever. Options that rely on instances (``exclude_unset``) keep the model path.
"""

from __future__ import annotations

from typing import Any

from pydantic import TypeAdapter, ValidationError
from pydantic_core import SchemaSerializer, SchemaValidator

from fastapi._core.memo import IdentityMemo
from fastapi._core.serialize.json_bytes import JSONRenderer, adapter_may_hold_float

_MODEL_KEYS = frozenset(
    {
        "type",
        "cls",
        "schema",
        "custom_init",
        "root_model",
        "post_init",
        "config",
        "ref",
        "metadata",
        "generic_origin",
        "revalidate_instances",
        "frozen",
        "strict",
        "extra_behavior",
    }
)
_FIELDS_KEYS = frozenset(
    {"type", "fields", "model_name", "computed_fields", "extra_behavior", "metadata"}
)
_FIELD_KEYS = frozenset(
    {
        "type",
        "schema",
        "validation_alias",
        "serialization_alias",
        "serialization_exclude",
        "serialization_exclude_if",
        "frozen",
        "metadata",
    }
)
# Config keys a typed dict's validation honours as the model's does, checked one by one;
# others (the ``ser_json_*`` family above all: a typed dict's serializer ignores its config)
# keep the model.
_CONFIG_KEYS = frozenset(
    {
        "title",
        "extra_fields_behavior",
        "from_attributes",
        "loc_by_alias",
        "revalidate_instances",
        "validate_default",
        "str_max_length",
        "str_min_length",
        "str_strip_whitespace",
        "str_to_lower",
        "str_to_upper",
        "allow_inf_nan",
        "hide_input_in_errors",
        "validation_error_cause",
        "coerce_numbers_to_str",
        "cache_strings",
        "validate_by_alias",
        "validate_by_name",
        "serialize_by_alias",
    }
)
# How the chain from the top reaches the model: a step into items, values or an optional.
_WRAPPERS = {"list": "items_schema", "dict": "values_schema", "nullable": "schema"}


def _is_plain_model(node: dict[str, Any]) -> bool:
    """Whether validating a dict into this model is indistinguishable from a typed dict's."""
    if not node.keys() <= _MODEL_KEYS or node.get("extra_behavior") == "allow":
        return False
    if node.get("custom_init") or node.get("root_model") or node.get("post_init"):
        return False
    config = node.get("config") or {}
    if not config.keys() <= _CONFIG_KEYS or config.get("extra_fields_behavior") == "allow":
        return False
    if node.get("strict"):
        return False
    fields = node.get("schema")
    if not isinstance(fields, dict) or fields.get("type") != "model-fields":
        return False
    if not fields.keys() <= _FIELDS_KEYS or fields.get("computed_fields"):
        return False
    if fields.get("extra_behavior") == "allow":
        return False
    return all(
        field.get("type") == "model-field"
        and field.keys() <= _FIELD_KEYS
        and not _serializes_with_instance(field["schema"])
        for field in fields["fields"].values()
    )


def _serializes_with_instance(node: Any) -> bool:
    """Whether a field serializer (a method of the model, given the instance) is in ``node``;
    nested models are not searched: they keep their own instances."""
    if isinstance(node, list):
        return any(_serializes_with_instance(item) for item in node)
    if not isinstance(node, dict) or node.get("type") == "model":
        return False
    if node.get("is_field_serializer"):
        return True
    return any(_serializes_with_instance(value) for value in node.values())


def _as_typed_dict(node: dict[str, Any]) -> dict[str, Any]:
    """The typed-dict schema equivalent to a plain model's (its fields' nested plain models
    converted too)."""
    fields: dict[str, Any] = {}
    for name, field in node["schema"]["fields"].items():
        converted = {key: value for key, value in field.items() if key not in ("type", "frozen")}
        converted["type"] = "typed-dict-field"
        converted["schema"] = _convert_field_type(field["schema"])
        converted["required"] = field["schema"].get("type") != "default"
        fields[name] = converted
    schema: dict[str, Any] = {
        "type": "typed-dict",
        "fields": fields,
        "cls_name": node["cls"].__name__,
        "config": dict(node.get("config") or {}),
    }
    extra = node.get("extra_behavior") or node["schema"].get("extra_behavior")
    if extra is not None:
        schema["extra_behavior"] = extra
    return schema


def _convert_field_type(node: Any) -> Any:
    """A field's schema with plain models along its list/dict/optional/default chain
    converted; everything else as it is."""
    if not isinstance(node, dict):
        return node
    kind = node.get("type")
    if kind == "model":
        return _as_typed_dict(node) if _is_plain_model(node) else node
    key = "schema" if kind == "default" else _WRAPPERS.get(kind)  # type: ignore[arg-type]
    if key is None or key not in node:
        return node
    return {**node, key: _convert_field_type(node[key])}


def _chain_to_model(schema: dict[str, Any]) -> tuple[tuple[str, ...], dict[str, Any] | None]:
    """The steps from the top of ``schema`` down to its plain model (``item``, ``value``,
    ``optional``) and the schema with that model converted; no model: ``None``."""
    kind = schema.get("type")
    if kind == "model":
        return ((), _as_typed_dict(schema)) if _is_plain_model(schema) else ((), None)
    if kind == "definitions":
        steps, inner = _chain_to_model(schema["schema"])
        return steps, None if inner is None else {**schema, "schema": inner}
    key = _WRAPPERS.get(kind)  # type: ignore[arg-type]
    if key is None or not isinstance(schema.get(key), dict):
        return (), None
    steps, inner = _chain_to_model(schema[key])
    if inner is None:
        return (), None
    step = {"list": "item", "dict": "value", "nullable": "optional"}[kind]  # type: ignore[index]
    return (step, *steps), {**schema, key: inner}


# Nodes whose floats are all written under the serializer's own config: no models or
# dataclasses (their config rules their fields), nothing that may hold one (``any``).
_OWN_CONFIG_ONLY = frozenset(
    {
        "typed-dict",
        "list",
        "dict",
        "nullable",
        "default",
        "set",
        "frozenset",
        "tuple",
        "str",
        "int",
        "float",
        "bool",
        "none",
        "bytes",
        "literal",
        "date",
        "time",
        "datetime",
        "timedelta",
        "decimal",
        "uuid",
        "url",
        "multi-host-url",
        "complex",
    }
)
_CHILDREN = ("items_schema", "keys_schema", "values_schema", "schema")


def _floats_under_own_config(node: Any) -> bool:
    """Whether every float ``node`` can write is written under the serializer's config."""
    if isinstance(node, list):
        return all(_floats_under_own_config(item) for item in node)
    if node.get("type") not in _OWN_CONFIG_ONLY or "serialization" in node:
        return False
    if node["type"] == "typed-dict":
        return all(_floats_under_own_config(field["schema"]) for field in node["fields"].values())
    return all(_floats_under_own_config(node[key]) for key in _CHILDREN if key in node)


class PlainModelPath:
    """The typed-dict twin of one response type: tried first on values holding dicts."""

    __slots__ = ("_steps", "_validate", "constants", "serializer")

    def __init__(self, steps: tuple[str, ...], schema: dict[str, Any]) -> None:
        self._steps = steps
        self._validate = SchemaValidator(schema).validate_python  # type: ignore[arg-type]
        self.serializer = SchemaSerializer(schema)  # type: ignore[arg-type]
        # The same, writing infinities and NaN as constants (JSONRenderer's quicker check).
        self.constants: SchemaSerializer | None = None
        if _floats_under_own_config(schema):
            self.constants = SchemaSerializer(schema, {"ser_json_inf_nan": "constants"})  # type: ignore[arg-type]

    def holds_dicts(self, raw: Any) -> bool:
        """Whether ``raw`` has a dict where the model sits (its first item, if a list)."""
        for step in self._steps:
            if step == "item":
                if type(raw) is not list or not raw:
                    return False
                raw = raw[0]
            elif step == "value":
                if type(raw) is not dict or not raw:
                    return False
                raw = next(iter(raw.values()))
            elif raw is None:
                return False
        return type(raw) is dict

    def validate(self, raw: Any) -> tuple[bool, Any]:
        """``(True, value)`` as the typed dicts take ``raw``; ``(False, None)`` if refused."""
        try:
            return True, self._validate(raw, from_attributes=True)
        except ValidationError:
            return False, None


def _plain_path(adapter: TypeAdapter[Any]) -> PlainModelPath | None:
    try:
        steps, schema = _chain_to_model(adapter.core_schema)  # type: ignore[arg-type]
        return None if schema is None else PlainModelPath(steps, schema)
    except Exception:  # an exotic schema the conversion misjudged: keep the model path
        return None


# Worked out once per (shared) adapter.
plain_path_of = IdentityMemo(_plain_path, limit=8192)


def plain_renderer(
    adapter: TypeAdapter[Any], options: dict[str, Any]
) -> tuple[PlainModelPath, JSONRenderer] | None:
    """The typed-dict path and its renderer for a response type and dump options, if any."""
    if options.get("exclude_unset"):
        return None  # which fields were set is known to instances only
    path = plain_path_of(adapter)
    if path is None:
        return None
    floats = adapter_may_hold_float(adapter)
    return path, JSONRenderer(path.serializer, options, floats, path.constants)
