"""The whole document: info and servers, the routes' and webhooks' path items, components.

The assembled document is validated through :class:`fastapi.openapi.models.OpenAPI`, which
decides its final shape (key order, URLs, dropped ``None`` values).
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from starlette.routing import BaseRoute

from fastapi.openapi._build.operation import OperationContext, document_route
from fastapi.openapi._build.responses import VALIDATION_DEFINITIONS
from fastapi.openapi._build.route_inputs import inputs_memo
from fastapi.openapi._build.schemas import (
    DocumentSchemaGenerator,
    FieldSchemas,
    documented_fields,
    generate_schemas,
)
from fastapi.routing import APIRoute


def build_document(
    head: dict[str, Any],
    routes: Sequence[BaseRoute],
    webhooks: Sequence[BaseRoute],
    tail: dict[str, Any],
    separate_input_output_schemas: bool,
) -> dict[str, Any]:
    """``head`` (openapi, info, servers) and ``tail`` (tags, externalDocs) around the
    components, paths and webhooks of the routes, as a JSON-ready dict."""
    with _collector_paused():
        # Only the result is alive when the collector resumes: it has less to walk.
        described = _described(routes, webhooks, separate_input_output_schemas)
        dumped = _validated({**head, **described, **tail})
        del described
    return dumped


def _described(
    routes: Sequence[BaseRoute], webhooks: Sequence[BaseRoute], separate_input_output: bool
) -> dict[str, Any]:
    """The components, paths and (when there are some) webhooks of the document."""
    inputs_of = inputs_memo()
    fields = documented_fields([*routes, *webhooks], inputs_of)
    mapping, definitions = generate_schemas(
        fields, DocumentSchemaGenerator(), separate_input_output
    )
    context = OperationContext(FieldSchemas(mapping, separate_input_output), inputs_of)
    components: dict[str, Any] = {}
    paths = _path_items(routes, context, components, definitions)
    webhook_items = _path_items(webhooks, context, components, definitions)
    if definitions:
        components["schemas"] = {name: definitions[name] for name in sorted(definitions)}
    described: dict[str, Any] = {"components": components} if components else {}
    described["paths"] = paths
    if webhook_items:
        described["webhooks"] = webhook_items
    return described


def _path_items(
    routes: Sequence[BaseRoute],
    context: OperationContext,
    components: dict[str, Any],
    definitions: dict[str, Any],
) -> dict[str, dict[str, Any]]:
    """The path items of ``routes`` by path (routes sharing a path share one), collecting
    their security schemes and, when needed, the validation error models."""
    items: dict[str, dict[str, Any]] = {}
    for route in routes:
        if not isinstance(route, APIRoute):
            continue
        documented = document_route(route, context)
        if documented.path_item:
            items.setdefault(route.path_format, {}).update(documented.path_item)
        if documented.security_schemes:
            components.setdefault("securitySchemes", {}).update(documented.security_schemes)
        if documented.validates:
            definitions.update(VALIDATION_DEFINITIONS)
    return items


def _validated(document: dict[str, Any]) -> dict[str, Any]:
    """The document through the OpenAPI model, dumped by alias, without ``None`` values
    (nor keys starting with ``_sa``, as FastAPI's encoder drops them) at any depth."""
    from fastapi.openapi.models import OpenAPI  # its models are built on first use

    dumped = OpenAPI.model_validate(document).model_dump(
        mode="json", by_alias=True, exclude_none=True
    )
    _drop_empty_values(dumped)
    return dumped


def _drop_empty_values(value: Any) -> None:
    """Remove, in place, what the encoder leaves out of a dumped (JSON-typed) tree: walked
    with a stack (no call per node), and a dict rebuilt only when it holds something to drop
    (most hold nothing)."""
    stack = [value] if type(value) is dict or type(value) is list else []
    pop, push = stack.pop, stack.append
    while stack:
        node = pop()
        children: Iterable[Any]
        if type(node) is dict:
            for key, item in node.items():
                if item is None or key[:3] == "_sa":
                    _drop_from(node)
                    break
            children = node.values()
        else:
            children = node
        for child in children:
            if type(child) is dict or type(child) is list:
                push(child)


def _drop_from(node: dict[str, Any]) -> None:
    for key in [key for key, item in node.items() if item is None or key[:3] == "_sa"]:
        del node[key]


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector paused while a document is built: the build allocates
    tens of thousands of dicts and lists, and each collection would walk the whole app
    (about a third of the build time of a large app). What it leaves behind is collected
    once the collector runs again."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
