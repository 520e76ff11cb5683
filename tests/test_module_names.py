"""Every module-level name of every ``fastapi.*`` module of FastAPI 0.116.1 exists here.

``module_names/fastapi-0.116.1.json`` was recorded on the published release as a black box
(``tools/record_module_names.py``): each name's kind, where a re-exported object comes from,
the type and data of plain values, the parameters of functions and classes. Extensions
import these names; the tests hold this package to them: same kind, the very object for a
re-export, and a signature that accepts every call the recorded one accepts.
"""

from __future__ import annotations

import importlib
import inspect
import json
import typing
import warnings
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.filterwarnings("ignore:starlette.middleware.wsgi is deprecated")

INVENTORY: dict[str, dict[str, dict[str, Any]]] = json.loads(
    (Path(__file__).parent / "module_names" / "fastapi-0.116.1.json").read_text()
)

# Names answered by this package's own object rather than the one FastAPI re-exports (the
# kind and parameters are still checked), with the reason.
OWN_OBJECTS = {
    "fastapi.cli:cli_main": "FastAPI's is fastapi-cli's entry point; ours is our own CLI",
    "fastapi.routing:request_response": "ours also closes uploaded files after the response",
    "fastapi.routing:websocket_session": "wraps our own exception handling, as Starlette's does",
}
# Pydantic-internal helpers FastAPI re-exports: ours are our own (those may move in Pydantic).
OWN_FOR_ORIGINS = {"pydantic._internal._utils", "pydantic._internal._typing_extra"}
# Values whose data depends on the installed libraries, not on FastAPI.
INSTALL_DEPENDENT = {"PYDANTIC_VERSION", "PYDANTIC_VERSION_MINOR_TUPLE"}
# Optional libraries a module holds when installed (None when not, as on the oracle).
OPTIONAL_LIBRARIES = {"fastapi.responses:orjson", "fastapi.responses:ujson"}
TYPING_MODULES = {"typing", "types", "typing_extensions", "collections.abc"}

ENTRIES = [(module, name) for module, names in INVENTORY.items() for name in names]


def _resolve(module: str, name: str) -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return getattr(importlib.import_module(module), name)


def _kind(value: Any) -> str:
    if inspect.ismodule(value):
        return "module"
    if inspect.isclass(value):
        return "class"
    return "function" if inspect.isroutine(value) else "value"


def _call_gaps(recorded: list[list[Any]], ours: inspect.Signature) -> list[str]:
    """What a call valid for the recorded signature would find missing in ours."""
    params = list(ours.parameters.values())
    kinds = {p.kind for p in params}
    takes_args = inspect.Parameter.VAR_POSITIONAL in kinds
    takes_kwargs = inspect.Parameter.VAR_KEYWORD in kinds
    positional = [
        p
        for p in params
        if p.kind in (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    ]
    by_name = {p.name: p for p in params if p.kind is not inspect.Parameter.POSITIONAL_ONLY}
    gaps: list[str] = []
    recorded_names = set()
    for index, (name, kind, _has_default) in enumerate(recorded):
        recorded_names.add(name)
        if kind == "VAR_POSITIONAL" and not takes_args:
            gaps.append(f"*{name}")
        elif kind == "VAR_KEYWORD" and not takes_kwargs:
            gaps.append(f"**{name}")
        elif kind in ("POSITIONAL_ONLY", "POSITIONAL_OR_KEYWORD"):
            at = positional[index] if index < len(positional) else None
            if at is None and not takes_args:
                gaps.append(f"{name} (positional #{index})")
            elif at is not None and kind == "POSITIONAL_OR_KEYWORD" and at.name != name:
                gaps.append(f"{name} (positional #{index} is {at.name!r})")
        elif kind == "KEYWORD_ONLY" and name not in by_name and not takes_kwargs:
            gaps.append(f"{name}=")
    recorded_required = {name for name, _, has_default in recorded if not has_default}
    for p in params:
        required = p.default is inspect.Parameter.empty and p.kind not in (
            inspect.Parameter.VAR_POSITIONAL,
            inspect.Parameter.VAR_KEYWORD,
        )
        if required and p.name not in recorded_required:
            gaps.append(f"{p.name} required here, optional or absent in FastAPI")
    return gaps


def _recorded_object(entry: dict[str, Any], name: str) -> Any:
    """The object a re-export stands for, found in the module it comes from."""
    source = importlib.import_module(entry["origin"])
    try:
        found: Any = source
        for part in entry["qualname"].split("."):
            found = getattr(found, part)
        return found
    except AttributeError:  # defined under another name, or not reachable by name
        return getattr(source, name, None)


def _is_typing_alias_of(ours: Any, name: str) -> bool:
    """``typing.Callable`` recorded, ``collections.abc.Callable`` (what it aliases) here."""
    alias = getattr(typing, name, None)
    return alias is not None and getattr(alias, "__origin__", None) is ours


@pytest.mark.parametrize(("module", "name"), ENTRIES, ids=[f"{m}:{n}" for m, n in ENTRIES])
def test_name_resolves_with_the_same_kind(module: str, name: str) -> None:
    entry = INVENTORY[module][name]
    key = f"{module}:{name}"
    ours = _resolve(module, name)
    if key in OPTIONAL_LIBRARIES and inspect.ismodule(ours):
        return
    if entry["kind"] == "value" and _is_typing_alias_of(ours, name):
        return
    assert _kind(ours) == entry["kind"], f"{key} is a {_kind(ours)}"
    origin = entry.get("origin")
    if entry["kind"] == "module":
        assert ours.__name__ == origin
    elif origin and key not in OWN_OBJECTS and origin not in OWN_FOR_ORIGINS:
        expected = _recorded_object(entry, name)
        if expected is None:
            assert (ours.__module__, ours.__qualname__) == (origin, entry["qualname"])
        else:
            assert ours is expected, f"{key} must be {origin}.{entry['qualname']}"
    if entry["kind"] == "value":
        _check_value(entry, name, ours)
    if entry.get("parameters") is not None:
        gaps = _call_gaps(entry["parameters"], inspect.signature(ours))
        assert not gaps, f"{key}: {gaps}"


def _check_value(entry: dict[str, Any], name: str, ours: Any) -> None:
    recorded_module, _, recorded_type = entry["type"].rpartition(".")
    if recorded_module in TYPING_MODULES:  # a type alias: any spelling of one will do
        assert type(ours).__module__ in TYPING_MODULES, f"{name} is a {type(ours)}"
    else:
        assert type(ours).__qualname__ == recorded_type
    if "value" in entry and name not in INSTALL_DEPENDENT:
        data = sorted(ours) if isinstance(ours, (set, frozenset)) else ours
        assert json.loads(json.dumps(data)) == entry["value"]


def test_re_exported_helpers_are_one_object_everywhere() -> None:
    """Where this package answers with its own helper, every module answers the same one."""
    from fastapi import _compat, dependencies, openapi, routing, utils

    for module in (dependencies.utils, openapi.utils, routing, utils):
        assert module.lenient_issubclass is _compat.lenient_issubclass
    assert dependencies.utils.evaluate_forwardref is _compat.evaluate_forwardref


def test_the_inventory_covers_fastapis_modules() -> None:
    assert len(INVENTORY) >= 40 and sum(map(len, INVENTORY.values())) > 800
    assert INVENTORY["fastapi.dependencies.utils"]["lenient_issubclass"]["kind"] == "function"
