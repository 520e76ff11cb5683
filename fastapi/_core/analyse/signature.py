"""Signatures with their annotations evaluated, whatever style the module was written in."""

from __future__ import annotations

import inspect
import sys
from collections.abc import Callable
from types import FunctionType
from typing import (
    Any,
    ForwardRef,
    Literal,
    NamedTuple,
    TypeGuard,
    get_args,
    get_origin,
    get_type_hints,
)

EMPTY: Any = inspect.Parameter.empty
_VARARGS, _VARKEYWORDS = inspect.CO_VARARGS, inspect.CO_VARKEYWORDS


def _namespace_of(call: Callable[..., Any]) -> dict[str, Any]:
    """The globals that the annotations of ``call`` were written against."""
    target: Any = call
    if inspect.isclass(call):
        target = vars(call).get("__init__", call.__init__)
    elif not (inspect.isfunction(call) or inspect.ismethod(call)):
        target = getattr(type(call), "__call__", call)  # noqa: B004 - the method, for its globals
    target = inspect.unwrap(target) if callable(target) else target
    namespace = getattr(target, "__globals__", None)
    if namespace is None:
        module = sys.modules.get(getattr(call, "__module__", "") or "")
        namespace = vars(module) if module else {}
    return namespace


def evaluate_annotation(annotation: Any, namespace: dict[str, Any]) -> Any:
    """Evaluate a string annotation, and the quoted names within it (``List["Item"]``), as
    ``typing`` does; one that cannot be resolved stays a ForwardRef."""
    if isinstance(annotation, str):
        try:
            value = eval(annotation, namespace)  # annotations are code the app itself wrote
        except Exception:
            return ForwardRef(annotation)
        if "'" in annotation or '"' in annotation:  # quoted names inside: resolve them too
            return _with_nested_names_resolved(value, namespace)
        return value
    return annotation


def _with_nested_names_resolved(value: Any, namespace: dict[str, Any]) -> Any:
    def holder() -> None: ...

    holder.__annotations__ = {"value": value}
    try:
        return get_type_hints(holder, globalns=namespace, include_extras=True)["value"]
    except Exception:  # a name that does not exist (yet): Pydantic will say which
        return value


def typed_signature(call: Callable[..., Any]) -> inspect.Signature:
    """``inspect.signature`` with every parameter annotation evaluated (the return annotation
    is left as written: see ``return_annotation``)."""
    signature = inspect.signature(call)
    if not any(isinstance(param.annotation, str) for param in signature.parameters.values()):
        return signature  # nothing written as a string: nothing to evaluate
    namespace = _namespace_of(call)
    parameters = [
        param.replace(annotation=evaluate_annotation(param.annotation, namespace))
        for param in signature.parameters.values()
    ]
    return inspect.Signature(parameters)


class Declared(NamedTuple):
    """One parameter as declared: its name, its annotation (evaluated) and its default (both
    ``EMPTY`` when not given); ``resolved`` is False when it names something that does not
    exist yet (a string annotation with a forward reference), which may exist later."""

    name: str
    annotation: Any
    default: Any
    resolved: bool = True


def declared_parameters(call: Callable[..., Any]) -> tuple[Declared, ...]:
    """The parameters of ``call`` in signature order, annotations evaluated.

    A plain function (the endpoints and most dependencies) is read from its code object and
    defaults directly: what ``inspect.signature`` would answer, without building a Signature
    of Parameter objects for every route. Anything else (classes, callable objects, wrapped
    or partial functions, ``__signature__``) goes through ``inspect.signature``.
    """
    if _is_plain_function(call):
        found = _function_parameters(call)
    else:
        found = [
            (n, p.annotation, p.default) for n, p in inspect.signature(call).parameters.items()
        ]
    if not any(isinstance(annotation, str) for _, annotation, _ in found):
        return tuple(Declared(name, annotation, default) for name, annotation, default in found)
    namespace = _namespace_of(call)
    declared = []
    for name, annotation, default in found:
        if isinstance(annotation, str):
            value = evaluate_annotation(annotation, namespace)
            declared.append(Declared(name, value, default, not _names_missing(value)))
        else:
            declared.append(Declared(name, annotation, default))
    return tuple(declared)


def _names_missing(annotation: Any) -> bool:
    """A forward reference left in an evaluated annotation (``Literal``'s strings are values)."""
    if isinstance(annotation, (str, ForwardRef)):
        return True
    return get_origin(annotation) is not Literal and any(map(_names_missing, get_args(annotation)))


def _is_plain_function(call: Any) -> TypeGuard[FunctionType]:
    return type(call) is FunctionType and not (
        hasattr(call, "__wrapped__")
        or hasattr(call, "__signature__")
        or hasattr(call, "_partialmethod")
        or hasattr(call, "__partialmethod__")
    )


def _function_parameters(function: FunctionType) -> list[tuple[str, Any, Any]]:
    """(name, annotation, default) of each parameter, in the order ``inspect.signature``
    lists them: positional, ``*args``, keyword-only, ``**kwargs``."""
    code, annotations = function.__code__, function.__annotations__
    positional, keyword_only = code.co_argcount, code.co_kwonlyargcount
    names = code.co_varnames
    defaults = function.__defaults__ or ()
    keyword_defaults = function.__kwdefaults__ or {}
    first_default = positional - len(defaults)
    found = [
        (
            name,
            annotations.get(name, EMPTY),
            defaults[i - first_default] if i >= first_default else EMPTY,
        )
        for i, name in enumerate(names[:positional])
    ]
    rest = positional + keyword_only
    if code.co_flags & _VARARGS:
        found.append((names[rest], annotations.get(names[rest], EMPTY), EMPTY))
        rest += 1
    found.extend(
        (name, annotations.get(name, EMPTY), keyword_defaults.get(name, EMPTY))
        for name in names[positional : positional + keyword_only]
    )
    if code.co_flags & _VARKEYWORDS:
        found.append((names[rest], annotations.get(names[rest], EMPTY), EMPTY))
    return found


def return_annotation(call: Callable[..., Any]) -> Any:
    """The evaluated return annotation of ``call`` (``inspect.Signature.empty`` if none)."""
    if type(call) is FunctionType and not hasattr(call, "__wrapped__"):
        annotation = call.__annotations__.get("return", inspect.Signature.empty)
    else:
        annotation = inspect.signature(call).return_annotation
    if not isinstance(annotation, str):  # written as a value: nothing to evaluate
        return annotation
    return evaluate_annotation(annotation, _namespace_of(call))
