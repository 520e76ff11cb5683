"""Overriding the RequestValidationError handler: returning exc.errors() and exc.body via
jsonable_encoder, for bodies (valid JSON, invalid JSON, wrong types, form data), query and
path errors (exc.body is the parsed JSON, the raw text when JSON decoding failed, the
raw bytes for a non-JSON content type, FormData for forms, None without a body)."""
from typing import Annotated

from fastapi import Body, FastAPI, Form, Request, status
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel

app = FastAPI()


@app.exception_handler(RequestValidationError)
async def validation_exception_handler(request: Request, exc: RequestValidationError):
    return JSONResponse(
        status_code=status.HTTP_422_UNPROCESSABLE_ENTITY,
        content=jsonable_encoder(
            {
                "errors": exc.errors(),
                "body": exc.body,
                "body_type": type(exc.body).__name__,
                "exc_type": type(exc).__name__,
                "n": len(exc.errors()),
            }
        ),
    )


class Item(BaseModel):
    title: str
    size: int


@app.post("/items/")
async def create_item(item: Item):
    return item


@app.post("/embed")
async def create_embed(item: Annotated[Item, Body(embed=True)], extra: Annotated[int, Body()]):
    return {"item": item, "extra": extra}


@app.get("/query")
async def query(n: int, f: float | None = None):
    return {"n": n, "f": f}


@app.get("/path/{pid}")
async def path(pid: int):
    return {"pid": pid}


@app.post("/form")
async def form(username: Annotated[str, Form()], age: Annotated[int, Form()]):
    return {"username": username, "age": age}


CASES = [
    {"method": "POST", "url": "/items/", "json": {"title": "towel", "size": "XL"}},
    {"method": "POST", "url": "/items/", "json": {"title": "towel", "size": 3}},
    {"method": "POST", "url": "/items/", "json": {}},
    {"method": "POST", "url": "/items/", "json": [1, 2]},
    {"method": "POST", "url": "/items/", "json": None},
    {"method": "POST", "url": "/items/"},
    {"method": "POST", "url": "/items/", "content": b'{"title": "x", "size": ',
     "headers": {"content-type": "application/json"}},
    {"method": "POST", "url": "/items/", "content": b"title=x&size=1",
     "headers": {"content-type": "application/x-www-form-urlencoded"}},
    {"method": "POST", "url": "/items/", "content": b'"just a string"',
     "headers": {"content-type": "application/json"}},
    {"method": "POST", "url": "/embed", "json": {"item": {"title": 1, "size": 2}, "extra": "z"}},
    {"method": "POST", "url": "/embed", "json": {"title": "a", "size": 2}},
    {"method": "GET", "url": "/query?n=abc&f=nan-ish"},
    {"method": "GET", "url": "/query"},
    {"method": "GET", "url": "/path/1.5"},
    {"method": "POST", "url": "/form", "data": {"username": "u", "age": "old"}},
    {"method": "POST", "url": "/form", "data": {"age": "3"}},
]
