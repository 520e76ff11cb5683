"""HTTPException: detail as str/dict/list/None/number, custom headers, default reason
phrases, statuses without a body, starlette's HTTPException raised from endpoints and
dependencies."""
from typing import Annotated

from fastapi import Depends, FastAPI, Header, HTTPException, status
from starlette.exceptions import HTTPException as StarletteHTTPException

app = FastAPI()

items = {"foo": "The Foo Wrestlers"}


@app.get("/items/{item_id}")
async def read_item(item_id: str):
    if item_id not in items:
        raise HTTPException(status_code=404, detail="Item not found")
    return {"item": items[item_id]}


@app.get("/items-header/{item_id}")
async def read_item_header(item_id: str):
    if item_id not in items:
        raise HTTPException(
            status_code=404,
            detail="Item not found",
            headers={"X-Error": "There goes my error", "X-Other": "two"},
        )
    return {"item": items[item_id]}


@app.get("/detail/dict")
def detail_dict():
    raise HTTPException(status_code=400, detail={"code": "E1", "info": {"nested": [1, 2]}})


@app.get("/detail/list")
def detail_list():
    raise HTTPException(status_code=409, detail=["a", {"b": 1}, None])


@app.get("/detail/none")
def detail_none():
    raise HTTPException(status_code=400)


@app.get("/detail/none-418")
def detail_none_418():
    raise HTTPException(status_code=status.HTTP_418_IM_A_TEAPOT)


@app.get("/detail/empty")
def detail_empty():
    raise HTTPException(status_code=400, detail="")


@app.get("/detail/int")
def detail_int():
    raise HTTPException(status_code=400, detail=42)


@app.get("/detail/unicode")
def detail_unicode():
    raise HTTPException(status_code=400, detail="héllo ☃ \"quoted\"")


@app.get("/detail/unknown-status")
def detail_unknown_status():
    raise HTTPException(status_code=599)


@app.get("/status/{code}")
def by_status(code: int):
    raise HTTPException(status_code=code)


@app.get("/status-detail/{code}")
def by_status_detail(code: int):
    raise HTTPException(status_code=code, detail="custom", headers={"X-Code": str(code)})


@app.get("/auth")
def auth():
    raise HTTPException(
        status_code=status.HTTP_401_UNAUTHORIZED,
        detail="Not authenticated",
        headers={"WWW-Authenticate": "Bearer"},
    )


@app.get("/starlette")
def starlette_exc():
    raise StarletteHTTPException(status_code=403, detail="starlette says no")


@app.get("/starlette-default")
def starlette_default():
    raise StarletteHTTPException(status_code=403)


@app.get("/starlette-headers")
def starlette_headers():
    raise StarletteHTTPException(status_code=429, detail="slow down", headers={"Retry-After": "10"})


@app.get("/starlette-dict")
def starlette_dict():
    # starlette's HTTPException takes a str detail, but anything is passed through
    raise StarletteHTTPException(status_code=400, detail={"x": 1})  # type: ignore[arg-type]


def verify_token(x_token: Annotated[str | None, Header()] = None):
    if x_token != "secret":
        raise HTTPException(status_code=400, detail="X-Token header invalid")
    return x_token


@app.get("/dep", dependencies=[Depends(verify_token)])
def dep_route():
    return {"ok": True}


async def gen_dep():
    yield "value"


@app.get("/after-dep")
async def after_dep(v: Annotated[str, Depends(gen_dep)]):
    raise HTTPException(status_code=422, detail=f"got {v}")


@app.post("/body-then-raise")
async def body_then_raise(payload: dict):
    raise HTTPException(status_code=400, detail={"received": payload})


CASES = [
    {"method": "GET", "url": "/items/foo"},
    {"method": "GET", "url": "/items/bar"},
    {"method": "GET", "url": "/items-header/bar"},
    {"method": "GET", "url": "/items-header/foo"},
    {"method": "GET", "url": "/detail/dict"},
    {"method": "GET", "url": "/detail/list"},
    {"method": "GET", "url": "/detail/none"},
    {"method": "GET", "url": "/detail/none-418"},
    {"method": "GET", "url": "/detail/empty"},
    {"method": "GET", "url": "/detail/int"},
    {"method": "GET", "url": "/detail/unicode"},
    {"method": "GET", "url": "/detail/unknown-status"},
    {"method": "GET", "url": "/detail/unknown-status", "raise_server_exceptions": True},
    {"method": "GET", "url": "/status/400"},
    {"method": "GET", "url": "/status/401"},
    {"method": "GET", "url": "/status/403"},
    {"method": "GET", "url": "/status/404"},
    {"method": "GET", "url": "/status/422"},
    {"method": "GET", "url": "/status/500"},
    {"method": "GET", "url": "/status/503"},
    {"method": "GET", "url": "/status/204"},
    {"method": "GET", "url": "/status/304"},
    {"method": "GET", "url": "/status/200"},
    {"method": "GET", "url": "/status/302"},
    {"method": "HEAD", "url": "/status/404"},
    {"method": "GET", "url": "/status-detail/204"},
    {"method": "GET", "url": "/status-detail/304"},
    {"method": "GET", "url": "/status-detail/451"},
    {"method": "GET", "url": "/auth"},
    {"method": "GET", "url": "/starlette"},
    {"method": "GET", "url": "/starlette-default"},
    {"method": "GET", "url": "/starlette-headers"},
    {"method": "GET", "url": "/starlette-dict"},
    {"name": "dep missing token", "method": "GET", "url": "/dep"},
    {"name": "dep good token", "method": "GET", "url": "/dep", "headers": {"x-token": "secret"}},
    {"name": "dep empty token", "method": "GET", "url": "/dep", "headers": {"x-token": ""}},
    {"method": "GET", "url": "/after-dep"},
    {"method": "POST", "url": "/body-then-raise", "json": {"a": [1, "é"]}},
    {"method": "POST", "url": "/body-then-raise", "content": b"{bad"},
]
