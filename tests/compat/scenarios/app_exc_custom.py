"""Custom exception classes with @app.exception_handler / add_exception_handler:
sync and async handlers, subclass resolution (MRO), handlers returning non-JSON responses,
handlers that themselves raise, exceptions raised in dependencies and in routers."""
from typing import Annotated

from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.responses import JSONResponse, PlainTextResponse, Response

app = FastAPI()


class UnicornException(Exception):
    def __init__(self, name: str):
        self.name = name


class BaseAppError(Exception):
    code = "base"


class NotFoundAppError(BaseAppError):
    code = "not_found"


class DeepNotFoundAppError(NotFoundAppError):
    code = "deep"


class SpecificError(BaseAppError):
    code = "specific"


class PlainError(Exception):
    pass


class BrokenHandlerError(Exception):
    pass


class NoHandlerError(Exception):
    pass


class ValueSubError(ValueError):
    pass


@app.exception_handler(UnicornException)
async def unicorn_exception_handler(request: Request, exc: UnicornException):
    return JSONResponse(
        status_code=418,
        content={"message": f"Oops! {exc.name} did something. There goes a rainbow..."},
    )


@app.exception_handler(BaseAppError)
def base_app_error_handler(request: Request, exc: BaseAppError):  # sync handler
    return JSONResponse(
        status_code=400,
        content={"handler": "base", "code": exc.code, "path": request.url.path},
        headers={"X-Handler": "base"},
    )


@app.exception_handler(NotFoundAppError)
async def not_found_app_error_handler(request: Request, exc: NotFoundAppError):
    return JSONResponse(status_code=404, content={"handler": "not_found", "code": exc.code})


@app.exception_handler(PlainError)
async def plain_error_handler(request: Request, exc: PlainError):
    return PlainTextResponse(f"plain: {exc}", status_code=409)


async def broken_handler(request: Request, exc: BrokenHandlerError):
    raise RuntimeError("handler exploded")


app.add_exception_handler(BrokenHandlerError, broken_handler)


@app.exception_handler(ValueError)
async def value_error_handler(request: Request, exc: ValueError):
    return Response(content=f"value error: {exc!r}", status_code=400, media_type="text/x-custom")


@app.get("/unicorns/{name}")
async def read_unicorn(name: str):
    if name == "yolo":
        raise UnicornException(name=name)
    return {"unicorn_name": name}


@app.get("/base")
def raise_base():
    raise BaseAppError()


@app.get("/not-found")
def raise_not_found():
    raise NotFoundAppError()


@app.get("/deep")
def raise_deep():
    raise DeepNotFoundAppError()


@app.get("/specific")
def raise_specific():
    raise SpecificError()


@app.get("/plain")
async def raise_plain():
    raise PlainError("with message ünï")


@app.get("/broken")
async def raise_broken():
    raise BrokenHandlerError()


@app.get("/no-handler")
async def raise_no_handler():
    raise NoHandlerError("nobody catches me")


@app.get("/value")
def raise_value():
    raise ValueError("bad value")


@app.get("/value-sub")
def raise_value_sub():
    raise ValueSubError("sub")


@app.get("/int-parse")
def int_parse():
    return {"n": int("abc")}


def failing_dep():
    raise UnicornException(name="dep")


@app.get("/dep")
def with_dep(x: Annotated[None, Depends(failing_dep)]):
    return {"never": True}


async def yield_dep():
    try:
        yield "ok"
    finally:
        pass


@app.get("/yield-dep")
async def with_yield_dep(x: Annotated[str, Depends(yield_dep)]):
    raise UnicornException(name="after-yield")


router = APIRouter(prefix="/router")


@router.get("/unicorn")
def router_unicorn():
    raise UnicornException(name="router")


app.include_router(router)


CASES = [
    {"method": "GET", "url": "/unicorns/yolo"},
    {"method": "GET", "url": "/unicorns/ok"},
    {"method": "GET", "url": "/base"},
    {"method": "GET", "url": "/not-found"},
    {"method": "GET", "url": "/deep"},
    {"method": "GET", "url": "/specific"},
    {"method": "GET", "url": "/plain"},
    {"method": "GET", "url": "/broken"},
    {"method": "GET", "url": "/broken", "raise_server_exceptions": True},
    {"method": "GET", "url": "/no-handler"},
    {"method": "GET", "url": "/no-handler", "raise_server_exceptions": True},
    {"method": "GET", "url": "/value"},
    {"method": "GET", "url": "/value-sub"},
    {"method": "GET", "url": "/int-parse"},
    {"method": "GET", "url": "/dep"},
    {"method": "GET", "url": "/yield-dep"},
    {"method": "GET", "url": "/router/unicorn"},
    {"method": "HEAD", "url": "/unicorns/yolo"},
]
