"""The common ground of every security scheme."""

from typing import Any

from fastapi._core.security import SecurityBase as SecurityBase


def __getattr__(name: str) -> Any:
    # ``SecurityBaseModel`` (the OpenAPI model) is imported on demand: the OpenAPI models are
    # not needed to serve requests.
    if name == "SecurityBaseModel":
        from fastapi.openapi.models import SecurityBase

        return SecurityBase
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
