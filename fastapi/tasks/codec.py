"""Storing a call: the function by importable name, the arguments as JSON.

A stored task may run in another process (after a restart, or in ``fastapi worker``), so
the function must be reachable as ``module:qualified_name`` and the arguments must survive a
trip through JSON. On the way back, arguments are validated against the function's own
annotations, so models, dates, UUIDs, enums... come back as the types the function declares.
"""

from __future__ import annotations

import importlib
import inspect
import json
import sys
import uuid
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter
from pydantic_core import PydanticSerializationError, to_json, to_jsonable_python

_DEDUPE_NAMESPACE = uuid.UUID("5f0c1e9a-7d2b-4c3e-9a41-6b8d2f0e7c15")


class TaskNotStorableError(TypeError):
    """A background task cannot be stored: its function or arguments cannot be persisted."""


_WAYS_OUT = (
    "Either define it where a worker can import it (a module-level function of an importable "
    "module, e.g. the app's module run with `fastapi run`/`fastapi dev`), or keep this task "
    "in memory: background_tasks.options(durable=False).add_task(...)"
)


def unstorable(func: Any, reason: str) -> TaskNotStorableError:
    """The error for a task that cannot be stored: the function, the reason, the ways out."""
    name = getattr(func, "__qualname__", None) or repr(func)
    return TaskNotStorableError(f"Background task {name!r} cannot be stored: {reason}. {_WAYS_OUT}")


def _module_name(func: Callable[..., Any]) -> str:
    module = getattr(func, "__module__", None)
    if module == "__main__":
        return _main_module_name(func)
    if not module:
        raise unstorable(func, "it has no __module__, so it cannot be imported by name")
    return module


def _main_module_name(func: Callable[..., Any]) -> str:
    """The name a worker imports the script run as ``__main__`` by: ``python -m app`` gives
    it; for ``python main.py`` it is the name ``fastapi run/dev/worker main.py`` import the
    file as (its package path from the first directory without ``__init__.py``)."""
    main = sys.modules.get("__main__")
    spec_name = getattr(getattr(main, "__spec__", None), "name", None)
    if spec_name and spec_name != "__main__":
        return str(spec_name)
    file = getattr(main, "__file__", None)
    if not file:
        raise unstorable(func, "it is defined in an interactive session, which no worker imports")
    from fastapi.cli.discover import locate_module

    return locate_module(Path(file)).module


def reference(func: Callable[..., Any]) -> str:
    """``module:qualified_name`` of ``func``, checked to import back to the same object."""
    qualname = getattr(func, "__qualname__", None)
    if not qualname or "<locals>" in qualname or "<lambda>" in qualname:
        raise unstorable(
            func,
            "durable background tasks must be module-level functions (or methods of "
            "module-level classes) that other processes can import by name",
        )
    name = f"{_module_name(func)}:{qualname}"
    if getattr(func, "__module__", None) == "__main__" and _attribute(
        sys.modules["__main__"], qualname
    ) is inspect.unwrap(func):
        return name  # the running script's own function: importing it again would rerun it
    try:
        found = resolve(name)
    except Exception as exc:
        raise unstorable(func, f"importing {name!r} fails ({exc})") from exc
    if not _same_definition(found, func):
        raise unstorable(func, f"{name!r} imports a different object")
    return name


def _attribute(target: Any, qualname: str) -> Any:
    for part in qualname.split("."):
        target = getattr(target, part, None)
    return inspect.unwrap(target) if target is not None else None


def _same_definition(found: Any, func: Any) -> bool:
    """The object a reference imports is the function's own definition.

    Identity, except for a module run as ``__main__`` (``python -m app``), whose importable name
    loads a second copy of it: the same source definition is then what a worker would run.
    """
    found, func = inspect.unwrap(found), inspect.unwrap(func)
    if found is func:
        return True
    found_code, func_code = getattr(found, "__code__", None), getattr(func, "__code__", None)
    if found_code is None or func_code is None:
        return False
    return bool(
        getattr(found, "__qualname__", None) == getattr(func, "__qualname__", None)
        and found_code.co_filename == func_code.co_filename
        and found_code.co_firstlineno == func_code.co_firstlineno
    )


def resolve(name: str) -> Callable[..., Any]:
    """The function a ``module:qualified_name`` reference points to."""
    module_name, _, qualname = name.partition(":")
    target: Any = importlib.import_module(module_name)
    for part in qualname.split("."):
        target = getattr(target, part)
    if not callable(target):
        raise TypeError(f"{name!r} is not callable")
    return target  # type: ignore[no-any-return]


def encode_arguments(
    func: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]
) -> str:
    """The call's arguments as JSON text, or a TaskNotStorableError saying what cannot be stored."""
    try:
        return to_json({"args": list(args), "kwargs": kwargs}).decode()
    except PydanticSerializationError as exc:
        raise unstorable(
            func,
            f"its arguments cannot be stored as JSON ({exc}); durable tasks take JSON-compatible "
            "values, Pydantic models, dataclasses, dates, UUIDs, decimals and enums",
        ) from exc


def encode_result(value: Any) -> str | None:
    """A task's return value as JSON text (None for None); TypeError when JSON cannot carry it."""
    if value is None:
        return None
    try:
        return to_json(value).decode()
    except PydanticSerializationError as exc:
        raise TypeError(f"the return value cannot be stored as JSON ({exc})") from exc


def jsonable_result(value: Any) -> Any:
    """The JSON form of a return value, as an in-memory status shows it."""
    try:
        return to_jsonable_python(value)
    except PydanticSerializationError as exc:
        raise TypeError(f"the return value cannot be shown as JSON ({exc})") from exc


def dedupe_id(key: str) -> str:
    """The task id of a deduplication key: every process derives the same one."""
    return uuid.uuid5(_DEDUPE_NAMESPACE, key).hex


@lru_cache(maxsize=512)
def _adapters(func: Callable[..., Any]) -> tuple[inspect.Signature, dict[str, TypeAdapter[Any]]]:
    signature = inspect.signature(func, eval_str=True)
    adapters = {
        name: TypeAdapter(param.annotation)
        for name, param in signature.parameters.items()
        if param.annotation is not inspect.Parameter.empty
    }
    return signature, adapters


def decode_arguments(
    func: Callable[..., Any], payload: str
) -> tuple[tuple[Any, ...], dict[str, Any]]:
    """The call's arguments, restored to the types the function's annotations declare."""
    data = json.loads(payload)
    args, kwargs = list(data["args"]), dict(data["kwargs"])
    try:
        signature, adapters = _adapters(func)
        bound = signature.bind(*args, **kwargs)
    except (TypeError, ValueError, NameError):
        return tuple(args), kwargs  # leave the mismatch to the call itself, which explains it
    for name, value in list(bound.arguments.items()):
        adapter = adapters.get(name)
        if adapter is None:
            continue
        kind = signature.parameters[name].kind
        if kind is inspect.Parameter.VAR_POSITIONAL:
            bound.arguments[name] = tuple(adapter.validate_python(item) for item in value)
        elif kind is inspect.Parameter.VAR_KEYWORD:
            bound.arguments[name] = {
                key: adapter.validate_python(item) for key, item in value.items()
            }
        else:
            bound.arguments[name] = adapter.validate_python(value)
    return bound.args, bound.kwargs
