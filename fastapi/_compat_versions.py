"""The Pydantic version, as extensions read it (kept dependency-free for early imports)."""

from pydantic import VERSION as PYDANTIC_VERSION

__all__ = ["PYDANTIC_VERSION", "PYDANTIC_VERSION_MINOR_TUPLE"]

PYDANTIC_VERSION_MINOR_TUPLE = tuple(int(part) for part in PYDANTIC_VERSION.split(".")[:2])
