"""root_path coming from the server scope (as `uvicorn --root-path` does), simulated with a
pure ASGI middleware: the OpenAPI servers entry, docs URL and url_for use it; combined with
explicit `servers` (root_path prepended to the list unless already present)."""
from fastapi import FastAPI, Request

app = FastAPI(
    servers=[
        {"url": "https://stag.example.com", "description": "Staging environment"},
        {"url": "https://prod.example.com", "description": "Production environment"},
    ]
)


class RootPathMiddleware:
    def __init__(self, app, root_path: str):
        self.app = app
        self.root_path = root_path

    async def __call__(self, scope, receive, send):
        if scope["type"] in ("http", "websocket"):
            scope = dict(scope)
            scope["root_path"] = self.root_path
        await self.app(scope, receive, send)


app.add_middleware(RootPathMiddleware, root_path="/proxy")


@app.get("/app")
def read_main(request: Request):
    return {
        "root_path": request.scope.get("root_path"),
        "path": request.scope.get("path"),
        "url": str(request.url),
        "url_for": str(request.url_for("read_main")),
    }


CASES = [
    {"method": "GET", "url": "/app"},
    {"method": "GET", "url": "/proxy/app"},
    {"method": "GET", "url": "/openapi.json"},
    {"method": "GET", "url": "/docs"},
    {"method": "GET", "url": "/redoc"},
]
