"""openapi_url=None disables the document and, with it, /docs, /redoc and the OAuth2
redirect page even if their URLs are left at their defaults."""
from fastapi import FastAPI

app = FastAPI(title="Hidden", openapi_url=None)


@app.get("/ping")
def ping():
    return {"ok": True}


CASES = [
    {"method": "GET", "url": "/openapi.json"},
    {"method": "GET", "url": "/docs"},
    {"method": "GET", "url": "/redoc"},
    {"method": "GET", "url": "/docs/oauth2-redirect"},
    {"method": "GET", "url": "/ping"},
]
