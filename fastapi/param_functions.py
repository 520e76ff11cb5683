"""The functions users call in signatures: ``q: str = Query(...)``, ``Annotated[int, Path()]``."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Literal, TypedDict

from pydantic import AliasChoices, AliasPath
from typing_extensions import Unpack

from fastapi import params
from fastapi._lazy import lazy_attributes, reexports
from fastapi.params import Undefined


class FieldOptions(TypedDict, total=False):
    """Validation and documentation options shared by every parameter marker."""

    default_factory: Callable[[], Any] | None
    alias: str | None
    alias_priority: int | None
    validation_alias: str | AliasPath | AliasChoices | None
    serialization_alias: str | None
    title: str | None
    description: str | None
    gt: float | None
    ge: float | None
    lt: float | None
    le: float | None
    min_length: int | None
    max_length: int | None
    pattern: str | None
    regex: str | None  # deprecated spelling of `pattern`
    discriminator: str | None
    strict: bool | None
    multiple_of: float | None
    allow_inf_nan: bool | None
    max_digits: int | None
    decimal_places: int | None
    examples: list[Any] | None
    example: Any  # deprecated: use `examples`
    openapi_examples: dict[str, Any] | None
    deprecated: Any
    include_in_schema: bool
    json_schema_extra: dict[str, Any] | None


class HeaderOptions(FieldOptions, total=False):
    convert_underscores: bool


class BodyOptions(FieldOptions, total=False):
    embed: bool | None
    media_type: str


def Path(default: Any = ..., **options: Unpack[FieldOptions]) -> Any:
    """A path parameter: always required."""
    return params.Path(default, **options)


def Query(default: Any = Undefined, **options: Unpack[FieldOptions]) -> Any:
    """A query-string parameter."""
    return params.Query(default, **options)


def Header(default: Any = Undefined, **options: Unpack[HeaderOptions]) -> Any:
    """A request header; underscores in the name become hyphens unless told otherwise."""
    return params.Header(default, **options)


def Cookie(default: Any = Undefined, **options: Unpack[FieldOptions]) -> Any:
    """A request cookie."""
    return params.Cookie(default, **options)


def Body(default: Any = Undefined, **options: Unpack[BodyOptions]) -> Any:
    """A value from the JSON body; ``embed=True`` expects it under its own key."""
    return params.Body(default, **options)


def Form(default: Any = Undefined, **options: Unpack[BodyOptions]) -> Any:
    """A form field (urlencoded or multipart)."""
    return params.Form(default, **options)


def File(default: Any = Undefined, **options: Unpack[BodyOptions]) -> Any:
    """An uploaded file in a multipart form."""
    return params.File(default, **options)


def Depends(
    dependency: Callable[..., Any] | None = None,
    *,
    use_cache: bool = True,
    scope: Literal["function", "request"] | None = None,
) -> Any:
    """Inject the result of calling ``dependency`` (the annotation when omitted); ``scope``:
    a ``yield`` dependency exits before (``"function"``) or after (``"request"``) the response
    is sent."""
    return params.Depends(dependency=dependency, use_cache=use_cache, scope=scope)


def Security(
    dependency: Callable[..., Any] | None = None,
    *,
    scopes: Sequence[str] | None = None,
    use_cache: bool = True,
    scope: Literal["function", "request"] | None = None,
) -> Any:
    """Like ``Depends``, also requiring OAuth2 ``scopes``."""
    return params.Security(dependency=dependency, scopes=scopes, use_cache=use_cache, scope=scope)


# Names FastAPI's module carries from elsewhere, which extensions import from it.
__getattr__ = lazy_attributes(
    __name__,
    {
        **reexports("typing", "Annotated", "Dict", "List", "Optional", "Union"),
        "Doc": "typing_extensions",
        "deprecated": "typing_extensions",
        "Example": "fastapi.openapi.models",
        "_Unset": "pydantic_core:PydanticUndefined",
    },
)
