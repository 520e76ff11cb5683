"""Self-hosted docs pages built with fastapi.openapi.docs helpers (get_swagger_ui_html,
get_swagger_ui_oauth2_redirect_html, get_redoc_html) with custom asset URLs, favicon,
parameters and without Google fonts; a custom redirect URL at the app level."""
from fastapi import FastAPI
from fastapi.openapi.docs import (
    get_redoc_html,
    get_swagger_ui_html,
    get_swagger_ui_oauth2_redirect_html,
)

app = FastAPI(docs_url=None, redoc_url=None, title="Self", swagger_ui_oauth2_redirect_url="/my-redirect")


@app.get("/docs", include_in_schema=False)
async def custom_swagger_ui_html():
    return get_swagger_ui_html(
        openapi_url=app.openapi_url,
        title=app.title + " - Swagger UI",
        oauth2_redirect_url=app.swagger_ui_oauth2_redirect_url,
        swagger_js_url="/static/swagger-ui-bundle.js",
        swagger_css_url="/static/swagger-ui.css",
        swagger_favicon_url="/static/favicon.png",
        swagger_ui_parameters={"tryItOutEnabled": True},
        init_oauth={"clientId": "abc"},
    )


@app.get("/docs-minimal", include_in_schema=False)
async def minimal_swagger():
    return get_swagger_ui_html(openapi_url="/openapi.json", title="Minimal")


@app.get(app.swagger_ui_oauth2_redirect_url, include_in_schema=False)
async def swagger_ui_redirect():
    return get_swagger_ui_oauth2_redirect_html()


@app.get("/redoc", include_in_schema=False)
async def redoc_html():
    return get_redoc_html(
        openapi_url=app.openapi_url,
        title=app.title + " - ReDoc",
        redoc_js_url="/static/redoc.standalone.js",
        redoc_favicon_url="/static/favicon.png",
        with_google_fonts=False,
    )


@app.get("/ping")
def ping():
    return {"ok": True}


CASES = [
    {"method": "GET", "url": "/docs"},
    {"method": "GET", "url": "/docs-minimal"},
    {"method": "GET", "url": "/my-redirect"},
    {"method": "GET", "url": "/redoc"},
    {"method": "HEAD", "url": "/docs"},
]
