"""``app.frontend(path, directory=...)``: serve a built single-page app beside the API.

The frontend answers only what no route answers (it is the router's fallback, after the
trailing-slash redirect), so API routes declared before or after it keep precedence.
Files are served as they are built (Starlette's ``StaticFiles``). For a path that is no
file, ``fallback`` decides: ``"index.html"`` answers browser navigations (GET/HEAD asking
for ``text/html``) with the app's ``index.html``, so client-side routes survive a reload;
``"404.html"`` answers with that page and status 404; ``None`` leaves the 404 to the app;
``"auto"`` is ``"404.html"`` when the directory has one, else ``"index.html"``. The
dependencies of the router it is declared on (and of the routers including it) run first.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from starlette._utils import get_route_path
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

from fastapi import params

Fallback = Literal["auto", "index.html", "404.html"] | None
FALLBACKS = ("auto", "index.html", "404.html", None)


@dataclass
class FrontendSpec:
    """A frontend as declared on a router (carried over by ``include_router``)."""

    path: str
    directory: str | os.PathLike[str]
    fallback: Fallback = "auto"
    check_dir: bool | Literal["auto"] = "auto"
    dependencies: list[params.Depends] = field(default_factory=list)


def check_spec(spec: FrontendSpec) -> None:
    """Declaration errors, naming the frontend and the fix."""
    if spec.fallback not in FALLBACKS:
        raise AssertionError(
            f"frontend({spec.path!r}): fallback must be 'auto', 'index.html', '404.html', or None"
        )
    if not spec.path.startswith("/"):
        raise AssertionError(f"frontend({spec.path!r}): the path must start with '/'")
    if spec.check_dir is not False and not Path(spec.directory).is_dir():
        raise RuntimeError(
            f"Frontend directory {str(spec.directory)!r} does not exist. Resolved absolute "
            f"path: {str(Path(spec.directory).resolve())!r}. Build the frontend first, or pass "
            "check_dir=False to declare it before it is built."
        )


def _navigation(request: Request) -> bool:
    return request.method in ("GET", "HEAD") and "text/html" in request.headers.get("accept", "")


class Frontend:
    """One mounted frontend: owns the paths under its prefix that no route answered."""

    def __init__(self, spec: FrontendSpec) -> None:
        from starlette.staticfiles import StaticFiles

        from fastapi.routing import APIRoute  # the route machinery runs its dependencies

        self.spec = spec
        self.prefix = spec.path.rstrip("/")
        self.directory = Path(spec.directory)
        self.files = StaticFiles(directory=spec.directory, check_dir=False)
        self.route = APIRoute(
            self.prefix + "/{frontend_path:path}",
            self._serve,
            dependencies=spec.dependencies,
            include_in_schema=False,
            methods=["GET", "HEAD"],
            name=f"frontend:{spec.path}",
        )

    def owns(self, path: str) -> bool:
        return path == self.prefix or path.startswith(self.prefix + "/")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if get_route_path(scope) == self.prefix:  # "/app" -> "/app/", where relative URLs resolve
            url = Request(scope).url
            await RedirectResponse(url.replace(path=url.path + "/"))(scope, receive, send)
            return
        _, child_scope = self.route.matches(scope)
        scope.update(child_scope)
        await self.route.handle(scope, receive, send)

    async def _serve(self, request: Request) -> Response:
        relative = request.path_params["frontend_path"]
        if relative == "" or relative.endswith("/"):
            relative += "index.html"
        try:
            return await self.files.get_response(relative, request.scope)
        except HTTPException as error:
            if error.status_code != 404:
                raise
        fallback = self.spec.fallback
        if fallback == "auto":
            fallback = "404.html" if (self.directory / "404.html").is_file() else "index.html"
        if fallback == "404.html" and (self.directory / "404.html").is_file():
            return FileResponse(self.directory / "404.html", status_code=404)
        if fallback == "index.html" and _navigation(request):
            return FileResponse(self.directory / "index.html")
        raise HTTPException(status_code=404)


class FrontendFallback:
    """The router's ``default``: the frontends first (the longest prefix wins), then what the
    router answered before (its 404)."""

    def __init__(self, then: ASGIApp) -> None:
        self.then = then
        self.frontends: list[Frontend] = []

    def add(self, frontend: Frontend) -> None:
        self.frontends.append(frontend)
        self.frontends.sort(key=lambda item: len(item.prefix), reverse=True)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] in ("GET", "HEAD"):
            path = get_route_path(scope)
            for frontend in self.frontends:
                if frontend.owns(path):
                    await frontend(scope, receive, send)
                    return
        await self.then(scope, receive, send)


def add_frontend(router: Any, spec: FrontendSpec) -> None:
    """Serve ``spec`` from ``router`` (its fallback) and remember it for ``include_router``."""
    check_spec(spec)
    router.__dict__.setdefault("frontends", []).append(spec)
    fallback = router.default
    if not isinstance(fallback, FrontendFallback):
        fallback = router.default = FrontendFallback(router.default)
    fallback.add(Frontend(spec))


def included(
    spec: FrontendSpec, prefix: str, dependencies: Sequence[params.Depends]
) -> FrontendSpec:
    """The spec of a router's frontend, as the router including it serves it."""
    return FrontendSpec(
        path=prefix + spec.path if spec.path != "/" or not prefix else prefix,
        directory=spec.directory,
        fallback=spec.fallback,
        check_dir=False,  # checked when it was declared
        dependencies=[*dependencies, *spec.dependencies],
    )
