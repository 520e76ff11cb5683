"""Record the keyword signatures of FastAPI's route-declaring callables, run as a black box.

Run with the reference FastAPI's interpreter, from outside the repository:
    cd /tmp && /tmp/oracle/bin/python /work/main/tools/record_signatures.py > tests/data/route_signatures.json
``tests/test_route_options.py`` checks this package's signatures against the file.
"""

from __future__ import annotations

import inspect
import json
from typing import Any

SIGNED = {
    "fastapi.routing.APIRoute.__init__": ("fastapi.routing", "APIRoute", "__init__"),
    "fastapi.routing.APIRouter.__init__": ("fastapi.routing", "APIRouter", "__init__"),
    "fastapi.routing.APIRouter.include_router": ("fastapi.routing", "APIRouter", "include_router"),
    "fastapi.applications.FastAPI.include_router": (
        "fastapi.applications",
        "FastAPI",
        "include_router",
    ),
    "fastapi.routing.get_request_handler": ("fastapi.routing", None, "get_request_handler"),
}
for owner in ("fastapi.routing.APIRouter", "fastapi.applications.FastAPI"):
    module, cls = owner.rsplit(".", 1)
    for method in (
        "add_api_route",
        "api_route",
        "get",
        "put",
        "post",
        "delete",
        "options",
        "head",
        "patch",
        "trace",
    ):
        SIGNED[f"{owner}.{method}"] = (module, cls, method)


def describe_default(value: Any) -> Any:
    """A JSON value naming a default: placeholders by their wrapped value's name."""
    if value is inspect.Parameter.empty:
        return {"required": True}
    if type(value).__name__ == "DefaultPlaceholder":
        return {"placeholder": describe_default(value.value)}
    if isinstance(value, type) or callable(value):
        return {"object": f"{value.__module__}.{value.__qualname__}"}
    return {"value": value}


def record() -> dict[str, list[dict[str, Any]]]:
    import importlib

    recorded = {}
    for key, (module_name, class_name, attribute) in SIGNED.items():
        owner: Any = importlib.import_module(module_name)
        if class_name:
            owner = getattr(owner, class_name)
        signature = inspect.signature(getattr(owner, attribute))
        recorded[key] = [
            {"name": p.name, "kind": p.kind.name, "default": describe_default(p.default)}
            for p in signature.parameters.values()
        ]
    return recorded


if __name__ == "__main__":
    print(json.dumps(record(), indent=1))
