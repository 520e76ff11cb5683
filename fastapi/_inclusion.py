"""``include_router``: each route of the included router declared again, under the prefix.

An inclusion is one more level around the included routes (``fastapi._route_options``):
its settings combine with each route's by the same rules as a router's own. Each kind of
route has its way of being declared again (``include_route``, dispatched on the route's
class); kinds FastAPI 0.116 does not carry over are left out.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from starlette import routing
from starlette.routing import BaseRoute

from fastapi import params
from fastapi._api_route import APIRoute, APIWebSocketRoute
from fastapi._core.declaration import require
from fastapi._lifespan import _merge_lifespan_context as merged_lifespan
from fastapi._route_options import REDECLARED_OPTIONS, outer_first, within
from fastapi.exceptions import FastAPIError

if TYPE_CHECKING:  # pragma: no cover
    from fastapi.routing import APIRouter


@dataclass(frozen=True)
class Inclusion:
    """One ``include_router`` call: where the routes go and what they are placed in."""

    prefix: str
    level: Mapping[str, Any]  # the call's settings, as route options (see ``level_of``)
    # What the included router itself defaults to (its routes may predate those defaults).
    router_defaults: Mapping[str, Any]

    @property
    def dependencies(self) -> list[params.Depends]:
        return list(self.level["dependencies"] or [])


def check_prefix(prefix: str) -> None:
    """FastAPI's rules for a router prefix: ``/api``, not ``api`` nor ``/api/``."""
    if prefix:
        require(prefix.startswith("/"), "A path prefix must start with '/'", fix=f"'/{prefix}'")
        require(
            not prefix.endswith("/"),
            "A path prefix must not end with '/', as the routes will start with '/'",
            fix=repr(prefix.rstrip("/")),
        )


def include(into: APIRouter, router: APIRouter, prefix: str, level: Mapping[str, Any]) -> None:
    """Declare ``router``'s routes, frontends and lifespan again in ``into``, inside ``level``."""
    check_prefix(prefix)
    if not prefix:
        _check_paths_not_empty(router)
    router_defaults = {
        "response_class": router.default_response_class,
        "generate_unique_id_function": router.generate_unique_id_function,
    }
    inclusion = Inclusion(prefix, level, router_defaults)
    for route in router.routes:
        include_route(route, into, inclusion)
    frontends = getattr(router, "frontends", ())  # see fastapi.frontend
    if frontends:
        from fastapi.frontend import add_frontend, included  # loaded by apps that serve one

        for spec in frontends:
            add_frontend(into, included(spec, prefix, inclusion.dependencies))
    for handler in getattr(router, "on_startup", []):
        into.add_event_handler("startup", handler)
    for handler in getattr(router, "on_shutdown", []):
        into.add_event_handler("shutdown", handler)
    into.lifespan_context = merged_lifespan(into.lifespan_context, router.lifespan_context)


def _check_paths_not_empty(router: APIRouter) -> None:
    for route in router.routes:
        path = getattr(route, "path")  # noqa: B009 - FastAPI's AttributeError for a pathless one
        if path is not None and not path:
            name = getattr(route, "name", "unknown")
            raise FastAPIError(f"Prefix and path cannot be both empty (path operation: {name})")


@functools.singledispatch
def include_route(route: BaseRoute, into: APIRouter, inclusion: Inclusion) -> None:
    """Declare ``route`` again in ``into``; a kind not registered below is left out."""


@include_route.register(APIRoute)
def _api_route(route: APIRoute, into: APIRouter, inclusion: Inclusion) -> None:
    declared = {option: getattr(route, option) for option in REDECLARED_OPTIONS}
    into.add_api_route(
        inclusion.prefix + route.path,
        route.endpoint,
        route_class_override=type(route),
        **within(inclusion.level, within(inclusion.router_defaults, declared)),
    )


@include_route.register(routing.Route)
def _route(route: routing.Route, into: APIRouter, inclusion: Inclusion) -> None:
    into.add_route(
        inclusion.prefix + route.path,
        route.endpoint,
        methods=list(route.methods or []),
        include_in_schema=route.include_in_schema,
        name=route.name,
    )


@include_route.register(APIWebSocketRoute)
def _api_websocket_route(route: APIWebSocketRoute, into: APIRouter, inclusion: Inclusion) -> None:
    into.add_api_websocket_route(
        inclusion.prefix + route.path,
        route.endpoint,
        dependencies=outer_first(inclusion.dependencies, route.dependencies),
        name=route.name,
    )


@include_route.register(routing.WebSocketRoute)
def _websocket_route(route: routing.WebSocketRoute, into: APIRouter, inclusion: Inclusion) -> None:
    into.add_websocket_route(inclusion.prefix + route.path, route.endpoint, name=route.name)


@include_route.register(routing.Mount)
def _mount(route: routing.Mount, into: APIRouter, inclusion: Inclusion) -> None:
    # Served, as in FastAPI 0.117+ (0.116 drops it).
    into.routes.append(routing.Mount(inclusion.prefix + route.path, app=route.app, name=route.name))
