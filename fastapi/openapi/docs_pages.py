"""The OpenAPI document and the docs pages an app serves at ``openapi_url``, ``docs_url``,
``redoc_url`` and ``swagger_ui_oauth2_redirect_url``.

Each page is a plain Starlette route (left out of the schema) whose endpoint is a method of
one ``DocsPages`` per app: the URLs it links to follow the request's ``root_path``, and with
``offline_docs=True`` the scripts and styles are served by the app itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse

from fastapi.openapi import assets

# The pages' HTML is written by ``fastapi.openapi.docs``, imported by the first page served
# (an app installs its docs routes when it is made; most processes never serve a page).

if TYPE_CHECKING:  # pragma: no cover
    from fastapi.applications import FastAPI


def _root_path(request: Request) -> str:
    return str(request.scope.get("root_path", "")).rstrip("/")


class DocsPages:
    """What ``FastAPI.setup`` installs: the document, Swagger UI (and its OAuth2 redirect
    page), ReDoc; each only when its URL (and the document's) is set."""

    def __init__(self, app: FastAPI) -> None:
        self.app = app
        self.offline = bool(
            app.offline_docs and app.openapi_url and (app.docs_url or app.redoc_url)
        )
        # Servers declared up front; a root path seen in a request is added once (first).
        self._server_urls = {url for url in (server.get("url") for server in app.servers) if url}

    def install(self) -> None:
        app = self.app
        if self.offline:
            from starlette.staticfiles import StaticFiles

            static = StaticFiles(directory=assets.assets_directory())
            app.mount(assets.MOUNT_PATH, static, name="docs-assets")
        if not app.openapi_url:
            return
        app.add_route(app.openapi_url, self.openapi, include_in_schema=False)
        if app.docs_url:
            app.add_route(app.docs_url, self.swagger_ui_html, include_in_schema=False)
            if app.swagger_ui_oauth2_redirect_url:
                redirect_url = app.swagger_ui_oauth2_redirect_url
                app.add_route(redirect_url, self.swagger_ui_redirect, include_in_schema=False)
        if app.redoc_url:
            app.add_route(app.redoc_url, self.redoc_html, include_in_schema=False)

    def _asset(self, root_path: str, name: str) -> str:
        return f"{root_path}{assets.MOUNT_PATH}/{getattr(assets, name.upper())}"

    def _document_url(self, root_path: str) -> str:
        return root_path + (self.app.openapi_url or "")

    async def openapi(self, request: Request) -> JSONResponse:
        root_path = _root_path(request)
        if root_path and root_path not in self._server_urls and self.app.root_path_in_servers:
            self.app.servers.insert(0, {"url": root_path})
            self._server_urls.add(root_path)
        return JSONResponse(self.app.openapi())

    async def swagger_ui_html(self, request: Request) -> HTMLResponse:
        from fastapi.openapi.docs import get_swagger_ui_html, with_load_failure_hint

        app, root_path = self.app, _root_path(request)
        redirect_url = app.swagger_ui_oauth2_redirect_url
        urls: dict[str, str] = {}
        if self.offline:
            for name in ("swagger_js", "swagger_css", "swagger_favicon"):
                urls[f"{name}_url"] = self._asset(root_path, name)
        page = get_swagger_ui_html(
            openapi_url=self._document_url(root_path),
            title=f"{app.title} - Swagger UI",
            oauth2_redirect_url=root_path + redirect_url if redirect_url else redirect_url,
            init_oauth=app.swagger_ui_init_oauth,
            swagger_ui_parameters=app.swagger_ui_parameters,
            **urls,
        )
        return page if self.offline else with_load_failure_hint(page, "Swagger UI")

    async def swagger_ui_redirect(self, request: Request) -> HTMLResponse:
        from fastapi.openapi.docs import get_swagger_ui_oauth2_redirect_html

        return get_swagger_ui_oauth2_redirect_html()

    async def redoc_html(self, request: Request) -> HTMLResponse:
        from fastapi.openapi.docs import get_redoc_html, with_load_failure_hint

        root_path = _root_path(request)
        urls: dict[str, Any] = {}
        if self.offline:
            urls = {
                "redoc_js_url": self._asset(root_path, "redoc_js"),
                "redoc_favicon_url": self._asset(root_path, "swagger_favicon"),
                "with_google_fonts": False,
            }
        page = get_redoc_html(
            openapi_url=self._document_url(root_path), title=f"{self.app.title} - ReDoc", **urls
        )
        return page if self.offline else with_load_failure_hint(page, "ReDoc")
