"""Parameter markers: where a value comes from, and how it is validated and documented.

They are Pydantic ``FieldInfo`` objects (so every constraint Pydantic knows applies) that also
carry their source (``in_``) and OpenAPI-only metadata. ``Depends``/``Security`` mark
dependencies instead of values.
"""

from __future__ import annotations

import sys
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
# Options whose "not given" value is PydanticUndefined; for the others it is None.
_UNDEFINED_MEANS_UNSET = frozenset(
    {
        "default_factory",
        "alias_priority",
        "strict",
        "multiple_of",
        "allow_inf_nan",
        "max_digits",
        "decimal_places",
    }
)
_NONE_MEANS_UNSET = _FIELD_INFO_OPTIONS - _UNDEFINED_MEANS_UNSET


def header_name(python_name: str) -> str:
    """The header a parameter named in Python reads when underscores are converted."""
    return python_name.replace("_", "-")


class ParamTypes(Enum):
    query = "query"
    header = "header"
    path = "path"
    cookie = "cookie"


def _warn_renamed(old: str, new: str) -> None:
    """Warn at the user's ``Query(regex=...)`` call: the first frame outside this package
    (markers subclass each other, so the depth differs by marker)."""
    frame, level = sys._getframe(1), 2
    while frame.f_back is not None and frame.f_globals.get("__name__", "").startswith("fastapi."):
        frame, level = frame.f_back, level + 1
    warnings.warn(
        f"`{old}` has been deprecated, please use `{new}` instead",
        category=DeprecationWarning,
        stacklevel=level,
    )


def _field_info_kwargs(default: Any, options: dict[str, Any]) -> dict[str, Any]:
    """Split user options into FieldInfo's own keywords, handling deprecated spellings."""
    regex = options.pop("regex", None)
    if regex is not None:
        _warn_renamed("regex", "pattern")
        if options.get("pattern") is None:
            options["pattern"] = regex
    example = options.pop("example", _Unset)
    if example is not _Unset:
        _warn_renamed("example", "examples")
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


def _init_value_marker(
    marker: FieldInfo,
    default: Any,
    options: dict[str, Any],
    openapi_examples: dict[str, Any] | None,
    include_in_schema: bool,
) -> None:
    """What every value marker (``Param``, ``Body`` and their kinds) sets up: the OpenAPI-only
    options, then Pydantic's own ``FieldInfo`` from the rest."""
    kwargs = _field_info_kwargs(default, options)
    marker.example = kwargs.pop("__example")  # type: ignore[attr-defined]
    marker.include_in_schema = include_in_schema  # type: ignore[attr-defined]
    marker.openapi_examples = openapi_examples  # type: ignore[attr-defined]
    FieldInfo.__init__(marker, **kwargs)


def _marker_repr(marker: FieldInfo) -> str:
    return f"{marker.__class__.__name__}({marker.default})"


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
        _init_value_marker(self, default, options, openapi_examples, include_in_schema)

    __repr__ = _marker_repr


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
        self.embed = embed
        self.media_type = media_type
        _init_value_marker(self, default, options, openapi_examples, include_in_schema)

    __repr__ = _marker_repr


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
