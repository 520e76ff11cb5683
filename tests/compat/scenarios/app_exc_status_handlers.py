"""Exception handlers registered by status code (404, 405, 500, 418) and for Exception:
which 404s/405s they catch (routing misses and explicit HTTPExceptions), and how the 500 /
Exception handler interacts with unhandled errors (the error is still re-raised to the
server after the handler's response is sent)."""
from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse

app = FastAPI()


@app.exception_handler(404)
async def not_found_handler(request: Request, exc: HTTPException):
    return JSONResponse(
        status_code=404,
        content={
            "handler": "404",
            "exc_type": type(exc).__name__,
            "exc_module": type(exc).__module__,
            "detail": exc.detail,
            "path": request.url.path,
            "method": request.method,
        },
    )


@app.exception_handler(405)
async def method_not_allowed_handler(request: Request, exc: HTTPException):
    return PlainTextResponse(
        f"405 handler: {exc.detail} / headers={exc.headers}",
        status_code=405,
        headers=exc.headers,
    )


@app.exception_handler(418)
def teapot_handler(request: Request, exc: HTTPException):
    return HTMLResponse(f"<h1>{exc.detail}</h1>", status_code=418)


@app.exception_handler(500)
async def server_error_handler(request: Request, exc: Exception):
    return JSONResponse(
        status_code=500,
        content={"handler": "500", "exc_type": type(exc).__name__, "message": str(exc)},
    )


@app.get("/items/{item_id}")
def read_item(item_id: int):
    if item_id == 0:
        raise HTTPException(status_code=404, detail="Item zero missing", headers={"X-Kept": "?"})
    return {"item_id": item_id}


@app.get("/teapot")
def teapot():
    raise HTTPException(status_code=418, detail="short & stout")


@app.get("/explicit-405")
def explicit_405():
    raise HTTPException(status_code=405, detail="nope", headers={"Allow": "PUT"})


@app.get("/explicit-500")
def explicit_500():
    raise HTTPException(status_code=500, detail="explicit")


@app.get("/crash")
def crash():
    raise RuntimeError("boom")


@app.get("/crash-async")
async def crash_async():
    raise KeyError("missing-key")


@app.post("/only-post")
def only_post():
    return {"ok": True}


CASES = [
    {"method": "GET", "url": "/nowhere"},
    {"method": "POST", "url": "/nowhere"},
    {"method": "GET", "url": "/items/0"},
    {"method": "GET", "url": "/items/1"},
    {"method": "GET", "url": "/items/abc"},
    {"method": "GET", "url": "/only-post"},
    {"method": "DELETE", "url": "/only-post"},
    {"method": "GET", "url": "/teapot"},
    {"method": "GET", "url": "/explicit-405"},
    {"method": "GET", "url": "/explicit-500"},
    {"method": "GET", "url": "/crash"},
    {"method": "GET", "url": "/crash", "raise_server_exceptions": True},
    {"method": "GET", "url": "/crash-async"},
    {"method": "GET", "url": "/items/"},
    {"method": "GET", "url": "/items"},
]
