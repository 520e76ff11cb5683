"""What an endpoint returned, made ready for its response class."""

from __future__ import annotations

from typing import Any

from fastapi._core.analyse.field import ModelField
from fastapi._core.serialize.jsonable import jsonable_encoder
from fastapi.exceptions import ResponseValidationError


class ResponseSerializer:
    """Validates against the response model (if any) and dumps to JSON-compatible data."""

    __slots__ = ("_dump", "_options", "_validate", "field")

    def __init__(
        self,
        field: ModelField | None,
        *,
        include: Any = None,
        exclude: Any = None,
        by_alias: bool = True,
        exclude_unset: bool = False,
        exclude_defaults: bool = False,
        exclude_none: bool = False,
    ) -> None:
        self.field = field
        self._options = {
            "include": include,
            "exclude": exclude,
            "by_alias": by_alias,
            "exclude_unset": exclude_unset,
            "exclude_defaults": exclude_defaults,
            "exclude_none": exclude_none,
        }
        if field is not None:
            self._validate = field.validate
            self._dump = field.serialize

    def __call__(self, content: Any) -> Any:
        if self.field is None:
            return jsonable_encoder(content)
        value, errors = self._validate(content, loc=("response",))
        if errors:
            raise ResponseValidationError(errors, body=content)
        return self._dump(value, mode="json", **self._options)
