"""Build the ``Dependant`` tree of a callable: its parameters sorted by source, its dependencies.

Every parameter is classified exactly once, here:

- a ``Depends``/``Security`` marker (in ``Annotated`` or as the default): a sub-dependency;
- a framework object by type (``Request``, ``Response``, ``BackgroundTasks``...): injected;
- otherwise a value, located by its marker (``Query()``, ``Body()``...) or, unmarked, by its
  name and type: a path placeholder, a file, a complex type (the body) or a scalar (query).
"""

from __future__ import annotations

import inspect
import logging
import re
from collections.abc import Callable, Iterator
from copy import copy
from dataclasses import dataclass
from typing import Annotated, Any, NoReturn, get_args, get_origin

from pydantic.fields import FieldInfo
from starlette.background import BackgroundTasks as StarletteBackgroundTasks
from starlette.requests import HTTPConnection, Request
from starlette.responses import Response
from starlette.websockets import WebSocket

from fastapi._core import params
from fastapi._core.analyse import annotations as ann
from fastapi._core.analyse import reuse
from fastapi._core.analyse.field import ModelField, create_model_field
from fastapi._core.analyse.signature import Declared
from fastapi._core.declaration import declaring, require
from fastapi._core.dependant import Dependant, SecurityRequirement
from fastapi._core.errors import DependencyScopeError
from fastapi._core.security import SecurityBase, SecurityScopes

Undefined = params.Undefined

# Parameters filled with a framework object, by annotation: (class, Dependant attribute).
INJECTED: tuple[tuple[type[Any], str], ...] = (
    (Request, "request_param_name"),
    (WebSocket, "websocket_param_name"),
    (HTTPConnection, "http_connection_param_name"),
    (Response, "response_param_name"),
    (StarletteBackgroundTasks, "background_tasks_param_name"),
    (SecurityScopes, "security_scopes_param_name"),
)
_INJECTED_TYPES = tuple(cls for cls, _ in INJECTED)
_MARKERS = (params.Param, params.Body, params.Depends)


_BRACED = re.compile(r"{(.*?)}")


def path_param_names(path: str) -> set[str]:
    """What stands between braces, as written: routes pass their ``path_format`` (convertors
    removed); a raw ``/files/{p:path}`` names ``p:path``, as FastAPI's helper answers."""
    return set(_BRACED.findall(path))


@dataclass
class ParamAnalysis:
    type_annotation: Any
    depends: params.Depends | None
    field: ModelField | None


@dataclass
class _Markers:
    """What a parameter's declaration says: its type and the markers found, at most one of
    each kind (one in ``Annotated``, one as the default)."""

    type_: Any
    depends: params.Depends | None = None
    value: FieldInfo | None = None


def _marker_in_annotated(annotation: Any) -> tuple[Any, Any]:
    """(inner type, the last FastAPI marker) of an ``Annotated[...]`` annotation."""
    inner, *metadata = get_args(annotation)
    markers = [m for m in metadata if isinstance(m, _MARKERS)]
    return inner, (markers[-1] if markers else None)


def field_info_from_annotated(marker: FieldInfo, annotation: Any) -> FieldInfo:
    """A copy of ``marker`` carrying the annotation's type and every constraint within it."""
    info = copy(marker)
    inner, *metadata = get_args(annotation)
    if len(metadata) == 1 and _plain_type(inner):
        # The marker is all there is (``Annotated[int, Query(ge=1)]``): its own constraints
        # are the merged ones, which Pydantic would work out at length.
        info.metadata = list(marker.metadata)
        info.annotation = inner
        return info
    merged = FieldInfo.from_annotation(annotation)
    info.metadata = merged.metadata
    info.annotation = merged.annotation
    return info


def _plain_type(annotation: Any) -> bool:
    """A class, a union or a parametrized class: no qualifier (``Final``, ``Required``...)
    that Pydantic would unwrap."""
    if isinstance(annotation, type):
        return True
    origin = get_origin(annotation)
    return isinstance(origin, type) or ann.is_union(annotation)


def _from_annotation(name: str, declared: Any, default: Any, is_path_param: bool) -> _Markers:
    """The marker of an ``Annotated`` declaration; a value marker takes the ``=`` default."""
    if get_origin(declared) is not Annotated:
        return _Markers(declared)
    type_, marker = _marker_in_annotated(declared)
    if isinstance(marker, params.Depends):
        return _Markers(type_, depends=marker)
    if not isinstance(marker, FieldInfo):
        return _Markers(type_)
    value = field_info_from_annotated(marker, declared)
    require(
        value.default is Undefined,
        f"`{value.__class__.__name__}` default value cannot be set in"
        f" `Annotated` for {name!r}. Set the default value with `=` instead.",
        fix=f"`{name}: Annotated[..., {type(marker).__name__}()] = <default>`",
    )
    if default is not inspect.Parameter.empty:
        require(
            not is_path_param,
            "Path parameters cannot have default values",
            fix="a path parameter is always sent: drop the default",
        )
        value.default = default
    return _Markers(type_, value=value)


def _add_default_marker(name: str, default: Any, markers: _Markers) -> None:
    """A marker given as the default (``= Depends(...)``, ``= Query(...)``), if any."""
    if isinstance(default, params.Depends):
        require(
            markers.depends is None,
            f"Cannot specify `Depends` in `Annotated` and default value together for {name!r}",
            fix="keep one of the two `Depends`",
        )
        require(
            markers.value is None,
            f"Cannot specify a FastAPI annotation in `Annotated` and `Depends` as a default value together for {name!r}",
            fix="a parameter is either a dependency or a value from the request",
        )
        markers.depends = default
    elif isinstance(default, FieldInfo):
        require(
            markers.value is None,
            f"Cannot specify FastAPI annotations in `Annotated` and default value together for {name!r}",
            fix="keep the marker in `Annotated` and give the plain default value after `=`",
        )
        markers.value = copy(default)
        markers.value.annotation = markers.type_


def _with_callable(depends: params.Depends, type_: Any) -> params.Depends:
    """A bare ``Depends()`` depends on the annotated class itself."""
    if depends.dependency is not None:
        return depends
    bound = copy(depends)
    bound.dependency = type_
    return bound


def analyse_param(
    name: str, annotation: Any, default: Any, *, is_path_param: bool
) -> ParamAnalysis:
    """Classify one parameter of an endpoint or dependency: a dependency (a ``Response``-typed
    one included), an object injected by type, or a value read from the request."""
    declared = Any if annotation is inspect.Parameter.empty else ann.unalias(annotation)
    markers = _from_annotation(name, declared, default, is_path_param)
    _add_default_marker(name, default, markers)
    type_, depends = markers.type_, markers.depends
    if depends is not None:
        depends = _with_callable(depends, type_)
        if ann.is_subclass(type_, Response):
            return ParamAnalysis(type_, depends, None)
    if ann.is_subclass(type_, _INJECTED_TYPES):
        require(
            depends is None,
            f"Cannot specify `Depends` for type {type_!r}",
            fix="the object is given by its type alone: drop `Depends`",
        )
        require(
            markers.value is None,
            f"Cannot specify FastAPI annotation for type {type_!r}",
            fix="the object is given by its type alone: drop the marker",
        )
        return ParamAnalysis(type_, None, None)
    if depends is not None:
        return ParamAnalysis(type_, depends, None)
    value = markers.value
    if value is None:
        value = _implicit_field_info(declared, type_, default, is_path_param)
    return ParamAnalysis(type_, None, _make_field(name, value, is_path_param, declared))


def _implicit_field_info(
    annotation: Any, type_annotation: Any, default: Any, is_path_param: bool
) -> FieldInfo:
    """Where an unmarked parameter comes from, decided by its name and type."""
    default = Undefined if default is inspect.Parameter.empty else default
    if is_path_param:
        return params.Path(annotation=annotation)
    if ann.is_upload_file(type_annotation) or ann.is_upload_file_sequence(type_annotation):
        return params.File(annotation=annotation, default=default)
    if not ann.is_scalar(type_annotation):
        return params.Body(annotation=annotation, default=default)
    return params.Query(annotation=annotation, default=default)


def _make_field(name: str, field_info: FieldInfo, is_path_param: bool, declared: Any) -> ModelField:
    if is_path_param:
        require(
            isinstance(field_info, params.Path),
            f"Cannot use `{field_info.__class__.__name__}` for path param {name!r}",
            fix=f"declare it with `Path()`, or rename it so that it is not `{{{name}}}` in the path",
        )
    if isinstance(field_info, params.Form):
        ensure_multipart_installed()
    if not field_info.alias and getattr(field_info, "convert_underscores", None):
        field_info.alias = params.header_name(name)
    else:
        field_info.alias = field_info.alias or name
    field = create_model_field(field_info, name, declared=declared)
    if is_path_param:
        require(
            is_scalar_field(field),
            "Path params must be of one of the supported types",
            fix="a path parameter is one scalar (str, int, float, bool, UUID, an Enum...)",
        )
    elif isinstance(field_info, params.Query):
        require(
            is_scalar_field(field)
            or ann.is_scalar_sequence(field.type_)
            or ann.is_model_class(field.type_),
            "",  # FastAPI's message, empty
            fix=f"query parameter {name!r} must be a scalar, a list of scalars or one model;"
            " declare it with `Body()` to read it from the body",
        )
    return field


def is_scalar_field(field: ModelField) -> bool:
    return ann.is_scalar(field.type_) and not isinstance(field.field_info, params.Body)


MULTIPART_NOT_INSTALLED_ERROR = (
    'Form data requires "python-multipart" to be installed. \n'
    'You can install "python-multipart" with: \n\n'
    "pip install python-multipart\n"
)
MULTIPART_INCORRECT_INSTALL_ERROR = (
    'Form data requires "python-multipart" to be installed. '
    'It seems you installed "multipart" instead. \n'
    'You can remove "multipart" with: \n\n'
    "pip uninstall multipart\n\n"
    'And then install "python-multipart" with: \n\n'
    "pip install python-multipart\n"
)


def ensure_multipart_installed() -> None:
    """Forms need python-multipart: say so when the route is declared, not on first request.

    Its old import name was ``multipart`` (with a ``multipart.multipart`` module); the
    unrelated package of that name lacks it, and gets a message of its own.
    """
    try:
        from python_multipart import __version__  # noqa: F401

        return
    except ImportError:
        pass
    try:
        from multipart import __version__ as version  # type: ignore[import-untyped,no-redef]
    except ImportError:
        _multipart_error(MULTIPART_NOT_INSTALLED_ERROR)
    assert version
    try:
        from multipart.multipart import parse_options_header  # type: ignore[import-untyped]  # noqa: F401
    except ImportError:
        _multipart_error(MULTIPART_INCORRECT_INSTALL_ERROR)


def _multipart_error(message: str) -> NoReturn:
    logging.getLogger("fastapi").error(message)
    raise RuntimeError(message) from None


def build_dependant(
    *,
    path: str,
    call: Callable[..., Any],
    name: str | None = None,
    security_scopes: list[str] | None = None,
    use_cache: bool = True,
) -> Dependant:
    """Analyse ``call`` (and, recursively, its dependencies) for a route at ``path``."""
    dependant = Dependant(
        call=call, name=name, path=path, security_scopes=security_scopes, use_cache=use_cache
    )
    owner = getattr(call, "__qualname__", None) or type(call).__qualname__
    known = reuse.analysis_of(call)
    dependant.__dict__["_analysis"] = known  # keeps the shared analysis alive (see reuse)

    def analyse(param: Declared, is_path_param: bool) -> ParamAnalysis:
        with declaring(f"parameter {param.name!r} of {owner}"):
            return analyse_param(
                param.name, param.annotation, param.default, is_path_param=is_path_param
            )

    for param_name, analysis in known.analysed(path_param_names(path), analyse):
        with declaring(f"parameter {param_name!r} of {owner}"):
            _place(dependant, param_name, analysis, path, security_scopes)
    return dependant


def _place(
    dependant: Dependant,
    name: str,
    analysis: ParamAnalysis,
    path: str,
    security_scopes: list[str] | None,
) -> None:
    """Put one analysed parameter where it belongs: a sub-dependency, an injected object, the
    body, or a parameter list by source."""
    if analysis.depends is not None:
        dependant.dependencies.append(
            sub_dependant(
                depends=analysis.depends, path=path, name=name, security_scopes=security_scopes
            )
        )
    elif analysis.field is None:
        for cls, attribute in INJECTED:
            if ann.is_subclass(analysis.type_annotation, cls):
                setattr(dependant, attribute, name)
                break
    elif isinstance(analysis.field.field_info, params.Body):
        dependant.body_params.append(analysis.field)
    else:
        add_param(dependant, analysis.field)


_PARAM_LISTS = {
    params.ParamTypes.path: "path_params",
    params.ParamTypes.query: "query_params",
    params.ParamTypes.header: "header_params",
    params.ParamTypes.cookie: "cookie_params",
}


def add_param(dependant: Dependant, field: ModelField) -> None:
    """File ``field`` under its location; the base ``Param`` marker (no location of its own)
    declares a query parameter, as in FastAPI."""
    location = getattr(field.field_info, "in_", None)
    if location is None and isinstance(field.field_info, params.Param):
        location = params.ParamTypes.query
    attribute = _PARAM_LISTS.get(location)  # type: ignore[arg-type]
    require(
        attribute is not None,
        f"non-body parameters must be in path, query, header or cookie: {field.name}",
    )
    getattr(dependant, str(attribute)).append(field)


def sub_dependant(
    *,
    depends: params.Depends,
    path: str,
    name: str | None = None,
    security_scopes: list[str] | None = None,
) -> Dependant:
    """The Dependant of a ``Depends``/``Security`` marker.

    Scopes accumulate down the chain in one shared list, as FastAPI does: a dependency sees
    the scopes its parents required as well as its own.
    """
    scopes = security_scopes if security_scopes else []
    if isinstance(depends, params.Security):
        scopes.extend(depends.scopes)
    dependency = depends.dependency
    assert dependency is not None
    dependant = build_dependant(
        path=path, call=dependency, name=name, security_scopes=scopes, use_cache=depends.use_cache
    )
    dependant.scope = getattr(depends, "scope", None)
    _check_scopes(dependant)
    if isinstance(dependency, SecurityBase):
        dependant.security_requirements.append(
            SecurityRequirement(
                security_scheme=dependency, scopes=scopes if dependency.uses_scopes else []
            )
        )
    return dependant


def _check_scopes(dependant: Dependant) -> None:
    """A dependency exiting after the response cannot use one that exited before it."""
    if dependant.scope != "request":
        return
    for sub in dependant.dependencies:
        if sub.scope == "function":
            name = getattr(dependant.call, "__name__", type(dependant.call).__name__)
            raise DependencyScopeError(
                f'The dependency "{name}" has a scope of "request", it cannot depend on '
                'dependencies with scope "function".'
            )


def parameterless_sub_dependant(*, depends: params.Depends, path: str) -> Dependant:
    """A dependency listed in ``dependencies=[...]``: run for its effect, its value unused."""
    require(
        callable(depends.dependency),
        "A parameter-less dependency must have a callable dependency",
        fix="`dependencies=[Depends(a_function)]`",
    )
    return sub_dependant(depends=depends, path=path)


# What a flattened Dependant gathers from every node of the tree.
_GATHERED = (
    "path_params",
    "query_params",
    "header_params",
    "cookie_params",
    "body_params",
    "security_requirements",
)


def flat_dependant(
    dependant: Dependant, *, skip_repeats: bool = False, visited: list[Any] | None = None
) -> Dependant:
    """All parameters of the tree in one Dependant (what the body and OpenAPI are built from),
    the root's first, then each dependency's, depth first."""
    flat = Dependant(use_cache=dependant.use_cache, path=dependant.path)
    for node in _depth_first(dependant, skip_repeats, [] if visited is None else visited):
        for group in _GATHERED:
            getattr(flat, group).extend(getattr(node, group))
    return flat


def gathered_body_params(dependant: Dependant) -> list[ModelField]:
    """The body parameters of the whole tree, in ``flat_dependant``'s order, without
    flattening the rest."""
    found: list[ModelField] = []
    for node in _depth_first(dependant, False, []):
        found.extend(node.body_params)
    return found


def _depth_first(
    dependant: Dependant, skip_repeats: bool, visited: list[Any]
) -> Iterator[Dependant]:
    """The tree's nodes in call-declaration order; a dependency seen before (same callable and
    scopes) is left out with its subtree when ``skip_repeats``."""
    visited.append(dependant.cache_key)
    yield dependant
    for sub in dependant.dependencies:
        if not (skip_repeats and sub.cache_key in visited):
            yield from _depth_first(sub, skip_repeats, visited)


def should_embed_body_fields(fields: list[ModelField]) -> bool:
    """Whether the body is an object keyed by parameter name, rather than the value itself."""
    if not fields:
        return False
    if len({field.name for field in fields}) > 1:
        return True
    first = fields[0]
    if getattr(first.field_info, "embed", None):
        return True
    # A lone form model (or union of models) is the whole form; any other form field is a key.
    return isinstance(first.field_info, params.Form) and not (
        ann.is_model_class(first.type_) or ann.is_union_of_models(first.type_)
    )
