"""`servers` and `root_path_in_servers`: the scope root_path (set per request from a header
by a middleware here) is prepended to the servers list when the document is first built;
the document is then cached, so later requests with another root_path get the same one;
root_path equal to an existing server url is not duplicated."""
from fastapi import FastAPI, Request

app = FastAPI(
    title="Servers",
    servers=[
        {"url": "/api/v1"},
        {"url": "https://{env}.example.com", "description": "Templated",
         "variables": {"env": {"default": "prod", "enum": ["prod", "stag"]}}},
    ],
)


@app.middleware("http")
async def root_path_from_header(request: Request, call_next):
    root = request.headers.get("x-root-path")
    if root is not None:
        request.scope["root_path"] = root
    return await call_next(request)


@app.get("/ping")
def ping(request: Request):
    return {"root_path": request.scope.get("root_path")}


CASES = [
    {"method": "GET", "url": "/ping", "headers": {"x-root-path": "/api/v1"}},
    {"name": "first build with root_path already among servers", "method": "GET",
     "url": "/openapi.json", "headers": {"x-root-path": "/api/v1"}},
    {"name": "cached document ignores new root_path", "method": "GET",
     "url": "/openapi.json", "headers": {"x-root-path": "/other"}},
    {"name": "docs use the current root_path", "method": "GET", "url": "/docs",
     "headers": {"x-root-path": "/other"}},
]
