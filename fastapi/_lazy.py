"""Module attributes imported on first use (PEP 562): what ``import fastapi`` need not load
(the OpenAPI machinery, the security schemes) stays reachable where FastAPI has it."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Collection, Mapping
from typing import Any


def lazy_attributes(
    module: str, names: Mapping[str, str] = {}, submodules: Collection[str] = ()
) -> Callable[[str], Any]:
    """A module ``__getattr__``: ``names`` maps an attribute to the module defining it;
    ``submodules`` are reached as ``module.<name>``."""

    def __getattr__(name: str) -> Any:
        if name in submodules:
            return importlib.import_module(f"{module}.{name}")
        source = names.get(name)
        if source is None:
            raise AttributeError(f"module {module!r} has no attribute {name!r}")
        return getattr(importlib.import_module(source), name)

    return __getattr__
