"""Exceptions raised by plain (non-yield) dependencies: HTTPException variants, Starlette's
HTTPException, custom exceptions with handlers, RequestValidationError raised by hand,
unhandled errors, and whether later dependencies / the endpoint still run."""
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

app = FastAPI()

LOG: list[str] = []


class TeapotError(Exception):
    def __init__(self, name: str):
        self.name = name


@app.exception_handler(TeapotError)
async def teapot_handler(request: Request, exc: TeapotError):
    return JSONResponse(status_code=418, content={"teapot": exc.name}, headers={"X-Teapot": "yes"})


@app.get("/log")
def read_log():
    entries = list(LOG)
    LOG.clear()
    return entries


def raiser(kind: str = "none"):
    LOG.append(f"raiser({kind})")
    if kind == "http":
        raise HTTPException(status_code=400, detail="plain detail")
    if kind == "http-dict":
        raise HTTPException(status_code=409, detail={"code": "E1", "fields": ["a"]})
    if kind == "http-none":
        raise HTTPException(status_code=404)
    if kind == "http-headers":
        raise HTTPException(status_code=429, detail="slow down", headers={"Retry-After": "10", "X-A": "b"})
    if kind == "http-204":
        raise HTTPException(status_code=204)
    if kind == "http-304":
        raise HTTPException(status_code=304, detail="not modified")
    if kind == "starlette":
        raise StarletteHTTPException(status_code=403, detail="starlette forbidden")
    if kind == "teapot":
        raise TeapotError("earl grey")
    if kind == "validation":
        raise RequestValidationError([{"type": "custom", "loc": ("query", "kind"), "msg": "made up", "input": kind}])
    if kind == "crash":
        raise RuntimeError("dependency crashed")
    return kind


def after():
    LOG.append("after")
    return "after"


@app.get("/raise")
def raise_endpoint(k: Annotated[str, Depends(raiser)], a: Annotated[str, Depends(after)]):
    LOG.append("endpoint")
    return {"k": k, "a": a}


async def async_raiser(kind: str = "none"):
    if kind == "http":
        raise HTTPException(status_code=401, detail="async dep says no")
    return kind


@app.get("/async-raise")
async def async_raise(k: Annotated[str, Depends(async_raiser)]):
    return {"k": k}


CASES = [
    {"method": "GET", "url": "/raise"},
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/raise?kind=http"},
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/raise?kind=http-dict"},
    {"method": "GET", "url": "/raise?kind=http-none"},
    {"method": "GET", "url": "/raise?kind=http-headers"},
    {"method": "GET", "url": "/raise?kind=http-204"},
    {"method": "GET", "url": "/raise?kind=http-304"},
    {"method": "GET", "url": "/raise?kind=starlette"},
    {"method": "GET", "url": "/raise?kind=teapot"},
    {"method": "GET", "url": "/raise?kind=validation"},
    {"method": "GET", "url": "/raise?kind=crash"},
    {"method": "GET", "url": "/raise?kind=crash", "raise_server_exceptions": True},
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/async-raise?kind=http"},
    {"method": "GET", "url": "/async-raise?kind=fine"},
]
