"""What kind of data an annotation describes: a scalar, a sequence, a file, a model...

These predicates decide where an unmarked parameter comes from (a scalar is a query
parameter, anything complex is the body) and how multi-valued sources are read.
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from collections import deque
from collections.abc import Mapping, Sequence
from typing import Annotated, Any, Union, get_args, get_origin

__all__ = [
    "SEQUENCE_TYPES",
    "deque",
    "get_args",
    "get_origin",
    "is_bytes",
    "is_bytes_sequence",
    "is_complex",
    "is_complex_class",
    "is_model_class",
    "is_union_of_models",
    "is_scalar",
    "is_scalar_sequence",
    "is_sequence",
    "is_sequence_class",
    "is_subclass",
    "is_union",
    "is_upload_file",
    "is_upload_file_sequence",
    "strip_annotated",
    "unalias",
]

import typing_extensions
from pydantic import BaseModel
from starlette.datastructures import UploadFile as StarletteUploadFile

_UNION_ORIGINS: tuple[Any, ...] = (Union, types.UnionType)
SEQUENCE_TYPES: tuple[type[Any], ...] = (list, set, tuple, frozenset, deque, Sequence)


def is_subclass(candidate: Any, parents: Any) -> bool:
    """``issubclass`` that answers False for things that are not classes."""
    try:
        return isinstance(candidate, type) and issubclass(candidate, parents)
    except TypeError:  # pragma: no cover - exotic metaclasses
        return False


def is_union(annotation: Any) -> bool:
    return get_origin(annotation) in _UNION_ORIGINS


def strip_annotated(annotation: Any) -> Any:
    while get_origin(annotation) is Annotated:
        annotation = get_args(annotation)[0]
    return annotation


_ALIAS_TYPES: tuple[type[Any], ...] = tuple(
    {
        alias
        for alias in (
            getattr(typing_extensions, "TypeAliasType", None),
            getattr(typing, "TypeAliasType", None),  # ``type X = ...`` (Python 3.12+)
        )
        if isinstance(alias, type)
    }
)


def unalias(annotation: Any) -> Any:
    """The value of a ``type X = ...`` alias (also inside ``Annotated``), so that a parameter
    declared through one is classified and documented as the aliased type."""
    while isinstance(annotation, _ALIAS_TYPES):
        annotation = annotation.__value__
    if get_origin(annotation) is Annotated:
        inner, *metadata = get_args(annotation)
        plain = unalias(inner)
        if plain is not inner:
            arguments = (plain, *metadata)
            annotation = Annotated[arguments]  # type: ignore[valid-type]
    return annotation


def is_sequence_class(annotation: Any) -> bool:
    """A list/set/tuple/deque class itself (not ``list[int]``, not ``str``)."""
    if is_subclass(annotation, (str, bytes)):
        return False
    return is_subclass(annotation, SEQUENCE_TYPES)


def is_sequence(annotation: Any) -> bool:
    """A list/set/tuple/deque type (or a union containing one)."""
    try:
        return _is_sequence_cached(annotation)
    except TypeError:  # an unhashable annotation
        return _is_sequence(annotation)


def _is_sequence(annotation: Any) -> bool:
    annotation = strip_annotated(annotation)
    if is_union(annotation):
        return any(is_sequence(arg) for arg in get_args(annotation))
    return is_sequence_class(annotation) or is_sequence_class(get_origin(annotation))


_is_sequence_cached = functools.lru_cache(maxsize=4096)(_is_sequence)


def is_complex_class(annotation: Any) -> bool:
    """A model, mapping, sequence, file or dataclass class itself (not a generic alias)."""
    return (
        is_subclass(annotation, (BaseModel, Mapping, StarletteUploadFile))
        or is_sequence_class(annotation)
        or (dataclasses.is_dataclass(annotation) and isinstance(annotation, type))
    )


def is_complex(annotation: Any) -> bool:
    """Data that cannot travel as one string: models, mappings, sequences, files, dataclasses."""
    if is_union(annotation):
        return any(is_complex(arg) for arg in get_args(annotation))
    return is_complex_class(annotation) or is_complex_class(get_origin(annotation))


def is_scalar(annotation: Any) -> bool:
    """Not complex: what one string (a path segment, a query value, a header) can carry."""
    try:
        return _is_scalar_cached(annotation)
    except TypeError:  # an unhashable annotation
        return annotation is Ellipsis or not is_complex(annotation)


@functools.lru_cache(maxsize=4096)
def _is_scalar_cached(annotation: Any) -> bool:
    return annotation is Ellipsis or not is_complex(annotation)


def is_scalar_sequence(annotation: Any) -> bool:
    """A sequence of scalars, such as ``list[int]``: what repeated query keys fill."""
    annotation = strip_annotated(annotation)
    if is_union(annotation):
        found_sequence = False
        for arg in get_args(annotation):
            if is_scalar_sequence(arg):
                found_sequence = True
            elif not is_scalar(arg):
                return False
        return found_sequence
    return is_sequence(annotation) and all(is_scalar(arg) for arg in get_args(annotation))


def _without_none(annotation: Any) -> list[Any]:
    annotation = strip_annotated(annotation)
    if is_union(annotation):
        return [arg for arg in get_args(annotation) if arg is not type(None)]
    return [annotation]


def is_bytes(annotation: Any) -> bool:
    """``bytes`` or ``bytes | None``."""
    return any(is_subclass(arg, bytes) for arg in _without_none(annotation))


def is_upload_file(annotation: Any) -> bool:
    """``UploadFile`` or ``UploadFile | None``."""
    return any(is_subclass(arg, StarletteUploadFile) for arg in _without_none(annotation))


def _is_sequence_of(annotation: Any, predicate: Any) -> bool:
    """A sequence whose item types all satisfy ``predicate`` (vacuously true for bare ``list``)."""
    if is_union(annotation):
        return any(_is_sequence_of(arg, predicate) for arg in get_args(annotation))
    return is_sequence(annotation) and all(predicate(arg) for arg in get_args(annotation))


def is_bytes_sequence(annotation: Any) -> bool:
    """``list[bytes]`` and the like."""
    return _is_sequence_of(annotation, is_bytes)


def is_upload_file_sequence(annotation: Any) -> bool:
    """``list[UploadFile]`` and the like (a bare ``list``/``tuple`` counts, having no item type)."""
    return _is_sequence_of(annotation, is_upload_file)


def is_model_class(annotation: Any) -> bool:
    return is_subclass(annotation, BaseModel)


def is_union_of_models(annotation: Any) -> bool:
    """A union whose members are all Pydantic models (``None`` among them: not one)."""
    return is_union(annotation) and all(is_model_class(arg) for arg in get_args(annotation))
