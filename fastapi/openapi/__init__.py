"""The OpenAPI document, its object model and the interactive docs pages."""

_SUBMODULES = frozenset({"constants", "docs", "models", "utils"})


def __getattr__(name: str) -> object:
    # Imported on first use (see ``fastapi.__getattr__``), reachable as attributes all the same.
    if name in _SUBMODULES:
        import importlib

        return importlib.import_module(f"fastapi.openapi.{name}")
    raise AttributeError(f"module 'fastapi.openapi' has no attribute {name!r}")
