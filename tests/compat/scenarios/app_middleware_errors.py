"""Errors and middleware: an exception raised inside @app.middleware("http") (before or
after call_next) becomes a plain-text 500 and is not seen by exception handlers registered
for its class (those only wrap the router); an unhandled endpoint exception propagates out
of call_next and can be caught there; HTTPException raised in middleware is a 500 too."""
from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse

app = FastAPI()


class MiddlewareError(Exception):
    pass


class EndpointError(Exception):
    pass


@app.exception_handler(MiddlewareError)
async def middleware_error_handler(request: Request, exc: MiddlewareError):
    return JSONResponse({"handled": "MiddlewareError"}, status_code=418)


@app.middleware("http")
async def inner(request: Request, call_next):
    path = request.url.path
    if path == "/mw-raise-before":
        raise MiddlewareError("before")
    if path == "/mw-http-exception":
        raise HTTPException(status_code=401, detail="from middleware")
    if path == "/mw-runtime":
        raise RuntimeError("runtime in middleware")
    response = await call_next(request)
    if path == "/mw-raise-after":
        raise MiddlewareError("after")
    return response


@app.middleware("http")
async def outer_catcher(request: Request, call_next):
    if request.url.path == "/caught":
        try:
            return await call_next(request)
        except EndpointError as exc:
            return JSONResponse({"caught_in_middleware": str(exc)}, status_code=503)
    return await call_next(request)


@app.get("/mw-raise-before")
def mw_raise_before():
    return {"never": True}


@app.get("/mw-raise-after")
def mw_raise_after():
    return {"ok": True}


@app.get("/mw-http-exception")
def mw_http_exception():
    return {"never": True}


@app.get("/mw-runtime")
def mw_runtime():
    return {"never": True}


@app.get("/caught")
def caught():
    raise EndpointError("endpoint failed")


@app.get("/uncaught")
def uncaught():
    raise EndpointError("nobody catches")


@app.get("/handled-in-app")
def handled_in_app():
    raise MiddlewareError("raised by endpoint")


CASES = [
    {"method": "GET", "url": "/mw-raise-before"},
    {"method": "GET", "url": "/mw-raise-before", "raise_server_exceptions": True},
    {"method": "GET", "url": "/mw-raise-after"},
    {"method": "GET", "url": "/mw-http-exception"},
    {"method": "GET", "url": "/mw-http-exception", "raise_server_exceptions": True},
    {"method": "GET", "url": "/mw-runtime"},
    {"method": "GET", "url": "/mw-runtime", "raise_server_exceptions": True},
    {"method": "GET", "url": "/caught"},
    {"method": "GET", "url": "/uncaught"},
    {"method": "GET", "url": "/uncaught", "raise_server_exceptions": True},
    {"method": "GET", "url": "/handled-in-app"},
]
