"""Dependency-analysis helpers that extensions import from FastAPI's module of this name.

They are thin wrappers over ``fastapi._core``: the analysis happens there, once per route.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping, Sequence
from contextlib import AsyncExitStack, asynccontextmanager, contextmanager
from copy import copy
from dataclasses import dataclass
from typing import Any

from starlette.background import BackgroundTasks as StarletteBackgroundTasks
from starlette.datastructures import FormData, Headers, QueryParams
from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket

from fastapi import params
from fastapi._core.analyse.dependant import (
    analyse_param,
    build_dependant,
    flat_dependant,
    parameterless_sub_dependant,
    path_param_names,
    sub_dependant,
)
from fastapi._core.analyse.field import ModelField
from fastapi._core.analyse.signature import evaluate_annotation, return_annotation, typed_signature
from fastapi._core.compile.body import BodyReader
from fastapi._core.compile.body_field import body_field_of
from fastapi._core.compile.plan import CallKind, call_kind, compile_plan
from fastapi._core.compile.readers import param_readers
from fastapi._core.execute.solve import enter_yield_dependency, read_params, solve
from fastapi.dependencies.models import Dependant
from fastapi.tasks.runtime import APP_TASKS

__all__ = [
    "SolvedDependency",
    "analyze_param",
    "get_body_field",
    "get_dependant",
    "get_flat_dependant",
    "get_flat_params",
    "get_parameterless_sub_dependant",
    "get_param_sub_dependant",
    "get_path_param_names",
    "get_sub_dependant",
    "get_typed_annotation",
    "get_typed_return_annotation",
    "get_typed_signature",
    "request_body_to_args",
    "request_params_to_args",
    "solve_dependencies",
    "solve_generator",
]


def get_typed_signature(call: Callable[..., Any]) -> inspect.Signature:
    """The parameters with their annotations evaluated (and no return annotation)."""
    return inspect.Signature(list(typed_signature(call).parameters.values()))


def get_typed_annotation(annotation: Any, globalns: dict[str, Any]) -> Any:
    return evaluate_annotation(annotation, globalns)


def get_typed_return_annotation(call: Callable[..., Any]) -> Any:
    annotation = return_annotation(call)
    return None if annotation is inspect.Signature.empty else annotation


def get_path_param_names(path: str) -> set[str]:
    return path_param_names(path)


def get_dependant(
    *,
    path: str,
    call: Callable[..., Any],
    name: str | None = None,
    security_scopes: list[str] | None = None,
    use_cache: bool = True,
) -> Dependant:
    return build_dependant(
        path=path, call=call, name=name, security_scopes=security_scopes, use_cache=use_cache
    )


def get_sub_dependant(
    *,
    depends: params.Depends,
    dependency: Callable[..., Any],
    path: str,
    name: str | None = None,
    security_scopes: list[str] | None = None,
) -> Dependant:
    if dependency is not depends.dependency:
        depends = copy(depends)
        depends.dependency = dependency
    return sub_dependant(depends=depends, path=path, name=name, security_scopes=security_scopes)


def get_param_sub_dependant(
    *, param_name: str, depends: params.Depends, path: str, security_scopes: list[str] | None = None
) -> Dependant:
    assert depends.dependency
    return sub_dependant(
        depends=depends, path=path, name=param_name, security_scopes=security_scopes
    )


def get_parameterless_sub_dependant(*, depends: params.Depends, path: str) -> Dependant:
    return parameterless_sub_dependant(depends=depends, path=path)


def get_flat_dependant(
    dependant: Dependant, *, skip_repeats: bool = False, visited: list[Any] | None = None
) -> Dependant:
    return flat_dependant(dependant, skip_repeats=skip_repeats, visited=visited)


def get_flat_params(dependant: Dependant) -> list[ModelField]:
    flat = flat_dependant(dependant, skip_repeats=True)
    return flat.path_params + flat.query_params + flat.header_params + flat.cookie_params


def get_body_field(
    *, flat_dependant: Dependant, name: str, embed_body_fields: bool
) -> ModelField | None:
    return body_field_of(flat_dependant, name=name, embed=embed_body_fields)


def analyze_param(*, param_name: str, annotation: Any, value: Any, is_path_param: bool) -> Any:
    return analyse_param(param_name, annotation, value, is_path_param=is_path_param)


@dataclass
class SolvedDependency:
    values: dict[str, Any]
    errors: list[Any]
    background_tasks: StarletteBackgroundTasks | None
    response: Response
    dependency_cache: dict[Any, Any]


async def solve_dependencies(
    *,
    request: Request | WebSocket,
    dependant: Dependant,
    body: Any = None,
    background_tasks: StarletteBackgroundTasks | None = None,
    response: Response | None = None,
    dependency_overrides_provider: Any | None = None,
    dependency_cache: dict[Any, Any] | None = None,
    async_exit_stack: AsyncExitStack,
    embed_body_fields: bool = False,
) -> SolvedDependency:
    """Resolve ``dependant`` for ``request`` (compiled on the spot: for extensions, not routes)."""
    overrides = getattr(dependency_overrides_provider, "dependency_overrides", None) or None
    plan = compile_plan(dependant, embed_body=embed_body_fields, overrides=overrides)
    resolution = await solve(
        plan,
        request,
        body,
        async_exit_stack,
        cache=dependency_cache,
        background=background_tasks,
        response=response,
        tasks=APP_TASKS,
    )
    return SolvedDependency(
        values=resolution.values,
        errors=resolution.errors,
        background_tasks=resolution.background,
        response=resolution.sub_response(),
        dependency_cache=resolution.cache,
    )


def is_coroutine_callable(call: Callable[..., Any]) -> bool:
    return call_kind(call) is CallKind.ASYNC


def is_gen_callable(call: Callable[..., Any]) -> bool:
    return call_kind(call) is CallKind.GENERATOR


def is_async_gen_callable(call: Callable[..., Any]) -> bool:
    return call_kind(call) is CallKind.ASYNC_GENERATOR


def ensure_multipart_is_installed() -> None:
    from fastapi._core.analyse.dependant import ensure_multipart_installed

    ensure_multipart_installed()


# -- helpers extensions call to read values the way routes do ----------------------------------


def request_params_to_args(
    fields: Sequence[ModelField], received_params: Mapping[str, Any] | QueryParams | Headers
) -> tuple[dict[str, Any], list[Any]]:
    """Read and validate one location's parameters (path, query, header or cookie) from what
    the request carried: the values by name, and the errors (empty when all are valid)."""
    values: dict[str, Any] = {}
    errors: list[Any] = []
    if not fields:
        return values, errors
    location = fields[0].field_info.in_.value  # type: ignore[attr-defined]
    source: Any = received_params
    if location == "query" and not isinstance(source, QueryParams):
        source = QueryParams(source)
    elif location == "header" and not isinstance(source, Headers):
        source = Headers(source)
    read_params(param_readers(list(fields), location), source, values, errors)
    return values, errors


async def request_body_to_args(
    body_fields: list[ModelField],
    received_body: dict[str, Any] | FormData | None,
    embed_body_fields: bool,
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Validate the body parameters from a parsed JSON body or form, as routes do."""
    reader = BodyReader(
        list(body_fields), embed=embed_body_fields, reads_form=isinstance(received_body, FormData)
    )
    values: dict[str, Any] = {}
    errors: list[dict[str, Any]] = []
    await reader.read(received_body, values, errors)
    return values, errors


async def solve_generator(
    *, call: Callable[..., Any], stack: AsyncExitStack, sub_values: dict[str, Any]
) -> Any:
    """Enter a yield dependency on ``stack`` (a sync one in a worker thread); its value."""
    if call_kind(call) is CallKind.ASYNC_GENERATOR:
        manager = asynccontextmanager(call)(**sub_values)
        return await enter_yield_dependency(stack, manager, in_thread=False)
    return await enter_yield_dependency(stack, contextmanager(call)(**sub_values), in_thread=True)
