"""Parameter markers: where a value comes from, and how it is validated and documented.

They are Pydantic ``FieldInfo`` objects (so every constraint Pydantic knows applies) that also
carry their source (``in_``) and OpenAPI-only metadata. ``Depends``/``Security`` mark
dependencies instead of values.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Sequence
from enum import Enum
from typing import Any, Literal

from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from fastapi._core.declaration import require

Undefined: Any = PydanticUndefined
_Unset: Any = PydanticUndefined

# Keyword arguments forwarded to pydantic's FieldInfo as they are.
_FIELD_INFO_OPTIONS = frozenset(
    {
        "default_factory",
        "annotation",
        "alias",
        "alias_priority",
        "validation_alias",
        "serialization_alias",
        "title",
        "description",
        "gt",
        "ge",
        "lt",
        "le",
        "min_length",
        "max_length",
        "pattern",
        "discriminator",
        "strict",
        "multiple_of",
        "allow_inf_nan",
        "max_digits",
        "decimal_places",
        "examples",
        "deprecated",
        "json_schema_extra",
    }
)
# Options whose "not given" value is None rather than PydanticUndefined.
_NONE_MEANS_UNSET = frozenset(
    {
        "annotation",
        "alias",
        "validation_alias",
        "serialization_alias",
        "title",
        "description",
        "gt",
        "ge",
        "lt",
        "le",
        "min_length",
        "max_length",
        "pattern",
        "discriminator",
        "examples",
        "deprecated",
        "json_schema_extra",
    }
)


def header_name(python_name: str) -> str:
    """The header a parameter named in Python reads when underscores are converted."""
    return python_name.replace("_", "-")


class ParamTypes(Enum):
    query = "query"
    header = "header"
    path = "path"
    cookie = "cookie"


def _field_info_kwargs(default: Any, options: dict[str, Any]) -> dict[str, Any]:
    """Split user options into FieldInfo's own keywords, handling deprecated spellings."""
    regex = options.pop("regex", None)
    if regex is not None:
        warnings.warn(
            "`regex` has been deprecated, please use `pattern` instead",
            category=DeprecationWarning,
            stacklevel=5,
        )
        if options.get("pattern") is None:
            options["pattern"] = regex
    example = options.pop("example", _Unset)
    if example is not _Unset:
        warnings.warn(
            "`example` has been deprecated, please use `examples` instead",
            category=DeprecationWarning,
            stacklevel=5,
        )
    # Unknown keywords (``min_items=``, ``x_custom=``) go to the JSON schema, silently as in
    # FastAPI (Pydantic's own ``Field`` warns about them).
    extra = {k: options.pop(k) for k in list(options) if k not in _FIELD_INFO_OPTIONS}
    kwargs: dict[str, Any] = {"default": default}
    for key, value in options.items():
        if value is _Unset or (value is None and key in _NONE_MEANS_UNSET):
            continue
        kwargs[key] = value
    given = options.get("json_schema_extra")
    # FastAPI's rule: a (truthy) json_schema_extra wins; otherwise the unknown keywords, {} if none.
    kwargs["json_schema_extra"] = given if given and given is not _Unset else extra
    kwargs["__example"] = example
    return kwargs


class Param(FieldInfo):  # type: ignore[misc]
    """A value read from the request's path, query string, headers or cookies."""

    in_: ParamTypes

    def __init__(
        self,
        default: Any = Undefined,
        *,
        openapi_examples: dict[str, Any] | None = None,
        include_in_schema: bool = True,
        **options: Any,
    ) -> None:
        kwargs = _field_info_kwargs(default, options)
        self.example = kwargs.pop("__example")
        self.include_in_schema = include_in_schema
        self.openapi_examples = openapi_examples
        super().__init__(**kwargs)

    def __repr__(self) -> str:
        return f"{self.__class__.__name__}({self.default})"


class Path(Param):  # type: ignore[misc]
    in_ = ParamTypes.path

    def __init__(self, default: Any = ..., **options: Any) -> None:
        require(
            default is ...,
            "Path parameters cannot have a default value",
            fix="a path parameter is always sent: drop the default, or make it a query parameter",
        )
        super().__init__(default, **options)


class Query(Param):  # type: ignore[misc]
    in_ = ParamTypes.query


class Header(Param):  # type: ignore[misc]
    in_ = ParamTypes.header

    def __init__(
        self, default: Any = Undefined, *, convert_underscores: bool = True, **options: Any
    ) -> None:
        self.convert_underscores = convert_underscores
        super().__init__(default, **options)


class Cookie(Param):  # type: ignore[misc]
    in_ = ParamTypes.cookie


class Body(FieldInfo):  # type: ignore[misc]
    """A value read from the request body: JSON by default, a form or files in subclasses."""

    def __init__(
        self,
        default: Any = Undefined,
        *,
        embed: bool | None = None,
        media_type: str = "application/json",
        openapi_examples: dict[str, Any] | None = None,
        include_in_schema: bool = True,
        **options: Any,
    ) -> None:
        kwargs = _field_info_kwargs(default, options)
        self.example = kwargs.pop("__example")
        self.embed = embed
        self.media_type = media_type
        self.include_in_schema = include_in_schema
        self.openapi_examples = openapi_examples
        super().__init__(**kwargs)

    def __repr__(self) -> str:
        return f"{self.__class__.__name__}({self.default})"


class Form(Body):  # type: ignore[misc]
    def __init__(
        self,
        default: Any = Undefined,
        *,
        media_type: str = "application/x-www-form-urlencoded",
        **options: Any,
    ) -> None:
        super().__init__(default, media_type=media_type, **options)


class File(Form):  # type: ignore[misc]
    def __init__(
        self, default: Any = Undefined, *, media_type: str = "multipart/form-data", **options: Any
    ) -> None:
        super().__init__(default, media_type=media_type, **options)


DEPENDENCY_SCOPES = (None, "function", "request")


class Depends:
    """Marks a parameter whose value is the result of calling ``dependency``.

    ``scope`` says when a ``yield`` dependency's exit code runs: ``"function"`` before the
    response is sent, ``"request"`` after it; ``None`` (the default) is ``"function"`` as in
    FastAPI 0.116, except under endpoints that stream, where it is ``"request"``.
    """

    def __init__(
        self,
        dependency: Callable[..., Any] | None = None,
        *,
        use_cache: bool = True,
        scope: Literal["function", "request"] | None = None,
    ) -> None:
        if scope not in DEPENDENCY_SCOPES:
            raise ValueError(f'Depends(scope=...) is "function", "request" or None, not {scope!r}')
        self.dependency = dependency
        self.use_cache = use_cache
        self.scope = scope

    def __repr__(self) -> str:
        name = getattr(self.dependency, "__name__", type(self.dependency).__name__)
        cache = "" if self.use_cache else ", use_cache=False"
        return f"{self.__class__.__name__}({name}{cache})"


class Security(Depends):
    """A dependency that also declares the OAuth2 scopes it requires."""

    def __init__(
        self,
        dependency: Callable[..., Any] | None = None,
        *,
        scopes: Sequence[str] | None = None,
        use_cache: bool = True,
        scope: Literal["function", "request"] | None = None,
    ) -> None:
        super().__init__(dependency=dependency, use_cache=use_cache, scope=scope)
        self.scopes = scopes or []
