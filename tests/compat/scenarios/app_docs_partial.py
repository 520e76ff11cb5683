"""docs_url=None and redoc_url=None keep /openapi.json; a custom openapi_url; and
swagger_ui_oauth2_redirect_url=None removes the redirect page and the oauth2RedirectUrl line."""
from fastapi import FastAPI

app = FastAPI(
    title="Partial",
    version="2.0",
    openapi_url="/api/v1/schema.json",
    docs_url="/documentation",
    redoc_url=None,
    swagger_ui_oauth2_redirect_url=None,
)


@app.get("/ping")
def ping():
    return {"ok": True}


CASES = [
    {"method": "GET", "url": "/openapi.json"},
    {"method": "GET", "url": "/api/v1/schema.json"},
    {"method": "GET", "url": "/docs"},
    {"method": "GET", "url": "/documentation"},
    {"method": "GET", "url": "/redoc"},
    {"method": "GET", "url": "/docs/oauth2-redirect"},
    {"method": "GET", "url": "/documentation/oauth2-redirect"},
]
