"""Middleware and the exception machinery: errors raised by @app.middleware("http") and by a
pure ASGI middleware reach only the handler registered for Exception (the outermost layer),
not the one registered for their own class; HTTPException and RequestValidationError raised
in middleware are not turned into their usual answers; a middleware sees the response of an
exception handled inside the app; @app.middleware("http") lets WebSockets through untouched
while a pure ASGI middleware sees them; HTTPSRedirectMiddleware and WSGIMiddleware on mounted
sub-applications; @app.middleware("http") on a mounted sub-application."""
from fastapi import FastAPI, HTTPException, Request, WebSocket
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.httpsredirect import HTTPSRedirectMiddleware
from fastapi.middleware.wsgi import WSGIMiddleware
from fastapi.responses import JSONResponse, PlainTextResponse

SEEN: list[str] = []

app = FastAPI()


class OwnError(Exception):
    pass


@app.exception_handler(OwnError)
async def own_error_handler(request: Request, exc: OwnError):
    return JSONResponse({"own_error": str(exc)}, status_code=409)


@app.exception_handler(Exception)
async def anything(request: Request, exc: Exception):
    return JSONResponse({"outermost": type(exc).__name__, "detail": str(exc)}, status_code=500)


class PureASGI:
    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] in ("http", "websocket"):
            SEEN.append(f"pure {scope['type']} {scope['path']}")
            if scope["path"] == "/pure-raise":
                raise OwnError("raised by a pure ASGI middleware")
        await self.app(scope, receive, send)


@app.middleware("http")
async def decorated(request: Request, call_next):
    SEEN.append(f"decorated {request.url.path}")
    path = request.url.path
    if path == "/mw-own-error":
        raise OwnError("raised by @app.middleware")
    if path == "/mw-http-exception":
        raise HTTPException(status_code=403, detail="forbidden by middleware")
    if path == "/mw-validation":
        raise RequestValidationError([{"type": "custom", "loc": ["header"], "msg": "bad", "input": None}])
    response = await call_next(request)
    response.headers["X-Seen-Status"] = str(response.status_code)
    return response


app.add_middleware(PureASGI)


@app.get("/ok")
def ok():
    return {"ok": True}


@app.get("/endpoint-own-error")
def endpoint_own_error():
    raise OwnError("raised by the endpoint")


@app.get("/endpoint-crash")
def endpoint_crash():
    raise ZeroDivisionError("division by zero in endpoint")


@app.get("/mw-own-error")
def mw_own_error():
    return {"never": True}


@app.get("/mw-http-exception")
def mw_http_exception():
    return {"never": True}


@app.get("/mw-validation")
def mw_validation():
    return {"never": True}


@app.get("/pure-raise")
def pure_raise():
    return {"never": True}


@app.websocket("/ws")
async def ws(websocket: WebSocket):
    await websocket.accept()
    await websocket.send_text("socket through middleware")
    await websocket.close()


@app.get("/seen")
def seen():
    entries = list(SEEN)
    SEEN.clear()
    return entries


secure = FastAPI()
secure.add_middleware(HTTPSRedirectMiddleware)


@secure.get("/page")
def secure_page(request: Request):
    return {"scheme": request.url.scheme}


app.mount("/secure", secure)


def wsgi_app(environ, start_response):
    body = f"wsgi {environ['REQUEST_METHOD']} {environ['SCRIPT_NAME']}|{environ['PATH_INFO']}|{environ['QUERY_STRING']}".encode()
    start_response("200 OK", [("Content-Type", "text/plain"), ("X-Wsgi", "1")])
    return [body]


app.mount("/wsgi", WSGIMiddleware(wsgi_app))

shared = FastAPI()


@shared.middleware("http")
async def sub_middleware(request: Request, call_next):
    response = await call_next(request)
    response.headers["X-Sub"] = "yes"
    return response


@shared.get("/data")
def shared_data():
    return PlainTextResponse("shared")


app.mount("/shared", shared)


CASES = [
    {"method": "GET", "url": "/ok"},
    {"method": "GET", "url": "/seen"},
    {"method": "GET", "url": "/endpoint-own-error"},
    {"method": "GET", "url": "/endpoint-crash"},
    {"method": "GET", "url": "/endpoint-crash", "raise_server_exceptions": True},
    {"method": "GET", "url": "/mw-own-error"},
    {"method": "GET", "url": "/mw-own-error", "raise_server_exceptions": True},
    {"method": "GET", "url": "/mw-http-exception"},
    {"method": "GET", "url": "/mw-validation"},
    {"method": "GET", "url": "/pure-raise"},
    {"method": "GET", "url": "/nowhere"},
    {"method": "GET", "url": "/seen"},
    {"websocket": "/ws", "headers": {}, "receive": 2},
    {"method": "GET", "url": "/seen"},
    {"method": "GET", "url": "/secure/page?x=1"},
    {"name": "https redirect not followed", "method": "GET", "url": "/secure/page?x=1", "follow_redirects": False},
    {"name": "https already", "method": "GET", "url": "https://testserver/secure/page"},
    {"method": "POST", "url": "/wsgi/some/path?q=1"},
    {"method": "GET", "url": "/shared/data"},
    {"method": "GET", "url": "/shared/nowhere"},
]
