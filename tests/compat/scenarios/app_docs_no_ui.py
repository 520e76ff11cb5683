"""docs_url=None, redoc_url=None: only the JSON document is served; a custom oauth2
redirect URL is not served without docs."""
from fastapi import FastAPI

app = FastAPI(docs_url=None, redoc_url=None, swagger_ui_oauth2_redirect_url="/custom-redirect")


@app.get("/ping")
def ping():
    return {"ok": True}


CASES = [
    {"method": "GET", "url": "/openapi.json"},
    {"method": "GET", "url": "/docs"},
    {"method": "GET", "url": "/redoc"},
    {"method": "GET", "url": "/custom-redirect"},
    {"method": "GET", "url": "/docs/oauth2-redirect"},
]
