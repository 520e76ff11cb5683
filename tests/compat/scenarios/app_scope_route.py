"""scope["route"], as metrics and tracing middleware read it: set by FastAPI's own routes; for
plain Starlette routes and mounts it is the installed Starlette's router that decides."""
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route

from fastapi import APIRouter, FastAPI, Request

app = FastAPI()


def describe(scope):
    route = scope.get("route")
    return "-" if route is None else f"{type(route).__name__} {getattr(route, 'path', '')}"


async def plain(request):
    return JSONResponse({"route": describe(request.scope)})


async def raw_app(scope, receive, send):
    await JSONResponse({"route": describe(scope)})(scope, receive, send)


app.add_route("/plain", plain)
app.mount("/raw", raw_app)
app.mount("/star", Starlette(routes=[Route("/x", plain)]))
router = APIRouter(prefix="/api")


@router.get("/items/{item_id}")
async def item(item_id: int, request: Request):
    return {"route": describe(request.scope)}


app.include_router(router)


@app.middleware("http")
async def label(request, call_next):
    response = await call_next(request)
    response.headers["x-route"] = describe(request.scope)
    return response


CASES = [
    {"method": "GET", "url": "/plain"},
    {"method": "GET", "url": "/raw/a"},
    {"method": "GET", "url": "/star/x"},
    {"method": "GET", "url": "/api/items/3"},
    {"method": "POST", "url": "/api/items/3"},
    {"method": "GET", "url": "/nowhere"},
]
OPENAPI = False
