"""Request data structures, and the marker that tells a user-given option from a default."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, BinaryIO, Generic, TypeVar, cast

from pydantic import GetJsonSchemaHandler
from pydantic_core import CoreSchema, core_schema
from starlette.datastructures import URL as URL
from starlette.datastructures import Address as Address
from starlette.datastructures import FormData as FormData
from starlette.datastructures import Headers as Headers
from starlette.datastructures import QueryParams as QueryParams
from starlette.datastructures import State as State
from starlette.datastructures import UploadFile as StarletteUploadFile

from fastapi._lazy import lazy_attributes, reexports

__all__ = [
    "URL",
    "Address",
    "Default",
    "DefaultPlaceholder",
    "FormData",
    "Headers",
    "QueryParams",
    "State",
    "UploadFile",
]


class UploadFile(StarletteUploadFile):
    """An uploaded file: declare a parameter with this type to receive one.

    The object received is the one the form parser made; this class adds what Pydantic
    needs to validate and document it (``{"type": "string", "format": "binary"}``). Its
    async ``read``, ``write``, ``seek`` and ``close`` are Starlette's: in a worker thread once
    the upload has rolled over to a file on disk.
    """

    file: BinaryIO
    filename: str | None
    size: int | None
    headers: Headers
    content_type: str | None  # type: ignore[assignment]

    @classmethod
    def _validate(cls, value: Any, _info: Any = None) -> Any:
        if not isinstance(value, StarletteUploadFile):
            raise ValueError(f"Expected UploadFile, received: {type(value)}")
        return value

    @classmethod
    def validate(cls: type[UploadFileT], v: Any) -> UploadFileT:
        return cast(UploadFileT, cls._validate(v))

    @classmethod
    def __get_validators__(cls) -> Any:
        yield cls.validate

    @classmethod
    def __get_pydantic_json_schema__(
        cls, core: CoreSchema, handler: GetJsonSchemaHandler
    ) -> dict[str, Any]:
        return {"type": "string", "format": "binary"}

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: type[Any], handler: Callable[[Any], CoreSchema]
    ) -> CoreSchema:
        return core_schema.with_info_plain_validator_function(cls._validate)


UploadFileT = TypeVar("UploadFileT", bound=UploadFile)
DefaultType = TypeVar("DefaultType")


class DefaultPlaceholder(Generic[DefaultType]):
    """Wraps a default so that code can tell it apart from a value the user passed."""

    def __init__(self, value: DefaultType) -> None:
        self.value = value

    def __bool__(self) -> bool:
        return bool(self.value)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, DefaultPlaceholder) and other.value == self.value

    __hash__ = None  # type: ignore[assignment]


def Default(value: DefaultType) -> DefaultType:
    """Mark ``value`` as a default; typed as the value so signatures stay readable."""
    return cast(DefaultType, DefaultPlaceholder(value))


# Names FastAPI's module carries from elsewhere, which extensions import from it.
__getattr__ = lazy_attributes(
    __name__,
    {
        **reexports("typing", "Annotated", "Dict", "Iterable", "Optional", "Type"),
        "Doc": "typing_extensions",
        "JsonSchemaValue": "pydantic.json_schema",
        "PYDANTIC_V2": "fastapi._compat",
        "with_info_plain_validator_function": "pydantic_core.core_schema",
    },
)
