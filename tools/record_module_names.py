"""Record every module-level name of every ``fastapi.*`` module of a published FastAPI.

Run with the oracle's interpreter, from outside the repository (a black box: only what its
modules answer to ``vars()`` and ``inspect.signature`` is kept)::

    cd /tmp && /tmp/oracle/bin/python /work/.../tools/record_module_names.py \
        > /work/.../tests/module_names/fastapi-0.116.1.json

Each name gets its kind (``module``, ``class``, ``function``, ``value``), where an object
defined elsewhere comes from (``origin``: a re-export), the type of plain values, and the
parameters of functions and classes, so a test can hold this package to the same surface.
"""

from __future__ import annotations

import importlib
import inspect
import json
import pkgutil
import sys
import types
import warnings
from typing import Any

SKIPPED_MODULES = {"fastapi.__main__"}  # running it starts the CLI


def modules() -> list[str]:
    import fastapi

    if "site-packages" not in (fastapi.__file__ or ""):
        raise SystemExit(f"refusing to record a local fastapi ({fastapi.__file__})")
    names = ["fastapi"]
    for info in pkgutil.walk_packages(fastapi.__path__, "fastapi."):
        if info.name not in SKIPPED_MODULES:
            names.append(info.name)
    return sorted(names)


def parameters(obj: Any) -> list[list[Any]] | None:
    """``[name, kind, has_default]`` per parameter; None when there is no signature."""
    try:
        signature = inspect.signature(obj)
    except (TypeError, ValueError):
        return None
    return [
        [p.name, p.kind.name, p.default is not inspect.Parameter.empty]
        for p in signature.parameters.values()
    ]


def kind_of(value: Any) -> str:
    if isinstance(value, types.ModuleType):
        return "module"
    if inspect.isclass(value):
        return "class"
    if inspect.isroutine(value):
        return "function"
    return "value"


def plain_data(value: Any) -> Any:
    """The value itself when it is JSON data (a message, a flag, a table), else None."""
    if isinstance(value, (set, frozenset)) and all(isinstance(v, str) for v in value):
        return sorted(value)
    if isinstance(value, (str, int, float, dict, list)):
        try:
            return json.loads(json.dumps(value))
        except (TypeError, ValueError):
            return None
    return None


def describe(module_name: str, value: Any) -> dict[str, Any]:
    kind = kind_of(value)
    entry: dict[str, Any] = {"kind": kind}
    if kind == "module":
        entry["origin"] = value.__name__
        return entry
    if kind == "value":
        entry["type"] = f"{type(value).__module__}.{type(value).__qualname__}"
        data = plain_data(value)
        if data is not None:
            entry["value"] = data
        return entry
    origin = getattr(value, "__module__", None)
    if origin and origin != module_name:
        entry["origin"] = origin
        entry["qualname"] = getattr(value, "__qualname__", None)
    if origin and origin.split(".")[0] != "fastapi":
        return entry  # another library's object: identity is what counts
    params = parameters(value)
    if params is not None:
        entry["parameters"] = params
    return entry


def inventory() -> dict[str, dict[str, Any]]:
    result: dict[str, dict[str, Any]] = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for name in modules():
            module = importlib.import_module(name)
            names = sorted(n for n in vars(module) if not (n.startswith("__") and n.endswith("__")))
            result[name] = {n: describe(name, getattr(module, n)) for n in names}
    return result


if __name__ == "__main__":
    json.dump(inventory(), sys.stdout, indent=1, sort_keys=True)
    sys.stdout.write("\n")
