"""Signatures with their annotations evaluated, whatever style the module was written in."""

from __future__ import annotations

import inspect
import sys
from collections.abc import Callable
from types import FunctionType
from typing import Any, ForwardRef, get_type_hints


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


def return_annotation(call: Callable[..., Any]) -> Any:
    """The evaluated return annotation of ``call`` (``inspect.Signature.empty`` if none)."""
    if type(call) is FunctionType and not hasattr(call, "__wrapped__"):
        annotation = call.__annotations__.get("return", inspect.Signature.empty)
    else:
        annotation = inspect.signature(call).return_annotation
    return evaluate_annotation(annotation, _namespace_of(call))
