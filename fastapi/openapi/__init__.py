"""The OpenAPI document, its object model and the interactive docs pages."""

from fastapi._lazy import lazy_attributes

# Imported on first use (see ``fastapi/__init__.py``), reachable as attributes all the same.
__getattr__ = lazy_attributes(
    "fastapi.openapi", submodules=("constants", "docs", "models", "utils")
)
