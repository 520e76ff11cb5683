"""Analyses reused across routes: a callable, or an equal declaration, is analysed once.

Apps repeat themselves: a dependency (``get_db``, ``current_user``) serves hundreds of
routes, an endpoint is included by several routers, and endpoints declare the same
parameters (``limit: int = 10``, ``item: Item``). A parameter's analysis (its field and
Pydantic adapter) depends only on its declaration and on whether the route's path names it,
so equal ones share one. Each route still gets Dependants of its own (its path, its name).

Both tables hold analyses weakly: an analysis refers to types, which may refer back to the
callable (a model's namespace), so a strong table would keep dropped apps alive. A
Dependant holds the analysis it was built from; the last route using it takes it along.
"""

from __future__ import annotations

import operator
import weakref
from collections.abc import Callable
from typing import Annotated, Any, Generic, TypeVar, get_args

from pydantic.fields import FieldInfo

from fastapi._core.analyse.signature import Declared, declared_parameters
from fastapi._core.params import Depends

_A = TypeVar("_A")


class CallAnalysis(Generic[_A]):
    """A callable's declared parameters, and their analyses by which of them are in the path."""

    __slots__ = ("__weakref__", "by_path", "call", "declared", "keep")

    def __init__(self, call: Callable[..., Any]) -> None:
        self.call = call
        self.declared = declared_parameters(call)
        # A name not defined yet (a forward reference) may be later: analysed anew each time.
        self.keep = all(param.resolved for param in self.declared)
        self.by_path: dict[frozenset[str], tuple[tuple[str, _A], ...]] = {}

    def analysed(
        self, in_path: set[str], analyse: Callable[[Declared, bool], _A]
    ) -> tuple[tuple[str, _A], ...]:
        """(name, analysis) of each parameter; ``analyse(param, is_path_param)`` makes one."""
        path_names = frozenset(param.name for param in self.declared if param.name in in_path)
        analyses = self.by_path.get(path_names)
        if analyses is None:
            analyses = tuple(
                (param.name, shared(param, param.name in path_names, analyse))
                for param in self.declared
            )
            if self.keep:
                self.by_path[path_names] = analyses
        return analyses


_ANALYSES: weakref.WeakValueDictionary[int, CallAnalysis[Any]] = weakref.WeakValueDictionary()


def analysis_of(call: Callable[..., Any]) -> CallAnalysis[Any]:
    """The analysis of ``call``, the one made before while a route still holds it."""
    known = _ANALYSES.get(id(call))
    if known is None or known.call is not call:  # (an id may be reused once its object dies)
        known = _ANALYSES[id(call)] = CallAnalysis(call)
    return known


_PARAMETERS: weakref.WeakValueDictionary[Any, Any] = weakref.WeakValueDictionary()


def shared(param: Declared, is_path_param: bool, analyse: Callable[[Declared, bool], _A]) -> _A:
    """The analysis of an equal declaration made before, else ``analyse(param, is_path_param)``."""
    try:
        key = _declaration_key(param, is_path_param) if param.resolved else None
        known = _PARAMETERS.get(key) if key is not None else None
    except Exception:  # a value whose equality or repr fails (an array...): not shared
        key = known = None
    if known is not None:
        return known  # type: ignore[no-any-return]
    analysis = analyse(param, is_path_param)
    if key is not None:
        _PARAMETERS[key] = analysis
    return analysis


def _declaration_key(param: Declared, is_path_param: bool) -> Any:
    """What one parameter's analysis depends on, or None when it cannot be a dict key. The
    default's type counts (``= 1`` and ``= True`` are equal, but documented apart), and so
    does the annotation's repr (``Union[int, str]`` equals ``Union[str, int]``, whose
    schemas list the members in their own order). Markers (``Query(max_length=50)``,
    ``Depends(get_db)``), which Python compares by identity, count by what they hold, so
    that the same ``Annotated[...]`` written in many endpoints is analysed once."""
    name, annotation, default, _ = param
    if isinstance(default, _MARKERS):
        default_key = _marker_key(default)
    else:
        default_key = (default, type(default))
    key = (name, _annotation_key(annotation), default_key, is_path_param)
    try:
        hash(key)
    except TypeError:
        return None
    return key


_ANNOTATED: Any = type(Annotated[int, 0])
_MARKERS = (FieldInfo, Depends)


def _annotation_key(annotation: Any) -> Any:
    if type(annotation) is _ANNOTATED:
        inner, *metadata = get_args(annotation)
        return (_ANNOTATED, inner, _shown(inner), tuple(map(_metadata_key, metadata)))
    return (annotation, _shown(annotation))


def _shown(annotation: Any) -> Any:
    return annotation if isinstance(annotation, type) else repr(annotation)


def _metadata_key(item: Any) -> Any:
    return _marker_key(item) if isinstance(item, _MARKERS) else _value_key(item)


def _marker_key(marker: Any) -> tuple[Any, ...]:
    """A marker's class and every attribute it holds (slots and instance attributes)."""
    kind = type(marker)
    read = _READERS.get(kind)
    if read is None:
        slots = tuple(name for cls in kind.__mro__ for name in cls.__dict__.get("__slots__", ()))
        read = _READERS[kind] = _slot_reader(slots)
    plain, containers = read(marker)
    try:  # the usual case: plain values, compared with their types (tuples inside too, below)
        hash(plain)
        if any(type(value) in _NESTING for value in plain):
            raise TypeError
        held_key: Any = (plain, tuple(map(type, plain)), containers)
    except TypeError:
        held_key = (tuple(map(_value_key, plain)), containers)
    attributes = getattr(marker, "__dict__", None)
    if not attributes:
        return (kind, held_key)
    return (kind, held_key, tuple((k, _value_key(v)) for k, v in sorted(attributes.items())))


def _slot_reader(slots: tuple[str, ...]) -> Callable[[Any], tuple[tuple[Any, ...], Any]]:
    """What reads a marker's slots: the plain values, and the keys of those that hold
    lists, sets and dicts (``metadata``...); an unset slot reads as ``_UNSET``."""
    plain = tuple(name for name in slots if name not in _CONTAINER_SLOTS)
    others = tuple(name for name in slots if name in _CONTAINER_SLOTS)
    # ``attrgetter`` of two or more names reads them all in one call, as a tuple.
    read_all = operator.attrgetter(*plain) if len(plain) > 1 else None

    def read(marker: Any) -> tuple[tuple[Any, ...], Any]:
        try:
            values = read_all(marker) if read_all is not None else ()
        except AttributeError:  # a slot left unset
            values = None
        if values is None or read_all is None:
            values = tuple(getattr(marker, name, _UNSET) for name in plain)
        return values, tuple(_value_key(getattr(marker, name, _UNSET)) for name in others)

    return read


# FieldInfo's slots that hold lists, sets or dicts.
_CONTAINER_SLOTS = frozenset(
    ("metadata", "_attributes_set", "_qualifiers", "examples", "json_schema_extra")
)
_NESTING = frozenset({tuple, frozenset})
_READERS: dict[
    type[Any], Callable[[Any], tuple[tuple[Any, ...], Any]]
] = {}  # per marker class (a handful)
_UNSET = object()
_PLAIN = frozenset({str, int, float, bool, bytes, type(None)})


def _value_key(value: Any) -> Any:
    """``value`` as a key that also tells apart what compares equal but is written apart
    (``1``, ``1.0``, ``True``; ``Ge(1)``, ``Ge(1.0)``); unhashable values by their repr."""
    kind = type(value)
    if kind in _PLAIN:
        return (kind, value)
    if kind is list or kind is tuple:
        return (kind, tuple(map(_value_key, value)))
    if kind is dict:
        return (kind, tuple((k, _value_key(v)) for k, v in value.items()))
    try:
        hash(value)
    except TypeError:
        return (kind, repr(value))
    return (kind, value, repr(value))
