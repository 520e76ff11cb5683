"""FastAPI(root_path=...): the prefix is put in scope, routes match with and without it in
the path, request.url / url_for / base_url include it, the docs page points at
root_path + openapi_url, and the OpenAPI document lists it as a server."""
from fastapi import FastAPI, Request

app = FastAPI(root_path="/api/v1")


@app.get("/app")
def read_main(request: Request):
    return {
        "message": "Hello World",
        "root_path": request.scope.get("root_path"),
        "path": request.scope.get("path"),
        "url_path": request.url.path,
        "url": str(request.url),
        "base_url": str(request.base_url),
        "url_for": str(request.url_for("read_item", item_id=3)),
        "url_path_for": app.url_path_for("read_item", item_id=3),
    }


@app.get("/items/{item_id}")
def read_item(item_id: int):
    return {"item_id": item_id}


@app.get("/slash/")
def slash():
    return {"slash": True}


CASES = [
    {"method": "GET", "url": "/app"},
    {"method": "GET", "url": "/api/v1/app"},
    {"method": "GET", "url": "/api/v1/items/3"},
    {"method": "GET", "url": "/items/3"},
    {"method": "GET", "url": "/api/v1/nope"},
    {"method": "GET", "url": "/api/v1/slash", "follow_redirects": False},
    {"method": "GET", "url": "/slash", "follow_redirects": False},
    {"method": "GET", "url": "/api/v1"},
    {"method": "GET", "url": "/api/v1/openapi.json"},
    {"method": "GET", "url": "/openapi.json"},
    {"method": "GET", "url": "/docs"},
    {"method": "GET", "url": "/api/v1/docs"},
    {"method": "GET", "url": "/redoc"},
    {"method": "GET", "url": "/docs/oauth2-redirect"},
]
