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
from fastapi._app_tasks import LAZY_TASKS
from fastapi._compat import get_cached_model_fields
from fastapi._compat import sequence_types as sequence_types
from fastapi._core.analyse import annotations as ann
from fastapi._core.analyse.dependant import (
    INJECTED,
    MULTIPART_INCORRECT_INSTALL_ERROR,
    MULTIPART_NOT_INSTALLED_ERROR,
    ParamAnalysis,
    add_param,
    analyse_param,
    build_dependant,
    ensure_multipart_installed,
    flat_dependant,
    parameterless_sub_dependant,
    sub_dependant,
)
from fastapi._core.analyse.dependant import (
    should_embed_body_fields as _should_embed_body_fields,
)
from fastapi._core.analyse.field import ModelField, missing_error, param_group_model
from fastapi._core.analyse.signature import evaluate_annotation, return_annotation, typed_signature
from fastapi._core.compile.body import BodyReader
from fastapi._core.compile.body_field import body_field_of
from fastapi._core.compile.plan import CallKind, call_kind, compile_plan
from fastapi._core.compile.readers import fresh, param_readers
from fastapi._core.execute.solve import enter_yield_dependency, read_params, solve
from fastapi._lazy import lazy_attributes, reexports
from fastapi.dependencies.models import Dependant
from fastapi.logger import logger as logger
from fastapi.utils import get_path_param_names as get_path_param_names

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


ParamDetails = ParamAnalysis  # what analyze_param answers: (type_annotation, depends, field)
CacheKey = tuple[Callable[..., Any] | None, tuple[str, ...]]
multipart_not_installed_error = MULTIPART_NOT_INSTALLED_ERROR
multipart_incorrect_install_error = MULTIPART_INCORRECT_INSTALL_ERROR


def get_typed_signature(call: Callable[..., Any]) -> inspect.Signature:
    """The parameters with their annotations evaluated (and no return annotation)."""
    return inspect.Signature(list(typed_signature(call).parameters.values()))


def get_typed_annotation(annotation: Any, globalns: dict[str, Any]) -> Any:
    return evaluate_annotation(annotation, globalns)


def get_typed_return_annotation(call: Callable[..., Any]) -> Any:
    annotation = return_annotation(call)
    return None if annotation is inspect.Signature.empty else annotation


get_dependant = build_dependant


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
    return body_field_of(flat_dependant.body_params, name=name, embed=embed_body_fields)


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
        cache={} if dependency_cache is None else dependency_cache,  # returned filled, as FastAPI's
        background=background_tasks,
        response=response,
        tasks=LAZY_TASKS,
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
    """Raise FastAPI's RuntimeError when python-multipart is missing (or shadowed by the
    unrelated ``multipart`` package); routes check this when a form parameter is declared."""
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
    location = getattr(fields[0].field_info, "in_", params.ParamTypes.query).value
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


# -- smaller helpers of FastAPI's module, on the same machinery ----------------------------------


def add_non_field_param_to_dependency(
    *, param_name: str, type_annotation: Any, dependant: Dependant
) -> bool | None:
    """Record a parameter filled with a framework object (Request, Response...): True if
    ``type_annotation`` is one, else None."""
    for cls, attribute in INJECTED:
        if ann.is_subclass(type_annotation, cls):
            setattr(dependant, attribute, param_name)
            return True
    return None


def add_param_to_fields(*, field: ModelField, dependant: Dependant) -> None:
    """File a path, query, header or cookie field in the dependant's list for its location."""
    add_param(dependant, field)


def is_union_of_base_models(field_type: Any) -> bool:
    """A union whose members are all Pydantic models (``None`` among them: not one)."""
    return ann.is_union_of_models(field_type)


def _get_flat_fields_from_params(fields: list[ModelField]) -> list[ModelField]:
    """A lone model parameter stands for its fields (a query/header/cookie model)."""
    model = param_group_model(fields)
    return fields if model is None else get_cached_model_fields(model)


def _get_multidict_value(
    field: ModelField, values: Mapping[str, Any], alias: str | None = None
) -> Any:
    """The received value of ``field`` (all of them for a sequence); its default when absent
    (or an empty form value), None when it is required."""
    key = alias or field.alias
    multi = ann.is_sequence(field.type_) and hasattr(values, "getlist")
    value = values.getlist(key) if multi else values.get(key)  # type: ignore[attr-defined]
    if (
        value is None
        or (isinstance(field.field_info, params.Form) and value == "")
        or (multi and len(value) == 0)
    ):
        return None if field.required else fresh(field.default)
    return value


def _validate_value_with_model_field(
    *, field: ModelField, value: Any, values: dict[str, Any], loc: tuple[str | int, ...]
) -> tuple[Any, list[Any]]:
    """``(validated, [])``, or ``(None, errors under loc)``; a None value is missing."""
    if value is None:
        if field.required:
            return None, [missing_error(loc)]
        return fresh(field.default), []
    validated, errors = field.validate(value, values, loc=loc)
    return (None, errors) if errors else (validated, [])


async def _extract_form_body(
    body_fields: list[ModelField], received_body: FormData
) -> dict[str, Any]:
    """The form flattened as the body parameters read it: fields by alias (defaults for the
    missing, ``bytes`` files read), then the keys no field claims."""
    reader = BodyReader(
        list(body_fields), embed=_should_embed_body_fields(list(body_fields)), reads_form=True
    )
    return await reader.flatten_form(received_body)


__getattr__ = lazy_attributes(
    __name__,
    {
        **reexports(
            "typing", "Annotated", "Coroutine", "Dict", "ForwardRef", "List", "Optional",
            "Tuple", "Type", "Union", "cast", "get_args", "get_origin",
        ),
        **reexports(
            "fastapi._compat", "ErrorWrapper", "PYDANTIC_V2", "RequiredParam", "Undefined",
            "_regenerate_error_with_loc", "copy_field_info", "create_body_model",
            "evaluate_forwardref", "field_annotation_is_scalar", "get_annotation_from_field_info",
            "get_missing_field_error", "is_bytes_field",
            "is_bytes_sequence_field", "is_scalar_field", "is_scalar_sequence_field",
            "is_sequence_field", "is_uploadfile_or_nonable_uploadfile_annotation",
            "is_uploadfile_sequence_annotation", "lenient_issubclass",
            "serialize_sequence_value", "value_is_sequence",
        ),
        **reexports("fastapi.security.oauth2", "OAuth2", "SecurityScopes"),
        "BackgroundTasks": "fastapi.background",
        "BaseModel": "pydantic",
        "FieldInfo": "pydantic.fields",
        "HTTPConnection": "starlette.requests",
        "ImmutableMultiDict": "starlette.datastructures",
        "UploadFile": "starlette.datastructures",
        "OpenIdConnect": "fastapi.security.open_id_connect_url",
        "SecurityBase": "fastapi.security.base",
        "SecurityRequirement": "fastapi.dependencies.models",
        "anyio": "anyio",
        "contextmanager_in_threadpool": "fastapi.concurrency",
        "create_model_field": "fastapi.utils",
        "deepcopy": "copy",
        "run_in_threadpool": "starlette.concurrency",
    },
)  # fmt: skip
