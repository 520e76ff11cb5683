"""Module attributes imported on first use (PEP 562): what ``import fastapi`` need not load
(the OpenAPI machinery, the security schemes) stays reachable where FastAPI has it, and so do
the names FastAPI's modules carry from elsewhere (``typing``, Starlette, Pydantic...), which
extensions import from them."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Collection, Mapping
from typing import Any


def lazy_attributes(
    module: str, names: Mapping[str, str] = {}, submodules: Collection[str] = ()
) -> Callable[[str], Any]:
    """A module ``__getattr__``: ``names`` maps an attribute to the module defining it
    (``"package.module"``, or ``"package.module:attribute"`` when it is named differently
    there; a name mapped to itself, ``{"json": "json"}``, is that module); ``submodules``
    are reached as ``module.<name>``."""

    def __getattr__(name: str) -> Any:
        if name in submodules:
            return importlib.import_module(f"{module}.{name}")
        source = names.get(name)
        if source is None:
            raise AttributeError(f"module {module!r} has no attribute {name!r}")
        source_module, _, attribute = source.partition(":")
        found = importlib.import_module(source_module)
        return found if source == name else getattr(found, attribute or name)

    return __getattr__


def reexports(source: str, *names: str) -> dict[str, str]:
    """``names`` all found in the module ``source`` (a table for ``lazy_attributes``)."""
    return dict.fromkeys(names, source)


def on_first_call(module: str, name: str, source: str) -> Callable[..., Any]:
    """A stand-in for the function ``name`` of ``module``, defined in module ``source``: its
    first call imports ``source`` and puts the function itself in ``module``'s globals, so
    later calls (a hot path's) find the real one, with nothing in between."""

    def first_call(*args: Any, **kwargs: Any) -> Any:
        found = getattr(importlib.import_module(source), name)
        vars(importlib.import_module(module))[name] = found
        return found(*args, **kwargs)

    first_call.__name__ = first_call.__qualname__ = name
    return first_call
