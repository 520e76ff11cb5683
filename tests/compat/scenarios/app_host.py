"""app.host(): routing by Host header to sub-apps (with {subdomain} parameters and a port),
fall-through to the main routes for other hosts, url_path_for / url_for with host routes."""
from fastapi import APIRouter, FastAPI, Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route, Router

app = FastAPI()

api = FastAPI()


@api.get("/users")
def api_users(request: Request):
    return {
        "host_app": "api",
        "path_params": request.path_params,
        "host": request.headers.get("host"),
        "url": str(request.url),
    }


async def tenant_home(request):
    return PlainTextResponse(f"tenant={request.path_params.get('tenant')} path={request.url.path}")


tenants = Router(routes=[Route("/home", tenant_home, name="tenant_home")])

app.host("api.example.com", api, name="api")
app.host("{tenant}.tenants.example.com", tenants, name="tenants")


@app.get("/users")
def main_users(request: Request):
    return {"host_app": "main", "host": request.headers.get("host")}


@app.get("/urls")
def urls(request: Request):
    return {
        "tenant_path": str(app.url_path_for("tenants:tenant_home", tenant="acme")),
        "tenant_url": str(request.url_for("tenants:tenant_home", tenant="acme")),
    }


CASES = [
    {"method": "GET", "url": "/users"},
    {"name": "api host", "method": "GET", "url": "/users", "headers": {"host": "api.example.com"}},
    {"name": "api host with port", "method": "GET", "url": "/users", "headers": {"host": "api.example.com:8000"}},
    {"name": "api host upper", "method": "GET", "url": "/users", "headers": {"host": "API.EXAMPLE.COM"}},
    {"name": "api host missing route", "method": "GET", "url": "/nope", "headers": {"host": "api.example.com"}},
    {"name": "api host main-only route", "method": "GET", "url": "/urls", "headers": {"host": "api.example.com"}},
    {"name": "other host", "method": "GET", "url": "/users", "headers": {"host": "www.example.com"}},
    {"name": "tenant host", "method": "GET", "url": "/home", "headers": {"host": "acme.tenants.example.com"}},
    {"name": "tenant host bad path", "method": "GET", "url": "/other", "headers": {"host": "acme.tenants.example.com"}},
    {"name": "nested subdomain captured with dots", "method": "GET", "url": "/home", "headers": {"host": "a.b.tenants.example.com"}},
    {"method": "GET", "url": "/urls"},
]
