"""app.mount(): a sub-FastAPI app (own docs/openapi with the mount prefix as server, own
exception handlers, own 404), a plain Starlette app, a bare ASGI callable, and a mounted
Router; scope root_path/path seen inside; url_for across mounts; the parent's OpenAPI
document does not include mounted routes."""
from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route, Router

app = FastAPI(title="Parent")


@app.get("/app")
def read_main(request: Request):
    return {
        "message": "Hello World from main app",
        "sub_url": str(request.url_for("sub_read", item="x")),
    }


subapi = FastAPI(title="Sub API", version="9.9")


@subapi.exception_handler(HTTPException)
async def sub_http_handler(request: Request, exc: HTTPException):
    return JSONResponse({"sub_detail": exc.detail}, status_code=exc.status_code)


@subapi.get("/sub")
def read_sub(request: Request):
    return {
        "message": "Hello World from sub API",
        "root_path": request.scope.get("root_path"),
        "path": request.scope.get("path"),
        "url": str(request.url),
        "base_url": str(request.base_url),
        "self": str(request.url_for("read_sub")),
        "app_title": request.app.title,
    }


@subapi.get("/items/{item}", name="sub_read")
def sub_read(item: str):
    return {"item": item}


@subapi.get("/raise")
def sub_raise():
    raise HTTPException(status_code=409, detail="conflict in sub")


async def star_home(request):
    return PlainTextResponse(f"starlette root_path={request.scope.get('root_path')!r} path={request.url.path}")


async def star_json(request):
    from starlette.responses import JSONResponse as SJSON

    return SJSON({"starlette": True, "name": request.path_params["name"]})


star = Starlette(routes=[Route("/", star_home), Route("/hello/{name}", star_json, name="star_hello")])


async def raw_asgi(scope, receive, send):
    body = f"raw path={scope['path']} root_path={scope.get('root_path')!r}".encode()
    await send({"type": "http.response.start", "status": 203, "headers": [(b"content-type", b"text/x-raw")]})
    await send({"type": "http.response.body", "body": body})


async def router_ep(request):
    return PlainTextResponse("from mounted router")


plain_router = Router(routes=[Route("/r", router_ep)])

app.mount("/subapi", subapi)
app.mount("/star", star, name="star")
app.mount("/raw", raw_asgi)
app.mount("/router", plain_router)


@app.get("/star-url")
def star_url(request: Request):
    return {
        "url": str(request.url_for("star:star_hello", name="bob")),
        "path": app.url_path_for("star:star_hello", name="bob"),
        "mount_root": app.url_path_for("star", path="/"),
    }


CASES = [
    {"method": "GET", "url": "/app"},
    {"method": "GET", "url": "/subapi/sub"},
    {"method": "GET", "url": "/subapi/items/5"},
    {"method": "GET", "url": "/subapi/raise"},
    {"method": "GET", "url": "/subapi/nope"},
    {"method": "POST", "url": "/subapi/sub"},
    {"method": "GET", "url": "/subapi/openapi.json"},
    {"method": "GET", "url": "/subapi/docs"},
    {"method": "GET", "url": "/subapi", "follow_redirects": False},
    {"method": "GET", "url": "/star/"},
    {"method": "GET", "url": "/star", "follow_redirects": False},
    {"method": "GET", "url": "/star/hello/alice"},
    {"method": "GET", "url": "/star/missing"},
    {"method": "GET", "url": "/star-url"},
    {"method": "GET", "url": "/raw/anything/here?x=1"},
    {"method": "GET", "url": "/raw"},
    {"name": "GET /raw no follow", "method": "GET", "url": "/raw", "follow_redirects": False},
    {"method": "GET", "url": "/router/r"},
    {"method": "GET", "url": "/router/zzz"},
    {"method": "GET", "url": "/docs"},
]
