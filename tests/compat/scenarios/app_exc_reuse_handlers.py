"""Custom handlers that log and then delegate to fastapi.exception_handlers
(http_exception_handler, request_validation_exception_handler), registered for starlette's
HTTPException (so they also see routing 404/405); side effects observed via GET /log."""
from fastapi import FastAPI, HTTPException, Request
from fastapi.exception_handlers import (
    http_exception_handler,
    request_validation_exception_handler,
)
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

app = FastAPI()

LOG: list[str] = []


@app.exception_handler(StarletteHTTPException)
async def custom_http_exception_handler(request: Request, exc: StarletteHTTPException):
    LOG.append(f"http {exc.status_code} {exc.detail!r} {type(exc).__name__}")
    response = await http_exception_handler(request, exc)
    response.headers["X-Logged"] = "yes"
    return response


@app.exception_handler(RequestValidationError)
async def validation_exception_handler(request: Request, exc: RequestValidationError):
    LOG.append(f"validation {len(exc.errors())} body={exc.body!r}")
    return await request_validation_exception_handler(request, exc)


@app.get("/items/{item_id}")
async def read_item(item_id: int):
    if item_id == 3:
        raise HTTPException(status_code=418, detail="Nope! I don't like 3.")
    if item_id == 4:
        raise HTTPException(status_code=401, detail={"why": "no"}, headers={"WWW-Authenticate": "Basic"})
    if item_id == 5:
        raise HTTPException(status_code=204)
    return {"item_id": item_id}


@app.post("/body")
async def body(payload: dict[str, int]):
    return payload


@app.get("/log")
def get_log():
    return LOG


CASES = [
    {"method": "GET", "url": "/items/3"},
    {"method": "GET", "url": "/items/4"},
    {"method": "GET", "url": "/items/5"},
    {"method": "GET", "url": "/items/foo"},
    {"method": "GET", "url": "/items/2"},
    {"method": "GET", "url": "/nowhere"},
    {"method": "PATCH", "url": "/items/2"},
    {"method": "POST", "url": "/body", "json": {"a": "x", "b": 2}},
    {"method": "POST", "url": "/body", "content": b"[", "headers": {"content-type": "application/json"}},
    {"method": "GET", "url": "/log"},
]
