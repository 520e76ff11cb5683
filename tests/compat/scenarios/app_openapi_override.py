"""Replacing app.openapi with a custom function built on fastapi.openapi.utils.get_openapi
(extra info fields such as x-logo, caching in app.openapi_schema, routes filtered), served
at /openapi.json and used by the docs pages."""
from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

app = FastAPI()

CALLS: list[int] = []


@app.get("/items/")
async def read_items():
    return [{"name": "Foo"}]


@app.get("/internal", tags=["internal"])
async def internal():
    return {"internal": True}


def custom_openapi():
    if app.openapi_schema:
        return app.openapi_schema
    CALLS.append(1)
    public_routes = [r for r in app.routes if "internal" not in (getattr(r, "tags", None) or [])]
    openapi_schema = get_openapi(
        title="Custom title",
        version="2.5.0",
        summary="This is a very custom OpenAPI schema",
        description="Here's a longer description of the custom **OpenAPI** schema",
        routes=public_routes,
        tags=[{"name": "internal", "description": "hidden"}],
        servers=[{"url": "https://example.com"}],
    )
    openapi_schema["info"]["x-logo"] = {"url": "https://fastapi.tiangolo.com/img/logo-margin/logo-teal.png"}
    app.openapi_schema = openapi_schema
    return app.openapi_schema


app.openapi = custom_openapi


@app.get("/calls", include_in_schema=False)
def calls():
    return {"calls": len(CALLS)}


CASES = [
    {"method": "GET", "url": "/openapi.json"},
    {"method": "GET", "url": "/openapi.json"},
    {"method": "GET", "url": "/calls"},
    {"method": "GET", "url": "/docs"},
    {"method": "GET", "url": "/internal"},
]
