"""The HTML pages that serve the interactive documentation: Swagger UI and ReDoc.

Both pages are small shells that load the documentation tool from a CDN (or any URL given)
and point it at the OpenAPI document.
"""

from __future__ import annotations

import json
from typing import Any

from starlette.responses import HTMLResponse

from fastapi._lazy import lazy_attributes, reexports
from fastapi.encoders import jsonable_encoder

__all__ = [
    "get_redoc_html",
    "get_swagger_ui_html",
    "get_swagger_ui_oauth2_redirect_html",
    "swagger_ui_default_parameters",
]

# Options passed to ``SwaggerUIBundle``; ``swagger_ui_parameters`` overrides or extends them.
swagger_ui_default_parameters: dict[str, Any] = {
    "dom_id": "#swagger-ui",
    "layout": "BaseLayout",
    "deepLinking": True,
    "showExtensions": True,
    "showCommonExtensions": True,
}

_SWAGGER_JS = "https://cdn.jsdelivr.net/npm/swagger-ui-dist@5/swagger-ui-bundle.js"
_SWAGGER_CSS = "https://cdn.jsdelivr.net/npm/swagger-ui-dist@5/swagger-ui.css"
_REDOC_JS = "https://cdn.jsdelivr.net/npm/redoc@2/bundles/redoc.standalone.js"
_FAVICON = "https://fastapi.tiangolo.com/img/favicon.png"
_GOOGLE_FONTS = "https://fonts.googleapis.com/css?family=Montserrat:300,400,700|Roboto:300,400,700"

_INDENT = "    "


def _indented(*lines: str) -> str:
    """The lines, each indented by four spaces, as one newline-terminated block."""
    return "".join(f"{_INDENT}{line}\n" for line in lines)


def with_load_failure_hint(page: HTMLResponse, tool: str) -> HTMLResponse:
    """The app's own docs page (``tool``: "Swagger UI" or "ReDoc", from the CDN) with a
    script that, when the CDN script could not load (no internet access, a blocked CDN),
    shows a short hint instead of a blank page. ``get_swagger_ui_html`` and
    ``get_redoc_html`` themselves answer exactly as FastAPI's."""
    global_name, script_url = _CDN_SCRIPTS[tool]
    script = _indented(*_load_failure_hint(global_name, tool, script_url))
    end = f"{_INDENT}</body>".encode()
    body = bytes(page.body).replace(end, script.encode() + end, 1)
    return HTMLResponse(body, status_code=page.status_code)


def _load_failure_hint(global_name: str, tool: str, script_url: str) -> tuple[str, ...]:
    hint = json.dumps(
        f'<p style="font-family: sans-serif; margin: 2em" id="docs-load-failed">'
        f"The {tool} files could not be loaded from {script_url}. Without internet access, "
        f"let the app serve them itself: <code>FastAPI(offline_docs=True)</code>.</p>"
    )
    return (
        "<script>",
        f'if (typeof {global_name} === "undefined") {{',
        f'{_INDENT}document.body.insertAdjacentHTML("afterbegin", {hint});',
        "}",
        "</script>",
    )


_CDN_SCRIPTS = {"Swagger UI": ("SwaggerUIBundle", _SWAGGER_JS), "ReDoc": ("Redoc", _REDOC_JS)}


def _page(head: str, body: str) -> str:
    """An HTML page as FastAPI's docs pages lay it out: one indented tag a line."""
    return (
        "\n"
        + _indented("<!DOCTYPE html>", "<html>", "<head>")
        + head
        + _indented("</head>", "<body>")
        + body
        + _indented("</body>", "</html>")
        + _INDENT
    )


def _json(value: Any) -> str:
    return json.dumps(jsonable_encoder(value))


def get_swagger_ui_html(
    *,
    openapi_url: str,
    title: str,
    swagger_js_url: str = _SWAGGER_JS,
    swagger_css_url: str = _SWAGGER_CSS,
    swagger_favicon_url: str = _FAVICON,
    oauth2_redirect_url: str | None = None,
    init_oauth: dict[str, Any] | None = None,
    swagger_ui_parameters: dict[str, Any] | None = None,
) -> HTMLResponse:
    """The Swagger UI page for the OpenAPI document at ``openapi_url``.

    ``swagger_ui_parameters`` are merged over ``swagger_ui_default_parameters`` and given to
    ``SwaggerUIBundle`` as JSON; ``init_oauth`` is passed to ``ui.initOAuth``.
    """
    head = _indented(
        f'<link type="text/css" rel="stylesheet" href="{swagger_css_url}">',
        f'<link rel="shortcut icon" href="{swagger_favicon_url}">',
        f"<title>{title}</title>",
    )
    body = _indented(
        '<div id="swagger-ui">',
        "</div>",
        f'<script src="{swagger_js_url}"></script>',
        "<!-- `SwaggerUIBundle` is now available on the page -->",
        "<script>",
    )
    script = _swagger_ui_script(openapi_url, oauth2_redirect_url, init_oauth, swagger_ui_parameters)
    return HTMLResponse(_page(head, body + script + _indented("</script>")))


def _swagger_ui_script(
    openapi_url: str,
    oauth2_redirect_url: str | None,
    init_oauth: dict[str, Any] | None,
    parameters: dict[str, Any] | None,
) -> str:
    """The script that starts Swagger UI (laid out as FastAPI's: only the first option of
    ``SwaggerUIBundle`` is indented)."""
    options = {**swagger_ui_default_parameters, **(parameters or {})}
    option_lines = "".join(
        f"{json.dumps(key)}: {_json(value)},\n" for key, value in options.items()
    )
    redirect = ""
    if oauth2_redirect_url:
        redirect = f"oauth2RedirectUrl: window.location.origin + '{oauth2_redirect_url}',"
    oauth = ""
    if init_oauth:
        oauth = f"{_INDENT * 2}ui.initOAuth({_json(init_oauth)})\n{_INDENT * 2}\n"
    presets = ("SwaggerUIBundle.presets.apis", "SwaggerUIBundle.SwaggerUIStandalonePreset")
    return (
        _indented("const ui = SwaggerUIBundle({", f"{_INDENT}url: '{openapi_url}',")
        + f"{_INDENT}{option_lines}{redirect}\n"
        + _indented(
            "presets: [", f"{_INDENT}{presets[0]},", f"{_INDENT}{presets[1]}", f"{_INDENT}],"
        )
        + _indented("})")
        + oauth
    )


def get_redoc_html(
    *,
    openapi_url: str,
    title: str,
    redoc_js_url: str = _REDOC_JS,
    redoc_favicon_url: str = _FAVICON,
    with_google_fonts: bool = True,
) -> HTMLResponse:
    """The ReDoc page for the OpenAPI document at ``openapi_url``."""
    fonts = [f'<link href="{_GOOGLE_FONTS}" rel="stylesheet">', ""] if with_google_fonts else []
    head = _indented(
        f"<title>{title}</title>",
        "<!-- needed for adaptive design -->",
        '<meta charset="utf-8"/>',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "",
        *fonts,
        f'<link rel="shortcut icon" href="{redoc_favicon_url}">',
        "<!--",
        "ReDoc doesn't change outer page styles",
        "-->",
        "<style>",
        "  body {",
        "    margin: 0;",
        "    padding: 0;",
        "  }",
        "</style>",
    )
    body = _indented(
        "<noscript>",
        f"{_INDENT}ReDoc requires Javascript to function. Please enable it to browse the documentation.",
        "</noscript>",
        f'<redoc spec-url="{openapi_url}"></redoc>',
        f'<script src="{redoc_js_url}"> </script>',
    )
    return HTMLResponse(_page(head, body))


def get_swagger_ui_oauth2_redirect_html() -> HTMLResponse:
    """The page an OAuth2 provider redirects to: it hands the result back to Swagger UI."""
    return HTMLResponse(_OAUTH2_REDIRECT_PAGE)


# Swagger UI's OAuth2 redirect page: it reads the code or token from the URL, checks the
# state and passes the result to the opener window (the docs page), then closes itself.
_OAUTH2_REDIRECT_PAGE = """
    <!doctype html>
    <html lang="en-US">
    <head>
        <title>Swagger UI: OAuth2 Redirect</title>
    </head>
    <body>
    <script>
        'use strict';
        function run () {
            var oauth2 = window.opener.swaggerUIRedirectOauth2;
            var sentState = oauth2.state;
            var redirectUrl = oauth2.redirectUrl;
            var isValid, qp, arr;

            if (/code|token|error/.test(window.location.hash)) {
                qp = window.location.hash.substring(1).replace('?', '&');
            } else {
                qp = location.search.substring(1);
            }

            arr = qp.split("&");
            arr.forEach(function (v,i,_arr) { _arr[i] = '"' + v.replace('=', '":"') + '"';});
            qp = qp ? JSON.parse('{' + arr.join() + '}',
                    function (key, value) {
                        return key === "" ? value : decodeURIComponent(value);
                    }
            ) : {};

            isValid = qp.state === sentState;

            if ((
              oauth2.auth.schema.get("flow") === "accessCode" ||
              oauth2.auth.schema.get("flow") === "authorizationCode" ||
              oauth2.auth.schema.get("flow") === "authorization_code"
            ) && !oauth2.auth.code) {
                if (!isValid) {
                    oauth2.errCb({
                        authId: oauth2.auth.name,
                        source: "auth",
                        level: "warning",
                        message: "Authorization may be unsafe, passed state was changed in server. The passed state wasn't returned from auth server."
                    });
                }

                if (qp.code) {
                    delete oauth2.state;
                    oauth2.auth.code = qp.code;
                    oauth2.callback({auth: oauth2.auth, redirectUrl: redirectUrl});
                } else {
                    let oauthErrorMsg;
                    if (qp.error) {
                        oauthErrorMsg = "["+qp.error+"]: " +
                            (qp.error_description ? qp.error_description+ ". " : "no accessCode received from the server. ") +
                            (qp.error_uri ? "More info: "+qp.error_uri : "");
                    }

                    oauth2.errCb({
                        authId: oauth2.auth.name,
                        source: "auth",
                        level: "error",
                        message: oauthErrorMsg || "[Authorization failed]: no accessCode received from the server."
                    });
                }
            } else {
                oauth2.callback({auth: oauth2.auth, token: qp, isValid: isValid, redirectUrl: redirectUrl});
            }
            window.close();
        }

        if (document.readyState !== 'loading') {
            run();
        } else {
            document.addEventListener('DOMContentLoaded', function () {
                run();
            });
        }
    </script>
    </body>
    </html>
        """


# Names FastAPI's module carries from elsewhere, which extensions import from it.
__getattr__ = lazy_attributes(
    __name__,
    {
        **reexports("typing", "Annotated", "Dict", "Optional"),
        "Doc": "typing_extensions",
    },
)
