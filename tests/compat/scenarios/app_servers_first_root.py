"""A scope root_path that is not among `servers` is inserted first; an empty root_path
(default) adds nothing."""
from fastapi import FastAPI, Request

app = FastAPI(servers=[{"url": "https://api.example.com", "description": "Prod"}])


@app.middleware("http")
async def root_path_from_header(request: Request, call_next):
    root = request.headers.get("x-root-path")
    if root is not None:
        request.scope["root_path"] = root
    return await call_next(request)


@app.get("/ping")
def ping():
    return {"ok": True}


CASES = [
    {"name": "document built with root_path /behind", "method": "GET", "url": "/openapi.json",
     "headers": {"x-root-path": "/behind"}},
]
