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

import weakref
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from fastapi._core.analyse.signature import Declared, declared_parameters

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
    key = _declaration_key(param, is_path_param) if param.resolved else None
    try:
        known = _PARAMETERS.get(key) if key is not None else None
    except Exception:  # a default whose equality fails (an array...): not shared
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
    schemas list the members in their own order)."""
    name, annotation, default, _ = param
    shown = annotation if isinstance(annotation, type) else repr(annotation)
    key = (name, annotation, shown, default, type(default), is_path_param)
    try:
        hash(key)
    except TypeError:
        return None
    return key
