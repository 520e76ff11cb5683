"""The documented plain-text overrides: RequestValidationError -> PlainTextResponse(str(exc),
400) and starlette HTTPException -> PlainTextResponse(str(exc.detail)); plus
ResponseValidationError (bad return value vs response_model) unhandled (500) and with a
handler showing str(exc) and exc.errors()."""
from fastapi import FastAPI, HTTPException, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError, ResponseValidationError
from fastapi.responses import JSONResponse, PlainTextResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

app = FastAPI()


@app.exception_handler(StarletteHTTPException)
async def http_exception_handler(request: Request, exc: StarletteHTTPException):
    return PlainTextResponse(str(exc.detail), status_code=exc.status_code)


@app.exception_handler(RequestValidationError)
async def validation_exception_handler(request: Request, exc: RequestValidationError):
    return PlainTextResponse(str(exc), status_code=400)


class Item(BaseModel):
    name: str
    price: float


@app.get("/items/{item_id}")
async def read_item(item_id: int):
    if item_id == 3:
        raise HTTPException(status_code=418, detail="Nope! I don't like 3.")
    if item_id == 4:
        raise HTTPException(status_code=400, detail={"structured": ["detail"]})
    return {"item_id": item_id}


@app.post("/items/")
async def create_item(item: Item, q: int | None = None):
    return item


@app.get("/bad-response", response_model=Item)
async def bad_response():
    return {"name": 1, "price": "not a number"}


sub = FastAPI()


@sub.exception_handler(ResponseValidationError)
async def response_validation_handler(request: Request, exc: ResponseValidationError):
    return JSONResponse(
        {"str": str(exc), "errors": jsonable_encoder(exc.errors()), "body": jsonable_encoder(exc.body)},
        status_code=500,
    )


@sub.get("/bad-response", response_model=Item)
async def sub_bad_response():
    return {"price": "x"}


app.mount("/sub", sub)


CASES = [
    {"method": "GET", "url": "/items/3"},
    {"method": "GET", "url": "/items/4"},
    {"method": "GET", "url": "/items/foo"},
    {"method": "GET", "url": "/items/1"},
    {"method": "GET", "url": "/nope"},
    {"method": "DELETE", "url": "/items/1"},
    {"method": "POST", "url": "/items/?q=abc", "json": {"name": 5, "price": "cheap"}},
    {"method": "POST", "url": "/items/", "content": b"not json", "headers": {"content-type": "application/json"}},
    {"method": "POST", "url": "/items/"},
    {"method": "GET", "url": "/bad-response"},
    {"method": "GET", "url": "/bad-response", "raise_server_exceptions": True},
    {"method": "GET", "url": "/sub/bad-response"},
]
