"""fastapi-jsonrpc (3.4): methods with models, errors, a header dependency, batches."""
import fastapi_jsonrpc as jsonrpc
from pydantic import BaseModel

from fastapi import Body, Depends, Header

REQUIRES = "fastapi_jsonrpc"


class MyError(jsonrpc.BaseError):
    CODE = 5000
    MESSAGE = "My error"

    class DataModel(BaseModel):
        details: str


def get_auth(x_token: str = Header("anonymous")) -> str:
    return x_token


class Item(BaseModel):
    name: str
    price: float


api = jsonrpc.API()
entrypoint = jsonrpc.Entrypoint("/api/v1/jsonrpc")


@entrypoint.method()
def echo(data: str = Body(..., examples=["123"])) -> str:
    return data


@entrypoint.method(errors=[MyError])
async def probe(item: Item = Body(...), user: str = Depends(get_auth)) -> dict:
    if item.price < 0:
        raise MyError(data={"details": "negative price"})
    return {"item": item.model_dump(), "user": user}


api.bind_entrypoint(entrypoint)
app = api


def rpc(method, params, id_=1):
    return {"jsonrpc": "2.0", "id": id_, "method": method, "params": params}


URL = "/api/v1/jsonrpc"
CASES = [
    {"method": "POST", "url": URL, "json": rpc("echo", {"data": "hi"})},
    {"method": "POST", "url": URL, "json": rpc("echo", {})},
    {"method": "POST", "url": URL, "json": rpc("probe", {"item": {"name": "a", "price": 2}}), "headers": {"x-token": "t"}},
    {"method": "POST", "url": URL, "json": rpc("probe", {"item": {"name": "a", "price": -1}})},
    {"method": "POST", "url": URL, "json": rpc("probe", {"item": {"name": "a", "price": "x"}})},
    {"method": "POST", "url": URL, "json": rpc("nope", {})},
    {"method": "POST", "url": URL, "json": [rpc("echo", {"data": "a"}, 1), rpc("echo", {"data": "b"}, 2)]},
    {"method": "POST", "url": URL, "content": b"{not json"},
    {"method": "POST", "url": "/api/v1/jsonrpc/echo", "json": rpc("echo", {"data": "direct"})},
]
