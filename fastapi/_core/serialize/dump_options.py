"""How a response model's value is dumped: a route's include/exclude/by-alias bundle, as one value."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any


@dataclass(frozen=True)
class DumpOptions:
    """Pydantic's dump keywords, as ``response_model_include=`` and friends declare them."""

    include: Any = None
    exclude: Any = None
    by_alias: bool = True
    exclude_unset: bool = False
    exclude_defaults: bool = False
    exclude_none: bool = False

    @classmethod
    def of_route(cls, route: object) -> DumpOptions:
        """The bundle a route declares as its ``response_model_<option>`` attributes."""
        return cls(
            **{field.name: getattr(route, f"response_model_{field.name}") for field in fields(cls)}
        )

    def keywords(self) -> dict[str, Any]:
        """For ``TypeAdapter.dump_python``/``dump_json`` (a new dict; the values as given)."""
        return {
            "include": self.include,
            "exclude": self.exclude,
            "by_alias": self.by_alias,
            "exclude_unset": self.exclude_unset,
            "exclude_defaults": self.exclude_defaults,
            "exclude_none": self.exclude_none,
        }


DEFAULT_DUMP = DumpOptions()
